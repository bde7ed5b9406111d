// Rule table for hsts-subdomains-off (security.W005): SecurityMiddleware on, truthy HSTS seconds,
// INCLUDE_SUBDOMAINS `is not True`.
import { fromRequiredEnv, middleware, ruleTable, undecidable, XFRAME_MW } from "../../helpers/project";
import { GOOD_BASE } from "../../helpers/project";
import { fixTable } from "../../helpers/fixTable";

ruleTable("hsts-subdomains-off", [
  { name: "False fires", production: "SECURE_HSTS_INCLUDE_SUBDOMAINS = False\n", expect: ["security.W005"] },
  { name: "unset fires (default False)", production: "del SECURE_HSTS_INCLUDE_SUBDOMAINS\n", expect: ["security.W005"] },
  { name: '"True" is not True: fires', production: 'SECURE_HSTS_INCLUDE_SUBDOMAINS = "True"\n', expect: ["security.W005"] },
  { name: "True passes", production: "SECURE_HSTS_INCLUDE_SUBDOMAINS = True\n", expect: [] },
  { name: 'HSTS seconds "0" is truthy: still fires', production: 'SECURE_HSTS_INCLUDE_SUBDOMAINS = False\nSECURE_HSTS_SECONDS = "0"\n', expect: ["security.W005"] },
  { name: "HSTS off: silent (W004 instead)", production: "SECURE_HSTS_INCLUDE_SUBDOMAINS = False\nSECURE_HSTS_SECONDS = 0\n", expect: [] },
  { name: "a required env var is unknown: silent", production: fromRequiredEnv("SECURE_HSTS_INCLUDE_SUBDOMAINS"), expect: [] },
  { name: "an undecidable if is silent", production: undecidable("SECURE_HSTS_INCLUDE_SUBDOMAINS", "True", "False"), expect: [] },
  { name: "without SecurityMiddleware: silent", production: middleware(XFRAME_MW) + "SECURE_HSTS_INCLUDE_SUBDOMAINS = False\n", expect: [] },
  { name: "fires on 3.2 too", production: "SECURE_HSTS_INCLUDE_SUBDOMAINS = False\n", djangoVersion: "3.2", expect: ["security.W005"] },
]);

fixTable("hsts-subdomains-off", [
  { name: "False becomes True, unsafe", production: "SECURE_HSTS_INCLUDE_SUBDOMAINS = False\n", expect: "from .base import *\nSECURE_HSTS_INCLUDE_SUBDOMAINS = True\n", safety: "unsafe", title: /plain-HTTP subdomains become unreachable/ },
  { name: "unset: inserted", base: GOOD_BASE.replace("SECURE_HSTS_INCLUDE_SUBDOMAINS = True\n", "").replace("SECURE_HSTS_PRELOAD = True\n", ""), production: "", expect: "from .base import *\nSECURE_HSTS_INCLUDE_SUBDOMAINS = True\n", safety: "unsafe" },
]);
