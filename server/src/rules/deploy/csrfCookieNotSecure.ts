// Django deploy check security.W016: the CSRF cookie can travel over plain HTTP.
import { pyRepr, truthy } from "../../resolve/values";
import type { Rule } from "../types";
import { secureSettingFix } from "../../fixes/secureSetting";
import { cookieFlagOn, CSRF_MW, describe, settingContains } from "./conditions";
import { servedOverHttps } from "./fixHelpers";

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
    fixSafety: "safe when the settings show the site is on HTTPS (SECURE_SSL_REDIRECT, HSTS or SECURE_PROXY_SSL_HEADER); otherwise unsafe, since a deployment still served over plain HTTP would lose its CSRF cookie and every form post would fail. Sets CSRF_COOKIE_SECURE = True in the environment's own module.",
    versions: "All versions. Django 3.2 to 4.0 accept any truthy value; 4.1 and later only True. Silent when CSRF_USE_SESSIONS keeps the token in the session instead.",
  },
  check(ctx) {
    const useSessions = truthy(ctx.get("CSRF_USE_SESSIONS").value);
    if (useSessions !== false) return [];
    if (settingContains(ctx, "MIDDLEWARE", CSRF_MW) !== true) return [];
    if (cookieFlagOn(ctx, "CSRF_COOKIE_SECURE") !== false) return [];
    const s = ctx.get("CSRF_COOKIE_SECURE");
    const https = servedOverHttps(ctx);
    const fix = secureSettingFix(ctx, s, "True", { safety: https ? "safe" : "unsafe", ...(https ? {} : { consequence: "unsafe: form posts fail if the site is still served over plain HTTP" }) });
    return [{ message: `CSRF_COOKIE_SECURE ${describe(s, pyRepr(s.value))}: the CSRF cookie can be sent over plain HTTP`, setting: s.name, subject: s, value: s.value, fix }];
  },
};
