// Rule table for no-error-tracking: production with no error tracker and no ADMINS.
import { ruleTable } from "../../helpers/project";
import { envTable, GOOD_BASE } from "./checklistTestHelpers";

const R = "no-error-tracking";

ruleTable(R, [
  { name: "nothing at all fires", production: "", expect: [R] },
  { name: "sentry_sdk.init is tracking", production: 'import sentry_sdk\nsentry_sdk.init(dsn="")\n', expect: [] },
  { name: "sentry inside an if on an env var still counts", production: 'import os\nif os.environ.get("SENTRY_DSN"):\n    import sentry_sdk\n    sentry_sdk.init(dsn=os.environ["SENTRY_DSN"])\n', expect: [] },
  { name: "rollbar settings count", production: 'ROLLBAR = {"access_token": "x"}\nMIDDLEWARE.append("rollbar.contrib.django.middleware.RollbarNotifierMiddleware")\n', expect: [] },
  { name: "ADMINS get error mails", production: 'ADMINS = [("Ops", "ops@example.com")]\n', expect: [] },
  { name: "empty ADMINS is not tracking", production: "ADMINS = []\n", expect: [R] },
  { name: "unknown ADMINS is silent", production: 'import os\nADMINS = [("Ops", os.environ["OPS_EMAIL"])]\n', expect: [] },
]);

envTable(R, [
  {
    name: "staging is not checked (a hint for production only)",
    files: { "proj/settings/base.py": GOOD_BASE, "proj/settings/staging.py": "from .base import *\n" },
    environment: "proj.settings.staging",
    expect: 0,
  },
]);
