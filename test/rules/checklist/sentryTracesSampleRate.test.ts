// Rule table and fix golden for sentry-traces-sample-rate: traces_sample_rate of 1.0 in deployed environments.
import { ruleTable } from "../../helpers/project";
import { fixGolden, GOOD_BASE, split } from "./checklistTestHelpers";

const R = "sentry-traces-sample-rate";

ruleTable(R, [
  { name: "1.0 fires", production: "import sentry_sdk\nsentry_sdk.init(traces_sample_rate=1.0)\n", expect: [R] },
  { name: "the int 1 fires", production: "import sentry_sdk\nsentry_sdk.init(traces_sample_rate=1)\n", expect: [R] },
  { name: "0.1 is silent", production: "import sentry_sdk\nsentry_sdk.init(traces_sample_rate=0.1)\n", expect: [] },
  { name: "a traces_sampler takes precedence: silent", production: "import sentry_sdk\ndef sampler(ctx):\n    return 0.1\nsentry_sdk.init(traces_sample_rate=1.0, traces_sampler=sampler)\n", expect: [] },
  { name: "an env default of 1.0 fires", production: 'import os, sentry_sdk\nsentry_sdk.init(traces_sample_rate=float(os.environ.get("RATE", "1.0")))\n', expect: [R] },
  { name: "a required env var is unknown: silent", production: 'import os, sentry_sdk\nsentry_sdk.init(traces_sample_rate=float(os.environ["RATE"]))\n', expect: [] },
]);

fixGolden(R, {
  name: "1.0 becomes 0.1",
  files: split(GOOD_BASE, "import sentry_sdk\nsentry_sdk.init(traces_sample_rate=1.0)\n"),
  file: "proj/settings/production.py",
  after: "from .base import *\nimport sentry_sdk\nsentry_sdk.init(traces_sample_rate=0.1)\n",
  safety: "unsafe",
});
