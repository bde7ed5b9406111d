// Rule table for hsts-not-set (security.W004): SecurityMiddleware on and SECURE_HSTS_SECONDS falsy.
import { REBUILT_MIDDLEWARE, fromRequiredEnv, middleware, ruleTable, undecidable, XFRAME_MW } from "../../helpers/project";
import { GOOD_BASE } from "../../helpers/project";
import { fixTable } from "../../helpers/fixTable";

ruleTable("hsts-not-set", [
  { name: "0 fires", production: "SECURE_HSTS_SECONDS = 0\n", expect: ["security.W004"] },
  { name: "unset fires (default 0)", production: "del SECURE_HSTS_SECONDS\n", expect: ["security.W004"] },
  { name: "None fires", production: "SECURE_HSTS_SECONDS = None\n", expect: ["security.W004"] },
  { name: "a year passes", production: "SECURE_HSTS_SECONDS = 31536000\n", expect: [] },
  { name: 'the string "0" is truthy: passes', production: 'SECURE_HSTS_SECONDS = "0"\n', expect: [] },
  { name: "-1 is truthy: passes", production: "SECURE_HSTS_SECONDS = -1\n", expect: [] },
  {
    name: 'int(os.environ.get("HSTS", "0")) is 0: fires',
    production: 'import os\nSECURE_HSTS_SECONDS = int(os.environ.get("HSTS", "0"))\n',
    expect: ["security.W004"],
  },
  { name: "a required env var is unknown: silent", production: fromRequiredEnv("SECURE_HSTS_SECONDS"), expect: [] },
  { name: "an undecidable if is silent", production: undecidable("SECURE_HSTS_SECONDS", "0", "3600"), expect: [] },
  { name: "without SecurityMiddleware: silent", production: middleware(XFRAME_MW) + "SECURE_HSTS_SECONDS = 0\n", expect: [] },
  { name: "an unknown MIDDLEWARE is silent", production: fromRequiredEnv("MIDDLEWARE") + "SECURE_HSTS_SECONDS = 0\n", expect: [] },
  { name: "MIDDLEWARE rebuilt from itself under an undecided if fires", production: REBUILT_MIDDLEWARE + "del SECURE_HSTS_SECONDS\n", expect: ["security.W004"] },
  { name: "SecurityMiddleware not among the known items of a partial MIDDLEWARE: silent", production: 'MIDDLEWARE = ["x.Y", *get_extra()]\ndel SECURE_HSTS_SECONDS\n', expect: [] },
]);

fixTable("hsts-not-set", [
  { name: "0 becomes 300 with a comment on ramping up, unsafe", production: "SECURE_HSTS_SECONDS = 0\n", expect: "from .base import *\nSECURE_HSTS_SECONDS = 300  # five minutes to start; raise to 3600, 86400, then 31536000 once every page and subdomain serves HTTPS\n", safety: "unsafe", title: /^Set SECURE_HSTS_SECONDS = 300 in production\.py/ },
  { name: "unset: inserted after the star-import, never a year", base: GOOD_BASE.replace("SECURE_HSTS_SECONDS = 31536000\n", ""), production: "DEBUG = False\n", expect: "from .base import *\nSECURE_HSTS_SECONDS = 300  # five minutes to start; raise to 3600, 86400, then 31536000 once every page and subdomain serves HTTPS\nDEBUG = False\n", safety: "unsafe" },
  { name: "env.int's default 0 becomes 300", production: 'import environ\nenv = environ.Env()\nSECURE_HSTS_SECONDS = env.int("HSTS", default=0)\n', expect: 'from .base import *\nimport environ\nenv = environ.Env()\nSECURE_HSTS_SECONDS = env.int("HSTS", default=300)\n', safety: "unsafe" },
]);
