// Rule table and fix golden for allowed-hosts-wildcard: "*" in ALLOWED_HOSTS in deployed environments.
import { fromRequiredEnv, ruleTable } from "../../helpers/project";
import { envTable, fixGolden, GOOD_BASE, split } from "./checklistTestHelpers";

const R = "allowed-hosts-wildcard";

ruleTable(R, [
  { name: '["*"] fires', production: 'ALLOWED_HOSTS = ["*"]\n', expect: [R] },
  { name: '"*" beside real hosts fires', production: 'ALLOWED_HOSTS = ["example.com", "*"]\n', expect: [R] },
  { name: "an env.list default of ['*'] fires", production: 'import environ\nenv = environ.Env()\nALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS", default=["*"])\n', expect: [R] },
  { name: "named hosts are silent", production: 'ALLOWED_HOSTS = ["example.com", ".example.org"]\n', expect: [] },
  { name: "a required env var is unknown: silent", production: fromRequiredEnv("ALLOWED_HOSTS"), expect: [] },
  { name: "a string (not a list) is left to Django", production: 'ALLOWED_HOSTS = "*"\n', expect: [] },
  { name: "fires on 3.2 too", production: 'ALLOWED_HOSTS = ["*"]\n', djangoVersion: "3.2", expect: [R] },
]);

envTable(R, [
  {
    name: "development is not checked",
    files: { "proj/settings/base.py": GOOD_BASE, "proj/settings/development.py": 'from .base import *\nALLOWED_HOSTS = ["*"]\n' },
    environment: "proj.settings.development",
    expect: 0,
  },
  {
    name: "the message names the env var the default depends on",
    files: split(GOOD_BASE, 'import os\nALLOWED_HOSTS = os.environ.get("HOSTS", "*").split(",")\n'),
    environment: "proj.settings.production",
    expect: 1,
    message: /whenever HOSTS is unset/,
  },
]);

fixGolden(R, {
  name: '"*" beside other hosts in production.py is removed',
  files: split(GOOD_BASE, 'ALLOWED_HOSTS = ["example.com", "*"]\n'),
  file: "proj/settings/production.py",
  after: 'from .base import *\nALLOWED_HOSTS = ["example.com"]\n',
  safety: "unsafe",
});

fixGolden(R, {
  name: "a multi-line list loses the whole line",
  files: split(GOOD_BASE, 'ALLOWED_HOSTS = [\n    "*",  # TODO\n    "example.com",\n]\n'),
  file: "proj/settings/production.py",
  after: 'from .base import *\nALLOWED_HOSTS = [\n    "example.com",\n]\n',
  safety: "unsafe",
});
