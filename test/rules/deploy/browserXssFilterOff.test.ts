// Rule table for browser-xss-filter-off (security.W007, Django before 3.0): SecurityMiddleware on and the filter `is not True`.
import { fromRequiredEnv, middleware, ruleTable, undecidable, XFRAME_MW } from "../../helpers/project";

ruleTable("browser-xss-filter-off", [
  { name: "unset fires on 2.2: the default is False", production: "", djangoVersion: "2.2", expect: ["security.W007"] },
  { name: "False fires on 2.2", production: "SECURE_BROWSER_XSS_FILTER = False\n", djangoVersion: "2.2", expect: ["security.W007"] },
  { name: "1 is not True: fires on 2.2", production: "SECURE_BROWSER_XSS_FILTER = 1\n", djangoVersion: "2.2", expect: ["security.W007"] },
  { name: "True passes on 2.2", production: "SECURE_BROWSER_XSS_FILTER = True\n", djangoVersion: "2.2", expect: [] },
  { name: "3.0 removed the check: silent", production: "SECURE_BROWSER_XSS_FILTER = False\n", djangoVersion: "3.0", expect: [] },
  { name: "5.2 has no W007: silent", production: "", expect: [] },
  { name: "a required env var is unknown: silent", production: fromRequiredEnv("SECURE_BROWSER_XSS_FILTER"), djangoVersion: "2.2", expect: [] },
  { name: "an undecidable if is silent", production: undecidable("SECURE_BROWSER_XSS_FILTER", "True", "False"), djangoVersion: "2.2", expect: [] },
  { name: "without SecurityMiddleware it is W001's job: silent", production: middleware(XFRAME_MW), djangoVersion: "2.2", expect: [] },
]);
