// Django deploy checks security.W010, W011, W012: the session cookie can travel over plain HTTP.
import { pyRepr } from "../../resolve/values";
import type { Rule } from "../types";
import { cookieFlagOn, describe, SESSION_MW, SESSIONS_APP, sessionWarning, settingContains } from "./conditions";
import { atLeast } from "../../resolve/djangoVersion";
import { secureSettingFix } from "../../fixes/secureSetting";
import { servedOverHttps } from "./fixHelpers";

export const sessionCookieNotSecure: Rule = {
  id: "session-cookie-not-secure",
  djangoChecks: ["security.W010", "security.W011", "security.W012"],
  severity: "warning",
  appliesTo: ["production", "staging"],
  docs: {
    summary: "The session cookie is not marked Secure",
    why: "A session cookie sent over plain HTTP can be read by anyone on the network and used to take over the session.",
    example: "SESSION_COOKIE_SECURE = False",
    useInstead: "SESSION_COOKIE_SECURE = True",
    fixSafety: "safe when the settings show the site is on HTTPS (SECURE_SSL_REDIRECT, HSTS or SECURE_PROXY_SSL_HEADER); otherwise unsafe, since a deployment still served over plain HTTP would never get its session cookie back and nobody could stay logged in. Sets SESSION_COOKIE_SECURE = True in the environment's own module.",
    versions: "All versions. Django 3.2 to 4.0 accept any truthy value; 4.1 and later only True. W012 replaces W010 and W011 when both the sessions app and its middleware are installed. Django warns whenever either is there: when one is certainly there and INSTALLED_APPS or MIDDLEWARE is known only in part, the finding carries the id for what is known (W010 or W011) and says that it is W012 if the other holds its entry too.",
  },
  check(ctx) {
    const on = cookieFlagOn(ctx, "SESSION_COOKIE_SECURE");
    if (on !== false) return [];
    const app = settingContains(ctx, "INSTALLED_APPS", SESSIONS_APP);
    const mw = settingContains(ctx, "MIDDLEWARE", SESSION_MW);
    const w = sessionWarning(app, mw, { app: "security.W010", mw: "security.W011", both: "security.W012" });
    if (!w) return [];
    const s = ctx.get("SESSION_COOKIE_SECURE");
    const why = `SESSION_COOKIE_SECURE ${describe(s, pyRepr(s.value))}${atLeast(ctx.version, 4, 1) && s.value.k !== "bool" ? " (Django 4.1+ wants exactly True)" : ""}`;
    const tail = "session cookies can be sent over plain HTTP";
    const other = w.unsure ? (w.which === "mw" ? " (security.W012 if INSTALLED_APPS, which is not fully known, holds django.contrib.sessions)" : " (security.W012 if MIDDLEWARE, which is not fully known, holds SessionMiddleware)") : "";
    const part = w.which === "both" ? "" : w.which === "app" ? ", and django.contrib.sessions is installed" : ", and SessionMiddleware is on";
    const https = servedOverHttps(ctx);
    const fix = secureSettingFix(ctx, s, "True", { safety: https ? "safe" : "unsafe", ...(https ? {} : { consequence: "unsafe: logins stop working if the site is still served over plain HTTP" }) });
    return [{ djangoCheck: w.id, message: `${why}${part}: ${tail}${other}`, setting: s.name, subject: s, value: s.value, fix }];
  },
};
