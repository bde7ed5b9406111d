// Rule table and fix golden for test-slow-password-hasher: a slow hasher in test settings (a speed hint).
import { envTable, fixGolden, GOOD_BASE } from "./checklistTestHelpers";

const R = "test-slow-password-hasher";
const files = (base: string, test = "") => ({ "proj/settings/base.py": base, "proj/settings/test.py": "from .base import *\n" + test });
const TEST = "proj.settings.test";

envTable(R, [
  { name: "the default PBKDF2 fires", files: files(GOOD_BASE), environment: TEST, expect: 1 },
  { name: "MD5 is silent", files: files(GOOD_BASE, 'PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]\n'), environment: TEST, expect: 0 },
  { name: "an explicit slow hasher fires", files: files(GOOD_BASE, 'PASSWORD_HASHERS = ["django.contrib.auth.hashers.Argon2PasswordHasher"]\n'), environment: TEST, expect: 1 },
  { name: "no django.contrib.auth: silent", files: files(GOOD_BASE, 'INSTALLED_APPS = ["django.contrib.contenttypes"]\n'), environment: TEST, expect: 0 },
  { name: "unknown hashers are silent", files: files(GOOD_BASE, 'import os\nPASSWORD_HASHERS = os.environ["H"].split(",")\n'), environment: TEST, expect: 0 },
  { name: "production is not checked", files: { "proj/settings/base.py": GOOD_BASE, "proj/settings/production.py": "from .base import *\n" }, environment: "proj.settings.production", expect: 0 },
]);

fixGolden(R, {
  name: "MD5 is added to the test module",
  environment: TEST,
  files: files(GOOD_BASE),
  file: "proj/settings/test.py",
  after: 'from .base import *\nPASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # tests only: fast on purpose\n',
  safety: "safe",
});
