// Rule table for weak-secret-key (security.W009): fewer than 50 characters, fewer than 5 distinct, the
// django-insecure- prefix, or a falsy/unset key (reading it raises ImproperlyConfigured).
import { fromRequiredEnv, GOOD_KEY, ruleTable, undecidable } from "../../helpers/project";
import { fixTable } from "../../helpers/fixTable";

ruleTable("weak-secret-key", [
  { name: "a 23-character key fires", production: 'SECRET_KEY = "abcdefghijklmnopqrstuvw"\n', expect: ["security.W009"] },
  { name: "a django-insecure- key fires even when long", production: `SECRET_KEY = "django-insecure-" + "${GOOD_KEY.slice(0, 43)}"\n`, expect: ["security.W009"] },
  { name: "4 distinct characters fire even at 80 long", production: 'SECRET_KEY = "abcd" * 20\n', expect: ["security.W009"] },
  { name: "49 characters fire", production: `SECRET_KEY = "${GOOD_KEY.slice(0, 49)}"\n`, expect: ["security.W009"] },
  { name: "exactly 50 characters pass", production: `SECRET_KEY = "${GOOD_KEY.slice(0, 50)}"\n`, expect: [] },
  { name: '"" fires', production: 'SECRET_KEY = ""\n', expect: ["security.W009"] },
  { name: "None fires", production: "SECRET_KEY = None\n", expect: ["security.W009"] },
  { name: "unset fires (default '')", production: "del SECRET_KEY\n", expect: ["security.W009"] },
  { name: "a strong key passes", production: "", expect: [] },
  { name: "a required env var is unknown: silent", production: fromRequiredEnv("SECRET_KEY"), expect: [] },
  { name: "an undecidable if is silent", production: undecidable("SECRET_KEY", '"short"', JSON.stringify(GOOD_KEY)), expect: [] },
  { name: "an env default that is weak fires", production: 'import os\nSECRET_KEY = os.environ.get("SECRET_KEY", "dev-key")\n', expect: ["security.W009"] },
  { name: "fires on 3.2 too", production: 'SECRET_KEY = "short"\n', djangoVersion: "3.2", expect: ["security.W009"] },
  { name: "a long django-insecure- key fires on 3.2", production: `SECRET_KEY = "django-insecure-${"k3!Qz9@Lm4#Zp7$Rt1%Vb6^Nc3&Hd8*Jf5(Gs0)Wy-Ue=Io"}"\n`, djangoVersion: "3.2", expect: ["security.W009"] },
  { name: "before 3.2 the django-insecure- prefix is not checked: silent on 3.1", production: `SECRET_KEY = "django-insecure-${"k3!Qz9@Lm4#Zp7$Rt1%Vb6^Nc3&Hd8*Jf5(Gs0)Wy-Ue=Io"}"\n`, djangoVersion: "3.1", expect: [] },
  { name: "a short key fires on 2.2", production: 'SECRET_KEY = "short-key-1234"\n', djangoVersion: "2.2", expect: ["security.W009"] },
]);

// The fix is hardcoded-secret-key's (test/fixes/sharedSecretKey.test.ts has the base.py cases): production's own
// committed key becomes a read, and a placeholder-looking weak key has none (nothing committed to rotate).
fixTable("weak-secret-key", [
  {
    name: "a committed django-insecure- key in production becomes a read of DJANGO_SECRET_KEY",
    production: `SECRET_KEY = "django-insecure-${GOOD_KEY.slice(0, 43)}"\n`,
    expect: 'import os\nfrom .base import *\nSECRET_KEY = os.environ["DJANGO_SECRET_KEY"]\n',
    safety: "unsafe",
    title: /DJANGO_SECRET_KEY becomes required/,
  },
  { name: "an empty key: nothing committed, no fix", production: 'SECRET_KEY = ""\n' },
]);
