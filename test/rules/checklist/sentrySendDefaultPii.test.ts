// Rule table and fix golden for sentry-send-default-pii: sentry_sdk.init(send_default_pii=True).
import { ruleTable } from "../../helpers/project";
import { envTable, fixGolden, GOOD_BASE, split } from "./checklistTestHelpers";

const R = "sentry-send-default-pii";

ruleTable(R, [
  { name: "send_default_pii=True fires", production: 'import sentry_sdk\nsentry_sdk.init(dsn="", send_default_pii=True)\n', expect: [R] },
  { name: "False is silent", production: 'import sentry_sdk\nsentry_sdk.init(dsn="", send_default_pii=False)\n', expect: [] },
  { name: "absent is silent (sentry's default is False)", production: 'import sentry_sdk\nsentry_sdk.init(dsn="")\n', expect: [] },
  { name: "from sentry_sdk import init works too", production: 'from sentry_sdk import init\ninit(send_default_pii=True)\n', expect: [R] },
  { name: "an env default of True fires", production: 'import os, sentry_sdk\nsentry_sdk.init(send_default_pii=os.environ.get("PII", "1") == "1")\n', expect: [R] },
  { name: "a required env var is unknown: silent", production: 'import os, sentry_sdk\nsentry_sdk.init(send_default_pii=os.environ["PII"] == "1")\n', expect: [] },
  { name: "inside an undecided if, still configured", production: 'import os, sentry_sdk\nif os.environ["SENTRY_DSN"]:\n    sentry_sdk.init(send_default_pii=True)\n', expect: [R] },
]);

envTable(R, [
  {
    name: "an init in base.py reaches production through the star-import",
    files: split(GOOD_BASE + "import sentry_sdk\nsentry_sdk.init(send_default_pii=True)\n", ""),
    environment: "proj.settings.production",
    expect: 1,
  },
]);

fixGolden(R, {
  name: "True becomes False",
  files: split(GOOD_BASE, 'import sentry_sdk\nsentry_sdk.init(\n    dsn="",\n    send_default_pii=True,\n)\n'),
  file: "proj/settings/production.py",
  after: 'from .base import *\nimport sentry_sdk\nsentry_sdk.init(\n    dsn="",\n    send_default_pii=False,\n)\n',
  safety: "unsafe",
});
