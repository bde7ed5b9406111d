// Resolver: which modules are environments and of what kind (entry points, package path, name, configuration).
import assert from "node:assert/strict";
import { test } from "node:test";
import { classifyByName, placeKind } from "../../server/src/resolve/classify";
import type { EntryRef } from "../../server/src/project/entryPoints";
import { decideKind, type KindEvidence } from "../../server/src/project/kinds";
import { auditFiles } from "../helpers/project";

const DJANGO = { "requirements.txt": "Django==4.2\n" };

test("classifyByName: words in the module name decide the kind", () => {
  const cases: Array<[string, string | undefined]> = [
    ["/p/settings/base.py", "base"],
    ["/p/settings/common.py", "base"],
    ["/p/settings/dev.py", "development"],
    ["/p/settings/local.py", "development"],
    ["/p/envs/devstack.py", "development"],
    ["/p/settings/prod.py", "production"],
    ["/p/settings/live.py", "production"],
    ["/p/settings/production.py", "production"],
    ["/p/settings/staging.py", "staging"],
    ["/p/settings/stage.py", "staging"],
    ["/p/settings/test.py", "testing"],
    ["/p/settings/ci.py", "testing"],
    ["/p/settings_prod.py", "production"],
    // Testing words are checked first: a test module for production is a test module.
    ["/p/settings/test_production.py", "testing"],
    ["/p/settings/alpha.py", undefined],
    ["/p/settings/production/__init__.py", "production"],
  ];
  assert.deepEqual(
    cases.map(([f]) => [f, classifyByName(f)]),
    cases,
  );
});

test("placeKind: the package path as well as the stem; testing anywhere wins; base only in the stem", () => {
  const cases: Array<[file: string, packages: string[], expected: [string, string] | undefined]> = [
    ["/p/proj/settings/development/ddt.py", ["proj", "settings", "development"], ["development", "path proj/settings/development/"]],
    ["/p/proj/settings/development/silk.py", ["proj", "settings", "development"], ["development", "path proj/settings/development/"]],
    ["/p/proj/settings/testing/base.py", ["proj", "settings", "testing"], ["testing", "path proj/settings/testing/"]],
    ["/p/saleor/tests/settings.py", ["saleor", "tests"], ["testing", "path saleor/tests/"]],
    ["/p/proj/tests/settings/production.py", ["proj", "tests", "settings"], ["testing", "path proj/tests/"]],
    ["/p/lms/envs/devstack.py", ["lms", "envs"], ["development", "module name devstack.py"]],
    ["/p/proj/settings/docker_dev.py", ["proj", "settings"], ["development", "module name docker_dev.py"]],
    ["/p/proj/settings/production/__init__.py", ["proj", "settings", "production"], ["production", "path proj/settings/production/"]],
    ["/p/proj/settings/base.py", ["proj", "settings"], ["base", "module name base.py"]],
    ["/p/core/settings.py", ["core"], undefined],
    ["/p/proj/settings.py", ["proj"], undefined],
  ];
  for (const [file, packages, expected] of cases) {
    const got = placeKind(file, packages);
    assert.deepEqual(got ? [got.kind, got.source] : undefined, expected, file);
  }
});

function ref(file: string, line: number, implies: EntryRef["implies"], how: EntryRef["how"] = "default"): EntryRef {
  return { module: "m", pattern: false, implies, how, file, line, what: file, type: "python" };
}

test("decideKind: configuration, entry points, path, name, in that order; guesses are marked", () => {
  const rel = (f: string) => f;
  const base: KindEvidence = { refs: [], deployedElsewhere: false, rel };
  const dev = { kind: "development" as const, source: "module name dev.py" };
  const cases: Array<[string, KindEvidence, [string, string, boolean]]> = [
    ["configuration wins", { ...base, configured: "staging", refs: [ref("asgi.py", 3, "production")] }, ["staging", "configuration", false]],
    ["deployed beats development", { ...base, refs: [ref("manage.py", 6, "development"), ref("saleor/asgi/__init__.py", 37, "production")] }, ["production", "named by saleor/asgi/__init__.py:37", false]],
    ["a tests/ module is never production", { ...base, refs: [ref("wsgi.py", 2, "production")], place: { kind: "testing", source: "path saleor/tests/" } }, ["testing", "path saleor/tests/, though named by wsgi.py:2 for deployment", false]],
    ["pytest agrees with the path", { ...base, refs: [ref("pytest.ini", 2, "testing")], place: { kind: "testing", source: "path tests/" } }, ["testing", "named by pytest.ini:2", false]],
    ["a staging name under a deployed entry point", { ...base, refs: [ref("Dockerfile", 9, "production", "set")], place: { kind: "staging", source: "module name staging.py" } }, ["staging", "named by Dockerfile:9", false]],
    ["a dev module deployed: conflicting, a guess", { ...base, refs: [ref("wsgi.py", 6, "production")], place: dev }, ["production", "named by wsgi.py:6, though its module name dev.py says development", true]],
    ["wsgi only defaults to dev.py beside production.py", { ...base, refs: [ref("wsgi.py", 6, "production")], place: dev, deployedSibling: "settings/production.py" }, ["development", "module name dev.py; named by wsgi.py:6 only as a default, beside settings/production.py", false]],
    ["pytest alone", { ...base, refs: [ref("setup.cfg", 4, "testing", "set")] }, ["testing", "named by setup.cfg:4", false]],
    ["manage.py while another module is deployed", { ...base, refs: [ref("manage.py", 6, "development")], deployedElsewhere: true }, ["development", "named by manage.py:6", false]],
    ["manage.py and nothing deployed: a guess", { ...base, refs: [ref("manage.py", 6, "development")] }, ["production", "named by manage.py:6, and no entry point names a module for deployment", true]],
    ["manage.py naming production.py", { ...base, refs: [ref("manage.py", 6, "development")], place: { kind: "production", source: "module name production.py" }, deployedElsewhere: true }, ["production", "module name production.py, though named by manage.py:6 for development", true]],
    ["the name alone", { ...base, place: { kind: "development", source: "path settings/development/" } }, ["development", "path settings/development/", false]],
    ["a name that says nothing", { ...base, refs: [ref("scripts/load.py", 12, "unspecified")] }, ["production", "named by scripts/load.py:12, which does not say for which environment", true]],
    // django-oscar: settings_sphinx, which only docs/source/conf.py names, with no deployment entry point at all.
    ["only Sphinx names it, nothing deployed: development", { ...base, docsNamed: true, refs: [{ ...ref("docs/source/conf.py", 39, "development"), what: "Sphinx configuration" }] }, ["development", "named by docs/source/conf.py:39", false]],
    ["Sphinx naming the main settings, nothing deployed: still the guess", { ...base, refs: [{ ...ref("docs/conf.py", 9, "development"), what: "Sphinx configuration" }] }, ["production", "named by docs/conf.py:9, and no entry point names a module for deployment", true]],
    // ArchiveBox: the package's __init__.py sets the module, pytest names it too, nothing names one for deployment.
    ["the app's own module that pytest also names, nothing deployed: a guess of production", { ...base, refs: [ref("pyproject.toml", 187, "testing", "set"), ref("archivebox/__init__.py", 48, "unspecified", "set")] }, ["production", "named by archivebox/__init__.py:48, and named by pyproject.toml:187 for tests; no entry point names a module for deployment", true]],
    ["manage.py and pytest, nothing deployed: a guess of production", { ...base, refs: [ref("pytest.ini", 2, "testing", "set"), ref("manage.py", 6, "development")] }, ["production", "named by manage.py:6, and named by pytest.ini:2 for tests; no entry point names a module for deployment", true]],
    ["near miss: manage.py and pytest while another module is deployed stay testing", { ...base, refs: [ref("pytest.ini", 2, "testing", "set"), ref("manage.py", 6, "development")], deployedElsewhere: true }, ["testing", "named by pytest.ini:2", false]],
    ["near miss: pytest and a non-Python config stay testing", { ...base, refs: [ref("pytest.ini", 2, "testing", "set"), { ...ref("setup.cfg", 9, "unspecified", "set"), type: "ini" }] }, ["testing", "named by pytest.ini:2", false]],
    ["nothing at all", base, ["production", "nothing names it or says which environment it serves", true]],
  ];
  for (const [name, ev, expected] of cases) {
    const d = decideKind(ev);
    assert.deepEqual([d.kind, d.source, d.guessed], expected, name);
  }
});

test("a project's environments: entry points, the settings package around them, parts, configuration", async () => {
  const a = await auditFiles(
    {
      "manage.py": 'import os\n\ndef main():\n    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mysite.settings.alpha")\n',
      "mysite/__init__.py": "",
      "mysite/wsgi.py": 'import os\nos.environ.setdefault("DJANGO_SETTINGS_MODULE", "mysite.settings.beta")\n',
      "mysite/settings/__init__.py": "",
      "mysite/settings/alpha.py": "DEBUG = True\n",
      "mysite/settings/beta.py": "DEBUG = False\n",
      "mysite/settings/gamma.py": "DEBUG = False\n",
      "mysite/settings/common.py": "X = 1\n",
      "mysite/settings/live.py": "from .common import *\n",
      "mysite/settings/stage.py": "from .common import *\n",
      "mysite/settings/ci.py": "from .common import *\n",
      "mysite/settings/dev.py": "from .common import *\n",
      "mysite/settings/parts.py": "Y = 1\n",
      "mysite/settings/delta.py": "from .parts import *\n",
      // Outside the settings package and named by nothing: not a settings module (it used to be "production").
      "other/settings.py": "X = 1\n",
    },
    { environmentKinds: { "mysite.settings.gamma": "staging" } },
  );
  assert.deepEqual(
    a.project.environments.map((e) => [e.name, e.kind, e.kindSource, e.kindGuessed]),
    [
      ["mysite.settings.alpha", "development", "named by manage.py:4", false],
      ["mysite.settings.beta", "production", "named by mysite/wsgi.py:2", false],
      ["mysite.settings.ci", "testing", "module name ci.py", false],
      ["mysite.settings.dev", "development", "module name dev.py", false],
      ["mysite.settings.gamma", "staging", "configuration", false],
      ["mysite.settings.live", "production", "module name live.py", false],
      ["mysite.settings.stage", "staging", "module name stage.py", false],
    ],
  );
  // common.py feeds four environments: a part. delta.py has no environment name and no settings: not one.
  assert.deepEqual(a.project.modules.map((m) => m.slice(a.dir.length + 1).split("\\").join("/")), ["mysite/settings/common.py"]);
});

test("configuration wins over the name, by dotted name, relative path or stem", async () => {
  const files = {
    ...DJANGO,
    "proj/settings/production.py": "DEBUG = False\n",
    "proj/settings/dev.py": "DEBUG = True\n",
    "proj/settings/qa.py": "DEBUG = True\n",
  };
  const a = await auditFiles(files, {
    environmentKinds: { "proj.settings.production": "staging", "proj/settings/dev.py": "testing", qa: "development" },
  });
  assert.deepEqual(
    a.project.environments.map((e) => [e.name, e.kind, e.kindSource]),
    [
      ["proj.settings.dev", "testing", "configuration"],
      ["proj.settings.production", "staging", "configuration"],
      ["proj.settings.qa", "development", "configuration"],
    ],
  );
});

test("the configuration can name a module nothing else makes a settings module", async () => {
  const a = await auditFiles({ ...DJANGO, "manage.py": 'import os\nos.environ.setdefault("DJANGO_SETTINGS_MODULE", "proj.settings")\n', "proj/settings.py": "DEBUG = False\n", "deploy/django_conf.py": "DEBUG = True\n" }, {
    environmentKinds: { "deploy/django_conf.py": "production" },
  });
  assert.deepEqual(
    a.project.environments.map((e) => [e.name, e.kind, e.kindSource]),
    [
      ["deploy.django_conf", "production", "configuration"],
      ["proj.settings", "production", "named by manage.py:2, and no entry point names a module for deployment"],
    ],
  );
});

test("deploy rules run only on production and staging environments", async () => {
  const a = await auditFiles({ ...DJANGO, "proj/settings/dev.py": "DEBUG = True\n", "proj/settings/prod.py": "DEBUG = True\n" });
  const debug = a.findings.filter((f) => f.rule === "debug-enabled").map((f) => [f.environment, f.environmentKind]);
  assert.deepEqual(debug, [["proj.settings.prod", "production"]]);
});

// pythondotorg: the image's ENV names the module that serves; a RUN line builds static files with another one.
test("a module only a build step names (collectstatic in a Dockerfile RUN) is development, not a second production", async () => {
  const a = await auditFiles({
    Dockerfile: "FROM python:3.12\nENV DJANGO_SETTINGS_MODULE=site.settings.prod\nRUN DJANGO_SETTINGS_MODULE=site.settings.static python manage.py collectstatic --noinput\nCMD gunicorn site.wsgi\n",
    "site/__init__.py": "",
    "site/settings/__init__.py": "",
    "site/settings/base.py": "DEBUG = False\n",
    "site/settings/prod.py": "from .base import *\n",
    "site/settings/static.py": "from .base import *\n",
  });
  assert.deepEqual(
    a.project.environments.map((e) => [e.name, e.kind, e.kindSource]).sort(),
    [
      ["site.settings.prod", "production", "named by Dockerfile:2"],
      ["site.settings.static", "development", "named by Dockerfile:3"],
    ],
  );
});

test("near miss: a command that builds and then serves deploys the module", async () => {
  const a = await auditFiles({
    Dockerfile: 'FROM python:3.12\nCMD sh -c "DJANGO_SETTINGS_MODULE=site.settings.live python manage.py collectstatic --noinput && gunicorn site.wsgi"\n',
    "site/__init__.py": "",
    "site/settings/__init__.py": "",
    "site/settings/live.py": "DEBUG = False\n",
  });
  assert.deepEqual(a.project.environments.map((e) => [e.name, e.kind]), [["site.settings.live", "production"]]);
});
