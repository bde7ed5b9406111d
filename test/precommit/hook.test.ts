// The pre-commit hook for real: Debian's pre-commit runs `try-repo` on this repository against a throwaway git repo.
import { strict as assert } from "node:assert";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { test } from "node:test";
import { tempDir } from "../helpers/tempDirs";

const REPO = path.resolve(__dirname, "..", "..", "..");
const available = spawnSync("pre-commit", ["--version"], { encoding: "utf8" }).status === 0;

function git(cwd: string, ...args: string[]): void {
  const r = spawnSync("git", ["-c", "user.email=ci@example.com", "-c", "user.name=ci", ...args], { cwd, encoding: "utf8" });
  assert.equal(r.status, 0, r.stderr);
}

test("pre-commit try-repo: the hook fails on a bad production.py and passes once it is fixed", { timeout: 900_000 }, (t) => {
  if (!available) {
    if (process.env.CI) assert.fail("pre-commit is not installed: .ci/run installs Debian's pre-commit package");
    t.skip("pre-commit is not installed (apt-get install pre-commit)");
    return;
  }
  const dir = tempDir("dsh-precommit-");
  fs.mkdirSync(path.join(dir, "proj", "settings"), { recursive: true });
  fs.writeFileSync(path.join(dir, "manage.py"), "");
  fs.writeFileSync(path.join(dir, ".env.example"), "DJANGO_SECRET_KEY=\n");
  fs.writeFileSync(
    path.join(dir, "proj", "settings", "base.py"),
    [
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
  );
  const production = path.join(dir, "proj", "settings", "production.py");
  fs.writeFileSync(production, "from .base import *\nDEBUG = True\n");
  git(dir, "init", "-q");
  git(dir, "add", "-A");
  git(dir, "commit", "-qm", "init");
  const env = { ...process.env, PRE_COMMIT_HOME: path.join(dir, ".pre-commit-home") };
  const tryRepo = () =>
    spawnSync("pre-commit", ["try-repo", REPO, "django-settings-hygiene", "--files", "proj/settings/production.py"], { cwd: dir, env, encoding: "utf8", timeout: 840_000 });
  const bad = tryRepo();
  assert.equal(bad.status, 1, `expected the hook to fail:\n${bad.stdout}\n${bad.stderr}`);
  assert.match(bad.stdout, /debug-enabled/);
  fs.writeFileSync(production, "from .base import *\n");
  git(dir, "add", "-A");
  git(dir, "commit", "-qm", "fix");
  const good = tryRepo();
  assert.equal(good.status, 0, `expected the hook to pass:\n${good.stdout}\n${good.stderr}`);
});
