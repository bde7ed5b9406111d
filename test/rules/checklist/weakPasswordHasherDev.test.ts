// Rule table for weak-password-hasher-dev: a weak first hasher in base or development settings (warning), not in tests.
import { envTable, fixGolden, GOOD_BASE } from "./checklistTestHelpers";

const R = "weak-password-hasher-dev";
const MD5 = 'PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]\n';
const files = (base: string, dev = "", test = "") => ({
  "proj/settings/base.py": base,
  "proj/settings/development.py": "from .base import *\n" + dev,
  "proj/settings/test.py": "from .base import *\n" + test,
  "proj/settings/production.py": "from .base import *\n",
});

envTable(R, [
  { name: "MD5 in development fires", files: files(GOOD_BASE, MD5), environment: "proj.settings.development", expect: 1 },
  // A base.py nothing imports is an environment of its own (kind base); one that others import is a part of them.
  { name: "MD5 in base fires for base", files: { "proj/settings/base.py": GOOD_BASE + MD5 }, environment: "proj.settings.base", expect: 1 },
  { name: "tests use a fast hasher on purpose: silent", files: files(GOOD_BASE, "", MD5), environment: "proj.settings.test", expect: 0 },
  { name: "production gets the error rule instead", files: files(GOOD_BASE + MD5), environment: "proj.settings.production", expect: 0 },
  { name: "PBKDF2 is silent", files: files(GOOD_BASE, 'PASSWORD_HASHERS = ["django.contrib.auth.hashers.PBKDF2PasswordHasher"]\n'), environment: "proj.settings.development", expect: 0 },
]);

fixGolden(R, {
  name: "the strong hasher moves to the front of development's list",
  environment: "proj.settings.development",
  files: files(GOOD_BASE, 'PASSWORD_HASHERS = ["django.contrib.auth.hashers.SHA1PasswordHasher", "django.contrib.auth.hashers.Argon2PasswordHasher"]\n'),
  file: "proj/settings/development.py",
  after: 'from .base import *\nPASSWORD_HASHERS = ["django.contrib.auth.hashers.Argon2PasswordHasher", "django.contrib.auth.hashers.SHA1PasswordHasher"]\n',
  safety: "safe",
});
