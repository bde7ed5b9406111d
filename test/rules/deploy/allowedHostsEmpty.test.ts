// Rule table for allowed-hosts-empty (security.W020): `not truthy(ALLOWED_HOSTS)`; ["*"] passes.
import { fromRequiredEnv, ruleTable, undecidable } from "../../helpers/project";
import { fixTable } from "../../helpers/fixTable";

ruleTable("allowed-hosts-empty", [
  { name: "an empty list fires", production: "ALLOWED_HOSTS = []\n", expect: ["security.W020"] },
  { name: "an empty tuple fires", production: "ALLOWED_HOSTS = ()\n", expect: ["security.W020"] },
  { name: "unset falls back to Django's default []", production: "del ALLOWED_HOSTS\n", expect: ["security.W020"] },
  { name: "a host passes", production: 'ALLOWED_HOSTS = ["www.example.com"]\n', expect: [] },
  { name: 'the wildcard ["*"] passes', production: 'ALLOWED_HOSTS = ["*"]\n', expect: [] },
  { name: "a required env var is unknown: silent", production: fromRequiredEnv("ALLOWED_HOSTS"), expect: [] },
  { name: "an undecidable if is silent", production: undecidable("ALLOWED_HOSTS", "[]", '["a.example"]'), expect: [] },
  {
    name: "env.list with an empty default fires (the variable unset)",
    production: 'import environ\nenv = environ.Env()\nALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS", default=[])\n',
    expect: ["security.W020"],
  },
  {
    name: 'os.environ.get("H", "").split(",") is [""]: non-empty, so it passes',
    production: 'import os\nALLOWED_HOSTS = os.environ.get("H", "").split(",")\n',
    expect: [],
  },
  { name: "a name imported from outside the project is unknown: silent", production: "from company_conf import HOSTS\nALLOWED_HOSTS = HOSTS\n", expect: [] },
  { name: "fires on 3.2 too", production: "ALLOWED_HOSTS = []\n", djangoVersion: "3.2", expect: ["security.W020"] },
]);

fixTable("allowed-hosts-empty", [
  {
    name: "env.list's empty default is removed: the variable becomes required",
    production: 'import environ\nenv = environ.Env()\nALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS", default=[])\n',
    expect: 'from .base import *\nimport environ\nenv = environ.Env()\nALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS")\n',
    safety: "unsafe",
    title: /^Remove the committed default of DJANGO_ALLOWED_HOSTS \(unsafe: DJANGO_ALLOWED_HOSTS becomes required\)$/,
  },
  { name: "a literal empty list: no fix, the host names are the project's", production: "ALLOWED_HOSTS = []\n" },
  { name: "os.environ.get's default: no fix (None is not a list)", production: 'import os\nALLOWED_HOSTS = os.environ.get("H", [])\n' },
]);
