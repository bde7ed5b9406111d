// Project check dotenv-secret-tracked: a .env file git would commit, or a compose file's environment, holds secret-looking values (run by rules/dotenvFindings.ts and inventory/composeSecrets.ts).
import type { ProjectRule } from "../types";
import { ALL_KINDS } from "./secretHelpers";

export const dotenvSecretTracked: ProjectRule = {
  id: "dotenv-secret-tracked",
  scope: "project",
  djangoChecks: [],
  severity: "error",
  appliesTo: ALL_KINDS,
  docs: {
    summary: "A .env file that git tracks, or would track because no .gitignore rule covers it, or the environment of a compose service that runs Django, holds secret-looking values",
    why: "A .env file exists to keep secrets out of the code; committed, it publishes all of them at once. git commits it as soon as someone runs `git add .` unless .gitignore covers it, and a file already in the index stays tracked even after it is ignored. Templates (.env.example, .env.sample, .env.template) are meant to be committed, so they must hold placeholders only. Compose files are committed by design, and `${SECRET_KEY:-…}` runs with its default whenever the variable is unset: a plain `docker compose up` deploys the committed key.",
    example: "# .env, not in .gitignore\nDJANGO_SECRET_KEY=Vq8#nT2@zL6!rK9…\nDATABASE_URL=postgres://shop:Pa55-7Yq3Kz@db/shop",
    useInstead: "# .gitignore\n.env\n\n# .env.example (committed)\nDJANGO_SECRET_KEY=\nDATABASE_URL=",
    fixSafety:
      "safe: adds the file to .gitignore (created when absent), which changes nothing at run time; for a template such as .env.example, the value is emptied instead. No fix for a file git already tracks: run `git rm --cached` and rotate the secrets. No fix for a compose file: write `${VAR}` without a default (or `${VAR:?set it}`), set the value outside the file, and rotate it.",
    versions: "All versions. The file is read as python-dotenv, django-environ and decouple read it (export, quotes, ${VAR}); values are judged with the same heuristics as settings (docs/secrets.md).",
  },
};
