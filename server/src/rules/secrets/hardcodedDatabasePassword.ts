// Committed database passwords: DATABASES[alias]["PASSWORD"] (and OPTIONS passwords) written in the code or as env-read defaults.
import type { Rule } from "../types";
import { ALL_KINDS, secretResults } from "./secretHelpers";

export const hardcodedDatabasePassword: Rule = {
  id: "hardcoded-database-password",
  djangoChecks: [],
  severity: "error",
  appliesTo: ALL_KINDS,
  docs: {
    summary: "A DATABASES password is written in the code, as a value or as an env-read default",
    why: "A database password in the repository reaches everyone who can read it, and it usually stays valid for years because rotating it means touching every deployment. A password in an env-read default is committed just the same: it is used whenever the variable is missing.",
    example: 'DATABASES = {"default": {"ENGINE": "django.db.backends.postgresql", "NAME": "shop", "USER": "shop", "PASSWORD": "Pa55-7Yq3Kz", "HOST": "db"}}',
    useInstead:
      'DATABASES = {"default": env.db("DATABASE_URL")}  # django-environ\n# or: "PASSWORD": os.environ["DATABASE_PASSWORD"]',
    fixSafety:
      "unsafe: the password becomes a read of DATABASE_PASSWORD (or <ALIAS>_DATABASE_PASSWORD) in the module's style; where django-environ is in use and the alias is a plain ENGINE/NAME/USER/PASSWORD/HOST/PORT dict, the whole alias becomes env.db(\"DATABASE_URL\"). A committed env-read default is removed. The variable becomes required; its name is added to .env.example.",
    versions: "All versions. Passwords inside database URLs are reported by hardcoded-url-password instead.",
  },
  check(ctx) {
    return secretResults(ctx, "hardcoded-database-password", "anyone with the repository can log in to the database; read it from the environment");
  },
};
