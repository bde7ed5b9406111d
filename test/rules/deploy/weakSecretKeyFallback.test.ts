// Rule table for weak-secret-key-fallback (security.W025, 5.0+ in this implementation): one warning per weak entry.
import { GOOD_KEY, ruleTable, undecidable } from "../../helpers/project";

const MIXED = `SECRET_KEY_FALLBACKS = ["old-short", "${GOOD_KEY}", "django-insecure-" + "q" * 60]\n`;

ruleTable("weak-secret-key-fallback", [
  { name: "two weak entries give two warnings", production: MIXED, expect: ["security.W025", "security.W025"] },
  { name: "a tuple is checked the same way", production: `SECRET_KEY_FALLBACKS = ("short",)\n`, expect: ["security.W025"] },
  { name: "an empty entry fires", production: 'SECRET_KEY_FALLBACKS = [""]\n', expect: ["security.W025"] },
  { name: "5.0 has it", production: MIXED, djangoVersion: "5.0", expect: ["security.W025", "security.W025"] },
  { name: "4.2 does not (not pinned down, treated as absent)", production: MIXED, djangoVersion: "4.2", expect: [] },
  { name: "3.2 has no W025", production: MIXED, djangoVersion: "3.2", expect: [] },
  { name: "strong entries pass", production: `SECRET_KEY_FALLBACKS = ["${GOOD_KEY}"]\n`, expect: [] },
  { name: "[] passes", production: "SECRET_KEY_FALLBACKS = []\n", expect: [] },
  { name: "unset passes (default [])", production: "", expect: [] },
  { name: "an unknown entry is silent", production: 'import os\nSECRET_KEY_FALLBACKS = [os.environ["OLD_KEY"]]\n', expect: [] },
  { name: "an undecidable if is silent", production: undecidable("SECRET_KEY_FALLBACKS", '["short"]', "[]"), expect: [] },
  {
    name: "env.list with an empty default passes",
    production: 'import environ\nenv = environ.Env()\nSECRET_KEY_FALLBACKS = env.list("OLD_KEYS", default=[])\n',
    expect: [],
  },
]);
