// Entry-point readers: every file kind that names a settings module, what each reference implies, and what names nothing.
import assert from "node:assert/strict";
import { test } from "node:test";
import { entryFileProfile, pythonProfile } from "../../server/src/project/entryFiles";
import { evaluatePath } from "../../server/src/project/pathExpr";
import { scanTextEntry } from "../../server/src/project/textEntries";
import { scanPythonEntry } from "../../server/src/parse/settingsModuleDefaults";
import { sharedEngine } from "../helpers/project";

type Mention = [module: string, line: number, how: string, implies: string];

/** [path relative to the root, text, the mentions expected]. */
const TEXT_CASES: Array<[string, string, Mention[]]> = [
  ["Dockerfile", "FROM python\nENV DJANGO_SETTINGS_MODULE=proj.settings.prod\n", [["proj.settings.prod", 2, "set", "production"]]],
  ["Dockerfile", "ENV PYTHONUNBUFFERED=1 \\\n    DJANGO_SETTINGS_MODULE=proj.settings.prod\n", [["proj.settings.prod", 2, "set", "production"]]],
  ["docker/Dockerfile", "ENV DJANGO_SETTINGS_MODULE proj.settings.docker\n", [["proj.settings.docker", 1, "set", "production"]]],
  ["Dockerfile.dev", "ENV DJANGO_SETTINGS_MODULE=proj.settings.base\n", [["proj.settings.base", 1, "set", "development"]]],
  ["Dockerfile", "# ENV DJANGO_SETTINGS_MODULE=proj.settings.old\nRUN echo $DJANGO_SETTINGS_MODULE ${DJANGO_SETTINGS_MODULE}\n", []],
  ["docker-compose.yml", "services:\n  web:\n    command: python manage.py runserver\n    environment:\n      - DJANGO_SETTINGS_MODULE=proj.settings.box\n", [["proj.settings.box", 5, "set", "development"]]],
  ["docker-compose.yml", "services:\n  web:\n    command: gunicorn proj.wsgi\n    environment:\n      DJANGO_SETTINGS_MODULE: \"proj.settings.box\"\n", [["proj.settings.box", 5, "set", "production"]]],
  ["docker-compose.yml", "services:\n  web:\n    environment:\n      DJANGO_SETTINGS_MODULE: proj.settings.box\n", [["proj.settings.box", 4, "set", "unspecified"]]],
  ["compose.staging.yaml", "services:\n  web:\n    environment:\n      DJANGO_SETTINGS_MODULE: ${DJANGO_SETTINGS_MODULE:-proj.settings.box}\n", [["proj.settings.box", 4, "default", "staging"]]],
  ["k8s/web.yaml", "kind: Deployment\nspec:\n  env:\n    - name: DJANGO_SETTINGS_MODULE\n      value: \"proj.settings.cluster\"\n", [["proj.settings.cluster", 5, "set", "production"]]],
  ["ecs/task.json", "", []],
  ["charts/web/values-prod.yaml", "env:\n  DJANGO_SETTINGS_MODULE: proj.settings.cluster\n", [["proj.settings.cluster", 2, "set", "production"]]],
  ["Procfile", "web: gunicorn proj.wsgi --env DJANGO_SETTINGS_MODULE=proj.settings.paas\nrelease: python manage.py migrate --settings=proj.settings.paas\n", [["proj.settings.paas", 1, "set", "production"], ["proj.settings.paas", 2, "argument", "production"]]],
  ["app.json", '{"env": {"DJANGO_SETTINGS_MODULE": {"value": "proj.settings.paas"}}}\n', [["proj.settings.paas", 1, "set", "production"]]],
  [".env", "DJANGO_SETTINGS_MODULE=proj.settings.local\n", [["proj.settings.local", 1, "set", "unspecified"]]],
  [".env.production", "DJANGO_SETTINGS_MODULE='proj.settings.aws'\n", [["proj.settings.aws", 1, "set", "production"]]],
  [".envs/.local/.django", "DJANGO_SETTINGS_MODULE=config.settings.local\n", [["config.settings.local", 1, "set", "development"]]],
  ["deploy/web.service", '[Service]\nEnvironment="DJANGO_SETTINGS_MODULE=proj.settings.server"\n', [["proj.settings.server", 2, "set", "production"]]],
  ["uwsgi.ini", "[uwsgi]\nenv = DJANGO_SETTINGS_MODULE=proj.settings.server\n", [["proj.settings.server", 2, "set", "production"]]],
  ["pytest.ini", "[pytest]\nDJANGO_SETTINGS_MODULE = proj.settings.test\naddopts = --ds=proj.settings.test2\n", [["proj.settings.test", 2, "set", "testing"], ["proj.settings.test2", 3, "argument", "testing"]]],
  ["tox.ini", "[testenv]\nsetenv =\n    DJANGO_SETTINGS_MODULE=proj.settings.ci\n", [["proj.settings.ci", 3, "set", "testing"]]],
  ["setup.cfg", "[tool:pytest]\nDJANGO_SETTINGS_MODULE = proj.settings.test\n\n[mypy.plugins.django-stubs]\ndjango_settings_module = proj.settings\n", [["proj.settings.test", 2, "set", "testing"], ["proj.settings", 5, "set", "unspecified"]]],
  ["pyproject.toml", '[tool.pytest.ini_options]\nDJANGO_SETTINGS_MODULE = "proj.settings.test"\n\n[tool.django-stubs]\ndjango_settings_module = "proj.settings"\n', [["proj.settings.test", 2, "set", "testing"], ["proj.settings", 5, "set", "unspecified"]]],
  ["fly.toml", '[env]\n  DJANGO_SETTINGS_MODULE = "proj.settings.fly"\n', [["proj.settings.fly", 2, "set", "production"]]],
  [".github/workflows/ci.yml", "jobs:\n  test:\n    env:\n      DJANGO_SETTINGS_MODULE: proj.settings.ci\n", [["proj.settings.ci", 4, "set", "testing"]]],
  [".github/workflows/deploy.yml", "jobs:\n  go:\n    steps:\n      - run: DJANGO_SETTINGS_MODULE=proj.settings.live ./manage.py migrate\n", [["proj.settings.live", 4, "set", "production"]]],
  [".gitlab-ci.yml", "test:\n  script:\n    - pytest --ds=proj.settings.ci\n", [["proj.settings.ci", 3, "argument", "testing"]]],
  ["Makefile", "run:\n\t./manage.py runserver --settings=proj.settings.box\ntest:\n\t./manage.py test --settings=proj.settings.box\ndeploy:\n\tDJANGO_SETTINGS_MODULE=proj.settings.box fab deploy\n", [["proj.settings.box", 2, "argument", "development"], ["proj.settings.box", 4, "argument", "testing"], ["proj.settings.box", 6, "set", "production"]]],
  ["scripts/start.sh", "#!/bin/sh\nexport DJANGO_SETTINGS_MODULE=proj.settings.box\nexec gunicorn proj.wsgi\n", [["proj.settings.box", 2, "set", "unspecified"]]],
  ["bin/serve.sh", "exec gunicorn proj.wsgi -e DJANGO_SETTINGS_MODULE=proj.settings.box\n", [["proj.settings.box", 1, "set", "production"]]],
];

test("text entry points: each file kind, what it implies, and what names nothing", () => {
  for (const [rel, text, expected] of TEXT_CASES) {
    const profile = entryFileProfile(rel);
    if (!text) {
      assert.equal(profile, undefined, rel);
      continue;
    }
    assert.ok(profile, `${rel} is not read`);
    const got = scanTextEntry(profile, text).map((m): Mention => [m.module, m.line, m.how, m.implies]);
    assert.deepEqual(got, expected, rel);
  }
});

test("files that are not entry points are not read", () => {
  for (const rel of ["README.md", "package.json", "docs/index.rst", "static/app.js", "poetry.lock"]) assert.equal(entryFileProfile(rel), undefined, rel);
});

test("python entry points: what each file implies, and test modules are none", () => {
  const cases: Array<[string, string | undefined]> = [
    ["manage.py", "development"],
    ["proj/wsgi.py", "production"],
    ["proj/asgi/__init__.py", "production"],
    ["proj/wsgi/app.py", "production"],
    ["gunicorn.conf.py", "production"],
    ["proj/celeryconf.py", "production"],
    ["proj/wsgi_dev.py", "development"],
    ["conftest.py", "testing"],
    ["proj/tests/conftest.py", "testing"],
    ["proj/tests/test_settings.py", undefined],
    ["proj/test_views.py", undefined],
    // Sphinx builds the docs with Django set up (django-oscar's settings_sphinx): not a deployment.
    ["docs/conf.py", "development"],
    ["docs/source/conf.py", "development"],
    ["scripts/conf.py", "unspecified"],
    ["scripts/load_data.py", "unspecified"],
  ];
  for (const [rel, implies] of cases) assert.equal(pythonProfile(rel)?.implies, implies, rel);
});

test("python entry points: setdefault, assignment, update, env reads with a default, patterns, --settings, docstrings", async () => {
  const { parser } = await sharedEngine();
  const cases: Array<[string, Array<[string, boolean, number, string]>]> = [
    ['import os\nos.environ.setdefault("DJANGO_SETTINGS_MODULE", "a.settings")\n', [["a.settings", false, 2, "default"]]],
    ['import os\ndef main():\n    os.environ["DJANGO_SETTINGS_MODULE"] = "a.settings.prod"\n', [["a.settings.prod", false, 3, "set"]]],
    ['import os\nos.environ.update(DJANGO_SETTINGS_MODULE="a.s")\nos.environ.update({"DJANGO_SETTINGS_MODULE": "b.s"})\n', [["a.s", false, 2, "set"], ["b.s", false, 3, "set"]]],
    ['import os\nos.environ.setdefault("DJANGO_SETTINGS_MODULE", os.getenv("DSM", "a.settings.prod"))\n', [["a.settings.prod", false, 2, "default"]]],
    ['import os\nos.environ["DJANGO_SETTINGS_MODULE"] = os.environ.get("X") or "a.settings"\n', [["a.settings", false, 2, "default"]]],
    ['import os\nenv = os.environ.get("ENV", "dev")\nos.environ.setdefault("DJANGO_SETTINGS_MODULE", f"a.settings.{env}")\n', [["a.settings.*", true, 3, "default"]]],
    ['import os\nos.environ.setdefault("DJANGO_SETTINGS_MODULE", "a.settings.%s" % ENV)\n', [["a.settings.*", true, 2, "default"]]],
    ['import os\nos.environ.setdefault("DJANGO_SETTINGS_MODULE", "a.settings." + ENV)\n', [["a.settings.*", true, 2, "default"]]],
    ['import sys\nsys.argv += ["--settings=a.settings.dev"]\n', [["a.settings.dev", false, 2, "argument"]]],
    ['raw_env = ["DJANGO_SETTINGS_MODULE=a.settings.server"]\n', [["a.settings.server", false, 1, "set"]]],
    ['"""Run with DJANGO_SETTINGS_MODULE=a.settings.ddt"""\nfrom . import *\n', []],
    ['import os\nx = os.environ["DJANGO_SETTINGS_MODULE"]\nos.environ.get("DJANGO_SETTINGS_MODULE")\n', []],
  ];
  for (const [text, expected] of cases) {
    const scan = scanPythonEntry(parser, text);
    assert.deepEqual(
      scan.mentions.map((m) => [m.module, m.pattern, m.line, m.how]),
      expected,
      text,
    );
  }
});

test("sys.path.insert in manage.py: __file__-relative paths evaluate, anything else does not", async () => {
  const { parser } = await sharedEngine();
  const file = "/p/manage.py";
  const cases: Array<[string, string[]]> = [
    ['import os, sys\nBASE_DIR = os.path.dirname(os.path.abspath(__file__))\nsys.path.insert(0, os.path.join(BASE_DIR, "src"))\n', ["/p/src"]],
    ['import sys\nfrom pathlib import Path\nsys.path.insert(0, str(Path(__file__).resolve().parent.parent))\n', ["/"]],
    ['import sys\nfrom pathlib import Path\nROOT = Path(__file__).parent\nsys.path.append(str(ROOT / "apps"))\n', ["/p/apps"]],
    ['import sys\nsys.path.insert(0, "lib")\n', ["/p/lib"]],
    ['import sys\nsys.path.insert(0, "/opt/app")\nsys.path.insert(0, os.environ["X"])\n', []],
  ];
  for (const [text, expected] of cases) {
    const scan = scanPythonEntry(parser, text);
    const dirs = scan.sysPath.map((p) => evaluatePath(p.expr, file, scan.assignments)).filter((d): d is string => d !== undefined);
    assert.deepEqual(dirs, expected, text);
  }
});
