// Project roots and the bounded walk: markers upward, never /, ~ or /tmp; limits said in a note; nothing read outside the root.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { test } from "node:test";
import { findProjectRoot, isForbiddenRoot, projectRootFor } from "../../server/src/project/roots";
import { walkProject } from "../../server/src/project/walk";
import { auditFiles, sharedEngine, writeProject } from "../helpers/project";

const REPO = path.resolve(__dirname, "..", "..", "..");
const CLI = path.join(REPO, "bin", "django-settings-hygiene.js");

test("findProjectRoot: markers upward, through packages, never the home, temporary or filesystem root", () => {
  const dir = writeProject({
    "repo/pyproject.toml": "[project]\nname = 'x'\n",
    "repo/pkg/__init__.py": "",
    "repo/pkg/manage.py": "",
    "repo/pkg/app/__init__.py": "",
    "repo/pkg/app/settings/__init__.py": "",
    "repo/src/proj/__init__.py": "",
    "repo/src/proj/settings/__init__.py": "",
    "lone/manage.py": "",
    "lone/proj/__init__.py": "",
    "lone/proj/settings/__init__.py": "",
    "bare/notes.txt": "",
  });
  const at = (rel: string) => path.join(dir, ...rel.split("/"));
  const cases: Array<[string, string | undefined]> = [
    ["repo", "repo"],
    // The settings package opened on its own: its project is above it.
    ["repo/pkg/app/settings", "repo"],
    // manage.py inside a package: the project root is where pyproject.toml is.
    ["repo/pkg", "repo"],
    // src/ is not a package: one level more finds the marker.
    ["repo/src/proj/settings", "repo"],
    ["lone/proj/settings", "lone"],
    // Nothing above but the temporary directory.
    ["bare", undefined],
  ];
  for (const [start, expected] of cases) assert.equal(findProjectRoot(at(start)), expected && at(expected), start);
  assert.equal(projectRootFor(at("bare")), at("bare"), "the CLI falls back to the directory itself");
  for (const d of ["/", os.homedir(), os.tmpdir()]) assert.ok(isForbiddenRoot(d), d);
  assert.equal(findProjectRoot(os.tmpdir()), undefined);
  assert.equal(findProjectRoot("/"), undefined);
});

test("the walk stops at its entry and time limits and says so; a deep tree and a symlink loop end", () => {
  const files: Record<string, string> = { "requirements.txt": "Django==4.2\n" };
  for (let i = 0; i < 300; i++) files[`pkg${i % 10}/m${i}.py`] = "X = 1\n";
  let deep = "deep";
  for (let i = 0; i < 60; i++) deep += "/d";
  files[`${deep}/settings.py`] = "X = 1\n";
  const dir = writeProject(files);
  fs.symlinkSync(dir, path.join(dir, "pkg0", "loop"));
  const small = walkProject(dir, { maxEntries: 50, maxMillis: 10_000, maxDepth: 30 });
  assert.ok(small.python.length < 50);
  assert.deepEqual(small.problems, ["the walk of the project stopped after 50 directory entries (the limit); settings modules and entry points beyond were not looked for"]);
  const slow = walkProject(dir, { maxEntries: 1_000_000, maxMillis: 0, maxDepth: 30 });
  assert.ok(slow.problems.some((p) => /stopped after 0 s \(the limit\)/.test(p)), slow.problems.join("; "));
  const started = Date.now();
  const full = walkProject(dir);
  // A hang guard, not a benchmark: the loop is seen once and the 60-level tree is cut at 30.
  assert.ok(Date.now() - started < 10_000);
  assert.equal(full.python.filter((f) => f.endsWith("settings.py")).length, 0);
  assert.equal(full.python.length, 300);
});

test("the audit's note says when the walk hit a limit", async () => {
  const files: Record<string, string> = { "requirements.txt": "Django==4.2\n", "proj/settings/production.py": "DEBUG = True\nINSTALLED_APPS = []\n" };
  for (let i = 0; i < 40; i++) files[`aaa/m${i}.py`] = "";
  const a = await auditFiles(files, { walkLimits: { maxEntries: 30, maxMillis: 10_000, maxDepth: 30 } });
  assert.ok(a.project.notes.some((n) => /stopped after 30 directory entries/.test(n.message)), JSON.stringify(a.project.notes));
});

/** A file outside every project, holding what a hostile repository would want quoted. */
function outsideSecret(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "dsh-outside-"));
  const file = path.join(dir, "shadow");
  fs.writeFileSync(file, 'root:$6$SHADOWHASHxyz:19000:0:99999:7:::\nSECRET_KEY = "OUTSIDE-SECRET-1234567890"\nDEBUG = True\n');
  return file;
}

test("a settings module linked out of the project is not read, and nothing of it is quoted", async () => {
  const secret = outsideSecret();
  const dir = writeProject({
    "requirements.txt": "Django==4.2\n",
    "manage.py": 'import os\nos.environ.setdefault("DJANGO_SETTINGS_MODULE", "proj.settings.production")\n',
    "proj/__init__.py": "",
    "proj/settings/__init__.py": "",
    "proj/settings/base.py": 'INSTALLED_APPS = ["django.contrib.auth"]\n',
    "proj/settings/production.py": "from .base import *\nfrom .linked import *\n",
  });
  fs.symlinkSync(secret, path.join(dir, "proj", "settings", "linked.py"));
  fs.symlinkSync(secret, path.join(dir, "proj", "settings", "staging.py"));
  fs.symlinkSync(path.dirname(secret), path.join(dir, "proj", "outside_dir"));
  for (const format of ["json", "text", "sarif", "github"]) {
    const r = spawnSync(process.execPath, [CLI, "audit", dir, "--format", format], { encoding: "utf8" });
    assert.ok(r.status === 0 || r.status === 1, r.stderr);
    for (const leak of ["SHADOWHASH", "OUTSIDE-SECRET", "root:"]) assert.ok(!(r.stdout + r.stderr).includes(leak), `${format} quotes ${leak}`);
  }
  const engine = await sharedEngine();
  const a = engine.audit(dir);
  const notes = [...a.project.notes, ...a.project.environments.flatMap((e) => e.notes)].map((n) => n.message);
  assert.ok(notes.some((m) => /linked\.py is a link that leads out of the project; it is not read/.test(m)), notes.join("\n"));
  assert.ok(!a.project.environments.some((e) => e.name === "proj.settings.staging"));
  assert.ok(!a.project.loader.load(secret).ok, "the loader refuses the target itself");
});

test("an absolute include() is not read", async () => {
  const secret = outsideSecret();
  const a = await auditFiles({
    "requirements.txt": "Django==4.2\ndjango-split-settings==1.3\n",
    "manage.py": 'import os\nos.environ.setdefault("DJANGO_SETTINGS_MODULE", "proj.settings")\n',
    "proj/__init__.py": "",
    "proj/settings/__init__.py": `from split_settings.tools import include\nINSTALLED_APPS = []\ninclude(${JSON.stringify(secret)})\n`,
  });
  const env = a.project.environments.find((e) => e.name === "proj.settings")!;
  assert.ok(env);
  assert.equal(env.has("SECRET_KEY"), false, "the outside file's names came in");
  assert.ok(!env.files.includes(secret));
  assert.ok(env.notes.some((n) => /shadow"\) of a file outside the project, which is not read/.test(n.message)), env.notes.map((n) => n.message).join("\n"));
});

test("an include() of a file the deployment supplies (/etc/…) leaves the settings before it unjudged (awx)", async () => {
  const a = await auditFiles({
    "requirements.txt": "Django==4.2\ndjango-split-settings==1.3\n",
    "proj/__init__.py": "",
    "proj/wsgi.py": 'import os\nos.environ.setdefault("DJANGO_SETTINGS_MODULE", "proj.settings.production")\n',
    "proj/settings/__init__.py": "",
    "proj/settings/production.py": [
      "import os",
      "from split_settings.tools import include, optional",
      "DEBUG = False",
      "SECRET_KEY = None  # the deployment's /etc/tower/settings.py sets it",
      "ALLOWED_HOSTS = []",
      "settings_file = os.environ.get('APP_SETTINGS_FILE', '/etc/tower/settings.py')",
      "include(settings_file, optional('/etc/tower/conf.d/*.py'))",
      "MIDDLEWARE = ['django.middleware.clickjacking.XFrameOptionsMiddleware']",
      "X_FRAME_OPTIONS = 'SAMEORIGIN'",
      "",
    ].join("\n"),
  });
  const env = a.project.environments.find((e) => e.name === "proj.settings.production")!;
  for (const name of ["SECRET_KEY", "ALLOWED_HOSTS", "SECURE_HSTS_SECONDS"]) {
    const v = env.get(name).value;
    assert.ok(v.k === "unknown" && v.dynamic, `${name} may come from /etc/tower/settings.py`);
  }
  const rules = a.findings.map((f) => f.rule);
  assert.ok(!rules.includes("weak-secret-key") && !rules.includes("allowed-hosts-empty") && !rules.includes("hsts-not-set"), rules.join(" "));
  // What is set after the include is judged.
  assert.ok(rules.includes("xframe-not-deny"), rules.join(" "));
});

test("an include() of a missing file inside the project is still reported as matching nothing", async () => {
  const a = await auditFiles({
    "requirements.txt": "Django==4.2\ndjango-split-settings==1.3\n",
    "proj/__init__.py": "",
    "proj/wsgi.py": 'import os\nos.environ.setdefault("DJANGO_SETTINGS_MODULE", "proj.settings")\n',
    "proj/settings/__init__.py": "from split_settings.tools import include\nSECRET_KEY = None\ninclude('components/missing.py')\n",
  });
  const env = a.project.environments.find((e) => e.name === "proj.settings")!;
  assert.ok(env.notes.some((n) => /include\(\): components\/missing\.py matches no file/.test(n.message)), env.notes.map((n) => n.message).join("\n"));
  assert.ok(a.findings.some((f) => f.rule === "weak-secret-key"), a.findings.map((f) => f.rule).join(" "));
});
