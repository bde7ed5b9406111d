// Debian's python-decouple, dj-database-url and django-split-settings load settings beside Django 3.2, every variable
// unset: the values the analysis gives for what they return, and Django's deploy check ids, must be theirs.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import * as path from "node:path";
import { test, type TestContext } from "node:test";
import { pyRepr } from "../../server/src/resolve/values";
import { deployCheckIds, REPO_ROOT, requireDjango, settingRepr } from "../helpers/django";
import { writeProject } from "../helpers/project";
import { environment } from "../resolve/resolveHelpers";

const PYTHON = "/usr/bin/python3";
const CLI = path.join(REPO_ROOT, "bin", "django-settings-hygiene.js");

/** Skips without the library for /usr/bin/python3 locally; on CI (.ci/run installs it) it must be there. */
function requireLibrary(t: TestContext, module: string, pkg: string): boolean {
  if (!requireDjango(t)) return false;
  const r = spawnSync(PYTHON, ["-c", `import ${module}`], { encoding: "utf8" });
  if (r.status === 0) return true;
  if (process.env.CI) assert.fail(`${pkg} must be installed for ${PYTHON} on CI (apt-get install ${pkg})`);
  t.skip(`${pkg} is not installed for ${PYTHON}`);
  return false;
}

const MANAGE = 'import os\nos.environ.setdefault("DJANGO_SETTINGS_MODULE", "proj.settings")\n';
const REQUIREMENTS = "Django==3.2.25\n";

interface Case {
  name: string;
  module: string;
  pkg: string;
  files: Record<string, string>;
  /** Expressions over `settings` whose repr Django and the analysis must agree on. */
  exprs: string[];
}

const CASES: Case[] = [
  {
    name: "python-decouple: config() with casts, Csv and booleans in decouple's own words",
    module: "decouple",
    pkg: "python3-decouple",
    files: {
      "proj/settings.py": [
        "from decouple import config, Csv",
        'DEBUG = config("DSH_DEBUG", default=True, cast=bool)',
        'SECRET_KEY = config("DSH_SECRET_KEY", default="k" * 60)',
        'ALLOWED_HOSTS = config("DSH_HOSTS", default="a.example.com, b.example.com", cast=Csv())',
        'SESSION_COOKIE_SECURE = config("DSH_SESSION_SECURE", default="off", cast=bool)',
        'CSRF_COOKIE_SECURE = config("DSH_CSRF_SECURE", default="yes", cast=bool)',
        'SECURE_HSTS_SECONDS = config("DSH_HSTS", default="3600", cast=int)',
        'SECURE_SSL_REDIRECT = config("DSH_SSL", default=False, cast=bool)',
        'MIDDLEWARE = ["django.middleware.security.SecurityMiddleware", "django.middleware.clickjacking.XFrameOptionsMiddleware"]',
        "",
      ].join("\n"),
    },
    exprs: ["settings.DEBUG", "settings.ALLOWED_HOSTS", "settings.SESSION_COOKIE_SECURE", "settings.CSRF_COOKIE_SECURE", "settings.SECURE_HSTS_SECONDS", "settings.SECURE_SSL_REDIRECT"],
  },
  {
    name: "dj-database-url: config() and parse() with a committed URL, conn_max_age and ssl_require",
    module: "dj_database_url",
    pkg: "python3-dj-database-url",
    files: {
      "proj/settings.py": [
        "import dj_database_url",
        'SECRET_KEY = "Zq8#vW2!pL6@xN4$rT0%yB7^mC3&hJ9*dF5(gS1)kQ8#vW2!pL6@"',
        "DEBUG = False",
        'ALLOWED_HOSTS = ["shop.example.com"]',
        "DATABASES = {",
        '    "default": dj_database_url.config(default="postgres://shop:Pw-d1ff3rential@db.example.com:5433/shop", conn_max_age=600),',
        '    "replica": dj_database_url.parse("mysql://reader:r3ader-pw@replica.example.com/shop", conn_max_age=60, ssl_require=True),',
        "}",
        'MIDDLEWARE = ["django.middleware.security.SecurityMiddleware", "django.middleware.clickjacking.XFrameOptionsMiddleware"]',
        "",
      ].join("\n"),
    },
    // ENGINE differs between dj-database-url releases (postgresql_psycopg2 in Debian's 0.5.0): not compared.
    exprs: ["settings.DEBUG", ...["default", "replica"].flatMap((db) => ["NAME", "USER", "PASSWORD", "HOST", "PORT", "CONN_MAX_AGE"].map((k) => `settings.DATABASES[${JSON.stringify(db)}].get(${JSON.stringify(k)})`))],
  },
  {
    name: "django-split-settings: include() of components in order, optional() of a missing file, += and a sliced spread across components",
    module: "split_settings",
    pkg: "python3-django-split-settings",
    files: {
      "proj/settings/__init__.py": [
        "from split_settings.tools import include, optional",
        'include("components/base.py", "components/security.py", optional("local.py"))',
        "",
      ].join("\n"),
      "proj/settings/components/__init__.py": "",
      "proj/settings/components/base.py": [
        "DEBUG = True",
        'SECRET_KEY = "Zq8#vW2!pL6@xN4$rT0%yB7^mC3&hJ9*dF5(gS1)kQ8#vW2!pL6@"',
        'ALLOWED_HOSTS = ["shop.example.com"]',
        'MIDDLEWARE = ["django.middleware.security.SecurityMiddleware"]',
        "SECURE_HSTS_SECONDS = 60",
        "",
      ].join("\n"),
      "proj/settings/components/security.py": [
        "DEBUG = False",
        'MIDDLEWARE += ["django.middleware.clickjacking.XFrameOptionsMiddleware"]',
        'MIDDLEWARE = (*MIDDLEWARE[:1], "django.contrib.sessions.middleware.SessionMiddleware", *MIDDLEWARE[1:])',
        "SESSION_COOKIE_SECURE = True",
        "SECURE_HSTS_SECONDS = SECURE_HSTS_SECONDS * 10",
        "",
      ].join("\n"),
    },
    exprs: ["settings.DEBUG", "settings.MIDDLEWARE", "settings.SESSION_COOKIE_SECURE", "settings.SECURE_HSTS_SECONDS", "settings.ALLOWED_HOSTS"],
  },
];

for (const c of CASES) {
  test(`${c.name}: the values and the deploy check ids are Django's`, async (t) => {
    if (!requireLibrary(t, c.module, c.pkg)) return;
    const files = { "manage.py": MANAGE, "requirements.txt": REQUIREMENTS, "proj/__init__.py": "", ...c.files };
    const dir = writeProject(files, "dsh-libraries-");
    const want = settingRepr(dir, "proj.settings", `[${c.exprs.join(", ")}]`);
    const { env } = await environment(files, "proj.settings", { djangoVersion: "3.2" });
    const got = `[${c.exprs.map((e) => pyRepr(valueOf(env, e))).join(", ")}]`;
    t.diagnostic(got);
    assert.equal(got, want, "the analysis and the library disagree on a value");

    // Django's own deploy checks on the module the library built, against the CLI's Django check ids for it.
    const oracle = deployCheckIds(dir, "proj.settings");
    assert.ok(oracle.ids, `Django could not load the settings: ${oracle.error}`);
    const r = spawnSync(process.execPath, [CLI, "audit", dir, "--format", "json", "--django-version", "3.2", "--exit-zero"], { encoding: "utf8" });
    assert.equal(r.status, 0, r.stderr);
    const report = JSON.parse(r.stdout) as { findings: Array<{ djangoCheck: string | null; environments: string[] }> };
    const ids = [...new Set(report.findings.filter((f) => f.djangoCheck && f.environments.includes("proj.settings")).map((f) => f.djangoCheck!))].sort();
    assert.deepEqual(ids, [...new Set(oracle.ids)].sort(), "the CLI's deploy check ids differ from Django's");
  });
}

/** `settings.NAME`, or `settings.NAME["db"].get("KEY")`: the analysed value the expression names. */
function valueOf(env: Awaited<ReturnType<typeof environment>>["env"], expr: string) {
  const m = /^settings\.([A-Z_]+)(?:\["(\w+)"\]\.get\("(\w+)"\))?$/.exec(expr);
  assert.ok(m, expr);
  let v = env.get(m[1]).value;
  for (const key of [m[2], m[3]]) {
    if (key === undefined) break;
    assert.equal(v.k, "dict", `${expr}: ${pyRepr(v)} is not a known dict`);
    const hit = v.k === "dict" ? v.entries.find(([k]) => k.k === "str" && k.v === key) : undefined;
    v = hit ? hit[1] : { k: "none" };
  }
  return v;
}
