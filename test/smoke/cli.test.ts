// Smoke test of the built CLI: exit codes and the JSON schema's required fields on a tiny split-settings project.
import { strict as assert } from "node:assert";
import { execFileSync, spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { test } from "node:test";
import { tempDir } from "../helpers/tempDirs";

const repo = path.resolve(__dirname, "..", "..", "..");
const cli = path.join(repo, "bin", "django-settings-hygiene.js");

function project(files: Record<string, string>): string {
  const dir = tempDir("dsh-cli-");
  // Evidence of Django, without which nothing is reported.
  for (const [name, text] of Object.entries({ "requirements.txt": "django\n", ...files })) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

test("exit 1 with findings, JSON carries the documented fields", () => {
  const dir = project({
    "proj/settings/base.py": 'DEBUG = True\nSECRET_KEY = "short"\n',
    "proj/settings/production.py": "from .base import *\n",
  });
  const r = spawnSync(process.execPath, [cli, "audit", dir, "--format", "json"], { encoding: "utf8" });
  assert.equal(r.status, 1, r.stderr);
  const report = JSON.parse(r.stdout);
  assert.equal(report.version, 2);
  assert.equal(report.djangoVersion, "5.2");
  const prod = report.environments.find((e: { name: string }) => e.name === "proj.settings.production");
  assert.ok(prod, JSON.stringify(report.environments));
  assert.deepEqual(prod.files, ["proj/settings/production.py", "proj/settings/base.py"]);
  const debug = report.findings.find((f: { djangoCheck: string }) => f.djangoCheck === "security.W018");
  assert.deepEqual(
    { file: debug.file, line: debug.line, column: debug.column, endLine: debug.endLine, endColumn: debug.endColumn, environments: debug.environments, severity: debug.severity, fixable: debug.fixable },
    { file: "proj/settings/base.py", line: 1, column: 9, endLine: 1, endColumn: 13, environments: ["proj.settings.production"], severity: "warning", fixable: true },
  );
});

test("exit 0 on a clean project and with --exit-zero", () => {
  const clean = project({
    "settings.py": [
      "import os",
      'SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]',
      "DEBUG = False",
      'ALLOWED_HOSTS = ["example.com"]',
      'MIDDLEWARE = ["django.middleware.security.SecurityMiddleware", "django.middleware.csrf.CsrfViewMiddleware", "django.middleware.clickjacking.XFrameOptionsMiddleware"]',
      "SECURE_HSTS_SECONDS = 31536000",
      "SECURE_HSTS_INCLUDE_SUBDOMAINS = True",
      "SECURE_HSTS_PRELOAD = True",
      "SECURE_SSL_REDIRECT = True",
      "CSRF_COOKIE_SECURE = True",
      "",
    ].join("\n"),
    ".env.example": "DJANGO_SECRET_KEY=\n",
  });
  const ok = spawnSync(process.execPath, [cli, "audit", clean], { encoding: "utf8" });
  assert.equal(ok.status, 0, ok.stdout + ok.stderr);
  const dirty = project({ "settings.py": "DEBUG = True\n" });
  assert.equal(spawnSync(process.execPath, [cli, "audit", dirty, "--exit-zero"]).status, 0);
});

test("exit 2 on usage errors and missing paths", () => {
  assert.equal(spawnSync(process.execPath, [cli, "audit", "--format", "xml"]).status, 2);
  assert.equal(spawnSync(process.execPath, [cli, "frobnicate"]).status, 2);
  assert.equal(spawnSync(process.execPath, [cli, "audit", "/nonexistent/path/xyz"]).status, 2);
  assert.match(execFileSync(process.execPath, [cli, "help"], { encoding: "utf8" }), /Usage: django-settings-hygiene/);
});
