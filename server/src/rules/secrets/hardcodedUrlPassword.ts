// Passwords inside database, cache, e-mail and broker URLs (postgres://user:pass@host/db, redis://:pass@host, amqp://, smtp://).
import type { Rule } from "../types";
import { ALL_KINDS, secretResults } from "./secretHelpers";

export const hardcodedUrlPassword: Rule = {
  id: "hardcoded-url-password",
  djangoChecks: [],
  severity: "error",
  appliesTo: ALL_KINDS,
  docs: {
    summary: "A URL written in the code carries a password (database, cache, e-mail or broker URL), as a value or as an env-read default",
    why: "Service URLs bundle the credentials with the address: `postgres://shop:Pa55@db/shop` in the repository hands the database to every reader. dj-database-url and django-environ make it tempting to commit a working URL as the default of DATABASE_URL, REDIS_URL or CELERY_BROKER_URL, and that default is what runs whenever the variable is missing.",
    example: 'DATABASES = {"default": env.db("DATABASE_URL", default="postgres://shop:Pa55-7Yq3Kz@db/shop")}\nCELERY_BROKER_URL = "amqp://app:s3cr3tX9@rabbit:5672//"',
    useInstead: 'DATABASES = {"default": env.db("DATABASE_URL")}\nCELERY_BROKER_URL = env("CELERY_BROKER_URL")',
    fixSafety:
      "unsafe: a committed env-read default is removed; a literal URL becomes a read of its conventional variable (DATABASE_URL, REDIS_URL, CACHE_URL, CELERY_BROKER_URL, EMAIL_URL…) in the module's style. The variable becomes required; its name is added to .env.example.",
    versions: "All versions. URLs without a password, with an empty one, or with a placeholder (postgres:postgres, guest:guest, ${DB_PASSWORD}) are not reported.",
  },
  check(ctx) {
    return secretResults(ctx, "hardcoded-url-password", "anyone with the repository can log in to the service; read the URL from the environment");
  },
};
