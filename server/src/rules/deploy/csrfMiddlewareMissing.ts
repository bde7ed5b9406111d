// Django deploy check security.W003: CsrfViewMiddleware is not in MIDDLEWARE, so forms are open to cross-site request forgery.
import type { Rule } from "../types";
import { CSRF_MW, settingContains } from "./conditions";

export const csrfMiddlewareMissing: Rule = {
  id: "csrf-middleware-missing",
  djangoChecks: ["security.W003"],
  severity: "warning",
  appliesTo: ["production", "staging"],
  docs: {
    summary: "CsrfViewMiddleware is missing from MIDDLEWARE",
    why: "Django's CSRF protection is enforced by this middleware; without it every state-changing view must protect itself by hand, and one forgotten decorator is a hole.",
    example: 'MIDDLEWARE = ["django.middleware.security.SecurityMiddleware"]',
    useInstead: 'MIDDLEWARE = [\n    "django.middleware.security.SecurityMiddleware",\n    "django.middleware.csrf.CsrfViewMiddleware",\n]',
    fixSafety: "none",
    versions: "All versions.",
  },
  check(ctx) {
    if (settingContains(ctx, "MIDDLEWARE", CSRF_MW) !== false) return [];
    return [{ message: `${CSRF_MW} is not in MIDDLEWARE: Django's cross-site request forgery protection is off`, setting: "MIDDLEWARE", subject: ctx.get("MIDDLEWARE") }];
  },
};
