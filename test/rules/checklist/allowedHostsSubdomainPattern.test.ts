// Rule table for allowed-hosts-subdomain-pattern: ".example.com" while CSRF_TRUSTED_ORIGINS names exact hosts only.
import { ruleTable } from "../../helpers/project";

const R = "allowed-hosts-subdomain-pattern";
const ORIGINS = 'CSRF_TRUSTED_ORIGINS = ["https://www.example.com"]\n';

ruleTable(R, [
  { name: "a leading-dot host with exact trusted origins fires", production: 'ALLOWED_HOSTS = [".example.com"]\n' + ORIGINS, expect: [R] },
  { name: "exact hosts are silent", production: 'ALLOWED_HOSTS = ["www.example.com"]\n' + ORIGINS, expect: [] },
  { name: "a wildcard trusted origin means subdomains on purpose: silent", production: 'ALLOWED_HOSTS = [".example.com"]\nCSRF_TRUSTED_ORIGINS = ["https://*.example.com"]\n', expect: [] },
  { name: "no trusted origins says nothing: silent", production: 'ALLOWED_HOSTS = [".example.com"]\n', expect: [] },
  { name: "origins of another domain say nothing: silent", production: 'ALLOWED_HOSTS = [".example.com"]\nCSRF_TRUSTED_ORIGINS = ["https://other.org"]\n', expect: [] },
  { name: "a session cookie for the whole domain: silent", production: 'ALLOWED_HOSTS = [".example.com"]\n' + ORIGINS + 'SESSION_COOKIE_DOMAIN = ".example.com"\n', expect: [] },
  { name: "unknown trusted origins: silent", production: 'import os\nALLOWED_HOSTS = [".example.com"]\nCSRF_TRUSTED_ORIGINS = os.environ["ORIGINS"].split(",")\n', expect: [] },
]);
