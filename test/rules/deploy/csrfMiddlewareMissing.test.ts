// Rule table for csrf-middleware-missing (security.W003): CsrfViewMiddleware not `in` MIDDLEWARE (substring for a str).
import { REBUILT_MIDDLEWARE, CSRF_MW, fromRequiredEnv, middleware, ruleTable, SECURITY_MW, undecidable, XFRAME_MW } from "../../helpers/project";

ruleTable("csrf-middleware-missing", [
  { name: "missing fires", production: middleware(SECURITY_MW, XFRAME_MW), expect: ["security.W003"] },
  { name: "an empty MIDDLEWARE fires", production: "MIDDLEWARE = []\n", expect: ["security.W003"] },
  { name: "unset fires (default [])", production: "del MIDDLEWARE\n", expect: ["security.W003"] },
  { name: "present passes", production: "", expect: [] },
  { name: "a tuple passes", production: `MIDDLEWARE = (${JSON.stringify(CSRF_MW)},)\n`, expect: [] },
  { name: "removed with .remove() fires", production: `MIDDLEWARE.remove(${JSON.stringify(CSRF_MW)})\n`, expect: ["security.W003"] },
  { name: "a subclass under another path fires", production: middleware(SECURITY_MW, "myapp.middleware.CsrfViewMiddleware"), expect: ["security.W003"] },
  { name: "a str MIDDLEWARE containing the path passes (substring)", production: `MIDDLEWARE = "x ${CSRF_MW} y"\n`, expect: [] },
  { name: "a str MIDDLEWARE without it fires", production: `MIDDLEWARE = "${SECURITY_MW}"\n`, expect: ["security.W003"] },
  { name: "a required env var is unknown: silent", production: fromRequiredEnv("MIDDLEWARE"), expect: [] },
  { name: "an unknown element is silent", production: `import os\nMIDDLEWARE = ["${SECURITY_MW}", os.environ["EXTRA_MW"]]\n`, expect: [] },
  { name: "an undecidable if is silent", production: undecidable("MIDDLEWARE", "[]", `["${CSRF_MW}"]`), expect: [] },
  { name: "MIDDLEWARE rebuilt under an undecided if keeps it: passes", production: REBUILT_MIDDLEWARE, expect: [] },
  { name: "a partial MIDDLEWARE without it among the known items is silent (it may be among the others)", production: `MIDDLEWARE = ["${SECURITY_MW}", *get_extra()]\n`, expect: [] },
  { name: "absent from every branch of an undecided if fires", production: undecidable("MIDDLEWARE", `["${SECURITY_MW}"]`, `["${SECURITY_MW}", "x.Y"]`), expect: ["security.W003"] },
]);
