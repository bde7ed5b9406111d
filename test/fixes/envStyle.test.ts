// The project's env-reading style and the variable names fixes choose: env(), config() or os.environ[], conventional names first.
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { test } from "node:test";
import { envVarName } from "../../server/src/fixes/envNames";
import { envStyle, readExpr } from "../../server/src/fixes/envStyle";
import type { ModuleModel } from "../../server/src/parse/model";
import { parseModule } from "../../server/src/parse/parseModule";
import { sharedEngine, writeProject } from "../helpers/project";

async function styleOf(files: Record<string, string>, target: string): Promise<string> {
  const dir = writeProject(files);
  const engine = await sharedEngine();
  const load = (file: string): ModuleModel | undefined => (fs.existsSync(file) ? parseModule(engine.parser, file, fs.readFileSync(file, "utf8")).model : undefined);
  const model = load(path.join(dir, target))!;
  const style = envStyle(model, load, dir);
  return readExpr(style, "X") + (style.kind === "os" && style.importOs ? " +import" : "");
}

const styles: Array<{ name: string; files: Record<string, string>; target?: string; expect: string }> = [
  { name: "environ.Env() in the module", files: { "s.py": "import environ\nenv = environ.Env()\n" }, expect: 'env("X")' },
  { name: "Env imported from environ, another name", files: { "s.py": "from environ import Env\nENVIRONMENT = Env(DEBUG=(bool, False))\n" }, expect: 'ENVIRONMENT("X")' },
  { name: "env imported from the base module", files: { "base.py": "import environ\nenv = environ.Env()\n", "prod.py": "from .base import env\n", "__init__.py": "" }, target: "prod.py", expect: 'env("X")' },
  { name: "env through a star import", files: { "base.py": "import environ\nenv = environ.Env()\n", "prod.py": "from .base import *\n", "__init__.py": "" }, target: "prod.py", expect: 'env("X")' },
  { name: "decouple's config", files: { "s.py": "from decouple import Csv, config\n" }, expect: 'config("X")' },
  { name: "decouple's config under an alias", files: { "s.py": "from decouple import config as cfg\n" }, expect: 'cfg("X")' },
  { name: "decouple AutoConfig", files: { "s.py": "from decouple import AutoConfig\nconfig = AutoConfig(search_path='/srv')\n" }, expect: 'config("X")' },
  { name: "import decouple", files: { "s.py": "import decouple\n" }, expect: 'decouple.config("X")' },
  { name: "import os", files: { "s.py": "import os\n" }, expect: 'os.environ["X"]' },
  { name: "from os import environ", files: { "s.py": "from os import environ\n" }, expect: 'environ["X"]' },
  { name: "os through a star import", files: { "base.py": "import os\n", "prod.py": "from .base import *\n", "__init__.py": "" }, target: "prod.py", expect: 'os.environ["X"]' },
  { name: "nothing imported: os is added", files: { "s.py": "DEBUG = False\n" }, expect: 'os.environ["X"] +import' },
  { name: "django-environ wins over os", files: { "s.py": "import os\nimport environ\nenv = environ.Env()\n" }, expect: 'env("X")' },
];

for (const s of styles) {
  test(`env style: ${s.name}`, async () => {
    assert.equal(await styleOf(s.files, s.target ?? "s.py"), s.expect);
  });
}

const names: Array<[Array<string | number>, string, string?]> = [
  [["SECRET_KEY"], "DJANGO_SECRET_KEY"],
  [["SECRET_KEY_FALLBACKS", 0], "DJANGO_SECRET_KEY_FALLBACK"],
  [["SECRET_KEY_FALLBACKS", 1], "DJANGO_SECRET_KEY_FALLBACK_2"],
  [["DATABASES", "default", "PASSWORD"], "DATABASE_PASSWORD"],
  [["DATABASES", "replica", "PASSWORD"], "REPLICA_DATABASE_PASSWORD"],
  [["DATABASES", "default"], "DATABASE_URL"],
  [["DATABASES", "default", "OPTIONS", "passwd"], "DATABASE_PASSWD"],
  [["CACHES", "default", "LOCATION"], "REDIS_URL", "redis://:p@h:6379/0"],
  [["CACHES", "default", "LOCATION"], "CACHE_URL", "memcache://h:11211"],
  [["CACHES", "default", "OPTIONS", "PASSWORD"], "CACHE_PASSWORD"],
  [["STORAGES", "default", "OPTIONS", "secret_key"], "AWS_SECRET_ACCESS_KEY"],
  [["EMAIL_HOST_PASSWORD"], "EMAIL_HOST_PASSWORD"],
  [["BROKER_URL"], "CELERY_BROKER_URL"],
  [["STRIPE_SECRET_KEY"], "STRIPE_SECRET_KEY"],
  [["SOCIALACCOUNT_PROVIDERS", "google", "APP", "secret"], "SOCIALACCOUNT_PROVIDERS_GOOGLE_APP_SECRET"],
  [["sentry_sdk.init()", "dsn"], "SENTRY_DSN"],
];

test("variable names: conventional first, else derived from the path", () => {
  for (const [p, want, literal] of names) assert.equal(envVarName(p, literal), want, JSON.stringify(p));
});
