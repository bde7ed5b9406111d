// Rule table for xframe-not-deny (security.W019): XFrameOptionsMiddleware on and X_FRAME_OPTIONS != "DENY"
// (case-sensitive).
import { REBUILT_MIDDLEWARE, fromRequiredEnv, middleware, ruleTable, SECURITY_MW, undecidable } from "../../helpers/project";
import { GOOD_BASE } from "../../helpers/project";
import { fixTable } from "../../helpers/fixTable";

ruleTable("xframe-not-deny", [
  { name: "SAMEORIGIN fires", production: 'X_FRAME_OPTIONS = "SAMEORIGIN"\n', expect: ["security.W019"] },
  { name: 'case-sensitive: "deny" fires', production: 'X_FRAME_OPTIONS = "deny"\n', expect: ["security.W019"] },
  { name: "None fires", production: "X_FRAME_OPTIONS = None\n", expect: ["security.W019"] },
  { name: "DENY passes", production: 'X_FRAME_OPTIONS = "DENY"\n', expect: [] },
  { name: "unset passes (default DENY)", production: "", expect: [] },
  { name: "a required env var is unknown: silent", production: fromRequiredEnv("X_FRAME_OPTIONS"), expect: [] },
  { name: "an undecidable if is silent", production: undecidable("X_FRAME_OPTIONS", '"DENY"', '"SAMEORIGIN"'), expect: [] },
  { name: "a name imported from outside the project is unknown: silent", production: "import company_conf\nX_FRAME_OPTIONS = company_conf.XFO\n", expect: [] },
  { name: "without XFrameOptionsMiddleware: silent", production: middleware(SECURITY_MW) + 'X_FRAME_OPTIONS = "SAMEORIGIN"\n', expect: [] },
  {
    name: "os.environ.get with a SAMEORIGIN default fires",
    production: 'import os\nX_FRAME_OPTIONS = os.environ.get("XFO", "SAMEORIGIN")\n',
    expect: ["security.W019"],
  },
  { name: "fires on 3.2 too", production: 'X_FRAME_OPTIONS = "deny"\n', djangoVersion: "3.2", expect: ["security.W019"] },
  // MIDDLEWARE rebuilt under an undecided if still certainly holds XFrameOptionsMiddleware.
  { name: "MIDDLEWARE rebuilt from itself under an undecided if fires", production: `${REBUILT_MIDDLEWARE}X_FRAME_OPTIONS = "SAMEORIGIN"\n`, expect: ["security.W019"] },
  { name: "MIDDLEWARE spread with unknown extras fires", production: `MIDDLEWARE = [*MIDDLEWARE, *get_extra()]\nX_FRAME_OPTIONS = "SAMEORIGIN"\n`, expect: ["security.W019"] },
  { name: "a partial MIDDLEWARE without the middleware among its known items is silent", production: `MIDDLEWARE = ["${SECURITY_MW}", *get_extra()]\nX_FRAME_OPTIONS = "SAMEORIGIN"\n`, expect: [] },
  { name: "unset fires on 2.2: the default was SAMEORIGIN before 3.0", production: "", djangoVersion: "2.2", expect: ["security.W019"] },
  { name: "unset passes on 3.0", production: "", djangoVersion: "3.0", expect: [] },
  { name: "DENY passes on 2.2", production: 'X_FRAME_OPTIONS = "DENY"\n', djangoVersion: "2.2", expect: [] },
]);

fixTable("xframe-not-deny", [
  { name: "SAMEORIGIN is rewritten to DENY, unsafe", production: 'X_FRAME_OPTIONS = "SAMEORIGIN"\n', expect: 'from .base import *\nX_FRAME_OPTIONS = "DENY"\n', safety: "unsafe", title: /^Set X_FRAME_OPTIONS = "DENY" in production\.py \(unsafe: pages framed by the same site stop loading\)$/ },
  { name: "inherited from base: inserted in production", base: GOOD_BASE + 'X_FRAME_OPTIONS = "SAMEORIGIN"\n', production: "", expect: 'from .base import *\nX_FRAME_OPTIONS = "DENY"\n', safety: "unsafe" },
]);
