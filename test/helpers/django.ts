// Debian's Django 3.2 as an oracle for fixed projects: copy an example, load its settings, run manage.py check.
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import type { TestContext } from "node:test";
import assert from "node:assert/strict";

// At run time this file is out/test/helpers/django.js.
export const REPO_ROOT = path.resolve(__dirname, "..", "..", "..");
const PYTHON = "/usr/bin/python3";
const ORACLE = path.join(REPO_ROOT, "test", "oracle", "django_oracle.py");

/** A fresh copy of examples/<name> in the temp dir (dotfiles included), so fixes can be written to it. */
export function copyExample(name: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `dsh-${name}-`));
  fs.cpSync(path.join(REPO_ROOT, "examples", name), dir, { recursive: true });
  return dir;
}

/**
 * The caller's environment without anything that would change what the settings see: every variable the example
 * projects read is unset unless `vars` sets it, and no other Django or settings module can leak in.
 */
function childEnv(vars: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const k of ["PATH", "HOME", "LANG", "TMPDIR"]) if (process.env[k] !== undefined) env[k] = process.env[k];
  return { ...env, PYTHONDONTWRITEBYTECODE: "1", ...vars };
}

/** Skips the test without Django 3.2 for /usr/bin/python3 locally; on CI it must be there. */
export function requireDjango(t: TestContext): boolean {
  const r = spawnSync(PYTHON, ["-c", "import django; print(django.get_version())"], { encoding: "utf8" });
  if (r.status === 0 && r.stdout.startsWith("3.2.")) return true;
  const why = r.error ? r.error.message : (r.stderr || r.stdout).trim().split("\n").pop();
  if (process.env.CI) assert.fail(`python3-django 3.2 must be installed for ${PYTHON} on CI: ${why}`);
  t.skip(`Django 3.2 oracle unavailable for ${PYTHON}: ${why}`);
  return false;
}

/** `manage.py check` (optionally `--deploy`) in `dir` with DJANGO_SETTINGS_MODULE=module and only `vars` set. */
export function manageCheck(dir: string, module: string, vars: Record<string, string> = {}, deploy = false): { status: number | null; output: string } {
  const r = spawnSync(PYTHON, ["manage.py", "check", ...(deploy ? ["--deploy"] : [])], { cwd: dir, env: childEnv({ ...vars, DJANGO_SETTINGS_MODULE: module }), encoding: "utf8", timeout: 60_000 });
  return { status: r.status, output: `${r.stdout}${r.stderr}` };
}

/**
 * Django's security and deploy check ids for a settings module, loaded as Django loads it but without django.setup()
 * (test/oracle/django_oracle.py), so a database driver the machine lacks (psycopg2) does not matter. `error` when the
 * settings fail to load: a required variable unset, a syntax error.
 */
export function deployCheckIds(dir: string, module: string, vars: Record<string, string> = {}): { ids?: string[]; error?: string } {
  const r = spawnSync(PYTHON, [ORACLE, dir, module], { cwd: dir, env: childEnv(vars), encoding: "utf8", timeout: 60_000 });
  assert.equal(r.status, 0, `the oracle ran: ${r.stderr}`);
  return (JSON.parse(r.stdout) as Record<string, { ids?: string[]; error?: string }>)[module];
}

/** One setting's value as Django sees it (repr), with only `vars` set. */
export function settingRepr(dir: string, module: string, expr: string, vars: Record<string, string> = {}): string {
  const code = `import sys; sys.path.insert(0, ${JSON.stringify(dir)})\nfrom django.conf import settings\nprint(repr(${expr}))`;
  const r = spawnSync(PYTHON, ["-W", "ignore", "-c", code], { cwd: dir, env: childEnv({ ...vars, DJANGO_SETTINGS_MODULE: module }), encoding: "utf8", timeout: 60_000 });
  assert.equal(r.status, 0, `settings loaded: ${r.stderr}`);
  return r.stdout.trim();
}
