// Rule table and fix goldens for csrf-trusted-origin-scheme: entries without a scheme on Django 4.0+.
import { fromRequiredEnv, ruleTable } from "../../helpers/project";
import { fixGolden, GOOD_BASE, split } from "./checklistTestHelpers";

const R = "csrf-trusted-origin-scheme";

ruleTable(R, [
  { name: "a bare host fires on 4.0+", production: 'CSRF_TRUSTED_ORIGINS = ["example.com"]\n', expect: [R] },
  { name: "each bare entry fires", production: 'CSRF_TRUSTED_ORIGINS = ["example.com", ".example.org", "https://ok.example.net"]\n', expect: [R, R] },
  { name: "https origins are silent", production: 'CSRF_TRUSTED_ORIGINS = ["https://example.com", "https://*.example.org"]\n', expect: [] },
  { name: "before 4.0 the host form is right: silent", production: 'CSRF_TRUSTED_ORIGINS = ["example.com"]\n', djangoVersion: "3.2", expect: [] },
  { name: "4.0 is the first version", production: 'CSRF_TRUSTED_ORIGINS = ["example.com"]\n', djangoVersion: "4.0", expect: [R] },
  { name: "a required env var is unknown: silent", production: fromRequiredEnv("CSRF_TRUSTED_ORIGINS"), expect: [] },
]);

fixGolden(R, {
  name: "a host gets https://",
  files: split(GOOD_BASE, "CSRF_TRUSTED_ORIGINS = ['example.com']\n"),
  file: "proj/settings/production.py",
  after: "from .base import *\nCSRF_TRUSTED_ORIGINS = ['https://example.com']\n",
  safety: "safe",
});

fixGolden(R, {
  name: "the old subdomain form becomes a wildcard origin",
  files: split(GOOD_BASE, 'CSRF_TRUSTED_ORIGINS = [".example.com"]\n'),
  file: "proj/settings/production.py",
  after: 'from .base import *\nCSRF_TRUSTED_ORIGINS = ["https://*.example.com"]\n',
  safety: "safe",
});
