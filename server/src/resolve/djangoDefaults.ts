// Django's global_settings defaults for every setting a rule reads, by version (see shared notes, section 2).
import { atLeast, type DjangoVersion } from "./djangoVersion";
import type { Value } from "./values";

const s = (v: string): Value => ({ k: "str", v });
const b = (v: boolean): Value => ({ k: "bool", v });
const i = (v: number): Value => ({ k: "int", v });
const list = (...items: Value[]): Value => ({ k: "list", items });
const none: Value = { k: "none" };
const dict = (entries: Array<[string, Value]>): Value => ({ k: "dict", entries: entries.map(([k, v]) => [s(k), v]) });

/**
 * One map per Django version, shared by every environment: values are never mutated (the interpreter and the rules
 * build new ones), and a workspace of a thousand settings modules would otherwise build a thousand copies per keystroke.
 */
const byVersion = new Map<string, ReadonlyMap<string, Value>>();

export function djangoDefaults(version: DjangoVersion): ReadonlyMap<string, Value> {
  const key = `${version.major}.${version.minor}`;
  let d = byVersion.get(key);
  if (!d) byVersion.set(key, (d = buildDefaults(version)));
  return d;
}

function buildDefaults(version: DjangoVersion): Map<string, Value> {
  const d = new Map<string, Value>([
    ["DEBUG", b(false)],
    ["ALLOWED_HOSTS", list()],
    ["SECRET_KEY", s("")],
    ["INSTALLED_APPS", list()],
    ["MIDDLEWARE", list()],
    ["SECURE_HSTS_SECONDS", i(0)],
    ["SECURE_HSTS_INCLUDE_SUBDOMAINS", b(false)],
    ["SECURE_HSTS_PRELOAD", b(false)],
    // Before 3.0 nosniff was off and X_FRAME_OPTIONS SAMEORIGIN; the referrer policy arrived in 3.0 as None, "same-origin" in 3.1.
    ["SECURE_CONTENT_TYPE_NOSNIFF", b(atLeast(version, 3, 0))],
    ["SECURE_SSL_REDIRECT", b(false)],
    ["SECURE_REFERRER_POLICY", atLeast(version, 3, 1) ? s("same-origin") : none],
    ["SECURE_PROXY_SSL_HEADER", none],
    ["X_FRAME_OPTIONS", s(atLeast(version, 3, 0) ? "DENY" : "SAMEORIGIN")],
    ["SESSION_COOKIE_SECURE", b(false)],
    ["SESSION_COOKIE_HTTPONLY", b(true)],
    ["SESSION_COOKIE_SAMESITE", s("Lax")],
    ["CSRF_COOKIE_SECURE", b(false)],
    ["CSRF_COOKIE_SAMESITE", s("Lax")],
    ["CSRF_USE_SESSIONS", b(false)],
    ["CSRF_TRUSTED_ORIGINS", list()],
    ["CSRF_FAILURE_VIEW", s("django.views.csrf.csrf_failure")],
    ["SILENCED_SYSTEM_CHECKS", list()],
    ["CACHES", dict([["default", dict([["BACKEND", s("django.core.cache.backends.locmem.LocMemCache")]])]])],
    ["MEDIA_ROOT", s("")],
    ["STATIC_ROOT", none],
    ["STATICFILES_DIRS", list()],
    ["DATABASES", dict([])],
    ["USE_TZ", b(atLeast(version, 5, 0))],
    ["USE_X_FORWARDED_HOST", b(false)],
    ["EMAIL_BACKEND", s("django.core.mail.backends.smtp.EmailBackend")],
    ["DATA_UPLOAD_MAX_MEMORY_SIZE", i(2621440)],
    ["DATA_UPLOAD_MAX_NUMBER_FIELDS", i(1000)],
    ["AUTH_PASSWORD_VALIDATORS", list()],
    ["TEMPLATES", list()],
    ["LOGGING", dict([])],
  ]);
  // Read by security.W007 before 3.0; the setting itself was removed in 4.0.
  if (!atLeast(version, 4, 0)) d.set("SECURE_BROWSER_XSS_FILTER", b(false));
  if (version.major === 3 && version.minor >= 1) d.set("DEFAULT_HASHING_ALGORITHM", s("sha256"));
  if (atLeast(version, 4, 0)) d.set("SECURE_CROSS_ORIGIN_OPENER_POLICY", s("same-origin"));
  if (atLeast(version, 4, 1)) d.set("SECRET_KEY_FALLBACKS", list());
  return d;
}
