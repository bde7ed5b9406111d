// Rule table and fix goldens for hsts-preload-requirements: preload without subdomains or a year of max-age.
import { fromRequiredEnv, ruleTable } from "../../helpers/project";
import { fixGolden, GOOD_BASE, split } from "./checklistTestHelpers";

const R = "hsts-preload-requirements";

ruleTable(R, [
  { name: "the good base (a year, subdomains, preload) is silent", production: "", expect: [] },
  { name: "a short max-age fires", production: "SECURE_HSTS_SECONDS = 3600\n", expect: [R] },
  { name: "subdomains off fires", production: "SECURE_HSTS_INCLUDE_SUBDOMAINS = False\n", expect: [R] },
  { name: "both missing fire twice", production: "SECURE_HSTS_SECONDS = 60\ndel SECURE_HSTS_INCLUDE_SUBDOMAINS\n", expect: [R, R] },
  { name: "no HSTS at all: preload is pointless", production: "del SECURE_HSTS_SECONDS\n", expect: [R] },
  { name: "preload off is silent", production: "SECURE_HSTS_PRELOAD = False\nSECURE_HSTS_SECONDS = 60\n", expect: [] },
  { name: "unknown seconds are silent", production: fromRequiredEnv("SECURE_HSTS_SECONDS"), expect: [] },
  { name: "unknown preload is silent", production: "SECURE_HSTS_SECONDS = 60\n" + fromRequiredEnv("SECURE_HSTS_PRELOAD"), expect: [] },
]);

fixGolden(R, {
  name: "a missing SECURE_HSTS_SECONDS starts the ramp-up at 300, never a year",
  files: split(GOOD_BASE.replace("SECURE_HSTS_SECONDS = 31536000\n", ""), ""),
  file: "proj/settings/production.py",
  after: "from .base import *\nSECURE_HSTS_SECONDS = 300  # ramp up over days: 3600, 86400, then 31536000\n",
  safety: "safe",
  pick: (f) => /no HSTS header/.test(f.message),
  // 300 seconds is the first step; the finding then reports the ramp-up still to do, by design.
  remaining: [/requires at least 31536000/],
});

fixGolden(R, {
  name: "SECURE_HSTS_INCLUDE_SUBDOMAINS = False becomes True",
  files: split(GOOD_BASE, "SECURE_HSTS_INCLUDE_SUBDOMAINS = False\n"),
  file: "proj/settings/production.py",
  after: "from .base import *\nSECURE_HSTS_INCLUDE_SUBDOMAINS = True\n",
  safety: "unsafe",
});
