// Rule table for coop-invalid (security.E024, Django 4.0+): SECURE_CROSS_ORIGIN_OPENER_POLICY not None and not
// exactly one of same-origin, same-origin-allow-popups, unsafe-none.
import { fromRequiredEnv, middleware, ruleTable, undecidable, XFRAME_MW } from "../../helpers/project";
import { fixTable } from "../../helpers/fixTable";

ruleTable("coop-invalid", [
  { name: "a bogus value fires on 5.2", production: 'SECURE_CROSS_ORIGIN_OPENER_POLICY = "bogus"\n', expect: ["security.E024"] },
  { name: "a bogus value fires on 4.0", production: 'SECURE_CROSS_ORIGIN_OPENER_POLICY = "bogus"\n', djangoVersion: "4.0", expect: ["security.E024"] },
  { name: "3.2 has no E024: silent", production: 'SECURE_CROSS_ORIGIN_OPENER_POLICY = "bogus"\n', djangoVersion: "3.2", expect: [] },
  { name: "same-origin-allow-popups passes", production: 'SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin-allow-popups"\n', expect: [] },
  { name: "unsafe-none passes", production: 'SECURE_CROSS_ORIGIN_OPENER_POLICY = "unsafe-none"\n', expect: [] },
  { name: "None passes", production: "SECURE_CROSS_ORIGIN_OPENER_POLICY = None\n", expect: [] },
  { name: "unset passes (default same-origin)", production: "", expect: [] },
  { name: "no strip: a leading space fires", production: 'SECURE_CROSS_ORIGIN_OPENER_POLICY = " same-origin"\n', expect: ["security.E024"] },
  { name: "no comma lists: fires", production: 'SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin,unsafe-none"\n', expect: ["security.E024"] },
  { name: "case-sensitive: fires", production: 'SECURE_CROSS_ORIGIN_OPENER_POLICY = "Same-Origin"\n', expect: ["security.E024"] },
  { name: "a required env var is unknown: silent", production: fromRequiredEnv("SECURE_CROSS_ORIGIN_OPENER_POLICY"), expect: [] },
  { name: "an undecidable if is silent", production: undecidable("SECURE_CROSS_ORIGIN_OPENER_POLICY", '"bogus"', '"same-origin"'), expect: [] },
  { name: "without SecurityMiddleware: silent", production: middleware(XFRAME_MW) + 'SECURE_CROSS_ORIGIN_OPENER_POLICY = "bogus"\n', expect: [] },
]);

fixTable("coop-invalid", [
  { name: "an invalid value becomes same-origin, unsafe", production: 'SECURE_CROSS_ORIGIN_OPENER_POLICY = "same_origin"\n', expect: 'from .base import *\nSECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"\n', safety: "unsafe" },
]);
