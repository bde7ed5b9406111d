// Rule table for session-cookie-not-secure (security.W010/W011/W012): the flag falsy (3.2–4.0) or `is not True`
// (4.1+); W010 sessions app only, W011 middleware only, W012 both (replacing W010 and W011).
import { REBUILT_MIDDLEWARE, fromRequiredEnv, installedApps, middleware, ruleTable, SECURITY_MW, SESSION_MW, undecidable } from "../../helpers/project";
import { fixTable, PLAIN_HTTP_BASE } from "../../helpers/fixTable";

ruleTable("session-cookie-not-secure", [
  { name: "False with app and middleware: W012 alone", production: "SESSION_COOKIE_SECURE = False\n", expect: ["security.W012"] },
  { name: "unset with app and middleware: W012 (default False)", production: "del SESSION_COOKIE_SECURE\n", expect: ["security.W012"] },
  { name: "MIDDLEWARE = [] with the app: W010", production: "del SESSION_COOKIE_SECURE\nMIDDLEWARE = []\n", expect: ["security.W010"] },
  {
    name: "the middleware without the app: W011",
    production: "del SESSION_COOKIE_SECURE\n" + installedApps("django.contrib.auth"),
    expect: ["security.W011"],
  },
  { name: "neither app nor middleware: silent", production: "SESSION_COOKIE_SECURE = False\n" + installedApps() + middleware(SECURITY_MW), expect: [] },
  {
    name: "the AppConfig path does not count as the app",
    production: "del SESSION_COOKIE_SECURE\n" + installedApps("django.contrib.sessions.apps.SessionsConfig") + middleware(SECURITY_MW),
    expect: [],
  },
  { name: "True passes", production: "SESSION_COOKIE_SECURE = True\n", expect: [] },
  { name: '"False" is truthy: passes on 3.2', production: 'SESSION_COOKIE_SECURE = "False"\n', djangoVersion: "3.2", expect: [] },
  { name: '"False" is truthy: passes on 4.0', production: 'SESSION_COOKIE_SECURE = "False"\n', djangoVersion: "4.0", expect: [] },
  { name: '"False" is not True: W012 on 4.1', production: 'SESSION_COOKIE_SECURE = "False"\n', djangoVersion: "4.1", expect: ["security.W012"] },
  { name: '"False" is not True: W012 on 5.2', production: 'SESSION_COOKIE_SECURE = "False"\n', expect: ["security.W012"] },
  { name: "1 is not True: W012 on 5.2", production: "SESSION_COOKIE_SECURE = 1\n", expect: ["security.W012"] },
  { name: "1 is truthy: passes on 3.2", production: "SESSION_COOKIE_SECURE = 1\n", djangoVersion: "3.2", expect: [] },
  { name: "a required env var is unknown: silent", production: fromRequiredEnv("SESSION_COOKIE_SECURE"), expect: [] },
  { name: "an undecidable if is silent", production: undecidable("SESSION_COOKIE_SECURE", "True", "False"), expect: [] },
  { name: "an unknown MIDDLEWARE with the app installed: W010 (Django warns W010 or W012)", production: "SESSION_COOKIE_SECURE = False\n" + fromRequiredEnv("MIDDLEWARE"), expect: ["security.W010"] },
  {
    name: "the middleware removed with .remove(): W010",
    production: `SESSION_COOKIE_SECURE = False\nMIDDLEWARE.remove("${SESSION_MW}")\n`,
    expect: ["security.W010"],
  },
  // SessionMiddleware certainly on: Django warns (W011 or W012) whatever INSTALLED_APPS holds.
  {
    name: "the middleware on and INSTALLED_APPS known only in part: W011 (or W012), reported",
    production: 'SESSION_COOKIE_SECURE = False\nINSTALLED_APPS = ["django.contrib.auth", *get_plugins()]\n',
    expect: ["security.W011"],
  },
  {
    name: "the sessions app among the known part of a partial INSTALLED_APPS: W012",
    production: 'SESSION_COOKIE_SECURE = False\nINSTALLED_APPS.extend(get_plugins())\n',
    expect: ["security.W012"],
  },
  { name: "the app installed and MIDDLEWARE known only in part: W010 (or W012)", production: `SESSION_COOKIE_SECURE = False\nMIDDLEWARE = ["${SECURITY_MW}", *get_extra()]\n`, expect: ["security.W010"] },
  { name: "MIDDLEWARE rebuilt under an undecided if: W012", production: REBUILT_MIDDLEWARE + "SESSION_COOKIE_SECURE = False\n", expect: ["security.W012"] },
  { name: "neither known: silent", production: 'SESSION_COOKIE_SECURE = False\nINSTALLED_APPS = [*get_plugins()]\nMIDDLEWARE = [*get_extra()]\n', expect: [] },
]);

fixTable("session-cookie-not-secure", [
  { name: "production's own False is rewritten; safe behind a declared proxy header", base: PLAIN_HTTP_BASE, production: 'SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")\nSESSION_COOKIE_SECURE = False\n', expect: 'from .base import *\nSECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")\nSESSION_COOKIE_SECURE = True\n', safety: "safe" },
  { name: "Django's default (False): inserted; unsafe on a plain-HTTP site", base: PLAIN_HTTP_BASE.replace("SESSION_COOKIE_SECURE = True", ""), production: "", expect: "from .base import *\nSESSION_COOKIE_SECURE = True\n", safety: "unsafe", title: /logins stop working/ },
  { name: "a truthy non-bool on 5.2 becomes True", production: 'SESSION_COOKIE_SECURE = "yes"\n', expect: "from .base import *\nSESSION_COOKIE_SECURE = True\n", safety: "safe" },
]);
