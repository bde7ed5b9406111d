// Rule table and fix golden for proxy-ssl-header-invalid: SECURE_PROXY_SSL_HEADER shape and META key.
import { fromRequiredEnv, ruleTable } from "../../helpers/project";
import { fixGolden, GOOD_BASE, split } from "./checklistTestHelpers";

const R = "proxy-ssl-header-invalid";

ruleTable(R, [
  { name: "the META key form is silent", production: 'SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")\n', expect: [] },
  { name: "a two-item list also unpacks: silent", production: 'SECURE_PROXY_SSL_HEADER = ["HTTP_X_FORWARDED_PROTO", "https"]\n', expect: [] },
  { name: "the raw header name never matches: fires", production: 'SECURE_PROXY_SSL_HEADER = ("X-Forwarded-Proto", "https")\n', expect: [R] },
  { name: "a string fires", production: 'SECURE_PROXY_SSL_HEADER = "HTTP_X_FORWARDED_PROTO"\n', expect: [R] },
  { name: "three items fire", production: 'SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https", "x")\n', expect: [R] },
  { name: "a non-string value fires", production: 'SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", True)\n', expect: [R] },
  { name: "None (the default) is silent", production: "SECURE_PROXY_SSL_HEADER = None\n", expect: [] },
  { name: "an unknown value is silent", production: fromRequiredEnv("SECURE_PROXY_SSL_HEADER"), expect: [] },
  { name: "an unknown item is silent", production: 'import os\nSECURE_PROXY_SSL_HEADER = (os.environ["H"], "https")\n', expect: [] },
]);

fixGolden(R, {
  name: "the header name is rewritten to its META key",
  files: split(GOOD_BASE, "SECURE_PROXY_SSL_HEADER = ('X-Forwarded-Proto', 'https')\n"),
  file: "proj/settings/production.py",
  after: "from .base import *\nSECURE_PROXY_SSL_HEADER = ('HTTP_X_FORWARDED_PROTO', 'https')\n",
  safety: "safe",
});
