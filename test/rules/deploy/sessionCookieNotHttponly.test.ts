// Rule table for session-cookie-not-httponly (security.W013/W014/W015): the flag falsy (3.2–4.0) or `is not True`
// (4.1+); W013 sessions app only, W014 middleware only, W015 both (replacing W013 and W014).
import { REBUILT_MIDDLEWARE, fromRequiredEnv, installedApps, middleware, ruleTable, SECURITY_MW, SESSION_MW, undecidable } from "../../helpers/project";
import { GOOD_BASE } from "../../helpers/project";
import { fixTable } from "../../helpers/fixTable";

ruleTable("session-cookie-not-httponly", [
  { name: "False with app and middleware: W015 alone", production: "SESSION_COOKIE_HTTPONLY = False\n", expect: ["security.W015"] },
  { name: "False with the app only: W013", production: "SESSION_COOKIE_HTTPONLY = False\n" + middleware(SECURITY_MW), expect: ["security.W013"] },
  { name: "False with the middleware only: W014", production: "SESSION_COOKIE_HTTPONLY = False\n" + installedApps("django.contrib.auth"), expect: ["security.W014"] },
  { name: "False with neither: silent", production: "SESSION_COOKIE_HTTPONLY = False\n" + installedApps() + middleware(SECURITY_MW), expect: [] },
  {
    name: "the AppConfig path does not count as the app: silent without middleware",
    production: "SESSION_COOKIE_HTTPONLY = False\n" + installedApps("django.contrib.sessions.apps.SessionsConfig") + middleware(SECURITY_MW),
    expect: [],
  },
  { name: "True passes", production: "SESSION_COOKIE_HTTPONLY = True\n", expect: [] },
  { name: "unset passes (default True)", production: "", expect: [] },
  { name: '"no" is truthy: passes on 3.2', production: 'SESSION_COOKIE_HTTPONLY = "no"\n', djangoVersion: "3.2", expect: [] },
  { name: '"no" is truthy: passes on 4.0', production: 'SESSION_COOKIE_HTTPONLY = "no"\n', djangoVersion: "4.0", expect: [] },
  { name: '"no" is not True: W015 on 4.1', production: 'SESSION_COOKIE_HTTPONLY = "no"\n', djangoVersion: "4.1", expect: ["security.W015"] },
  { name: '"no" is not True: W015 on 5.2', production: 'SESSION_COOKIE_HTTPONLY = "no"\n', expect: ["security.W015"] },
  { name: "0 fires on 3.2 (falsy)", production: "SESSION_COOKIE_HTTPONLY = 0\n", djangoVersion: "3.2", expect: ["security.W015"] },
  { name: "a required env var is unknown: silent", production: fromRequiredEnv("SESSION_COOKIE_HTTPONLY"), expect: [] },
  { name: "an undecidable if is silent", production: undecidable("SESSION_COOKIE_HTTPONLY", "True", "False"), expect: [] },
  { name: "an unknown INSTALLED_APPS with the middleware on: W014 (Django warns W014 or W015)", production: "SESSION_COOKIE_HTTPONLY = False\n" + fromRequiredEnv("INSTALLED_APPS"), expect: ["security.W014"] },
  { name: "a str MIDDLEWARE is a substring test", production: `SESSION_COOKIE_HTTPONLY = False\n${installedApps()}MIDDLEWARE = "${SESSION_MW}"\n`, expect: ["security.W014"] },
  {
    name: "the middleware on and INSTALLED_APPS known only in part: W014 (or W015), reported",
    production: 'SESSION_COOKIE_HTTPONLY = False\nINSTALLED_APPS = ["django.contrib.auth", *get_plugins()]\n',
    expect: ["security.W014"],
  },
  { name: "MIDDLEWARE rebuilt under an undecided if: W015", production: REBUILT_MIDDLEWARE + "SESSION_COOKIE_HTTPONLY = False\n", expect: ["security.W015"] },
]);

fixTable("session-cookie-not-httponly", [
  { name: "False is rewritten to True, safe", production: "SESSION_COOKIE_HTTPONLY = False\n", expect: "from .base import *\nSESSION_COOKIE_HTTPONLY = True\n", safety: "safe" },
  { name: "inherited from base: inserted in production", base: GOOD_BASE + "SESSION_COOKIE_HTTPONLY = False\n", production: "", expect: "from .base import *\nSESSION_COOKIE_HTTPONLY = True\n", safety: "safe" },
]);
