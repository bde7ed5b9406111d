// Committed SECRET_KEY and SECRET_KEY_FALLBACKS values, including startproject's django-insecure- keys and env-read defaults.
import type { Rule } from "../types";
import { ALL_KINDS, secretResults } from "./secretHelpers";

export const hardcodedSecretKey: Rule = {
  id: "hardcoded-secret-key",
  djangoChecks: [],
  severity: "error",
  appliesTo: ALL_KINDS,
  docs: {
    summary: "SECRET_KEY or a SECRET_KEY_FALLBACKS entry is written in the code, as a value or as an env-read default",
    why: "SECRET_KEY signs sessions, password-reset links, messages and anything signed with django.core.signing. Whoever can read the repository (every clone, fork, CI log and backup) can forge them. A key in an env-read default is just as committed: it is what runs whenever the variable is missing. Django's own W009 only checks a key's strength, so a long random committed key passes it; this rule catches it, and startproject's django-insecure- keys too.",
    example: 'SECRET_KEY = "django-insecure-8f$k2…"\nSECRET_KEY = env("DJANGO_SECRET_KEY", default="k3W9pQ2vT7xL…")',
    useInstead: 'SECRET_KEY = env("DJANGO_SECRET_KEY")  # or os.environ["DJANGO_SECRET_KEY"], config("DJANGO_SECRET_KEY")',
    fixSafety:
      "unsafe. Where the key is written in a module that development or testing load too (base.py), the fix keeps every environment working: the key leaves that module, production and staging read DJANGO_SECRET_KEY without a default (in the module's own style: env(), config() or os.environ[]), and development and testing get their own development-only key (django-insecure-development-only-key-not-for-production, which Django's W009 rejects if ever deployed). Otherwise the literal becomes a read of DJANGO_SECRET_KEY in place, and an env-read default is removed. Either way the deployed environments require the variable at start-up, and the name is added to .env.example. The old key stays in git history: treat it as compromised and deploy a newly generated one.",
    versions: "All versions. Placeholders (changeme, your-secret-here, ${VAR}, repeated characters…) are not reported, nor obvious test keys in the testing environment; see docs/secrets.md.",
  },
  check(ctx) {
    return secretResults(ctx, "hardcoded-secret-key", "the key is compromised (it stays in git history): rotate it, and read the new one from the environment");
  },
};
