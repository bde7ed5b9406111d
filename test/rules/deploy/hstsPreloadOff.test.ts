// Rule table for hsts-preload-off (security.W021): SecurityMiddleware on, truthy HSTS seconds, PRELOAD `is not True`.
import { fromRequiredEnv, middleware, ruleTable, undecidable, XFRAME_MW } from "../../helpers/project";
import { fixTable } from "../../helpers/fixTable";

ruleTable("hsts-preload-off", [
  { name: "False fires", production: "SECURE_HSTS_PRELOAD = False\n", expect: ["security.W021"] },
  { name: "unset fires (default False)", production: "del SECURE_HSTS_PRELOAD\n", expect: ["security.W021"] },
  { name: "1 is not True: fires", production: "SECURE_HSTS_PRELOAD = 1\n", expect: ["security.W021"] },
  { name: "True passes", production: "SECURE_HSTS_PRELOAD = True\n", expect: [] },
  { name: "HSTS off: silent (W004 instead)", production: "SECURE_HSTS_PRELOAD = False\nSECURE_HSTS_SECONDS = 0\n", expect: [] },
  { name: "unknown HSTS seconds: silent", production: "SECURE_HSTS_PRELOAD = False\n" + fromRequiredEnv("SECURE_HSTS_SECONDS"), expect: [] },
  { name: "a required env var is unknown: silent", production: fromRequiredEnv("SECURE_HSTS_PRELOAD"), expect: [] },
  { name: "an undecidable if is silent", production: undecidable("SECURE_HSTS_PRELOAD", "True", "False"), expect: [] },
  { name: "an attribute of a module outside the project is unknown: silent", production: "import company_conf\nSECURE_HSTS_PRELOAD = company_conf.PRELOAD\n", expect: [] },
  { name: "without SecurityMiddleware: silent", production: middleware(XFRAME_MW) + "SECURE_HSTS_PRELOAD = False\n", expect: [] },
]);

fixTable("hsts-preload-off", [
  { name: "a year and subdomains: preload set, unsafe", production: "SECURE_HSTS_PRELOAD = False\n", expect: "from .base import *\nSECURE_HSTS_PRELOAD = True\n", safety: "unsafe", title: /preloading is hard to undo/ },
  { name: "HSTS still ramping up (300 s): no fix", production: "SECURE_HSTS_SECONDS = 300\nSECURE_HSTS_PRELOAD = False\n" },
  { name: "subdomains not included: no fix", production: "SECURE_HSTS_INCLUDE_SUBDOMAINS = False\nSECURE_HSTS_PRELOAD = False\n" },
]);
