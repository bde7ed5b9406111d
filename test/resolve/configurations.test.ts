// Resolver: django-configurations class-based settings (fixtures modelled on its documented behaviour; not packaged
// for Debian): one environment per configuration class, values.*Value as env reads, resolution through the hierarchy.
import assert from "node:assert/strict";
import { test } from "node:test";
import { envReadsOf } from "../../server/src/resolve/values";
import { auditFiles, type ProjectFiles } from "../helpers/project";
import { repr } from "./resolveHelpers";

const MW = [
  "django.middleware.security.SecurityMiddleware",
  "django.contrib.sessions.middleware.SessionMiddleware",
  "django.middleware.csrf.CsrfViewMiddleware",
  "django.middleware.clickjacking.XFrameOptionsMiddleware",
];

const SETTINGS = [
  "from configurations import Configuration, values",
  "",
  "class Base(Configuration):",
  "    SECRET_KEY = values.SecretValue()",
  "    DEBUG = values.BooleanValue(False)",
  '    ALLOWED_HOSTS = values.ListValue(["example.com"])',
  '    INSTALLED_APPS = ["django.contrib.sessions", "django.contrib.auth"]',
  `    MIDDLEWARE = ${JSON.stringify(MW)}`,
  '    DATABASES = values.DatabaseURLValue("postgres://db/app")',
  "    SECURE_HSTS_SECONDS = 31536000",
  "    SECURE_HSTS_INCLUDE_SUBDOMAINS = True",
  "    SECURE_HSTS_PRELOAD = True",
  "    SECURE_SSL_REDIRECT = True",
  "    SESSION_COOKIE_SECURE = True",
  "    CSRF_COOKIE_SECURE = True",
  "",
  "class Dev(Base):",
  "    DEBUG = True",
  "",
  "class Prod(Base):",
  "    pass",
  "",
].join("\n");

function project(settings: string, extra: ProjectFiles = {}): ProjectFiles {
  return { "mysite/__init__.py": "", "mysite/settings.py": settings, ...extra };
}

async function envs(files: ProjectFiles) {
  const a = await auditFiles(files, { djangoVersion: "5.2" });
  return { a, byName: new Map(a.project.environments.map((e) => [e.name, e])) };
}

test("configurations: each Configuration class is an environment, kind from its name", async () => {
  const { byName } = await envs(project(SETTINGS));
  assert.deepEqual([...byName.keys()].sort(), ["mysite.settings.Base", "mysite.settings.Dev", "mysite.settings.Prod"]);
  assert.equal(byName.get("mysite.settings.Prod")?.kind, "production");
  assert.equal(byName.get("mysite.settings.Dev")?.kind, "development");
  assert.equal(byName.get("mysite.settings.Base")?.kind, "base");
  assert.equal(byName.has("mysite.settings"), false, "the module itself is not judged on its own");
});

test("configurations: values resolve through the hierarchy, nearest class first", async () => {
  const { byName } = await envs(project(SETTINGS));
  assert.equal(repr(byName.get("mysite.settings.Dev")!, "DEBUG"), "True");
  assert.equal(repr(byName.get("mysite.settings.Prod")!, "DEBUG"), "False");
  assert.equal(repr(byName.get("mysite.settings.Prod")!, "ALLOWED_HOSTS"), "['example.com']");
});

test("configurations: values.*Value are env reads with the DJANGO_ prefix, defaults and casts", async () => {
  const { byName } = await envs(project(SETTINGS));
  const prod = byName.get("mysite.settings.Prod")!;
  const debug = envReadsOf(prod.get("DEBUG").value);
  assert.deepEqual(debug.map((r) => [r.variable, r.hasDefault, r.cast]), [["DJANGO_DEBUG", true, "bool"]]);
  const key = prod.get("SECRET_KEY").value;
  assert.equal(key.k, "unknown");
  assert.deepEqual(envReadsOf(key).map((r) => [r.variable, r.hasDefault]), [["DJANGO_SECRET_KEY", false]]);
  const db = envReadsOf(prod.get("DATABASES").value);
  assert.ok(db.some((r) => r.variable === "DATABASE_URL"), "DatabaseURLValue reads DATABASE_URL, without the prefix");
  assert.equal(repr(prod, "DATABASES").includes("'ENGINE': 'django.db.backends.postgresql'"), true);
});

test("configurations: environ_name and environ_prefix name the variable", async () => {
  const { byName } = await envs(
    project(
      'from configurations import Configuration, values\nclass Prod(Configuration):\n    A = values.Value("x", environ_name="CUSTOM")\n    B = values.Value("y", environ_prefix="MYAPP")\n    C = values.Value("z", environ_prefix=None)\n    D = values.Value("w", environ=False)\n',
    ),
  );
  const prod = byName.get("mysite.settings.Prod")!;
  const names = (n: string) => envReadsOf(prod.get(n).value).map((r) => r.variable);
  assert.deepEqual([names("A"), names("B"), names("C"), names("D")], [["DJANGO_CUSTOM"], ["MYAPP_B"], ["C"], []]);
  assert.equal(repr(prod, "D"), "'w'");
});

test("configurations: DJANGO_CONFIGURATION in wsgi.py selects the deployed class, in manage.py the development one", async () => {
  const settings = SETTINGS + "class Heroku(Prod):\n    DEBUG = True\n\nclass Workstation(Base):\n    pass\n";
  const { byName } = await envs(
    project(settings, {
      "mysite/wsgi.py": 'import os\nos.environ.setdefault("DJANGO_SETTINGS_MODULE", "mysite.settings")\nos.environ.setdefault("DJANGO_CONFIGURATION", "Heroku")\n',
      "manage.py": 'import os\nif __name__ == "__main__":\n    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mysite.settings")\n    os.environ.setdefault("DJANGO_CONFIGURATION", "Workstation")\n',
    }),
  );
  assert.equal(byName.get("mysite.settings.Heroku")?.kind, "production");
  assert.equal(byName.get("mysite.settings.Heroku")?.kindSource, "DJANGO_CONFIGURATION in wsgi.py");
  assert.equal(byName.get("mysite.settings.Workstation")?.kind, "development");
});

const rows: Array<{ name: string; prod: string; expect: string[] }> = [
  { name: "a secure Prod is silent", prod: "    pass\n", expect: [] },
  { name: "DEBUG default True in Prod is found, whenever DJANGO_DEBUG is unset", prod: "    DEBUG = values.BooleanValue(True)\n", expect: ["security.W018"] },
  { name: "an inherited insecure value is found", prod: "    pass\n", expect: [] },
  { name: "a literal override in Prod is found", prod: '    X_FRAME_OPTIONS = "SAMEORIGIN"\n    SESSION_COOKIE_SECURE = False\n', expect: ["security.W012", "security.W019"] },
  { name: "a list extended from the base class through the attribute", prod: '    MIDDLEWARE = Base.MIDDLEWARE + ["x.Y"]\n    SECURE_HSTS_SECONDS = 0\n', expect: ["security.W004"] },
];

for (const row of rows) {
  test(`configurations rule table: ${row.name}`, async () => {
    const settings = SETTINGS.replace("class Prod(Base):\n    pass\n", "class Prod(Base):\n" + row.prod);
    const { a } = await envs(project(settings));
    const got = a.findings.filter((f) => f.environment === "mysite.settings.Prod" && f.djangoCheck).map((f) => f.djangoCheck!).sort();
    assert.deepEqual(got, row.expect);
  });
}

test("configurations: a class that does not derive from Configuration is no environment", async () => {
  const { byName } = await envs(project('class Helper:\n    X = 1\nDEBUG = False\nSECRET_KEY = "x"\n'));
  assert.deepEqual([...byName.keys()], ["mysite.settings"]);
});
