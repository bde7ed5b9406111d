// The project model over realistic layouts: which modules are environments, of which kind and on what evidence,
// whether the project is Django's, and that nothing is reported about modules that are not settings.
import assert from "node:assert/strict";
import * as path from "node:path";
import { test } from "node:test";
import { sharedEngine, writeProject } from "../helpers/project";

const FIXTURES = path.resolve(__dirname, "..", "..", "..", "test", "fixtures", "projects");

type Row = [name: string, kind: string, kindSource: string, kindGuessed: boolean];

const PROJECTS: Record<string, { django: boolean; envs: Row[] }> = {
  // An app ships its own settings.py (app-level options), a template-tag library templatetags/settings.py, log_settings.py and a settings_show command: none is an environment.
  app_settings: {
    django: true,
    envs: [
      ["mysite.settings", "production", "named by mysite/wsgi.py:6", false],
    ],
  },
  // manage.py computes the module (f"proj.settings.{env}"): every module it can name is looked at, kinds by name; base.py is a part.
  computed_name: {
    django: true,
    envs: [
      ["proj.settings.dev", "development", "module name dev.py", false],
      ["proj.settings.prod", "production", "module name prod.py", false],
    ],
  },
  // LibrePhotos: wsgi.py computes "photos.settings." + environment; development.py star-imports production.py, which is
  // still an environment of its own (the computed name selects it), not a part of development.
  imported_selected: {
    django: true,
    envs: [
      ["photos.settings.development", "development", "module name development.py", false],
      ["photos.settings.production", "production", "module name production.py", false],
    ],
  },
  // django-oscar: Sphinx's docs/source/conf.py sets up Django with settings_sphinx, which is not deployed.
  sphinx_docs: {
    django: true,
    envs: [
      ["shop.settings", "production", "named by shop/wsgi.py:5", false],
      ["shop.settings_sphinx", "development", "named by docs/source/conf.py:8", false],
    ],
  },
  // cookiecutter-django: config/settings/{base,local,production,test}.py, wsgi.py deploys production, pytest --ds selects test.
  cookiecutter_config: {
    django: true,
    envs: [
      ["config.settings.local", "development", "named by manage.py:8", false],
      ["config.settings.production", "production", "named by config/wsgi.py:6", false],
      ["config.settings.test", "testing", "named by pytest.ini:2", false],
    ],
  },
  // settings/development/{__init__,ddt,silk}.py and settings/testing/base.py: the package path says the kind.
  dev_test_subpackages: {
    django: true,
    envs: [
      ["proj.settings.development", "development", "named by manage.py:8", false],
      ["proj.settings.development.ddt", "development", "path proj/settings/development/", false],
      ["proj.settings.development.silk", "development", "path proj/settings/development/", false],
      ["proj.settings.production", "production", "named by proj/wsgi.py:6", false],
      ["proj.settings.testing.base", "testing", "named by pytest.ini:2", false],
    ],
  },
  // A Dockerfile ENV and wsgi.py deploy container.py; compose runs runserver with workstation.py.
  docker_selected: {
    django: true,
    envs: [
      ["proj.settings.container", "production", "named by proj/wsgi.py:6", false],
      ["proj.settings.workstation", "development", "named by manage.py:8", false],
    ],
  },
  // cookiecutter's .envs/.production/.django names the deployed module; nothing else does.
  dotenv_envs: {
    django: true,
    envs: [
      ["config.settings.cloud", "production", "named by .envs/.production/.django:1", false],
      ["config.settings.workstation", "development", "named by manage.py:8", false],
    ],
  },
  // edX envs/: devstack.py (a local docker dev environment) is development; the Dockerfile deploys production.py; setup.cfg [tool:pytest] selects test.py.
  edx_envs: {
    django: true,
    envs: [
      ["lms.envs.devstack", "development", "named by manage.py:8", false],
      ["lms.envs.production", "production", "named by Dockerfile:3", false],
      ["lms.envs.test", "testing", "named by setup.cfg:5", false],
    ],
  },
  // Flask: SECRET_KEY and DEBUG in app/settings.py, but nothing of Django.
  flask_settings: {
    django: false,
    envs: [],
  },
  // Module names that say nothing: a Kubernetes Deployment, a production compose file and a runserver compose file decide.
  k8s_compose: {
    django: true,
    envs: [
      ["proj.settings.cluster", "production", "named by k8s/deployment.yaml:14", false],
      ["proj.settings.onprem", "production", "named by docker-compose.prod.yml:5", false],
      ["proj.settings.workstation", "development", "named by manage.py:8", false],
    ],
  },
  // Saleor-like: a lone settings.py selected by asgi/__init__.py and celeryconf.py, tests/settings.py by pytest --ds; test modules named *settings*, a graphql/ sibling of the installed graphql package.
  lone_settings_asgi: {
    django: true,
    envs: [
      ["shop.settings", "production", "named by shop/asgi/__init__.py:8", false],
      ["shop.tests.settings", "testing", "named by pyproject.toml:7", false],
    ],
  },
  // manage.py inside the package puts its parent on sys.path: dotted names are pkg.app.settings, not app.settings.
  manage_in_package: {
    django: true,
    envs: [
      ["pkg.app.settings", "production", "named by pkg/app/wsgi.py:6", false],
      ["pkg.app.settings_local", "development", "module name settings_local.py", false],
    ],
  },
  // The Dockerfile at the top names app.settings.deployed, which lives in backend/ (found by its path).
  monorepo: {
    django: true,
    envs: [
      ["app.settings.deployed", "production", "named by Dockerfile:4", false],
      ["app.settings.workstation", "development", "named by backend/manage.py:8", false],
    ],
  },
  // Nothing names anything: a settings package found by its place and content; a *_settings.py helper is not one.
  no_entry_points: {
    django: true,
    envs: [
      ["site.settings.local", "development", "module name local.py", false],
      ["site.settings.production", "production", "module name production.py", false],
    ],
  },
  // wsgi.py defaults to workstation.py, but the Procfile release step and app.json deploy paas.py.
  procfile_paas: {
    django: true,
    envs: [
      ["proj.settings.paas", "production", "named by Procfile:1", false],
      ["proj.settings.workstation", "development", "named by manage.py:8; named by proj/wsgi.py:6 only as a default, beside proj/settings/paas.py (Procfile:1)", false],
    ],
  },
  // pytest.ini selects tests/settings_test.py outside the settings package.
  pytest_selected: {
    django: true,
    envs: [
      ["proj.settings", "production", "named by proj/wsgi.py:6", false],
      ["tests.settings_test", "testing", "named by pytest.ini:2", false],
    ],
  },
  // Scrapy: a settings.py with DEBUG and SECRET_KEY, and scrapy.cfg; not Django.
  scrapy_project: {
    django: false,
    envs: [],
  },
  // gunicorn.conf.py raw_env and a systemd unit deploy server.py, uwsgi.ini appliance.py; wsgi.py sets no default.
  server_configs: {
    django: true,
    envs: [
      ["proj.settings.appliance", "production", "named by deploy/uwsgi.ini:3", false],
      ["proj.settings.server", "production", "named by deploy/gunicorn.conf.py:3", false],
      ["proj.settings.workstation", "development", "named by manage.py:8", false],
    ],
  },
  // django-split-settings components and environments/*.py are fragments of proj.settings, even behind a .format() include.
  split_components: {
    django: true,
    envs: [
      ["proj.settings", "production", "named by proj/wsgi.py:6", false],
    ],
  },
  // src/ layout: manage.py inserts src/ on sys.path, so the names are proj.settings.*, not src.proj.settings.*.
  src_layout: {
    django: true,
    envs: [
      ["proj.settings.dev", "development", "named by manage.py:9", false],
      ["proj.settings.prod", "production", "named by src/proj/wsgi.py:6", false],
    ],
  },
  // tox.ini and a CI test job select checks.py; a deploy workflow hosted.py; the Makefile runserver workstation.py.
  tox_ci_make: {
    django: true,
    envs: [
      ["proj.settings.checks", "testing", "named by tox.ini:6", false],
      ["proj.settings.hosted", "production", "named by .github/workflows/deploy.yml:9", false],
      ["proj.settings.workstation", "development", "named by manage.py:8", false],
    ],
  },
};

for (const [name, spec] of Object.entries(PROJECTS)) {
  test(`project ${name}: environments, kinds and their evidence`, async () => {
    const engine = await sharedEngine();
    const a = engine.audit(path.join(FIXTURES, name));
    assert.deepEqual(
      a.project.environments.map((e): Row => [e.name, e.kind, e.kindSource, e.kindGuessed]),
      spec.envs,
    );
    assert.equal(a.project.isDjango, spec.django);
    if (!spec.django) {
      // One note says why, and nothing else is reported.
      assert.equal(a.findings.length, 0);
      assert.equal(a.project.notes.length, 1);
      assert.match(a.project.notes[0].message, /^not a Django project/);
      return;
    }
    // No finding, and no note, about a Python module that is not a settings module.
    const settings = new Set([...a.project.environments.flatMap((e) => e.files), ...a.project.modules]);
    for (const f of a.findings) if (f.location.file.endsWith(".py")) assert.ok(settings.has(f.location.file), `${f.rule} in ${f.location.file}`);
    for (const e of a.project.environments) for (const n of e.notes) assert.ok(settings.has(n.file), `note about ${n.file}: ${n.message}`);
    // A tests/ module is never production.
    for (const e of a.project.environments) if (/(^|\.)tests?(\.|$)/.test(e.name)) assert.equal(e.kind, "testing", e.name);
  });
}

test("the saleor-like project: one quiet note for the non-settings modules read, no missing graphql, no test modules", async () => {
  const engine = await sharedEngine();
  const a = engine.audit(path.join(FIXTURES, "lone_settings_asgi"));
  const notes = [...a.project.notes, ...a.project.environments.flatMap((e) => e.notes)];
  assert.deepEqual(
    notes.map((n) => [n.severity, n.range === undefined, n.message]),
    [["information", true, "4 notes about 1 module the settings import names from (shop/core/models.py) are not shown: they are not settings modules"]],
  );
  // DEBUG defaults to on in the module asgi/__init__.py deploys: the problem is reported, for production.
  assert.ok(a.findings.some((f) => f.rule === "debug-enabled" && f.environment === "shop.settings"));
  assert.ok(!a.findings.some((f) => f.environment === "shop.tests.settings" && f.rule === "debug-enabled"));
});

test("a cookiecutter template: its {{cookiecutter.project_slug}} directory holds Jinja, not a project; one note says so", async () => {
  const engine = await sharedEngine();
  const a = engine.audit(path.join(FIXTURES, "project_template"));
  assert.deepEqual(a.project.environments, []);
  assert.deepEqual(a.findings, []);
  const notes = a.project.notes.map((n) => n.message);
  assert.ok(notes.some((m) => /^\{\{cookiecutter\.project_slug\}\}: a project template directory \(cookiecutter or copier\)/.test(m)), notes.join("\n"));
  // Nothing inside it is read: no syntax-error note about its {% if %} lines.
  assert.ok(!notes.some((m) => /syntax error/.test(m)), notes.join("\n"));
});

test("a directory named like a template is skipped, a sibling project beside it is still audited", async () => {
  const engine = await sharedEngine();
  const a = engine.audit(path.join(FIXTURES, "project_template", "{{cookiecutter.project_slug}}"));
  // Audited from inside, the template is what the user asked for: its settings are read (and its Jinja noted).
  assert.ok(a.project.environments.some((e) => e.name === "config.settings.production"), a.project.environments.map((e) => e.name).join(" "));
});

// taiga: the Dockerfile deploys settings.config, which `RUN cp docker/config.py settings/config.py` makes at build time.
test("a deployed module that is not in the project gets one note; development's missing module none", async () => {
  const engine = await sharedEngine();
  const dir = writeProject({
    "requirements.txt": "Django==4.2\n",
    "manage.py": 'import os\nos.environ.setdefault("DJANGO_SETTINGS_MODULE", "settings.common")\n',
    "settings/__init__.py": "",
    "settings/common.py": 'import os\nSECRET_KEY = os.environ["SECRET_KEY"]\nDEBUG = True\n',
    "docker/Dockerfile": "FROM python:3.11-slim\nENV DJANGO_SETTINGS_MODULE=settings.config\nRUN cp docker/config.py settings/config.py\n",
    "docker/docker-compose.dev.yml": "services:\n  web:\n    environment:\n      DJANGO_SETTINGS_MODULE: settings.devbox\n",
  });
  const a = engine.audit(dir);
  const missing = a.project.notes.filter((n) => /not in the project/.test(n.message)).map((n) => n.message);
  assert.deepEqual(missing, ["docker/Dockerfile:2 deploys the settings module settings.config, which is not in the project (made at build or deploy time?): its settings are not judged"]);
});

// The computed name's `*` also matches the components production.py star-imports: those stay parts.
test("a computed name selects environment-named modules only, not the components they import", async () => {
  const engine = await sharedEngine();
  const dir = writeProject({
    "requirements.txt": "Django==4.2\n",
    "proj/__init__.py": "",
    "proj/wsgi.py": 'import os\nenvironment = "production"\nif os.environ.get("DEBUG") == "1":\n    environment = "development"\nos.environ.setdefault("DJANGO_SETTINGS_MODULE", "proj.settings." + environment)\n',
    "proj/settings/__init__.py": "",
    "proj/settings/django.py": 'INSTALLED_APPS = ["django.contrib.auth"]\nROOT_URLCONF = "proj.urls"\n',
    "proj/settings/components/__init__.py": "",
    "proj/settings/components/apps.py": 'MIDDLEWARE = ["django.middleware.security.SecurityMiddleware"]\nTEMPLATES = []\n',
    "proj/settings/production.py": 'import os\nfrom .django import *\nfrom .components.apps import *\nSECRET_KEY = os.environ["SECRET_KEY"]\nDEBUG = False\n',
    "proj/settings/development.py": "from .production import *\nDEBUG = True\n",
  });
  const a = engine.audit(dir);
  assert.deepEqual(a.project.environments.map((e) => [e.name, e.kind]), [["proj.settings.development", "development"], ["proj.settings.production", "production"]]);
});

// django-cms: docs/conf.py sets up docs/django_settings.py, and nothing is deployed: documentation, not production.
test("a module in docs/ that only Sphinx names is development even with no deployment", async () => {
  const engine = await sharedEngine();
  const dir = writeProject({
    "requirements.txt": "Django>=5.2\n",
    "docs/conf.py": 'import os\nimport django\nos.environ.setdefault("DJANGO_SETTINGS_MODULE", "django_settings")\ndjango.setup()\n',
    "docs/django_settings.py": 'SECRET_KEY = "Totally secret"\nDEBUG = True\nINSTALLED_APPS = ["django.contrib.auth"]\n',
  });
  const a = engine.audit(dir);
  assert.deepEqual(a.project.environments.map((e) => [e.name, e.kind]), [["django_settings", "development"]]);
});
