// Resolver: django-split-settings' include(*names) with a tuple of paths (wemake-django-template), in argument order.
import assert from "node:assert/strict";
import { test } from "node:test";
import { auditFiles } from "../helpers/project";
import { environment, repr } from "./resolveHelpers";

const COMMON = 'import os\nSECRET_KEY = os.environ["SECRET_KEY"]\nALLOWED_HOSTS = ["shop.example.com"]\nMIDDLEWARE = ["django.middleware.security.SecurityMiddleware", "django.middleware.csrf.CsrfViewMiddleware", "django.middleware.clickjacking.XFrameOptionsMiddleware"]\nDEBUG = True\n';
const files = (init: string) => ({
  "manage.py": 'import os\nos.environ.setdefault("DJANGO_SETTINGS_MODULE", "server.settings")\n',
  "server/__init__.py": "",
  "server/settings/__init__.py": init,
  "server/settings/components/__init__.py": "",
  "server/settings/components/common.py": COMMON,
  "server/settings/components/late.py": "DEBUG = False\n",
});

test("include(*names): every path of a known tuple runs, in order, optional() ones too", async () => {
  const init = 'from split_settings.tools import include, optional\n_base = ("components/common.py", optional("local.py"))\ninclude(*_base, "components/late.py")\n';
  const { env } = await environment(files(init), "server.settings");
  assert.equal(repr(env, "ALLOWED_HOSTS"), "['shop.example.com']");
  assert.equal(repr(env, "DEBUG"), "False", "late.py runs after the spread's files");
});

test("include(*names): the components' settings are not reported as missing", async () => {
  const init = 'from split_settings.tools import include\n_base = ("components/common.py",)\ninclude(*_base)\n';
  const a = await auditFiles(files(init), { djangoVersion: "5.2" });
  const missing = a.findings.filter((f) => ["allowed-hosts-empty", "secret-key-missing", "csrf-middleware-missing", "security-middleware-missing", "xframe-middleware-missing"].includes(f.rule));
  assert.deepEqual(missing.map((f) => f.rule), []);
});

test("include(*names) of a sequence the analysis cannot list says so", async () => {
  const init = 'import os\nfrom split_settings.tools import include\ninclude(*os.environ["PARTS"].split(","))\n';
  const { env } = await environment(files(init), "server.settings");
  assert.ok(env.notes.some((n) => /include\(\) path that is not known statically/.test(n.message)), env.notes.map((n) => n.message).join("\n"));
});

// wemake-django-template: f"environments/{_ENV}.py" picks a file at run time; what those files set is not judged.
test("include() of a computed path: the settings its candidate files set are unjudged, the rest still judged", async () => {
  const init = [
    "from os import environ",
    "from split_settings.tools import include, optional",
    "environ.setdefault('DJANGO_ENV', 'development')",
    "_ENV = environ['DJANGO_ENV']",
    "_base = ('components/common.py', f'environments/{_ENV}.py', optional('environments/local.py'))",
    "include(*_base)",
    "",
  ].join("\n");
  const more = {
    ...files(init),
    "server/settings/components/common.py": 'import os\nSECRET_KEY = os.environ["SECRET_KEY"]\nMIDDLEWARE = ["django.middleware.security.SecurityMiddleware"]\nDEBUG = True\n',
    "server/settings/environments/__init__.py": "",
    "server/settings/environments/development.py": 'ALLOWED_HOSTS = ["localhost"]\n',
    "server/settings/environments/production.py": 'DEBUG = False\nALLOWED_HOSTS = ["shop.example.com"]\nSESSION_COOKIE_SECURE = True\n',
  };
  const { env } = await environment(more, "server.settings");
  for (const name of ["ALLOWED_HOSTS", "DEBUG", "SESSION_COOKIE_SECURE"]) assert.equal(env.get(name).value.k, "unknown", name);
  assert.equal(repr(env, "MIDDLEWARE"), "['django.middleware.security.SecurityMiddleware']", "what no candidate sets is still known");
  assert.ok(env.notes.some((n) => /picks one of __init__\.py, development\.py, production\.py at run time: the 3 settings they set are not judged/.test(n.message)), env.notes.map((n) => n.message).join("\n"));
  const a = await auditFiles(more, { djangoVersion: "5.2" });
  assert.deepEqual(a.findings.filter((f) => f.rule === "allowed-hosts-empty" || f.rule === "session-cookie-not-secure").map((f) => f.rule), []);
});
