// Rule table for cors-credentials-with-all: every origin allowed together with credentials.
import { fromRequiredEnv, ruleTable } from "../../helpers/project";

const R = "cors-credentials-with-all";
const CORS = 'MIDDLEWARE.insert(0, "corsheaders.middleware.CorsMiddleware")\n';

ruleTable(R, [
  { name: "allow-all with credentials fires", production: CORS + "CORS_ALLOW_ALL_ORIGINS = True\nCORS_ALLOW_CREDENTIALS = True\n", expect: [R] },
  { name: "the old name with credentials fires", production: CORS + "CORS_ORIGIN_ALLOW_ALL = True\nCORS_ALLOW_CREDENTIALS = True\n", expect: [R] },
  { name: "credentials with an allow-list are silent", production: CORS + 'CORS_ALLOWED_ORIGINS = ["https://app.example.com"]\nCORS_ALLOW_CREDENTIALS = True\n', expect: [] },
  { name: "allow-all without credentials is cors-allow-all's", production: CORS + "CORS_ALLOW_ALL_ORIGINS = True\n", expect: [] },
  { name: "unknown credentials are silent", production: CORS + "CORS_ALLOW_ALL_ORIGINS = True\n" + fromRequiredEnv("CORS_ALLOW_CREDENTIALS"), expect: [] },
  { name: "without CorsMiddleware: silent", production: "CORS_ALLOW_ALL_ORIGINS = True\nCORS_ALLOW_CREDENTIALS = True\n", expect: [] },
]);
