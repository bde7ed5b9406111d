// Differential test: for every generated settings variant, the CLI's Django check ids must equal what Django 3.2's own checks report.
//
// How it works:
//   1. test/differential/variants.ts writes a few hundred split-settings
//      packages (vNNN/{__init__,base,production}.py) into a fresh temp dir;
//   2. test/oracle/django_oracle.py runs Django's real security/deploy checks
//      on every vNNN.production module in one /usr/bin/python3 process
//      (Debian's python3-django 3.2; the `python3` on PATH may lack Django);
//   3. the CLI audits the whole temp dir once with `--django-version 3.2`;
//   4. per variant, the set of non-null `djangoCheck` values of findings for
//      environment vNNN.production must equal the oracle's set of unsilenced ids.
// All mismatches are reported together, with the production.py text, so one
// run shows every disagreement.
//
// Without Django for /usr/bin/python3 the comparison is skipped locally and
// fails on CI (process.env.CI), where python3-django is expected to be installed.
// Set DSH_KEEP_VARIANTS=1 to keep the temp dir for debugging.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync, spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { ENV_VARS_READ, generateVariants, writeVariants } from "./variants";

// At run time this file is out/test/differential/django.test.js.
const REPO_ROOT = path.resolve(__dirname, "..", "..", "..");
const ORACLE = path.join(REPO_ROOT, "test", "oracle", "django_oracle.py");
const CLI_REL = path.join("bin", "django-settings-hygiene.js");
const PYTHON = "/usr/bin/python3";
const DJANGO_SERIES = "3.2";
const MIN_VARIANTS = 300;
const MAX_BUFFER = 512 * 1024 * 1024;

type OracleEntry = { ids: string[] } | { error: string };

interface CliFinding {
  rule: string;
  djangoCheck: string | null;
  /** Schema version 2: one finding per place, with every environment it hurts. */
  environments: string[];
}

interface CliReport {
  version: number;
  djangoVersion: string;
  environments: Array<{ name: string; kind: string; module: string }>;
  findings: CliFinding[];
}

/**
 * Environment for both child processes: the variables the variants read must be
 * unset so that only their defaults count, DJANGO_ALLOW_ASYNC_UNSAFE must not
 * leak in, and PYTHONPATH/PYTHONHOME must not swap in another Django.
 */
function childEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const name of [...ENV_VARS_READ, "DJANGO_ALLOW_ASYNC_UNSAFE", "DJANGO_SETTINGS_MODULE", "PYTHONPATH", "PYTHONHOME"]) {
    delete env[name];
  }
  return env;
}

/** null when /usr/bin/python3 has Django 3.2, otherwise why not. */
function djangoProblem(env: NodeJS.ProcessEnv): string | null {
  const r = spawnSync(PYTHON, ["-c", "import django; print(django.get_version())"], { env, encoding: "utf8" });
  if (r.error) return `${PYTHON} could not be run (${r.error.message})`;
  if (r.status !== 0) return `\`${PYTHON} -c "import django"\` failed: ${(r.stderr || "").trim().split("\n").pop()}`;
  const version = r.stdout.trim();
  if (!version.startsWith(DJANGO_SERIES + ".")) return `${PYTHON} has Django ${version}, but this test compares against ${DJANGO_SERIES}`;
  return null;
}

function sortedSet(values: Iterable<string>): string[] {
  return [...new Set(values)].sort();
}

/** Runs a child and returns stdout; on failure, throws with its stderr so the reason is visible. */
function run(file: string, args: string[], env: NodeJS.ProcessEnv, what: string): string {
  try {
    return execFileSync(file, args, { cwd: REPO_ROOT, env, encoding: "utf8", maxBuffer: MAX_BUFFER, stdio: ["ignore", "pipe", "pipe"] });
  } catch (e) {
    const err = e as { status?: number | null; stderr?: string; message: string };
    throw new Error(`${what} failed (exit ${err.status ?? "?"}): ${err.stderr?.trim() || err.message}`);
  }
}

test("the generator yields enough deterministic, well-formed variants", () => {
  const a = generateVariants();
  const b = generateVariants();
  assert.ok(a.length >= MIN_VARIANTS, `only ${a.length} variants; expected at least ${MIN_VARIANTS}`);
  assert.deepEqual(a, b, "generateVariants() must be deterministic");
  assert.equal(new Set(a.map((v) => v.name)).size, a.length, "variant names must be unique");
  for (const v of a) {
    assert.equal(v.files[`${v.name}/__init__.py`], "", `${v.name}: __init__.py must be empty`);
    assert.ok(v.files[`${v.name}/base.py`], `${v.name}: base.py missing`);
    assert.ok(v.files[`${v.name}/production.py`]?.startsWith("from .base import *"), `${v.name}: production.py must begin with the star import`);
  }
});

test(`CLI djangoCheck ids equal Django ${DJANGO_SERIES}'s check ids on every variant`, (t) => {
  const env = childEnv();
  const problem = djangoProblem(env);
  if (problem) {
    if (process.env.CI) {
      assert.fail(`python3-django ${DJANGO_SERIES} must be installed for ${PYTHON} on CI (apt-get install python3-django): ${problem}`);
    }
    t.skip(`Django oracle unavailable: ${problem}. Install python3-django (${DJANGO_SERIES}) for ${PYTHON} to run this test.`);
    return;
  }

  const variants = generateVariants();
  assert.ok(variants.length >= MIN_VARIANTS, `only ${variants.length} variants; expected at least ${MIN_VARIANTS}`);

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "dsh-differential-"));
  try {
    writeVariants(dir, variants);
    const modules = variants.map((v) => `${v.name}.production`);

    // --- Oracle: Django itself.
    const oracleOut = run(PYTHON, [ORACLE, dir, ...modules], env, "the Django oracle");
    const oracle = JSON.parse(oracleOut) as Record<string, OracleEntry>;
    const importErrors = modules.filter((m) => !oracle[m] || "error" in oracle[m]).map((m) => `${m}: ${oracle[m] ? (oracle[m] as { error: string }).error : "missing from the oracle output"}`);
    assert.deepEqual(importErrors, [], `the oracle could not evaluate some variants (the generator must only emit loadable settings):\n${importErrors.join("\n")}`);

    // --- CLI: one run over the whole directory.
    const cliOut = run(process.execPath, [CLI_REL, "audit", dir, "--format", "json", "--django-version", DJANGO_SERIES, "--exit-zero"], env, "the CLI");
    let report: CliReport;
    try {
      report = JSON.parse(cliOut) as CliReport;
    } catch (e) {
      assert.fail(`the CLI did not print JSON (${(e as Error).message}); first 500 chars:\n${cliOut.slice(0, 500)}`);
    }
    assert.ok(Array.isArray(report.findings) && Array.isArray(report.environments), "CLI JSON must have `findings` and `environments` arrays");

    const envNames = new Set(report.environments.map((e) => e.name));
    const got = new Map<string, CliFinding[]>();
    for (const f of report.findings) {
      for (const environment of f.environments) {
        const list = got.get(environment) ?? [];
        list.push(f);
        got.set(environment, list);
      }
    }

    // --- Compare every variant; collect all mismatches before failing.
    const mismatches: string[] = [];
    for (const v of variants) {
      const envName = `${v.name}.production`;
      const expected = sortedSet((oracle[envName] as { ids: string[] }).ids);
      const findings = got.get(envName) ?? [];
      const actual = sortedSet(findings.flatMap((f) => (f.djangoCheck ? [f.djangoCheck] : [])));
      if (envNames.has(envName) && expected.join() === actual.join()) continue;
      const missing = expected.filter((id) => !actual.includes(id));
      const extra = actual.filter((id) => !expected.includes(id));
      const rules = findings.filter((f) => f.djangoCheck).map((f) => `${f.djangoCheck}=${f.rule}`);
      mismatches.push(
        [
          `### ${envName}${envNames.has(envName) ? "" : "  (environment not reported by the CLI)"}`,
          `expected (Django): [${expected.join(", ")}]`,
          `got (CLI):         [${actual.join(", ")}]${rules.length ? `  rules: ${rules.join(", ")}` : ""}`,
          `missing: [${missing.join(", ")}]  extra: [${extra.join(", ")}]`,
          "--- production.py",
          v.files[`${v.name}/production.py`].trimEnd(),
        ].join("\n"),
      );
    }
    if (mismatches.length) {
      const unreported = variants.filter((v) => !envNames.has(`${v.name}.production`)).length;
      const summary = [
        `${mismatches.length} of ${variants.length} variants disagree with Django ${DJANGO_SERIES}.`,
        `The CLI reported ${report.environments.length} environments in all; ${unreported} of the ${variants.length} vNNN.production environments are not among them.`,
        process.env.DSH_KEEP_VARIANTS ? `Variants kept in ${dir}.` : "Set DSH_KEEP_VARIANTS=1 to keep the generated variants.",
      ].join("\n");
      assert.fail(`${summary}\n\n${mismatches.join("\n\n")}`);
    }
  } finally {
    if (process.env.DSH_KEEP_VARIANTS) {
      t.diagnostic(`variants kept in ${dir}`);
    } else {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }
});
