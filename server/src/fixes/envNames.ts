// Environment variable names for values moved out of the code: the conventional name when there is one, else one derived from the path.
import type { PathSeg } from "../secrets/classify";

/**
 * What POSIX shells, docker --env-file and python-dotenv agree is a variable name. Nothing else is ever written to
 * .env.example or into a settings module as a variable name: a name read from the code (`os.environ.get("K\ntouch
 * /tmp/x #", ...)`) could otherwise add lines of its own to whatever file the fix writes.
 */
const ENV_VAR_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

export function isEnvVarName(name: string): boolean {
  return ENV_VAR_NAME.test(name);
}

/** A derived name made valid: other characters become `_`, a leading digit gets one before it, nothing becomes `fallback`. */
export function toEnvVarName(raw: string, fallback = "SECRET_VALUE"): string {
  const name = raw.replace(/[^A-Za-z0-9_]+/g, "_");
  if (!/[A-Za-z0-9]/.test(name)) return fallback;
  return /^[0-9]/.test(name) ? `_${name}` : name;
}

/** Names every Django deployment guide uses; a fix that picks them needs no explanation. */
const CONVENTIONAL: Record<string, string> = {
  SECRET_KEY: "DJANGO_SECRET_KEY",
  EMAIL_HOST_PASSWORD: "EMAIL_HOST_PASSWORD",
  EMAIL_HOST_USER: "EMAIL_HOST_USER",
  EMAIL_URL: "EMAIL_URL",
  DATABASE_URL: "DATABASE_URL",
  CELERY_BROKER_URL: "CELERY_BROKER_URL",
  BROKER_URL: "CELERY_BROKER_URL",
  CELERY_RESULT_BACKEND: "CELERY_RESULT_BACKEND",
  SENTRY_DSN: "SENTRY_DSN",
};

/** Plural alias dicts whose "default" entry needs no prefix: DATABASES["default"]["PASSWORD"] → DATABASE_PASSWORD. */
const ALIAS_DICTS: Record<string, string> = { DATABASES: "DATABASE", CACHES: "CACHE", STORAGES: "STORAGE" };

const S3_KEYS: Record<string, string> = {
  access_key: "AWS_ACCESS_KEY_ID",
  secret_key: "AWS_SECRET_ACCESS_KEY",
  security_token: "AWS_SESSION_TOKEN",
  session_token: "AWS_SESSION_TOKEN",
};

function upper(s: string): string {
  return s
    .replace(/([a-z0-9])([A-Z])/g, "$1_$2")
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "");
}

/**
 * The variable to read a value from. `literal` helps pick a URL's conventional name (a redis:// cache location is
 * REDIS_URL). Derived names join the path's keys, singularising the alias dicts and dropping "default" and "OPTIONS":
 * SOCIALACCOUNT_PROVIDERS["google"]["APP"]["secret"] → SOCIALACCOUNT_PROVIDERS_GOOGLE_APP_SECRET.
 */
export function envVarName(path: readonly PathSeg[], literal = ""): string {
  return toEnvVarName(derivedName(path, literal));
}

function derivedName(path: readonly PathSeg[], literal: string): string {
  const [head, ...rest] = path;
  if (typeof head !== "string") return "SECRET_VALUE";
  if (head.endsWith("()")) {
    const callee = head.slice(0, -2);
    const arg = rest[0];
    if (/sentry_sdk\.init$/.test(callee) && (arg === "dsn" || arg === 0)) return "SENTRY_DSN";
    const base = upper(callee.split(".").slice(-2).join("_"));
    return typeof arg === "string" ? `${base}_${upper(arg)}` : base;
  }
  if (rest.length === 0 && CONVENTIONAL[head]) return CONVENTIONAL[head];
  if (head === "SECRET_KEY_FALLBACKS") {
    const i = typeof rest[0] === "number" ? rest[0] : 0;
    return i === 0 ? "DJANGO_SECRET_KEY_FALLBACK" : `DJANGO_SECRET_KEY_FALLBACK_${i + 1}`;
  }
  const alias = ALIAS_DICTS[head];
  if (alias && rest.length >= 1 && typeof rest[0] === "string") {
    const prefix = rest[0] === "default" ? "" : upper(rest[0]) + "_";
    const keys = rest.slice(1).filter((k): k is string => typeof k === "string" && k !== "OPTIONS");
    if (head === "STORAGES" && keys.length === 1 && S3_KEYS[keys[0].toLowerCase()]) return prefix + S3_KEYS[keys[0].toLowerCase()];
    if (keys.length === 0) return `${prefix}${alias}_URL`;
    if (head === "CACHES" && keys.length === 1 && keys[0] === "LOCATION") {
      return /^rediss?:/.test(literal) ? `${prefix}REDIS_URL` : `${prefix}CACHE_URL`;
    }
    return `${prefix}${alias}_${keys.map(upper).join("_")}`;
  }
  const parts = [head, ...rest.filter((k): k is string => typeof k === "string" && k !== "OPTIONS" && k !== "default")].map(upper).filter(Boolean);
  return parts.join("_") || "SECRET_VALUE";
}
