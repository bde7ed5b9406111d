// Resolver: which modules are environments and of what kind (names, lone settings.py, entry-point hints, configuration).
import assert from "node:assert/strict";
import { test } from "node:test";
import { classifyByName } from "../../server/src/resolve/classify";
import { auditFiles } from "../helpers/project";

test("classifyByName: words in the module name decide the kind", () => {
  const cases: Array<[string, string | undefined]> = [
    ["/p/settings/base.py", "base"],
    ["/p/settings/common.py", "base"],
    ["/p/settings/dev.py", "development"],
    ["/p/settings/local.py", "development"],
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

test("a project's environments: names, a lone settings.py, manage.py and wsgi.py hints, configuration", async () => {
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
      "other/settings.py": "X = 1\n",
    },
    { environmentKinds: { "mysite.settings.gamma": "staging" } },
  );
  assert.deepEqual(
    a.project.environments.map((e) => [e.name, e.kind, e.kindSource]),
    [
      ["mysite.settings.alpha", "development", "DJANGO_SETTINGS_MODULE in manage.py"],
      ["mysite.settings.beta", "production", "DJANGO_SETTINGS_MODULE in wsgi.py"],
      ["mysite.settings.ci", "testing", "module name"],
      ["mysite.settings.common", "base", "module name"],
      ["mysite.settings.delta", "production", "a settings module with no development, testing or staging name"],
      ["mysite.settings.dev", "development", "module name"],
      ["mysite.settings.gamma", "staging", "configuration"],
      ["mysite.settings.live", "production", "module name"],
      ["mysite.settings.stage", "staging", "module name"],
      ["other.settings", "production", "a single settings.py is what gets deployed"],
    ],
  );
  // parts.py only feeds delta.py: a module, not an environment.
  assert.deepEqual(a.project.modules.map((m) => m.slice(a.dir.length + 1).split("\\").join("/")), ["mysite/settings/parts.py"]);
});

test("configuration wins over the name, by dotted name, relative path or stem", async () => {
  const files = {
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

test("deploy rules run only on production and staging environments", async () => {
  const a = await auditFiles({ "proj/settings/dev.py": "DEBUG = True\n", "proj/settings/prod.py": "DEBUG = True\n" });
  const debug = a.findings.filter((f) => f.rule === "debug-enabled").map((f) => [f.environment, f.environmentKind]);
  assert.deepEqual(debug, [["proj.settings.prod", "production"]]);
});
