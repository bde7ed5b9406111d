// Rule table and fix golden for csrf-trusted-origin-http: plain-HTTP trusted origins in deployed environments.
import { fromRequiredEnv, ruleTable } from "../../helpers/project";
import { fixGolden, GOOD_BASE, split } from "./checklistTestHelpers";

const R = "csrf-trusted-origin-http";

ruleTable(R, [
  { name: "an http:// origin fires", production: 'CSRF_TRUSTED_ORIGINS = ["http://example.com"]\n', expect: [R] },
  { name: "https:// is silent", production: 'CSRF_TRUSTED_ORIGINS = ["https://example.com"]\n', expect: [] },
  { name: "localhost is not an exposure: silent", production: 'CSRF_TRUSTED_ORIGINS = ["http://localhost:8000"]\n', expect: [] },
  { name: "a required env var is unknown: silent", production: fromRequiredEnv("CSRF_TRUSTED_ORIGINS"), expect: [] },
  { name: "3.2 entries have no scheme: silent", production: 'CSRF_TRUSTED_ORIGINS = ["http://example.com"]\n', djangoVersion: "3.2", expect: [] },
]);

fixGolden(R, {
  name: "http:// becomes https://",
  files: split(GOOD_BASE, 'CSRF_TRUSTED_ORIGINS = ["http://example.com", "https://a.example.com"]\n'),
  file: "proj/settings/production.py",
  after: 'from .base import *\nCSRF_TRUSTED_ORIGINS = ["https://example.com", "https://a.example.com"]\n',
  safety: "unsafe",
});
