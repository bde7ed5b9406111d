// Django deploy checks security.W013, W014, W015: the session cookie is readable from JavaScript.
import { pyRepr } from "../../resolve/values";
import type { Rule } from "../types";
import { cookieFlagOn, describe, SESSION_MW, SESSIONS_APP, settingContains } from "./conditions";

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
    fixSafety: "safe",
    versions: "All versions. Django 3.2 to 4.0 accept any truthy value; 4.1 and later only True. W015 replaces W013 and W014 when both the sessions app and its middleware are installed.",
  },
  check(ctx) {
    const on = cookieFlagOn(ctx, "SESSION_COOKIE_HTTPONLY");
    if (on !== false) return [];
    const app = settingContains(ctx, "INSTALLED_APPS", SESSIONS_APP);
    const mw = settingContains(ctx, "MIDDLEWARE", SESSION_MW);
    if (app === undefined || mw === undefined) return [];
    const s = ctx.get("SESSION_COOKIE_HTTPONLY");
    const why = `SESSION_COOKIE_HTTPONLY ${describe(s, pyRepr(s.value))}`;
    const tail = "session cookies can be read by scripts on the page";
    if (app && mw) return [{ djangoCheck: "security.W015", message: `${why}: ${tail}`, setting: s.name, subject: s, value: s.value }];
    if (app) return [{ djangoCheck: "security.W013", message: `${why}, and django.contrib.sessions is installed: ${tail}`, setting: s.name, subject: s, value: s.value }];
    if (mw) return [{ djangoCheck: "security.W014", message: `${why}, and SessionMiddleware is on: ${tail}`, setting: s.name, subject: s, value: s.value }];
    return [];
  },
};
