// Auditing a subfolder (a settings package, an app, src/) gives what auditing the project root gives for its files.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { test } from "node:test";
import { writeProject } from "../helpers/project";

const REPO = path.resolve(__dirname, "..", "..", "..");
const CLI = path.join(REPO, "bin", "django-settings-hygiene.js");
const FIXTURES = path.join(REPO, "test", "fixtures", "projects");

interface Report {
  djangoVersion: string;
  environments: Array<{ name: string; kind: string; kindSource: string; files: string[] }>;
  findings: Array<{ rule: string; environments: string[]; file: string; line: number; message: string }>;
}

/** Paths in the report are relative to `base` (--root) when given. */
function audit(target: string, cmd = "audit", base?: string): Report {
  const r = spawnSync(process.execPath, [CLI, cmd, target, "--format", "json", ...(base ? ["--root", base] : [])], { encoding: "utf8" });
  assert.ok(r.status === 0 || r.status === 1, `exit ${r.status}: ${r.stderr}`);
  return JSON.parse(r.stdout) as Report;
}

const CASES: Array<[project: string, subfolder: string]> = [
  ["lone_settings_asgi", "shop"],
  ["lone_settings_asgi", "shop/tests"],
  ["cookiecutter_config", "config/settings"],
  ["src_layout", "src/proj/settings"],
  ["manage_in_package", "pkg/app"],
  // The nearest project marker above a folder is its root: backend/ (manage.py, requirements.txt), not the monorepo.
  ["monorepo/backend", "app/settings"],
];

/** A finding without its fingerprint and message, which name the environments it hurts when they are not all of them. */
function comparable(f: Report["findings"][number]): unknown {
  return { rule: f.rule, environments: f.environments, file: f.file, line: f.line };
}

for (const [project, sub] of CASES) {
  test(`auditing ${project}/${sub} gives the root's environments and findings for its files`, () => {
    const base = path.join(FIXTURES, ...project.split("/"));
    const root = audit(base, "audit", base);
    const part = audit(path.join(base, ...sub.split("/")), "audit", base);
    assert.equal(part.djangoVersion, root.djangoVersion);
    const inside = (f: string) => f === sub || f.startsWith(sub + "/");
    const envs = root.environments.filter((e) => e.files.some(inside));
    assert.ok(envs.length > 0);
    assert.deepEqual(part.environments, envs);
    const names = new Set(envs.map((e) => e.name));
    // One finding per place: the subfolder's lists only the environments it keeps.
    const expected = root.findings
      .map((f) => ({ ...f, environments: f.environments.filter((e) => names.has(e)) }))
      .filter((f) => f.environments.length > 0);
    assert.deepEqual(part.findings.map(comparable), expected.map(comparable));
  });
}

test("env honours the environments mapping as audit does, and a subfolder as well", () => {
  const dir = writeProject({
    "requirements.txt": "Django==4.2\n",
    "pyproject.toml": '[tool.django-settings-hygiene]\nenvironments = { "proj.settings.beta" = "staging" }\n',
    "manage.py": 'import os\nos.environ.setdefault("DJANGO_SETTINGS_MODULE", "proj.settings.alpha")\n',
    "proj/__init__.py": "",
    "proj/settings/__init__.py": "",
    "proj/settings/alpha.py": 'import os\nINSTALLED_APPS = []\nDEBUG = os.environ.get("DJANGO_DEBUG", "1") == "1"\n',
    "proj/settings/beta.py": 'import os\nINSTALLED_APPS = []\nSECRET_KEY = os.environ["DJANGO_SECRET_KEY"]\n',
  });
  const kinds = (r: { environments: Array<{ name: string; kind: string }> }) => r.environments.map((e) => [e.name, e.kind]);
  const expected = [
    ["proj.settings.alpha", "production"],
    ["proj.settings.beta", "staging"],
  ];
  assert.deepEqual(kinds(audit(dir)), expected);
  assert.deepEqual(kinds(audit(dir, "env")), expected);
  assert.deepEqual(kinds(audit(path.join(dir, "proj", "settings"), "env")), expected);
  fs.rmSync(dir, { recursive: true, force: true });
});
