// Rule table for debug-enabled (security.W018): `truthy(DEBUG)`; plus where the finding is located.
import assert from "node:assert/strict";
import * as path from "node:path";
import { test } from "node:test";
import { auditSplit, fromRequiredEnv, GOOD_KEY, ruleTable, undecidable } from "../../helpers/project";
import { GOOD_BASE } from "../../helpers/project";
import { fixTable } from "../../helpers/fixTable";

ruleTable("debug-enabled", [
  { name: "True fires", production: "DEBUG = True\n", expect: ["security.W018"] },
  { name: 'the string "False" is truthy: fires', production: 'DEBUG = "False"\n', expect: ["security.W018"] },
  { name: "1 fires", production: "DEBUG = 1\n", expect: ["security.W018"] },
  { name: "False passes", production: "DEBUG = False\n", expect: [] },
  { name: "unset passes (default False)", production: "del DEBUG\n", expect: [] },
  { name: "a required env var is unknown: silent", production: fromRequiredEnv("DEBUG"), expect: [] },
  { name: "an undecidable if is silent", production: undecidable("DEBUG", "True", "False"), expect: [] },
  { name: 'os.getenv("DEBUG", "0") is the truthy string "0": fires', production: 'import os\nDEBUG = os.getenv("DEBUG", "0")\n', expect: ["security.W018"] },
  {
    name: '.lower() == "true" on the default "False" is False: passes',
    production: 'import os\nDEBUG = os.environ.get("DEBUG", "False").lower() == "true"\n',
    expect: [],
  },
  { name: "os.environ.get without a default is None: passes", production: 'import os\nDEBUG = os.environ.get("DEBUG")\n', expect: [] },
  {
    name: "django-environ scheme default True fires",
    production: 'import environ\nenv = environ.Env(DEBUG=(bool, True))\nDEBUG = env("DEBUG")\n',
    expect: ["security.W018"],
  },
  { name: "a name imported from outside the project is unknown: silent", production: "from company_conf import DEBUG\n", expect: [] },
  { name: "fires on 3.2 too", production: "DEBUG = True\n", djangoVersion: "3.2", expect: ["security.W018"] },
  {
    name: "an `if DEBUG:` decided from the base value is followed",
    base: 'DEBUG = False\nSECRET_KEY = "' + GOOD_KEY + '"\n',
    production: "if not DEBUG:\n    DEBUG = True\n",
    expect: ["security.W018"],
  },
]);

test("debug-enabled: DEBUG = True in base.py is located at the literal, with the star-import as anchor", async () => {
  const base = '"""Base settings."""\nSECRET_KEY = "' + GOOD_KEY + '"\nDEBUG = True  # dev only\n';
  const r = await auditSplit(base, "");
  const f = r.findings.find((x) => x.rule === "debug-enabled");
  assert.ok(f, JSON.stringify(r.checks));
  const baseFile = path.join(r.dir, "proj", "settings", "base.py");
  const prodFile = path.join(r.dir, "proj", "settings", "production.py");
  assert.equal(f.djangoCheck, "security.W018");
  assert.equal(f.severity, "warning");
  assert.equal(f.environment, "proj.settings.production");
  assert.equal(f.environmentKind, "production");
  assert.equal(f.setting, "DEBUG");
  assert.equal(f.location.file, baseFile);
  assert.deepEqual(f.location.range.start, { line: 2, character: 8 });
  assert.deepEqual(f.location.range.end, { line: 2, character: 12 });
  assert.equal(base.slice(f.location.range.startOffset, f.location.range.endOffset), "True");
  // `from .base import *` is line 0 of production.py, 19 characters long.
  const starImport = { file: prodFile, start: { line: 0, character: 0 }, end: { line: 0, character: 19 } };
  assert.ok(f.anchor);
  assert.deepEqual({ file: f.anchor.file, start: f.anchor.range.start, end: f.anchor.range.end }, starImport);
  assert.equal(f.related.length, 1);
  const rel = f.related[0];
  assert.deepEqual({ file: rel.loc.file, start: rel.loc.range.start, end: rel.loc.range.end }, starImport);
  assert.match(rel.message, /proj\.settings\.production/);
});

test("debug-enabled: DEBUG = True in production.py itself is located there, with no related locations", async () => {
  const r = await auditSplit("", "X = 1\nDEBUG  =  True\n");
  const f = r.findings.find((x) => x.rule === "debug-enabled");
  assert.ok(f);
  assert.equal(f.location.file, path.join(r.dir, "proj", "settings", "production.py"));
  // Line 0 is the star-import the helper writes, line 1 is `X = 1`.
  assert.deepEqual(f.location.range.start, { line: 2, character: 10 });
  assert.deepEqual(f.location.range.end, { line: 2, character: 14 });
  assert.equal(f.anchor, undefined);
  assert.deepEqual(f.related, []);
});

test("debug-enabled: the message names the env var a default came from", async () => {
  const r = await auditSplit("", 'import os\nDEBUG = os.environ.get("DJANGO_DEBUG", "yes")\n');
  const f = r.findings.find((x) => x.rule === "debug-enabled");
  assert.ok(f);
  assert.match(f.message, /DJANGO_DEBUG/);
});

// The project's own helper functions (issue 15, item 1): evaluated with every variable unset.
const HELPER = 'import os\ndef get_bool_from_env(name, default_value):\n    if name in os.environ:\n        return os.environ[name].lower() == "true"\n    return default_value\n';

ruleTable("debug-enabled", [
  { name: "a helper whose default is True fires", production: HELPER + 'DEBUG = get_bool_from_env("DEBUG", True)\n', expect: ["security.W018"] },
  { name: "a helper whose default is False is silent", production: HELPER + 'DEBUG = get_bool_from_env("DEBUG", False)\n', expect: [] },
  { name: "a helper that reads a required variable is silent", production: 'import os\ndef need(name):\n    return os.environ[name] == "1"\nDEBUG = need("DEBUG")\n', expect: [] },
  { name: "a helper whose result the analysis cannot decide is silent", production: 'import socket\ndef pick():\n    if socket.gethostname() == "dev":\n        return True\n    return False\nDEBUG = pick()\n', expect: [] },
]);

test("debug-enabled: a helper's default is reported as depending on the variable it reads", async () => {
  const r = await auditSplit(`SECRET_KEY = "${GOOD_KEY}"\nALLOWED_HOSTS = ["x"]\n`, HELPER + 'DEBUG = get_bool_from_env("DEBUG", True)\n');
  const f = r.findings.find((x) => x.rule === "debug-enabled");
  assert.ok(f);
  assert.match(f.message, /DEBUG is on whenever DEBUG is unset/);
});

fixTable("debug-enabled", [
  { name: "production's own DEBUG = True is rewritten, safe", production: "DEBUG = True\n", expect: "from .base import *\nDEBUG = False\n", safety: "safe", title: /^Set DEBUG = False in production\.py$/ },
  { name: "env.bool's default True becomes False, the read stays", production: 'import environ\nenv = environ.Env()\nDEBUG = env.bool("DJANGO_DEBUG", default=True)\n', expect: 'from .base import *\nimport environ\nenv = environ.Env()\nDEBUG = env.bool("DJANGO_DEBUG", default=False)\n', safety: "safe", title: /^Default DEBUG to False when DJANGO_DEBUG is unset in production\.py$/ },
  { name: "inherited from base: inserted in production, base untouched", base: GOOD_BASE.replace("DEBUG = False", "DEBUG = True"), production: "", expect: "from .base import *\nDEBUG = False\n", safety: "safe" },
  { name: "the string \"False\" is truthy: rewritten to False", production: 'DEBUG = "False"\n', expect: "from .base import *\nDEBUG = False\n", safety: "safe" },
]);
