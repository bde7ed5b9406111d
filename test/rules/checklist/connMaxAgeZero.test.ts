// Rule table and fix goldens for conn-max-age-zero: non-persistent database connections in deployed environments.
import assert from "node:assert/strict";
import { test } from "node:test";
import { auditFiles, PRODUCTION_ENV, ruleTable } from "../../helpers/project";
import { envTable, fixGolden, GOOD_BASE, split } from "./checklistTestHelpers";

const R = "conn-max-age-zero";
const PG = '"ENGINE": "django.db.backends.postgresql", "NAME": "app"';

ruleTable(R, [
  { name: "absent CONN_MAX_AGE fires", production: `DATABASES = {"default": {${PG}}}\n`, expect: [R] },
  { name: "CONN_MAX_AGE = 0 fires", production: `DATABASES = {"default": {${PG}, "CONN_MAX_AGE": 0}}\n`, expect: [R] },
  { name: "60 is silent", production: `DATABASES = {"default": {${PG}, "CONN_MAX_AGE": 60}}\n`, expect: [] },
  { name: "None (unlimited) is silent", production: `DATABASES = {"default": {${PG}, "CONN_MAX_AGE": None}}\n`, expect: [] },
  { name: "set later by item assignment: silent", production: `DATABASES = {"default": {${PG}}}\nDATABASES["default"]["CONN_MAX_AGE"] = 600\n`, expect: [] },
  { name: "SQLite is skipped", production: 'DATABASES = {"default": {"ENGINE": "django.db.backends.sqlite3"}}\n', expect: [] },
  { name: "5.1 pooling requires 0: silent", djangoVersion: "5.1", production: `DATABASES = {"default": {${PG}, "OPTIONS": {"pool": True}}}\n`, expect: [] },
  { name: "ASGI deployments pool instead: silent", production: `ASGI_APPLICATION = "proj.asgi.application"\nDATABASES = {"default": {${PG}}}\n`, expect: [] },
  { name: "an unknown CONN_MAX_AGE is silent", production: `import os\nDATABASES = {"default": {${PG}, "CONN_MAX_AGE": int(os.environ["AGE"])}}\n`, expect: [] },
  { name: "dj_database_url.config() without conn_max_age fires (URL unset)", production: 'import dj_database_url\nDATABASES = {"default": dj_database_url.config()}\n', expect: [R] },
  { name: "dj_database_url.config(conn_max_age=600) is silent (URL unset)", production: 'import dj_database_url\nDATABASES = {"default": dj_database_url.config(conn_max_age=600)}\n', expect: [] },
  { name: "dj_database_url with a default and conn_max_age is silent", production: 'import dj_database_url\nDATABASES = {"default": dj_database_url.config(default="postgres://u:p@h/db", conn_max_age=60)}\n', expect: [] },
  { name: "env.db with a default and no ?conn_max_age fires", production: 'import environ\nenv = environ.Env()\nDATABASES = {"default": env.db("DATABASE_URL", default="postgres://u:p@h/db")}\n', expect: [R] },
  { name: "env.db with ?conn_max_age=60 is silent", production: 'import environ\nenv = environ.Env()\nDATABASES = {"default": env.db("DATABASE_URL", default="postgres://u:p@h/db?conn_max_age=60")}\n', expect: [] },
  { name: "env.db without a default is unknown: silent", production: 'import environ\nenv = environ.Env()\nDATABASES = {"default": env.db()}\n', expect: [] },
  { name: "no DATABASES at all: silent", production: "", expect: [] },
]);

envTable(R, [
  {
    name: "the message says when the value depends on an env var",
    files: split(GOOD_BASE, 'import environ\nenv = environ.Env()\nDATABASES = {"default": env.db("DATABASE_URL", default="postgres://u:p@h/db")}\n'),
    environment: "proj.settings.production",
    expect: 1,
    message: /is not set whenever DATABASE_URL is unset/,
  },
]);

fixGolden(R, {
  name: "a literal 0 becomes 60",
  files: split(GOOD_BASE, `DATABASES = {"default": {${PG}, "CONN_MAX_AGE": 0}}\n`),
  file: "proj/settings/production.py",
  after: `from .base import *\nDATABASES = {"default": {${PG}, "CONN_MAX_AGE": 60}}\n`,
  safety: "unsafe",
});

fixGolden(R, {
  name: "an absent key is set in the environment's own module, even when DATABASES comes from base",
  files: split(GOOD_BASE + `DATABASES = {"default": {${PG}}}\n`, "DEBUG = False"),
  file: "proj/settings/production.py",
  after: 'from .base import *\nDEBUG = False\nDATABASES["default"]["CONN_MAX_AGE"] = 60\n',
  safety: "unsafe",
});

fixGolden(R, {
  name: "dj_database_url.config() gets the item assignment too",
  files: split(GOOD_BASE, 'import dj_database_url\nDATABASES = {"default": dj_database_url.config()}\n'),
  file: "proj/settings/production.py",
  after: 'from .base import *\nimport dj_database_url\nDATABASES = {"default": dj_database_url.config()}\nDATABASES["default"]["CONN_MAX_AGE"] = 60\n',
  safety: "unsafe",
});

// saleor: default and replica both read DB_CONN_MAX_AGE with a 0 default. One fingerprint for both let a baseline that
// accepted the default alias hide the replica added later.
test("two aliases with the same problem have different fingerprints", async () => {
  const db = '{"ENGINE": "django.db.backends.postgresql", "NAME": "app", "CONN_MAX_AGE": int(os.environ.get("DB_CONN_MAX_AGE", 0))}';
  const audit = await auditFiles(split(GOOD_BASE, `import os\nDATABASES = {"default": ${db}, "replica": ${db}}\n`), { djangoVersion: "5.2" });
  const mine = audit.findings.filter((f) => f.rule === R && f.environment === PRODUCTION_ENV);
  assert.equal(mine.length, 2, mine.map((f) => f.message).join("\n"));
  assert.notEqual(mine[0].fingerprint, mine[1].fingerprint);
});
