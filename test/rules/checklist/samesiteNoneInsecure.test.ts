// Rule table and fix goldens for samesite-none-insecure: SameSite=None cookies without Secure.
import { ruleTable } from "../../helpers/project";
import { fixGolden, GOOD_BASE, split } from "./checklistTestHelpers";

const R = "samesite-none-insecure";

ruleTable(R, [
  { name: "session None without Secure fires", production: 'SESSION_COOKIE_SAMESITE = "None"\nSESSION_COOKIE_SECURE = False\n', expect: [R] },
  { name: "csrf None without Secure fires", production: 'CSRF_COOKIE_SAMESITE = "none"\ndel CSRF_COOKIE_SECURE\n', expect: [R] },
  { name: "None with Secure is silent", production: 'SESSION_COOKIE_SAMESITE = "None"\n', expect: [] },
  { name: "Lax is silent", production: 'SESSION_COOKIE_SAMESITE = "Lax"\nSESSION_COOKIE_SECURE = False\n', expect: [] },
  { name: "Python None (no attribute) is not the string: silent", production: "SESSION_COOKIE_SAMESITE = None\nSESSION_COOKIE_SECURE = False\n", expect: [] },
  { name: "3.0 has no \"None\" string value: not checked", djangoVersion: "3.0", production: 'SESSION_COOKIE_SAMESITE = "None"\nSESSION_COOKIE_SECURE = False\n', expect: [] },
  { name: "an unknown Secure flag is silent", production: 'import os\nSESSION_COOKIE_SAMESITE = "None"\nSESSION_COOKIE_SECURE = os.environ["S"] == "1"\n', expect: [] },
]);

fixGolden(R, {
  name: "a literal False becomes True",
  files: split(GOOD_BASE, 'SESSION_COOKIE_SAMESITE = "None"\nSESSION_COOKIE_SECURE = False\n'),
  file: "proj/settings/production.py",
  after: 'from .base import *\nSESSION_COOKIE_SAMESITE = "None"\nSESSION_COOKIE_SECURE = True\n',
  safety: "safe",
});

fixGolden(R, {
  name: "an unset flag is added",
  files: split(GOOD_BASE.replace("CSRF_COOKIE_SECURE = True\n", ""), 'CSRF_COOKIE_SAMESITE = "None"\n'),
  file: "proj/settings/production.py",
  after: 'from .base import *\nCSRF_COOKIE_SAMESITE = "None"\nCSRF_COOKIE_SECURE = True\n',
  safety: "safe",
});
