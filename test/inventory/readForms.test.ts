// Table over the env-read forms: each library's way of reading a variable must land in the inventory with its name, need, default, cast and readers.
import { strict as assert } from "node:assert";
import { test } from "node:test";
import { inventoryOf, splitProject, variableOf } from "./helpers";

const PROD = "proj.settings.production";

interface Row {
  name: string;
  production: string;
  base?: string;
  variable: string;
  /** Each listed field must equal the inventory's; `absent` says the variable must not be listed at all. */
  expect:
    | { absent: true }
    | {
        required?: boolean;
        default?: string | undefined;
        cast?: string | undefined;
        via?: string;
        settings?: string[];
        names?: string[];
        calls?: string[];
        secretDefault?: boolean;
      };
  /** Variables that must not be listed (the name without a prefix, say). */
  notListed?: string[];
}

const ROWS: Row[] = [
  { name: "os.environ[] is required", production: 'import os\nSECRET_KEY = os.environ["DJANGO_SECRET_KEY"]\n', variable: "DJANGO_SECRET_KEY", expect: { required: true, default: undefined, via: "os.environ[]", settings: ["SECRET_KEY"] } },
  { name: "os.environ.get with a default", production: 'import os\nTIME_ZONE = os.environ.get("TZ_NAME", "UTC")\n', variable: "TZ_NAME", expect: { required: false, default: "'UTC'", via: "os.environ.get", settings: ["TIME_ZONE"] } },
  { name: "a defaulted read the settings raise without is required", production: 'import os\nSECRET_KEY = os.getenv("APP_SECRET_KEY")\nif not SECRET_KEY:\n    raise RuntimeError("APP_SECRET_KEY must be set")\n', variable: "APP_SECRET_KEY", expect: { required: true, default: undefined, settings: ["SECRET_KEY"] } },
  { name: "os.environ.get without a default falls back to None", production: 'import os\nSENTRY = os.environ.get("SENTRY_DSN")\n', variable: "SENTRY_DSN", expect: { required: false, default: "None" } },
  { name: "os.getenv", production: 'import os\nDEBUG = os.getenv("DJANGO_DEBUG", "0") == "1"\n', variable: "DJANGO_DEBUG", expect: { required: false, default: "'0'", via: "os.getenv", settings: ["DEBUG"] } },
  { name: "from os import environ", production: 'from os import environ\nSECRET_KEY = environ["K"]\n', variable: "K", expect: { required: true, via: "os.environ[]" } },
  { name: "from os import getenv", production: 'from os import getenv\nX_URL = getenv("X_URL", "http://x")\n', variable: "X_URL", expect: { required: false, via: "os.getenv", default: "'http://x'" } },
  { name: "os.environ.setdefault", production: 'import os\nMODE = os.environ.setdefault("APP_MODE", "web")\n', variable: "APP_MODE", expect: { required: false, default: "'web'", via: "os.environ.setdefault" } },
  { name: "a wrapper keeps the setting as reader", production: 'import os\nCONN_MAX_AGE = int(os.environ.get("DB_AGE", "60"))\n', variable: "DB_AGE", expect: { default: "'60'", settings: ["CONN_MAX_AGE"] } },
  { name: "django-environ env() is required", production: 'import environ\nenv = environ.Env()\nSECRET_KEY = env("DJANGO_SECRET_KEY")\n', variable: "DJANGO_SECRET_KEY", expect: { required: true, via: "env", settings: ["SECRET_KEY"] } },
  { name: "env.bool with a default", production: 'import environ\nenv = environ.Env()\nDEBUG = env.bool("DJANGO_DEBUG", default=True)\n', variable: "DJANGO_DEBUG", expect: { required: false, default: "True", cast: "bool", via: "env.bool" } },
  { name: "a scheme default in environ.Env(...)", production: 'import environ\nenv = environ.Env(DJANGO_DEBUG=(bool, False))\nDEBUG = env("DJANGO_DEBUG")\n', variable: "DJANGO_DEBUG", expect: { required: false, default: "False", cast: "bool" } },
  { name: "env.list with an empty default", production: 'import environ\nenv = environ.Env()\nALLOWED_HOSTS = env.list("HOSTS", default=[])\n', variable: "HOSTS", expect: { required: false, default: "[]", cast: "list" } },
  { name: "env.db() reads DATABASE_URL implicitly", production: 'import environ\nenv = environ.Env()\nDATABASES = {"default": env.db()}\n', variable: "DATABASE_URL", expect: { required: true, via: "env.db", settings: ["DATABASES"] } },
  { name: "env.db_url with a name and a default", production: 'import environ\nenv = environ.Env()\nDATABASES = {"default": env.db_url("REPLICA_URL", default="sqlite:///r.db")}\n', variable: "REPLICA_URL", expect: { required: false, default: "'sqlite:///r.db'", via: "env.db_url" } },
  { name: "env.cache() reads CACHE_URL implicitly", production: 'import environ\nenv = environ.Env()\nCACHES = {"default": env.cache(default="locmemcache://")}\n', variable: "CACHE_URL", expect: { required: false, via: "env.cache", settings: ["CACHES"] } },
  {
    name: "env.prefix names every read",
    production: 'import environ\nenv = environ.Env()\nenv.prefix = "SHOP_"\nSECRET_KEY = env("SECRET_KEY")\n',
    variable: "SHOP_SECRET_KEY",
    expect: { required: true, settings: ["SECRET_KEY"] },
    notListed: ["SECRET_KEY"],
  },
  {
    name: "env.prefix applies to env.db()'s implicit name",
    production: 'import environ\nenv = environ.Env()\nenv.prefix = "APP_"\nDATABASES = {"default": env.db()}\n',
    variable: "APP_DATABASE_URL",
    expect: { required: true },
    notListed: ["DATABASE_URL"],
  },
  {
    name: "a prefix set in base reaches production's reads through the import",
    base: 'import environ\nenv = environ.Env()\nenv.prefix = "B_"\n',
    production: 'DEBUG = env.bool("DEBUG", default=False)\n',
    variable: "B_DEBUG",
    expect: { required: false, default: "False" },
  },
  { name: "the scheme is looked up with the prefix, as django-environ does", production: 'import environ\nenv = environ.Env(P_FLAG=(bool, True))\nenv.prefix = "P_"\nFLAG = env("FLAG")\n', variable: "P_FLAG", expect: { required: false, default: "True", cast: "bool" } },
  { name: "environ.Env(prefix=...) is a scheme entry, not a prefix", production: 'import environ\nenv = environ.Env(prefix="X_")\nKEY = env("KEY")\n', variable: "KEY", expect: { required: true } },
  { name: "dj_database_url.config() reads DATABASE_URL", production: 'import dj_database_url\nDATABASES = {"default": dj_database_url.config(conn_max_age=600)}\n', variable: "DATABASE_URL", expect: { required: false, via: "dj_database_url.config", settings: ["DATABASES"] } },
  { name: "dj_database_url.config(env=...)", production: 'import dj_database_url\nDATABASES = {"default": dj_database_url.config(env="PRIMARY_DB")}\n', variable: "PRIMARY_DB", expect: { required: false, via: "dj_database_url.config" } },
  {
    name: "a database URL default with a password is masked and secret-looking",
    production: 'import dj_database_url\nDATABASES = {"default": dj_database_url.config(default="postgres://shop:hunter2hunter2@db/shop")}\n',
    variable: "DATABASE_URL",
    expect: { default: "'postgres://shop:…(14 chars)@db/shop'", secretDefault: true },
  },
  { name: "decouple config() is required", production: 'from decouple import config\nSECRET_KEY = config("SECRET_KEY")\n', variable: "SECRET_KEY", expect: { required: true, via: "config" } },
  { name: "decouple Csv()", production: 'from decouple import config, Csv\nALLOWED_HOSTS = config("ALLOWED_HOSTS", default="a.example,b.example", cast=Csv())\n', variable: "ALLOWED_HOSTS", expect: { required: false, default: "'a.example,b.example'", cast: "csv" } },
  { name: "decouple cast=bool", production: 'from decouple import config\nDEBUG = config("DEBUG", default=False, cast=bool)\n', variable: "DEBUG", expect: { required: false, default: "False", cast: "bool" } },
  { name: "a read in an if test reaches no setting but is listed", production: 'import environ\nenv = environ.Env()\nif env.bool("USE_S3", default=False):\n    AWS_BUCKET = env("AWS_BUCKET")\n', variable: "USE_S3", expect: { required: false, settings: [], names: [], calls: [] } },
  { name: "a guard `in os.environ` makes the variable optional, not required", production: 'import os\nif "SENTRY_DSN" in os.environ:\n    SENTRY_DSN = os.environ["SENTRY_DSN"]\n', variable: "SENTRY_DSN", expect: { required: false } },
  { name: "a guard `os.environ.get(X)` makes the variable optional, not required", production: 'import os\nif os.environ.get("REDIS_URL"):\n    CACHE_URL = os.environ["REDIS_URL"]\n', variable: "REDIS_URL", expect: { required: false } },
  { name: "a read in a branch not taken is not listed", production: 'import environ\nenv = environ.Env()\nif env.bool("USE_S3", default=False):\n    AWS_BUCKET = env("AWS_BUCKET")\n', variable: "AWS_BUCKET", expect: { absent: true } },
  { name: "a read passed to a top-level call", production: 'import os\nimport sentry_sdk\nsentry_sdk.init(dsn=os.environ["SENTRY_DSN"])\nDEBUG = False\n', variable: "SENTRY_DSN", expect: { required: true, settings: [], calls: ["sentry_sdk.init()"] } },
  {
    name: "a lower-case intermediate and the setting built from it",
    production: 'import os\nimport dj_database_url\ndb_url = os.environ["DB"]\nDATABASES = {"default": dj_database_url.parse(db_url)}\n',
    variable: "DB",
    expect: { required: true, settings: ["DATABASES"], names: ["db_url"] },
  },
  { name: "an overridden required read still fails the load", production: 'import os\nSECRET_KEY = os.environ["OLD_KEY"]\nSECRET_KEY = "x" * 60\n', variable: "OLD_KEY", expect: { required: true, settings: ["SECRET_KEY"] } },
  {
    name: "a read in base counts for production",
    base: 'import os\nSECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "django-insecure-abcdefghijkl")\n',
    production: "",
    variable: "DJANGO_SECRET_KEY",
    expect: { required: false, default: "'djan…(28 chars)'", secretDefault: true, settings: ["SECRET_KEY"] },
  },
  { name: "an empty secret default is not secret-looking", production: 'import os\nSECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")\n', variable: "DJANGO_SECRET_KEY", expect: { default: "''", secretDefault: false } },
];

for (const row of ROWS) {
  test(`env read: ${row.name}`, async () => {
    const { inv } = await inventoryOf(splitProject(row.production, row.base));
    const v = variableOf(inv, PROD, row.variable);
    for (const n of row.notListed ?? []) assert.equal(variableOf(inv, PROD, n), undefined, `${n} must not be listed`);
    if ("absent" in row.expect) {
      assert.equal(v, undefined, `${row.variable} must not be listed`);
      return;
    }
    assert.ok(v, `${row.variable} is listed; got ${inv.environments.find((e) => e.env.name === PROD)?.variables.map((x) => x.variable).join(", ")}`);
    const e = row.expect;
    const got = {
      required: v.required,
      default: v.defaultDisplay,
      cast: v.cast,
      via: v.reads[0].read.via,
      settings: v.settings,
      names: [...new Set(v.reads.flatMap((r) => r.names))],
      calls: [...new Set(v.reads.flatMap((r) => r.calls))],
      secretDefault: v.secretDefaults.length > 0,
    };
    for (const key of Object.keys(e) as Array<keyof typeof got>) assert.deepEqual(got[key], (e as Record<string, unknown>)[key], `${key} of ${row.variable}`);
  });
}
