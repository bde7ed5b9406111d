// Rule table for csrf-cookie-not-secure (security.W016): CSRF_USE_SESSIONS falsy, CsrfViewMiddleware on, and
// CSRF_COOKIE_SECURE falsy (3.2–4.0) or `is not True` (4.1+).
import { fromRequiredEnv, middleware, ruleTable, SECURITY_MW, undecidable } from "../../helpers/project";
import { fixTable, PLAIN_HTTP_BASE } from "../../helpers/fixTable";

ruleTable("csrf-cookie-not-secure", [
  { name: "False fires", production: "CSRF_COOKIE_SECURE = False\n", expect: ["security.W016"] },
  { name: "unset fires (default False)", production: "del CSRF_COOKIE_SECURE\n", expect: ["security.W016"] },
  { name: "True passes", production: "CSRF_COOKIE_SECURE = True\n", expect: [] },
  { name: '"yes" is truthy: passes on 3.2', production: 'CSRF_COOKIE_SECURE = "yes"\n', djangoVersion: "3.2", expect: [] },
  { name: '"yes" is truthy: passes on 4.0', production: 'CSRF_COOKIE_SECURE = "yes"\n', djangoVersion: "4.0", expect: [] },
  { name: '"yes" is not True: fires on 4.1', production: 'CSRF_COOKIE_SECURE = "yes"\n', djangoVersion: "4.1", expect: ["security.W016"] },
  { name: '"yes" is not True: fires on 5.2', production: 'CSRF_COOKIE_SECURE = "yes"\n', expect: ["security.W016"] },
  { name: "0 fires on 3.2 (falsy)", production: "CSRF_COOKIE_SECURE = 0\n", djangoVersion: "3.2", expect: ["security.W016"] },
  { name: "CSRF_USE_SESSIONS = True silences it", production: "del CSRF_COOKIE_SECURE\nCSRF_USE_SESSIONS = True\n", expect: [] },
  { name: "without CsrfViewMiddleware: silent (W003 instead)", production: middleware(SECURITY_MW) + "CSRF_COOKIE_SECURE = False\n", expect: [] },
  { name: "a required env var is unknown: silent", production: fromRequiredEnv("CSRF_COOKIE_SECURE"), expect: [] },
  { name: "an undecidable if is silent", production: undecidable("CSRF_COOKIE_SECURE", "True", "False"), expect: [] },
  {
    name: "an unknown CSRF_USE_SESSIONS is silent",
    production: "del CSRF_COOKIE_SECURE\n" + fromRequiredEnv("CSRF_USE_SESSIONS"),
    expect: [],
  },
]);

fixTable("csrf-cookie-not-secure", [
  { name: "production's own False is rewritten; safe on a site with an HTTPS redirect", production: "CSRF_COOKIE_SECURE = False\n", expect: "from .base import *\nCSRF_COOKIE_SECURE = True\n", safety: "safe", title: /^Set CSRF_COOKIE_SECURE = True in production\.py$/ },
  { name: "inherited from base: inserted after the star-import; unsafe without any sign of HTTPS", base: PLAIN_HTTP_BASE.replace("CSRF_COOKIE_SECURE = True", "CSRF_COOKIE_SECURE = False"), production: "DEBUG = False\n", expect: "from .base import *\nCSRF_COOKIE_SECURE = True\nDEBUG = False\n", safety: "unsafe", title: /form posts fail/ },
  { name: "an env read's default in production changes, the read stays", production: 'import environ\nenv = environ.Env()\nCSRF_COOKIE_SECURE = env.bool("CSRF_SECURE", default=False)\n', expect: 'from .base import *\nimport environ\nenv = environ.Env()\nCSRF_COOKIE_SECURE = env.bool("CSRF_SECURE", default=True)\n', safety: "safe", title: /^Default CSRF_COOKIE_SECURE to True when CSRF_SECURE is unset/ },
]);
