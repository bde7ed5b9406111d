// Rule table for xframe-middleware-missing (security.W002): XFrameOptionsMiddleware not `in` MIDDLEWARE.
import { CSRF_MW, fromRequiredEnv, middleware, ruleTable, SECURITY_MW, undecidable, XFRAME_MW } from "../../helpers/project";

ruleTable("xframe-middleware-missing", [
  { name: "missing fires", production: middleware(SECURITY_MW, CSRF_MW), expect: ["security.W002"] },
  { name: "unset fires (default [])", production: "del MIDDLEWARE\n", expect: ["security.W002"] },
  { name: "present passes", production: "", expect: [] },
  { name: "appended passes", production: middleware(SECURITY_MW) + `MIDDLEWARE.append("${XFRAME_MW}")\n`, expect: [] },
  { name: "extended passes", production: middleware(SECURITY_MW) + `MIDDLEWARE.extend(["${XFRAME_MW}"])\n`, expect: [] },
  { name: "a str MIDDLEWARE containing it passes (substring)", production: `MIDDLEWARE = "${XFRAME_MW}"\n`, expect: [] },
  { name: "a tuple without it fires", production: `MIDDLEWARE = ("${SECURITY_MW}",)\n`, expect: ["security.W002"] },
  { name: "a required env var is unknown: silent", production: fromRequiredEnv("MIDDLEWARE"), expect: [] },
  { name: "an undecidable if is silent", production: undecidable("MIDDLEWARE", "[]", `["${XFRAME_MW}"]`), expect: [] },
]);
