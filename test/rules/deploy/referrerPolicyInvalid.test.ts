// Rule table for referrer-policy-invalid (security.E023): a str is split on "," and stripped, any other value is
// set(value); the result must be a subset of the eight policy names (case-sensitive). "" and "same-origin," hold "".
import { fromRequiredEnv, middleware, ruleTable, undecidable, XFRAME_MW } from "../../helpers/project";
import { fixTable } from "../../helpers/fixTable";

ruleTable("referrer-policy-invalid", [
  { name: "an unknown policy in a list string fires", production: 'SECURE_REFERRER_POLICY = "same-origin, bogus"\n', expect: ["security.E023"] },
  { name: '"" fires (it splits to [""])', production: 'SECURE_REFERRER_POLICY = ""\n', expect: ["security.E023"] },
  { name: 'a trailing comma "same-origin," fires', production: 'SECURE_REFERRER_POLICY = "same-origin,"\n', expect: ["security.E023"] },
  { name: "case-sensitive: Same-Origin fires", production: 'SECURE_REFERRER_POLICY = "Same-Origin"\n', expect: ["security.E023"] },
  { name: "list items are not stripped: fires", production: 'SECURE_REFERRER_POLICY = [" same-origin"]\n', expect: ["security.E023"] },
  { name: "a list with a bogus item fires", production: 'SECURE_REFERRER_POLICY = ["origin", "bogus"]\n', expect: ["security.E023"] },
  { name: "a string list is stripped: passes", production: 'SECURE_REFERRER_POLICY = " no-referrer ,  strict-origin "\n', expect: [] },
  { name: "a single valid value passes", production: 'SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"\n', expect: [] },
  { name: "[] is the empty set, a subset: passes", production: "SECURE_REFERRER_POLICY = []\n", expect: [] },
  { name: "() passes", production: "SECURE_REFERRER_POLICY = ()\n", expect: [] },
  { name: "a list of valid values passes", production: 'SECURE_REFERRER_POLICY = ["no-referrer", "strict-origin"]\n', expect: [] },
  { name: "a tuple of valid values passes", production: 'SECURE_REFERRER_POLICY = ("origin", "unsafe-url")\n', expect: [] },
  { name: "None is W022's case: silent here", production: "SECURE_REFERRER_POLICY = None\n", expect: [] },
  { name: "unset passes (default same-origin)", production: "", expect: [] },
  { name: "a required env var is unknown: silent", production: fromRequiredEnv("SECURE_REFERRER_POLICY"), expect: [] },
  { name: "an undecidable if is silent", production: undecidable("SECURE_REFERRER_POLICY", '"bogus"', '"origin"'), expect: [] },
  { name: "without SecurityMiddleware: silent", production: middleware(XFRAME_MW) + 'SECURE_REFERRER_POLICY = "bogus"\n', expect: [] },
  { name: "fires on 3.2 too", production: 'SECURE_REFERRER_POLICY = ""\n', djangoVersion: "3.2", expect: ["security.E023"] },
  { name: "2.2 has no E023: silent", production: 'SECURE_REFERRER_POLICY = "bogus"\n', djangoVersion: "2.2", expect: [] },
  { name: "fires on 3.0", production: 'SECURE_REFERRER_POLICY = "bogus"\n', djangoVersion: "3.0", expect: ["security.E023"] },
]);

fixTable("referrer-policy-invalid", [
  { name: "an invalid value is replaced, unsafe", production: 'SECURE_REFERRER_POLICY = "same-origin, bogus"\n', expect: 'from .base import *\nSECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"\n', safety: "unsafe", title: /the intended policy is lost/ },
]);
