// Resolver: the Django version, from lock files, pins and ranges in the usual dependency files; 5.2 by default.
import assert from "node:assert/strict";
import { test } from "node:test";
import { detectDjangoVersion, versionFromSpecifier } from "../../server/src/resolve/djangoVersion";
import { auditFiles, writeProject, type ProjectFiles } from "../helpers/project";

test("versionFromSpecifier: pins, lower bounds and what says nothing", () => {
  const cases: Array<[string, string | undefined]> = [
    ["==4.2.7", "4.2 exact"],
    ["===5.0.1", "5.0 exact"],
    ["4.2", "4.2 exact"],
    ["5", "5.0 exact"],
    [">=4.2,<5", "4.2 range"],
    [">=3.2, !=4.0.1", "3.2 range"],
    ["^5.0", "5.0 range"],
    ["~=3.2.0", "3.2 range"],
    ["~4.1", "4.1 range"],
    ["==4.2.*", "4.2 range"],
    ["==4.*", "4.0 range"],
    ["*", undefined],
    ["<5", undefined],
    ["", undefined],
  ];
  const show = (s: string) => {
    const v = versionFromSpecifier(s);
    return v && `${v.version.major}.${v.version.minor} ${v.exact ? "exact" : "range"}`;
  };
  assert.deepEqual(cases.map(([s]) => [s, show(s)]), cases);
});

const detect = (files: ProjectFiles) => {
  const d = detectDjangoVersion(writeProject(files));
  return `${d.version.major}.${d.version.minor} from ${d.source}`;
};

test("requirements.txt: a pin among other packages, comments and markers", () => {
  assert.equal(detect({ "requirements.txt": "django-environ==0.11\nDjango==3.2.25  # LTS\n" }), "3.2 from requirements.txt");
  assert.equal(detect({ "requirements.txt": 'Django>=4.1,<4.2 ; python_version >= "3.8"\n' }), "4.1 from requirements.txt");
  assert.equal(detect({ "requirements/base.txt": "django[argon2]~=4.0.3\n" }), "4.0 from requirements/base.txt");
});

test("a pin beats a range; a lock file beats a pin", () => {
  assert.equal(detect({ "requirements.txt": "Django>=4.0\n", "requirements-prod.txt": "Django==4.2.1\n" }), "4.2 from requirements-prod.txt");
  assert.equal(detect({ "requirements.txt": "Django==4.0.1\n", "requirements-dev.txt": "Django==4.*\n" }), "4.0 from requirements.txt");
  assert.equal(
    detect({ "poetry.lock": '[[package]]\nname = "django"\nversion = "4.2.7"\n', "requirements.txt": "Django==3.2\n" }),
    "4.2 from poetry.lock",
  );
});

test("pyproject.toml: PEP 621 dependencies and Poetry", () => {
  assert.equal(detect({ "pyproject.toml": '[project]\nname = "x"\ndependencies = ["requests", "Django>=5.0,<5.1"]\n' }), "5.0 from pyproject.toml");
  assert.equal(
    detect({ "pyproject.toml": '[tool.poetry.dependencies]\npython = "^3.10"\nDjango = {version = "^4.2", extras = ["argon2"]}\n' }),
    "4.2 from pyproject.toml",
  );
  assert.equal(detect({ "pyproject.toml": '[tool.poetry.dependencies]\ndjango = "4.1.3"\n' }), "4.1 from pyproject.toml");
});

test("Pipfile, setup.cfg, uv.lock", () => {
  assert.equal(detect({ Pipfile: '[packages]\ndjango = "==4.1.13"\n' }), "4.1 from Pipfile");
  assert.equal(detect({ "setup.cfg": "[options]\ninstall_requires =\n    requests\n    Django>=3.2,<4\n[other]\nx = 1\n" }), "3.2 from setup.cfg");
  assert.equal(
    detect({ "uv.lock": 'version = 1\n[[package]]\nname = "django"\nversion = "5.1.3"\nsource = { registry = "https://pypi.org/simple" }\n' }),
    "5.1 from uv.lock",
  );
});

test("nothing said, or nothing usable: the default 5.2", () => {
  assert.equal(detect({}), "5.2 from default");
  assert.equal(detect({ "requirements.txt": "flask==2.0\ndjango-environ==0.11\n" }), "5.2 from default");
  assert.equal(detect({ "requirements.txt": "Django\n" }), "5.2 from default");
  assert.equal(detect({ "pyproject.toml": "this is [not toml" }), "5.2 from default");
});

test("the project reports the detected version, and an explicit djangoVersion overrides it", async () => {
  const files = { "requirements.txt": "Django==3.2.25\n", "settings.py": "DEBUG = False\n" };
  const detected = await auditFiles(files);
  assert.deepEqual(detected.project.django, { version: { major: 3, minor: 2 }, source: "requirements.txt" });
  assert.deepEqual(detected.project.environments[0].djangoVersion, { major: 3, minor: 2 });
  const forced = await auditFiles(files, { djangoVersion: "4.2" });
  assert.deepEqual(forced.project.django, { version: { major: 4, minor: 2 }, source: "override" });
  await assert.rejects(async () => auditFiles(files, { djangoVersion: "latest" }), /4\.2/);
});

test("the version found next to manage.py counts", async () => {
  const a = await auditFiles({ "backend/manage.py": "", "backend/requirements.txt": "Django==4.1\n", "backend/settings.py": "X = 1\n" });
  assert.deepEqual(a.project.django, { version: { major: 4, minor: 1 }, source: "backend/requirements.txt" });
});
