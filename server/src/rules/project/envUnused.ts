// Project check env-unused: a documented variable is read by no settings module (run by inventory/findings.ts).
import type { ProjectRule } from "../types";

export const envUnused: ProjectRule = {
  id: "env-unused",
  scope: "project",
  djangoChecks: [],
  severity: "information",
  appliesTo: ["production", "staging"],
  docs: {
    summary: "A documented variable is read by no settings module",
    why: [
      "Documentation drifts: a variable renamed in the settings (`DJANGO_SECRET_KEY` → `SECRET_KEY`) stays in `.env.example`,",
      "the compose file and the Kubernetes ConfigMap, and the deployment keeps setting a value nothing reads while the new name",
      "falls back to its default. The finding sits where the variable is documented. Only files and services that run Django",
      "count (a compose service with `build:` or a Django-ish command, a container likewise, a chart's own values but not its",
      "subcharts'); variables Django, Python or the platform read themselves (`DJANGO_SETTINGS_MODULE`, `PORT`,",
      "`WEB_CONCURRENCY`, `PYTHON*`…), compose `${VAR}` interpolation, Procfile `$VAR` references and names the project's",
      "Python code reads elsewhere (`celery.py`, a branch the analysis does not take) are never reported. The check needs the",
      "project's documentation files, so it runs once per project rather than per environment.",
    ].join("\n"),
    example: "# .env.example\nDJANGO_SECRET_KEY=\nLEGACY_PAYMENTS_TOKEN=",
    exampleLanguage: "sh",
    useInstead: "# .env.example\nDJANGO_SECRET_KEY=",
    useInsteadLanguage: "sh",
    fixSafety: "none: remove the entry, or fix the name the settings read",
    versions: "All versions.",
  },
};
