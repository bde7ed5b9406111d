// Rule table and fix golden for csp-unsafe-source: 'unsafe-inline', 'unsafe-eval' or * for scripts in an enforced CSP.
import { ruleTable } from "../../helpers/project";
import { fixGolden, GOOD_BASE, split } from "./checklistTestHelpers";

const R = "csp-unsafe-source";
const DJ_CSP = 'MIDDLEWARE.append("csp.middleware.CSPMiddleware")\n';
const BUILTIN = 'from django.utils.csp import CSP\nMIDDLEWARE.append("django.middleware.csp.ContentSecurityPolicyMiddleware")\n';

ruleTable(R, [
  { name: "django-csp 4.x script-src 'unsafe-inline' fires", production: DJ_CSP + 'from csp.constants import SELF, UNSAFE_INLINE\nCONTENT_SECURITY_POLICY = {"DIRECTIVES": {"script-src": [SELF, UNSAFE_INLINE]}}\n', expect: [R] },
  { name: "with a nonce, 'unsafe-inline' is a fallback: silent", production: DJ_CSP + 'from csp.constants import NONCE, SELF, UNSAFE_INLINE\nCONTENT_SECURITY_POLICY = {"DIRECTIVES": {"script-src": [SELF, NONCE, UNSAFE_INLINE]}}\n', expect: [] },
  { name: "'unsafe-eval' fires even with a nonce", production: DJ_CSP + 'from csp.constants import NONCE, SELF, UNSAFE_EVAL\nCONTENT_SECURITY_POLICY = {"DIRECTIVES": {"script-src": [SELF, NONCE, UNSAFE_EVAL]}}\n', expect: [R] },
  { name: "default-src * fires when there is no script-src", production: DJ_CSP + 'CONTENT_SECURITY_POLICY = {"DIRECTIVES": {"default-src": ["*"]}}\n', expect: [R] },
  { name: "default-src is not checked when script-src is set", production: DJ_CSP + 'CONTENT_SECURITY_POLICY = {"DIRECTIVES": {"default-src": ["*"], "script-src": ["\'self\'"]}}\n', expect: [] },
  { name: "report-only policies are not checked", production: DJ_CSP + 'CONTENT_SECURITY_POLICY_REPORT_ONLY = {"DIRECTIVES": {"script-src": ["\'unsafe-inline\'"]}}\n', expect: [] },
  { name: "django-csp 3.x CSP_SCRIPT_SRC fires", production: DJ_CSP + 'CSP_SCRIPT_SRC = ("\'self\'", "\'unsafe-inline\'", "\'unsafe-eval\'")\n', expect: [R, R] },
  { name: "django-csp 3.x with CSP_INCLUDE_NONCE_IN for script-src: 'unsafe-inline' silent", production: DJ_CSP + 'CSP_SCRIPT_SRC = ("\'self\'", "\'unsafe-inline\'")\nCSP_INCLUDE_NONCE_IN = ["script-src"]\n', expect: [] },
  { name: "django-csp 3.x report-only is silent", production: DJ_CSP + 'CSP_REPORT_ONLY = True\nCSP_SCRIPT_SRC = ("\'unsafe-inline\'",)\n', expect: [] },
  { name: "6.0 SECURE_CSP with CSP.UNSAFE_INLINE fires", djangoVersion: "6.0", production: BUILTIN + 'SECURE_CSP = {"script-src": [CSP.SELF, CSP.UNSAFE_INLINE]}\n', expect: [R] },
  { name: "6.0 SECURE_CSP with CSP.NONCE is silent", djangoVersion: "6.0", production: BUILTIN + 'SECURE_CSP = {"script-src": [CSP.SELF, CSP.NONCE, CSP.UNSAFE_INLINE]}\n', expect: [] },
  { name: "SECURE_CSP before 6.0 sends nothing: not checked", djangoVersion: "5.2", production: BUILTIN + 'SECURE_CSP = {"script-src": [CSP.UNSAFE_INLINE]}\n', expect: [] },
  { name: "unknown sources are silent", production: DJ_CSP + 'import os\nCONTENT_SECURITY_POLICY = {"DIRECTIVES": {"script-src": os.environ["SRC"].split()}}\n', expect: [] },
  { name: "without the middleware nothing is sent: not checked", production: 'CONTENT_SECURITY_POLICY = {"DIRECTIVES": {"script-src": ["*"]}}\n', expect: [] },
]);

fixGolden(R, {
  name: "'unsafe-eval' is removed from the list",
  files: split(GOOD_BASE, DJ_CSP + 'CONTENT_SECURITY_POLICY = {"DIRECTIVES": {"script-src": ["\'self\'", "\'unsafe-eval\'"]}}\n'),
  file: "proj/settings/production.py",
  after: "from .base import *\n" + DJ_CSP + 'CONTENT_SECURITY_POLICY = {"DIRECTIVES": {"script-src": ["\'self\'"]}}\n',
  safety: "unsafe",
});
