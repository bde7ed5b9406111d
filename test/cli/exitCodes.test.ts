// The CLI's exit codes and configuration: 0/1/2 by fail level, --exit-zero, baselines, pyproject.toml keys and errors.
import { strict as assert } from "node:assert";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { test } from "node:test";
import { tempDir } from "../helpers/tempDirs";

const REPO = path.resolve(__dirname, "..", "..", "..");
const CLI = path.join(REPO, "bin", "django-settings-hygiene.js");

function project(files: Record<string, string>): string {
  const dir = tempDir("dsh-exit-");
  // Evidence of Django, without which nothing is reported; a test may bring its own.
  for (const [name, text] of Object.entries({ "requirements.txt": "django\n", ...files })) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

const run = (args: string[], cwd = REPO) => spawnSync(process.execPath, [CLI, ...args], { encoding: "utf8", cwd });

/** A settings.py whose only finding is a hint (no error tracking) once the rest is clean, or a warning with DEBUG on. */
function settings(debug: boolean): string {
  return [
    "import os",
    'SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]',
    `DEBUG = ${debug ? "True" : "False"}`,
    'ALLOWED_HOSTS = ["example.com"]',
    'MIDDLEWARE = ["django.middleware.security.SecurityMiddleware", "django.middleware.csrf.CsrfViewMiddleware", "django.middleware.clickjacking.XFrameOptionsMiddleware"]',
    "SECURE_HSTS_SECONDS = 31536000",
    "SECURE_HSTS_INCLUDE_SUBDOMAINS = True",
    "SECURE_HSTS_PRELOAD = True",
    "SECURE_SSL_REDIRECT = True",
    "CSRF_COOKIE_SECURE = True",
    "",
  ].join("\n");
}

const TABLE: Array<{ name: string; files: Record<string, string>; args: string[]; code: number }> = [
  { name: "clean project", files: { "settings.py": settings(false), ".env.example": "DJANGO_SECRET_KEY=\n" }, args: [], code: 0 },
  { name: "a warning at the default fail level", files: { "settings.py": settings(true), ".env.example": "DJANGO_SECRET_KEY=\n" }, args: [], code: 1 },
  { name: "a warning with --fail-level error", files: { "settings.py": settings(true), ".env.example": "DJANGO_SECRET_KEY=\n" }, args: ["--fail-level", "error"], code: 0 },
  { name: "a warning with --exit-zero", files: { "settings.py": settings(true), ".env.example": "DJANGO_SECRET_KEY=\n" }, args: ["--exit-zero"], code: 0 },
  { name: "an undocumented variable is a warning", files: { "settings.py": settings(false) }, args: [], code: 1 },
  { name: "fail-level from pyproject.toml", files: { "settings.py": settings(true), ".env.example": "DJANGO_SECRET_KEY=\n", "pyproject.toml": '[tool.django-settings-hygiene]\nfail-level = "error"\n' }, args: [], code: 0 },
  { name: "a rule disabled in pyproject.toml", files: { "settings.py": settings(true), ".env.example": "DJANGO_SECRET_KEY=\n", "pyproject.toml": '[tool.django-settings-hygiene]\ndisable = ["debug-enabled"]\n' }, args: [], code: 0 },
  { name: "per-path ignores", files: { "settings.py": settings(true), ".env.example": "DJANGO_SECRET_KEY=\n", "pyproject.toml": '[tool.django-settings-hygiene]\nper-path-ignores = { "settings.py" = ["debug-enabled"] }\n' }, args: [], code: 0 },
  { name: "an unknown configuration key is a usage error", files: { "settings.py": settings(false), "pyproject.toml": '[tool.django-settings-hygiene]\nfail_level = "error"\n' }, args: [], code: 2 },
  { name: "an unknown rule in the configuration is a usage error", files: { "settings.py": settings(false), "pyproject.toml": '[tool.django-settings-hygiene]\ndisable = ["no-such-rule"]\n' }, args: [], code: 2 },
  { name: "an unknown flag", files: { "settings.py": settings(false) }, args: ["--frobnicate"], code: 2 },
  { name: "a bad --fail-level", files: { "settings.py": settings(false) }, args: ["--fail-level", "loud"], code: 2 },
];

for (const row of TABLE) {
  test(`exit code: ${row.name} → ${row.code}`, () => {
    const dir = project(row.files);
    const r = run(["audit", dir, ...row.args]);
    assert.equal(r.status, row.code, r.stdout + r.stderr);
  });
}

test("the configuration's messages name the bad key", () => {
  const dir = project({ "settings.py": settings(false), "pyproject.toml": '[tool.django-settings-hygiene]\nfail_level = "error"\n' });
  assert.match(run(["audit", dir]).stderr, /unknown key "fail_level"/);
});

test("--write-baseline then --baseline: exit 0 while nothing new appears, 1 when something does", () => {
  const dir = project({ "settings.py": settings(true), ".env.example": "DJANGO_SECRET_KEY=\n" });
  const file = path.join(dir, "baseline.json");
  assert.equal(run(["audit", dir, "--write-baseline", file]).status, 0);
  assert.equal(run(["audit", dir, "--baseline", file]).status, 0);
  fs.writeFileSync(path.join(dir, "settings.py"), settings(true).replace('"example.com"', '"*"'));
  const r = run(["audit", dir, "--baseline", file, "--format", "json"]);
  assert.equal(r.status, 1);
  assert.deepEqual(JSON.parse(r.stdout).findings.map((f: { rule: string }) => f.rule), ["allowed-hosts-wildcard"]);
});

test("a file argument audits the environments that file feeds (pre-commit style)", () => {
  const dir = project({
    "manage.py": "",
    "proj/settings/base.py": "DEBUG = False\n",
    "proj/settings/production.py": "from .base import *\nDEBUG = True\n",
    "proj/settings/development.py": "from .base import *\n",
  });
  const r = run(["audit", path.join(dir, "proj/settings/production.py"), "--format", "json"]);
  const report = JSON.parse(r.stdout) as { environments: Array<{ name: string }> };
  assert.deepEqual(report.environments.map((e) => e.name), ["proj.settings.production"]);
  const base = JSON.parse(run(["audit", path.join(dir, "proj/settings/base.py"), "--format", "json"]).stdout) as { environments: Array<{ name: string }> };
  assert.deepEqual(base.environments.map((e) => e.name).sort(), ["proj.settings.development", "proj.settings.production"], "every environment loading base.py (base.py itself is a part)");
});
