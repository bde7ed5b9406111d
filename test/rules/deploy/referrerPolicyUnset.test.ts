// Rule table for referrer-policy-unset (security.W022): SecurityMiddleware on and SECURE_REFERRER_POLICY `is None`.
import { fromRequiredEnv, middleware, ruleTable, undecidable, XFRAME_MW } from "../../helpers/project";
import { fixTable } from "../../helpers/fixTable";

ruleTable("referrer-policy-unset", [
  { name: "None fires", production: "SECURE_REFERRER_POLICY = None\n", expect: ["security.W022"] },
  {
    name: "os.environ.get without a default is None: fires",
    production: 'import os\nSECURE_REFERRER_POLICY = os.environ.get("REFERRER_POLICY")\n',
    expect: ["security.W022"],
  },
  { name: "unset passes (default same-origin)", production: "", expect: [] },
  { name: "a valid value passes", production: 'SECURE_REFERRER_POLICY = "no-referrer"\n', expect: [] },
  { name: '"" is not None: silent here (E023 instead)', production: 'SECURE_REFERRER_POLICY = ""\n', expect: [] },
  { name: "a required env var is unknown: silent", production: fromRequiredEnv("SECURE_REFERRER_POLICY"), expect: [] },
  { name: "an undecidable if is silent", production: undecidable("SECURE_REFERRER_POLICY", "None", '"origin"'), expect: [] },
  { name: "without SecurityMiddleware: silent", production: middleware(XFRAME_MW) + "SECURE_REFERRER_POLICY = None\n", expect: [] },
  { name: "fires on 3.2 too", production: "SECURE_REFERRER_POLICY = None\n", djangoVersion: "3.2", expect: ["security.W022"] },
  { name: "unset fires on 3.0: the default was None", production: "", djangoVersion: "3.0", expect: ["security.W022"] },
  { name: "unset passes on 3.1", production: "", djangoVersion: "3.1", expect: [] },
  { name: "2.2 has no W022 (the setting is new in 3.0): silent", production: "SECURE_REFERRER_POLICY = None\n", djangoVersion: "2.2", expect: [] },
]);

fixTable("referrer-policy-unset", [
  { name: "None becomes the browsers' own default, safe", production: "SECURE_REFERRER_POLICY = None\n", expect: 'from .base import *\nSECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"\n', safety: "safe" },
]);
