// Rule table and fix goldens for secret-key-fallbacks-invalid: a string instead of a list, or the current key kept.
import { fromRequiredEnv, GOOD_KEY, ruleTable } from "../../helpers/project";
import { fixGolden, GOOD_BASE, split } from "./checklistTestHelpers";

const R = "secret-key-fallbacks-invalid";
const OLD = "old-1x9!Kq2@Lm4#Zp7$Rt1%Vb6^Nc3&Hd8*Jf5(Gs0)Wy-Ue=Io+Pa[Sl]Dk;Fj";

ruleTable(R, [
  { name: "a string fires", production: `SECRET_KEY_FALLBACKS = "${OLD}"\n`, expect: [R] },
  { name: "an env default string fires", production: 'import os\nSECRET_KEY_FALLBACKS = os.environ.get("OLD_KEY", "")\n', expect: [R] },
  { name: "the current key in the list fires", production: `SECRET_KEY_FALLBACKS = ["${OLD}", SECRET_KEY]\n`, expect: [R] },
  { name: "the same key written twice fires", production: `SECRET_KEY_FALLBACKS = ["${GOOD_KEY}"]\n`, expect: [R] },
  { name: "old keys only are silent", production: `SECRET_KEY_FALLBACKS = ["${OLD}"]\n`, expect: [] },
  { name: "a tuple is fine", production: `SECRET_KEY_FALLBACKS = ("${OLD}",)\n`, expect: [] },
  { name: "unset is silent", production: "", expect: [] },
  { name: "an unknown value is silent", production: fromRequiredEnv("SECRET_KEY_FALLBACKS"), expect: [] },
  { name: "before 4.1 the setting does not exist: silent", djangoVersion: "4.0", production: `SECRET_KEY_FALLBACKS = "${OLD}"\n`, expect: [] },
]);

fixGolden(R, {
  name: "a string literal is wrapped in a list",
  files: split(GOOD_BASE, `SECRET_KEY_FALLBACKS = "${OLD}"\n`),
  file: "proj/settings/production.py",
  after: `from .base import *\nSECRET_KEY_FALLBACKS = ["${OLD}"]\n`,
  safety: "safe",
});

fixGolden(R, {
  name: "the current key (by name) is removed",
  files: split(GOOD_BASE, `SECRET_KEY_FALLBACKS = ["${OLD}", SECRET_KEY]\n`),
  file: "proj/settings/production.py",
  after: `from .base import *\nSECRET_KEY_FALLBACKS = ["${OLD}"]\n`,
  safety: "safe",
});
