// Project check env-undocumented: a variable a deployed environment requires is documented nowhere (run by inventory/findings.ts).
import type { ProjectRule } from "../types";

export const envUndocumented: ProjectRule = {
  id: "env-undocumented",
  scope: "project",
  djangoChecks: [],
  severity: "warning",
  appliesTo: ["production", "staging"],
  docs: {
    summary: "A variable a deployed environment requires is documented nowhere",
    why: [
      'A settings module that reads a variable without a default (`os.environ["X"]`, `env("X")`, `config("X")`, `env.db()`\'s',
      "implicit `DATABASE_URL`) cannot load while it is unset: the site does not start. When no `.env.example`, docker compose",
      "`environment:`/`env_file:`, Kubernetes `env`/`envFrom` (with the ConfigMaps and Secrets in the tree), Helm values,",
      "`app.json` or Procfile names it, whoever deploys learns about it from the crash. A local `.env` loaded by `read_env()`,",
      "`load_dotenv()` or python-decouple does not count: it is not what production gets. The check needs the project's",
      "documentation files, so it runs once per project rather than per environment; `django-settings-hygiene env` lists the",
      "inventory it comes from.",
    ].join("\n"),
    example: '# shop/settings/production.py (nothing else in the repository names STRIPE_WEBHOOK_SECRET)\nSTRIPE_WEBHOOK_SECRET = os.environ["STRIPE_WEBHOOK_SECRET"]',
    useInstead: "# .env.example\n# read by STRIPE_WEBHOOK_SECRET (required in shop.settings.production)\nSTRIPE_WEBHOOK_SECRET=",
    useInsteadLanguage: "sh",
    fixSafety: 'none: add the variable to `.env.example`, the compose file or the manifest that deploys the site (in VS Code, "Add missing variables" in `.env.example`)',
    versions: "All versions.",
  },
};
