// Table for hardcoded-database-password: DATABASES[alias]["PASSWORD"] literals and env-read defaults, and their near misses.
import { ALNUM, fake, rand } from "../../secrets/planted";
import { py, secretTable } from "./secretTable";

const PW = fake(rand("hdp-pw", 16, ALNUM), "-", rand("hdp-pw2", 4, ALNUM));
const secrets = [PW];
const db = (password: string, extra = "") => `DATABASES = {"default": {"ENGINE": "django.db.backends.postgresql", "NAME": "shop", "USER": "shop", "PASSWORD": ${password}, "HOST": "db"${extra}}}\n`;

secretTable("hardcoded-database-password", [
  { name: "a literal password", base: db(py(PW)), expect: ["base.py:1"], secrets, messageIncludes: ["DATABASES['default']['PASSWORD'] is a database password"], fixable: true },
  { name: "item assignment", production: `DATABASES = {"default": {"ENGINE": "django.db.backends.postgresql"}}\nDATABASES["default"]["PASSWORD"] = ${py(PW)}\n`, expect: ["production.py:3"], secrets },
  { name: "a second alias", base: `DATABASES = {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": "x"}, "replica": {"ENGINE": "django.db.backends.postgresql", "PASSWORD": ${py(PW)}}}\n`, expect: ["base.py:1"], secrets, messageIncludes: ["DATABASES['replica']['PASSWORD']"] },
  { name: "the default of os.getenv", base: `import os\n${db(`os.getenv("POSTGRES_PASSWORD", ${py(PW)})`)}`, expect: ["base.py:2"], secrets, messageIncludes: ["when POSTGRES_PASSWORD is unset"] },
  { name: "a password in OPTIONS (MySQL)", base: `DATABASES = {"default": {"ENGINE": "django.db.backends.mysql", "OPTIONS": {"passwd": ${py(PW)}}}}\n`, expect: ["base.py:1"], secrets },
  { name: "a lower-case module variable", base: `db_password = ${py(PW)}\n${db("db_password")}`, expect: ["base.py:1"], secrets },
  // bakerydemo, healthchecks: the branch is decided against while DATABASE_HOST is unset, the default is committed anyway.
  { name: "an env-read default in a branch decided against", base: `import os\nif "DATABASE_HOST" in os.environ:\n    ${db(`os.environ.get("DB_PASSWORD", ${py(PW)})`)}`, expect: ["base.py:3"], secrets },
  { name: "a django-environ default inside str() in a branch decided against", base: `import environ\nenv = environ.Env()\nif env.bool("USE_PG", default=False):\n    ${db(`str(env("DB_PASSWORD", default=${py(PW)}))`)}`, expect: ["base.py:4"], secrets },
  { name: "near miss: DATABASES production replaces", base: db(py(PW)), production: `import os\n${db(`os.environ["DB_PASSWORD"]`)}`, expect: [] },
  { name: "near miss: a password production sets from the environment", base: db(py(PW)), production: `import os\nDATABASES["default"]["PASSWORD"] = os.environ["DB_PASSWORD"]\n`, expect: [] },
  { name: "near miss: empty default", base: `import os\n${db(`os.environ.get("DB_PASSWORD", "")`)}`, expect: [] },
  { name: "near miss: required env read", base: `import os\n${db(`os.environ["DB_PASSWORD"]`)}`, expect: [] },
  { name: "near miss: the docker default postgres", base: db(py("postgres")), expect: [] },
  { name: "near miss: a ${VAR} stand-in", base: db(py("${DB_PASSWORD}")), expect: [] },
  { name: "near miss: a URL password belongs to hardcoded-url-password", base: `import dj_database_url\nDATABASES = {"default": dj_database_url.parse("postgres://shop:${PW}@db/shop")}\n`, expect: [], secrets },
  // taiga's tests/config.py: USER "taiga", PASSWORD "taiga" for the CI database.
  { name: "a short password is a stand-in in the testing environment", testing: db(py("taiga")), environment: "proj.settings.test", expect: [] },
  { name: "test values are fine in the testing environment", testing: db(py("testing-password-1")), environment: "proj.settings.test", expect: [] },
]);
