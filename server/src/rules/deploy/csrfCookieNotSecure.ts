// Django deploy check security.W016: the CSRF cookie can travel over plain HTTP.
import { pyRepr, truthy } from "../../resolve/values";
import type { Rule } from "../types";
import { cookieFlagOn, CSRF_MW, describe, settingContains } from "./conditions";

export const csrfCookieNotSecure: Rule = {
  id: "csrf-cookie-not-secure",
  djangoChecks: ["security.W016"],
  severity: "warning",
  appliesTo: ["production", "staging"],
  docs: {
    summary: "The CSRF cookie is not marked Secure",
    why: "A CSRF token sent over plain HTTP can be sniffed and replayed in a forged request.",
    example: "CSRF_COOKIE_SECURE = False",
    useInstead: "CSRF_COOKIE_SECURE = True",
    fixSafety: "safe in production: the site is served over HTTPS there",
    versions: "All versions. Django 3.2 to 4.0 accept any truthy value; 4.1 and later only True. Silent when CSRF_USE_SESSIONS keeps the token in the session instead.",
  },
  check(ctx) {
    const useSessions = truthy(ctx.get("CSRF_USE_SESSIONS").value);
    if (useSessions !== false) return [];
    if (settingContains(ctx, "MIDDLEWARE", CSRF_MW) !== true) return [];
    if (cookieFlagOn(ctx, "CSRF_COOKIE_SECURE") !== false) return [];
    const s = ctx.get("CSRF_COOKIE_SECURE");
    return [{ message: `CSRF_COOKIE_SECURE ${describe(s, pyRepr(s.value))}: the CSRF cookie can be sent over plain HTTP`, setting: s.name, subject: s, value: s.value }];
  },
};
