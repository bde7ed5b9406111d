// Rule table and fix golden for cors-allow-all: django-cors-headers allowing every origin.
import { fromRequiredEnv, ruleTable } from "../../helpers/project";
import { fixGolden, GOOD_BASE, split } from "./checklistTestHelpers";

const R = "cors-allow-all";
const CORS = 'INSTALLED_APPS.append("corsheaders")\nMIDDLEWARE.insert(0, "corsheaders.middleware.CorsMiddleware")\n';

ruleTable(R, [
  { name: "CORS_ALLOW_ALL_ORIGINS = True fires", production: CORS + "CORS_ALLOW_ALL_ORIGINS = True\n", expect: [R] },
  { name: "the old CORS_ORIGIN_ALLOW_ALL fires", production: CORS + "CORS_ORIGIN_ALLOW_ALL = True\n", expect: [R] },
  { name: "the new name wins over the old", production: CORS + "CORS_ORIGIN_ALLOW_ALL = True\nCORS_ALLOW_ALL_ORIGINS = False\n", expect: [] },
  { name: "an allow-list is silent", production: CORS + 'CORS_ALLOWED_ORIGINS = ["https://app.example.com"]\n', expect: [] },
  { name: "without CorsMiddleware the setting does nothing: silent", production: "CORS_ALLOW_ALL_ORIGINS = True\n", expect: [] },
  { name: "with credentials, cors-credentials-with-all reports it instead", production: CORS + "CORS_ALLOW_ALL_ORIGINS = True\nCORS_ALLOW_CREDENTIALS = True\n", expect: [] },
  { name: "a required env var is unknown: silent", production: CORS + fromRequiredEnv("CORS_ALLOW_ALL_ORIGINS"), expect: [] },
]);

fixGolden(R, {
  name: "True becomes False",
  files: split(GOOD_BASE, CORS + "CORS_ALLOW_ALL_ORIGINS = True\n"),
  file: "proj/settings/production.py",
  after: "from .base import *\n" + CORS + "CORS_ALLOW_ALL_ORIGINS = False\n",
  safety: "unsafe",
});
