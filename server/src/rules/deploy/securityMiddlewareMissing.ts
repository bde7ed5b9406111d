// Django deploy check security.W001: SecurityMiddleware is not in MIDDLEWARE, so the SECURE_* headers are never sent.
import { atLeast } from "../../resolve/djangoVersion";
import type { Rule } from "../types";
import { SECURITY_MW, settingContains } from "./conditions";

export const securityMiddlewareMissing: Rule = {
  id: "security-middleware-missing",
  djangoChecks: ["security.W001"],
  severity: "warning",
  appliesTo: ["production", "staging"],
  docs: {
    summary: "SecurityMiddleware is missing from MIDDLEWARE",
    why: "Django's SecurityMiddleware is what sends HSTS, nosniff, Referrer-Policy and Cross-Origin-Opener-Policy headers and redirects HTTP to HTTPS. Without it every SECURE_* setting is silently ignored.",
    example: 'MIDDLEWARE = [\n    "django.contrib.sessions.middleware.SessionMiddleware",\n    "django.middleware.common.CommonMiddleware",\n]',
    useInstead: 'MIDDLEWARE = [\n    "django.middleware.security.SecurityMiddleware",\n    "django.contrib.sessions.middleware.SessionMiddleware",\n    "django.middleware.common.CommonMiddleware",\n]',
    fixSafety: "none: where the middleware goes depends on the rest of the stack",
    versions: "All versions. The exact string must be present; a subclass under another dotted path does not count.",
  },
  check(ctx) {
    if (settingContains(ctx, "MIDDLEWARE", SECURITY_MW) !== false) return [];
    const coop = atLeast(ctx.version, 4, 0) ? "SECURE_CROSS_ORIGIN_OPENER_POLICY, " : "";
    return [
      {
        message: `${SECURITY_MW} is not in MIDDLEWARE, so SECURE_HSTS_SECONDS, SECURE_CONTENT_TYPE_NOSNIFF, SECURE_REFERRER_POLICY, ${coop}and SECURE_SSL_REDIRECT have no effect`,
        setting: "MIDDLEWARE",
        subject: ctx.get("MIDDLEWARE"),
      },
    ];
  },
};
