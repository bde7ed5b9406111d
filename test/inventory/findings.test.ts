// env-undocumented and env-unused: when each fires, where it points, what waives it, and the default-trips cross-reference.
import { strict as assert } from "node:assert";
import { test } from "node:test";
import { inventoryFindings } from "../../server/src/inventory/findings";
import type { Finding } from "../../server/src/rules/types";
import { inventoryOf, rel, splitProject, variableOf, writeTree, type Files } from "./helpers";
import { buildInventory } from "../../server/src/inventory/inventory";
import { sharedEngine } from "../helpers/project";

const PROD = "proj.settings.production";

function summary(dir: string, findings: Finding[]): string[] {
  return findings.map((f) => `${f.rule} ${f.severity} ${f.environment} ${rel(dir, f.location.file)}:${f.location.range.start.line + 1}:${f.location.range.start.character + 1}`).sort();
}

interface Row {
  name: string;
  files: Files;
  expect: string[];
}

const REQUIRED = 'import os\nSECRET_KEY = os.environ["DJANGO_SECRET_KEY"]\n';

const ROWS: Row[] = [
  { name: "a required production variable documented nowhere", files: splitProject(REQUIRED), expect: [`env-undocumented warning ${PROD} proj/settings/production.py:2:14`] },
  { name: "documented in .env.example: quiet", files: splitProject(REQUIRED, undefined, { ".env.example": "DJANGO_SECRET_KEY=\n" }), expect: [] },
  { name: "documented in a compose file: quiet", files: splitProject(REQUIRED, undefined, { "docker-compose.yml": "services:\n  web:\n    build: .\n    environment:\n      - DJANGO_SECRET_KEY\n" }), expect: [] },
  {
    name: "documented only by a local .env that read_env loads: still undocumented",
    files: splitProject('import environ\nenv = environ.Env()\nenv.read_env()\nSECRET_KEY = env("DJANGO_SECRET_KEY")\n', undefined, { "proj/settings/.env": "DJANGO_SECRET_KEY=local\n" }),
    expect: [`env-undocumented warning ${PROD} proj/settings/production.py:4:14`],
  },
  { name: "a defaulted variable documented nowhere: quiet", files: splitProject('import os\nSECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")\n'), expect: [] },
  {
    name: "a development environment's required variable: quiet",
    files: { "proj/__init__.py": "", "proj/settings/__init__.py": "", "proj/settings/development.py": REQUIRED },
    expect: [],
  },
  {
    name: "a required read in base is reported once per deployed environment, at the read",
    files: {
      "proj/__init__.py": "",
      "proj/settings/__init__.py": "",
      "proj/settings/base.py": REQUIRED,
      "proj/settings/production.py": "from .base import *\n",
      "proj/settings/staging.py": "from .base import *\n",
      "proj/settings/local.py": "from .base import *\n",
    },
    expect: ["env-undocumented warning proj.settings.production proj/settings/base.py:2:14", "env-undocumented warning proj.settings.staging proj/settings/base.py:2:14"],
  },
  { name: "a waiver on the read's line", files: splitProject('import os\nSECRET_KEY = os.environ["DJANGO_SECRET_KEY"]  # django-settings-hygiene: ignore[env-undocumented]\n'), expect: [] },
  { name: "a waiver for another rule does not waive it", files: splitProject('import os\nSECRET_KEY = os.environ["DJANGO_SECRET_KEY"]  # django-settings-hygiene: ignore[debug-enabled]\n'), expect: [`env-undocumented warning ${PROD} proj/settings/production.py:2:14`] },
  {
    name: "a documented variable nothing reads, at its line in the documenting file",
    files: splitProject('import os\nSECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")\n', undefined, { ".env.example": "DJANGO_SECRET_KEY=\nOLD_NAME=1\n" }),
    expect: [`env-unused information ${PROD} .env.example:2:1`],
  },
  {
    name: "unused is reported for each deployed environment",
    files: {
      "proj/__init__.py": "",
      "proj/settings/__init__.py": "",
      "proj/settings/production.py": "DEBUG = False\n",
      "proj/settings/staging.py": "DEBUG = False\n",
      "proj/settings/local.py": "DEBUG = True\n",
      ".env.example": "OLD_NAME=1\n",
    },
    expect: ["env-unused information proj.settings.production .env.example:1:1", "env-unused information proj.settings.staging .env.example:1:1"],
  },
  {
    name: "unused: platform variables, compose interpolation and reads elsewhere in the project are not reported",
    files: splitProject("DEBUG = False\n", undefined, {
      ".env.example": "DJANGO_SETTINGS_MODULE=proj.settings.production\nPORT=8000\nPYTHONUNBUFFERED=1\nPG_PASS=x\nCELERY_CONCURRENCY=4\nDEAD=1\n",
      "docker-compose.yml": "services:\n  db:\n    image: postgres\n    environment:\n      POSTGRES_PASSWORD: ${PG_PASS}\n",
      "proj/celery.py": 'import os\nconcurrency = int(os.environ.get("CELERY_CONCURRENCY", "2"))\n',
    }),
    expect: [`env-unused information ${PROD} .env.example:6:1`],
  },
  {
    name: "unused: a name read with a django-environ prefix counts as read",
    files: splitProject('import environ\nenv = environ.Env()\nenv.prefix = "SHOP_"\nif env.bool("USE_S3", default=False):\n    AWS_KEY = env("AWS_KEY")\n', undefined, { ".env.example": "SHOP_USE_S3=1\nSHOP_AWS_KEY=\nAWS_KEY=\n" }),
    expect: [],
  },
  {
    name: "unused: a waiver comment on the documenting line",
    files: splitProject("DEBUG = False\n", undefined, { ".env.example": "KEEP=1 # django-settings-hygiene: ignore[env-unused]\nDROP=1\n" }),
    expect: [`env-unused information ${PROD} .env.example:2:1`],
  },
];

for (const row of ROWS) {
  test(`inventory findings: ${row.name}`, async () => {
    const { audit, dir } = await inventoryOf(row.files);
    assert.deepEqual(summary(dir, inventoryFindings(audit)), [...row.expect].sort());
  });
}

test("inventory findings: message, setting, related open references and a stable fingerprint", async () => {
  const files = splitProject(REQUIRED, undefined, {
    "k8s/web.yaml": "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n      containers:\n        - name: django\n          image: shop\n          args: [gunicorn, proj.wsgi]\n          envFrom:\n            - secretRef:\n                name: prod-secrets\n",
  });
  const { audit, dir } = await inventoryOf(files);
  const [f] = inventoryFindings(audit);
  assert.equal(f.rule, "env-undocumented");
  assert.equal(f.setting, "SECRET_KEY");
  assert.equal(f.djangoCheck, null);
  assert.match(f.message, /^DJANGO_SECRET_KEY is required \(SECRET_KEY\) but documented nowhere/);
  assert.deepEqual(
    f.related.map((r) => `${rel(dir, r.loc.file)}:${r.loc.range.start.line + 1} ${r.message}`),
    ["k8s/web.yaml:14 envFrom Secret prod-secrets of Deployment web is not in the tree: it may provide DJANGO_SECRET_KEY"],
  );
  const again = await inventoryOf({ ...files, "proj/settings/production.py": "\n\n" + files["proj/settings/production.py"] });
  const moved = inventoryFindings(again.audit)[0] as Finding & { fingerprint: string };
  assert.equal(moved.location.range.start.line, 3, "the read moved two lines down");
  assert.equal(moved.fingerprint, (f as Finding & { fingerprint: string }).fingerprint);
  assert.match(moved.fingerprint, /^[0-9a-f]{32}$/);
});

test("inventory findings: disabled rules and severity overrides are honoured", async () => {
  const { audit } = await inventoryOf(splitProject(REQUIRED, undefined, { ".env.example": "GONE=1\n" }));
  assert.deepEqual(inventoryFindings(audit).map((f) => f.rule).sort(), ["env-undocumented", "env-unused"]);
  assert.deepEqual(inventoryFindings(audit, { disabled: ["env-unused"] }).map((f) => f.rule), ["env-undocumented"]);
  assert.deepEqual(inventoryFindings(audit, { severities: { "env-undocumented": "error" } }).find((f) => f.rule === "env-undocumented")?.severity, "error");
});

test("default trips: a finding whose value rests on a defaulted read names the variable; a literal does not", async () => {
  const { inv } = await inventoryOf(
    splitProject(
      'import environ\nenv = environ.Env()\nDEBUG = env.bool("DJANGO_DEBUG", default=True)\nSECURE_SSL_REDIRECT = env.bool("DJANGO_SSL", default=True)\nDATABASES = {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": env("DB_NAME", default="db.sqlite3")}}\n',
    ),
  );
  const debug = variableOf(inv, PROD, "DJANGO_DEBUG")!;
  assert.deepEqual(debug.trips.map((t) => `${t.rule} ${t.setting}`), ["debug-enabled DEBUG"]);
  assert.deepEqual(variableOf(inv, PROD, "DJANGO_SSL")!.trips, [], "a secure default trips nothing");
  assert.deepEqual(variableOf(inv, PROD, "DB_NAME")!.trips, []);
});

const FILE_CACHE = (location: string) =>
  `import environ\nenv = environ.Env()\nMEDIA_ROOT = "/srv/media"\nCACHES = {"default": {"BACKEND": "django.core.cache.backends.filebased.FileBasedCache", "LOCATION": ${location}, "TIMEOUT": env.int("CACHE_TIMEOUT", default=300)}}\n`;

const TRIP_ROWS: Array<{ name: string; production: string; base?: string; expect: Record<string, string[]>; defaults?: Record<string, string> }> = [
  {
    name: "a branch decided by a default trips through the test",
    production: 'import environ\nenv = environ.Env()\nif env.bool("IS_PROD", default=False):\n    DEBUG = False\nelse:\n    DEBUG = True\n',
    expect: { IS_PROD: ["debug-enabled DEBUG"] },
  },
  {
    name: "a finding on one dict entry implicates that entry's reads only",
    production: FILE_CACHE('"/srv/media/cache"'),
    expect: { CACHE_TIMEOUT: [] },
  },
  {
    name: "a finding on an entry read from the environment implicates that read",
    production: FILE_CACHE('env("CACHE_DIR", default="/srv/media/cache")'),
    expect: { CACHE_DIR: ["cache-location-exposed CACHES"], CACHE_TIMEOUT: [] },
  },
  {
    name: "a branch decided by a default implicates a finding on one entry of the value it chose",
    production: 'import environ\nenv = environ.Env()\nMEDIA_ROOT = "/srv/media"\nif env.bool("USE_REDIS", default=False):\n    CACHES = {}\nelse:\n    CACHES = {"default": {"BACKEND": "django.core.cache.backends.filebased.FileBasedCache", "LOCATION": "/srv/media/cache"}}\n',
    expect: { USE_REDIS: ["cache-location-exposed CACHES"] },
  },
  {
    name: "the default shown is the one the environment ends up with, not an overridden one",
    base: 'import environ\nenv = environ.Env(DJANGO_DEBUG=(bool, False))\nDEBUG = env("DJANGO_DEBUG")\n',
    production: 'DEBUG = env.bool("DJANGO_DEBUG", default=True)\n',
    expect: { DJANGO_DEBUG: ["debug-enabled DEBUG"] },
    defaults: { DJANGO_DEBUG: "True" },
  },
];

for (const row of TRIP_ROWS) {
  test(`default trips: ${row.name}`, async () => {
    const { inv } = await inventoryOf(splitProject(row.production, row.base));
    for (const [variable, trips] of Object.entries(row.expect)) {
      const v = variableOf(inv, PROD, variable);
      assert.ok(v, `${variable} is listed`);
      assert.deepEqual(v.trips.map((t) => `${t.rule} ${t.setting}`), trips, variable);
    }
    for (const [variable, shown] of Object.entries(row.defaults ?? {})) assert.equal(variableOf(inv, PROD, variable)?.defaultDisplay, shown);
  });
}

// DefectDojo, Kiwi: the password's default sits in django-environ's scheme; the other DATABASES reads are innocent.
test("default trips: a secret default in django-environ's scheme implicates its own variable, not the dict's other reads", async () => {
  const dir = writeTree(splitProject('import environ\nenv = environ.Env(DB_PASSWORD=(str, "Kq8vN2xLp4Tz"), DB_NAME=(str, "app"))\nDATABASES = {"default": {"ENGINE": "django.db.backends.postgresql", "NAME": env("DB_NAME"), "PASSWORD": env("DB_PASSWORD"), "CONN_MAX_AGE": 60}}\n'));
  const audit = (await sharedEngine()).audit(dir, { djangoVersion: "5.2" });
  const inv = buildInventory(audit);
  assert.deepEqual(variableOf(inv, PROD, "DB_PASSWORD")!.trips.map((t) => `${t.rule} ${t.setting}`), ["hardcoded-database-password DATABASES"]);
  assert.deepEqual(variableOf(inv, PROD, "DB_NAME")!.trips, []);
});

test("inventory findings: waivers: false leaves every waiver to the engine's waiver pass", async () => {
  const { audit } = await inventoryOf(splitProject('import os\nSECRET_KEY = os.environ["DJANGO_SECRET_KEY"]  # django-settings-hygiene: ignore[env-undocumented]\n', undefined, { ".env.example": "X=1  # django-settings-hygiene: ignore[env-unused]\n" }));
  assert.deepEqual(inventoryFindings(audit).map((f) => f.rule), []);
  assert.deepEqual(inventoryFindings(audit, { waivers: false }).map((f) => f.rule).sort(), ["env-undocumented", "env-unused"]);
});
