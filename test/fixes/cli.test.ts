// The CLI's fix flags: --diff writes nothing and masks secrets, --fix applies safe fixes only, --unsafe-fixes all, then the audit re-runs.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { test } from "node:test";
import { leaks } from "../../server/src/secrets/mask";
import { ALNUM, fake, rand, REPO, scrub } from "../secrets/planted";
import { writeProject } from "../helpers/project";

const CLI = path.join(REPO, "bin", "django-settings-hygiene.js");
const KEY = fake(rand("cli-key", 50, ALNUM));
const PW = fake(rand("cli-pw", 16, ALNUM));

function project(): string {
  return writeProject({
    "manage.py": "# root\n",
    "requirements.txt": "django\n",
    "proj/__init__.py": "",
    "proj/settings/__init__.py": "",
    "proj/settings/base.py": `"""Base."""\n\nSECRET_KEY = "${KEY}"\nDEBUG = False  # dsh: ignore[debug-enabled]\nDATABASES = {"default": {"ENGINE": "django.db.backends.postgresql", "PASSWORD": "${PW}"}}\n`,
    "proj/settings/production.py": "from .base import *\n",
  });
}

function run(args: string[]) {
  return spawnSync(process.execPath, [CLI, "audit", ...args], { encoding: "utf8" });
}

test("--diff shows the fixes, masks the secrets, writes nothing and exits 1", () => {
  const dir = project();
  const before = fs.readFileSync(path.join(dir, "proj/settings/base.py"), "utf8");
  const r = run([dir, "--unsafe-fixes", "--diff"]);
  assert.equal(r.status, 1, scrub(r.stderr));
  assert.match(r.stdout, /^\+SECRET_KEY = os\.environ\["DJANGO_SECRET_KEY"\]$/m);
  assert.match(r.stdout, /^\+import os$/m);
  assert.match(r.stdout, /^--- \/dev\/null$/m, ".env.example is created");
  for (const s of [KEY, PW]) assert.ok(!leaks(r.stdout + r.stderr, s), "the diff masks the removed secrets");
  assert.equal(fs.readFileSync(path.join(dir, "proj/settings/base.py"), "utf8"), before, "nothing written");
  assert.equal(fs.existsSync(path.join(dir, ".env.example")), false);
});

test("--fix applies only safe fixes and says how many unsafe ones remain", () => {
  const dir = project();
  const r = run([dir, "--fix", "--format", "json"]);
  const text = fs.readFileSync(path.join(dir, "proj/settings/base.py"), "utf8");
  assert.ok(!text.includes("dsh: ignore"), "the unused waiver is gone (a safe fix)");
  assert.ok(text.includes(`"${KEY}"`), "the key stays: moving it is unsafe");
  assert.match(r.stderr, /Applied 1 fix to 1 file; \d+ more fixes are unsafe \(run with --unsafe-fixes\)/);
  const report = JSON.parse(r.stdout);
  assert.ok(report.findings.some((f: { rule: string }) => f.rule === "hardcoded-secret-key"), "the re-audit reports what remains");
  assert.ok(!report.findings.some((f: { rule: string }) => f.rule === "unused-waiver"));
});

test("--unsafe-fixes applies every fix; the re-audit has no secret left; a second run changes nothing", () => {
  const dir = project();
  const r = run([dir, "--unsafe-fixes", "--format", "json"]);
  const report = JSON.parse(r.stdout);
  assert.deepEqual(report.findings.filter((f: { rule: string }) => f.rule.startsWith("hardcoded-")).map((f: { rule: string }) => f.rule), []);
  const text = fs.readFileSync(path.join(dir, "proj/settings/base.py"), "utf8");
  assert.ok(text.includes('SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]'));
  const required = "# required, no default: set it per deployment, never commit the value\n";
  assert.equal(fs.readFileSync(path.join(dir, ".env.example"), "utf8"), `${required}DJANGO_SECRET_KEY=\n${required}DATABASE_PASSWORD=\n`);
  const again = run([dir, "--unsafe-fixes", "--diff"]);
  assert.equal(again.stdout, "", scrub(again.stdout));
  assert.equal(again.status, 0);
  assert.match(again.stderr, /Nothing to fix/);
});

test("usage: --diff and the fix flags parse, unknown flags still fail", () => {
  assert.equal(run(["--fixx"]).status, 2);
  assert.match(spawnSync(process.execPath, [CLI, "help"], { encoding: "utf8" }).stdout, /--unsafe-fixes/);
});

test("--diff masks a secret spread over lines: implicitly joined strings and a PEM block, line by line", () => {
  const a = fake(rand("cli-split-a", 30, ALNUM));
  const b = fake(rand("cli-split-b", 30, ALNUM));
  const pem = [rand("cli-pem-1", 64, ALNUM), rand("cli-pem-2", 64, ALNUM)].map((l) => fake(l));
  const dir = writeProject({
    "manage.py": 'import os\nos.environ.setdefault("DJANGO_SETTINGS_MODULE", "proj.settings")\nimport django\n',
    "proj/__init__.py": "",
    "proj/settings.py": `SECRET_KEY = ("${a}"\n              "${b}")\nJWT_PRIVATE_KEY = """-----BEGIN PRIVATE KEY-----\n${pem.join("\n")}\n-----END PRIVATE KEY-----"""\nDEBUG = False\nALLOWED_HOSTS = ["example.com"]\n`,
  });
  const r = run([dir, "--unsafe-fixes", "--diff"]);
  assert.equal(r.status, 1, scrub(r.stderr));
  assert.match(r.stdout, /^-SECRET_KEY = \(/m, "the key's removal is in the diff");
  for (const s of [a, b, ...pem]) assert.ok(!leaks(r.stdout + r.stderr, s), "no line of a multi-line secret shows");
});
