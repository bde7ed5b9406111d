// Rule table for hsts-not-set (security.W004): SecurityMiddleware on and SECURE_HSTS_SECONDS falsy.
import { REBUILT_MIDDLEWARE, fromRequiredEnv, middleware, ruleTable, undecidable, XFRAME_MW } from "../../helpers/project";

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
