// Django deploy checks security.W013, W014, W015: the session cookie is readable from JavaScript.
import { pyRepr } from "../../resolve/values";
import type { Rule } from "../types";
import { secureSettingFix } from "../../fixes/secureSetting";
import { cookieFlagOn, describe, SESSION_MW, SESSIONS_APP, sessionWarning, settingContains } from "./conditions";

export const sessionCookieNotHttponly: Rule = {
  id: "session-cookie-not-httponly",
  djangoChecks: ["security.W013", "security.W014", "security.W015"],
  severity: "warning",
  appliesTo: ["production", "staging"],
  docs: {
    summary: "The session cookie is readable by JavaScript",
    why: "Without HttpOnly, any cross-site scripting bug can read the session cookie and hijack the session.",
    example: "SESSION_COOKIE_HTTPONLY = False",
    useInstead: "SESSION_COOKIE_HTTPONLY = True  # or delete the line: True is Django's default",
    fixSafety: "safe: sets SESSION_COOKIE_HTTPONLY = True (Django's default) in the environment's own module; no page script needs to read the session cookie",
    versions: "All versions. Django 3.2 to 4.0 accept any truthy value; 4.1 and later only True. W015 replaces W013 and W014 when both the sessions app and its middleware are installed. Django warns whenever either is there: when one is certainly there and INSTALLED_APPS or MIDDLEWARE is known only in part, the finding carries the id for what is known (W013 or W014) and says that it is W015 if the other holds its entry too.",
  },
  check(ctx) {
    const on = cookieFlagOn(ctx, "SESSION_COOKIE_HTTPONLY");
    if (on !== false) return [];
    const app = settingContains(ctx, "INSTALLED_APPS", SESSIONS_APP);
    const mw = settingContains(ctx, "MIDDLEWARE", SESSION_MW);
    const w = sessionWarning(app, mw, { app: "security.W013", mw: "security.W014", both: "security.W015" });
    if (!w) return [];
    const s = ctx.get("SESSION_COOKIE_HTTPONLY");
    const why = `SESSION_COOKIE_HTTPONLY ${describe(s, pyRepr(s.value))}`;
    const tail = "session cookies can be read by scripts on the page";
    const other = w.unsure ? (w.which === "mw" ? " (security.W015 if INSTALLED_APPS, which is not fully known, holds django.contrib.sessions)" : " (security.W015 if MIDDLEWARE, which is not fully known, holds SessionMiddleware)") : "";
    const part = w.which === "both" ? "" : w.which === "app" ? ", and django.contrib.sessions is installed" : ", and SessionMiddleware is on";
    const fix = secureSettingFix(ctx, s, "True", { safety: "safe" });
    return [{ djangoCheck: w.id, message: `${why}${part}: ${tail}${other}`, setting: s.name, subject: s, value: s.value, fix }];
  },
};
