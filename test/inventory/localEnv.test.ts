// Table over the ways settings load a local .env (read_env, load_dotenv, read_dotenv, decouple): which file, whether its path is known, whether the load is conditional, and which keys it provides.
import { strict as assert } from "node:assert";
import { test } from "node:test";
import { inventoryOf, rel, splitProject, variableOf, type Files } from "./helpers";

const PROD = "proj.settings.production";

interface Row {
  name: string;
  production: string;
  extra: Files;
  /** `file via pathKnown conditional exists keys…` for each local file of proj.settings.production. */
  expect: string[];
  /** A variable read by the settings that the loaded file provides. */
  provided?: { variable: string; at: string };
}

const READS = 'import environ\nenv = environ.Env()\nDATABASE_URL_SET = env("DATABASE_URL", default="")\n';

const ROWS: Row[] = [
  {
    name: "env.read_env() loads the .env beside the settings module",
    production: READS + "env.read_env()\n",
    extra: { "proj/settings/.env": "DATABASE_URL=sqlite:///x\n" },
    expect: ["proj/settings/.env read_env known unconditional exists DATABASE_URL"],
    provided: { variable: "DATABASE_URL", at: "proj/settings/.env:1" },
  },
  {
    name: "environ.Env.read_env(os.path.join(BASE_DIR, '.env')): the path is inferred and found upwards",
    production: "import os\n" + READS + 'environ.Env.read_env(os.path.join(BASE_DIR, ".env"))\n',
    extra: { ".env": "DATABASE_URL=x\nOTHER=1\n" },
    expect: [".env read_env inferred unconditional exists DATABASE_URL,OTHER"],
    provided: { variable: "DATABASE_URL", at: ".env:1" },
  },
  {
    // DefectDojo: `env.read_env(root("dojo/settings/" + env.str("DD_ENV_PATH", ".env.prod")))` printed DD_ENV_PATH as a folder.
    name: "a path built from an env read's default leaves the variable's name out",
    production: READS + 'env.read_env("proj/settings/" + env.str("DD_ENV_PATH", ".env.prod"))\n',
    extra: { "proj/settings/.env.prod": "DATABASE_URL=x\n" },
    expect: ["proj/settings/.env.prod read_env inferred unconditional exists DATABASE_URL"],
  },
  {
    name: "a literal path is relative to the project root",
    production: READS + 'env.read_env(".env.local")\n',
    extra: { ".env.local": "L=1\n" },
    expect: [".env.local read_env known unconditional exists L"],
  },
  {
    name: "a read_env the settings skip while the variables are unset is conditional",
    production: READS + 'if env.bool("READ_DOT_ENV", default=False):\n    env.read_env(str(BASE_DIR / ".env"))\n',
    extra: { ".env": "DATABASE_URL=x\n" },
    expect: [".env read_env inferred conditional exists DATABASE_URL"],
  },
  {
    name: "a read_env after a failing import in the same try body never runs: conditional",
    production: READS + "try:\n    from .missing_local import *\n    env.read_env()\nexcept ImportError:\n    pass\n",
    extra: { "proj/settings/.env": "DATABASE_URL=x\n" },
    expect: ["proj/settings/.env read_env known conditional exists DATABASE_URL"],
  },
  {
    name: "load_dotenv() walks up from the settings module (find_dotenv)",
    production: "from dotenv import load_dotenv\nload_dotenv()\n" + READS,
    extra: { ".env": "DATABASE_URL=x\n" },
    expect: [".env load_dotenv known unconditional exists DATABASE_URL"],
  },
  {
    name: "load_dotenv(dotenv_path=BASE_DIR / 'config' / '.env') joins the literals",
    production: 'from dotenv import load_dotenv\nload_dotenv(dotenv_path=BASE_DIR / "config" / ".env")\nDEBUG = False\n',
    extra: { "config/.env": "C=1\n" },
    expect: ["config/.env load_dotenv inferred unconditional exists C"],
  },
  {
    name: "django-dotenv's read_dotenv() loads the .env beside the module",
    production: "import dotenv\ndotenv.read_dotenv()\nDEBUG = False\n",
    extra: {},
    expect: ["proj/settings/.env read_dotenv known unconditional missing "],
  },
  {
    name: "python-decouple reads settings.ini before .env in the nearest directory holding one",
    production: 'from decouple import config\nSECRET_KEY = config("SECRET_KEY")\n',
    extra: { "settings.ini": "[settings]\nSECRET_KEY = abc\n[other]\nNOT_THIS = 1\n", ".env": "SECRET_KEY=from-dotenv\n" },
    expect: ["settings.ini decouple known unconditional exists SECRET_KEY"],
    provided: { variable: "SECRET_KEY", at: "settings.ini:2" },
  },
  {
    name: "python-decouple without settings.ini or .env loads nothing",
    production: 'from decouple import config\nSECRET_KEY = config("SECRET_KEY")\n',
    extra: {},
    expect: [],
  },
  {
    name: "settings that load nothing have no local file, even with a .env in the tree",
    production: READS,
    extra: { ".env": "DATABASE_URL=x\n" },
    expect: [],
  },
];

for (const row of ROWS) {
  test(`local .env: ${row.name}`, async () => {
    const { inv, dir } = await inventoryOf(splitProject(row.production, undefined, row.extra));
    const env = inv.environments.find((e) => e.env.name === PROD)!;
    const got = env.localEnvFiles.map(
      (f) => `${rel(dir, f.file)} ${f.via} ${f.pathKnown ? "known" : "inferred"} ${f.conditional ? "conditional" : "unconditional"} ${f.exists ? "exists" : "missing"} ${f.keys.map((k) => k.variable).join(",")}`,
    );
    assert.deepEqual(got, row.expect);
    if (row.provided) {
      const v = variableOf(inv, PROD, row.provided.variable);
      assert.ok(v, `${row.provided.variable} is read`);
      assert.deepEqual(v.providedLocally.map((p) => `${rel(dir, p.file)}:${p.loc.range.start.line + 1}`), [row.provided.at]);
    }
  });
}
