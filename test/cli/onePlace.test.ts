// One problem, one report: a committed value in base.py is one line, one SARIF result, one annotation, one GitLab issue.
import { strict as assert } from "node:assert";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { test } from "node:test";
import { tempDir } from "../helpers/tempDirs";

const REPO = path.resolve(__dirname, "..", "..", "..");
const CLI = path.join(REPO, "bin", "django-settings-hygiene.js");

function mysiteCopy(parent: string): string {
  const dest = path.join(parent, "backend");
  fs.cpSync(path.join(REPO, "examples", "mysite"), dest, { recursive: true });
  return dest;
}

const run = (args: string[], cwd: string) => spawnSync(process.execPath, [CLI, ...args], { encoding: "utf8", cwd });

test("examples/mysite: base.py's SECRET_KEY is reported once in every format, with its three environments (base.py is a part, not an environment)", () => {
  const repo = tempDir("dsh-place-");
  const dir = mysiteCopy(repo);
  const text = run(["audit", dir, "--exit-zero", "--no-color"], repo).stdout;
  const keyLines = text.split("\n").filter((l) => l.includes("hardcoded-secret-key"));
  assert.equal(keyLines.length, 1, keyLines.join("\n"));
  assert.match(keyLines[0], /\[production, testing, development\]$/);
  assert.match(text, /problems \(.*\) in \d of 3 environments\.\n$/);

  const json = JSON.parse(run(["audit", dir, "--format", "json", "--exit-zero"], repo).stdout);
  const keys = json.findings.filter((f: { rule: string }) => f.rule === "hardcoded-secret-key");
  assert.equal(keys.length, 1);
  assert.equal(keys[0].environments.length, 3);
  assert.deepEqual(json.environments.map((e: { kind: string }) => e.kind), ["production", "testing", "development"], "production first");

  const sarif = JSON.parse(run(["audit", dir, "--format", "sarif", "--exit-zero"], repo).stdout);
  const results = sarif.runs[0].results.filter((r: { ruleId: string }) => r.ruleId === "hardcoded-secret-key");
  assert.equal(results.length, 1);
  assert.equal(results[0].properties.environments.length, 3);
  const prints = sarif.runs[0].results.map((r: { partialFingerprints: Record<string, string> }) => r.partialFingerprints["djangoSettingsHygiene/v2"]);
  assert.equal(new Set(prints).size, prints.length, "one fingerprint per result");

  const github = run(["audit", dir, "--format", "github", "--exit-zero"], repo).stdout.split("\n").filter((l) => l.includes("hardcoded-secret-key"));
  assert.equal(github.length, 1);
  const gitlab = JSON.parse(run(["audit", dir, "--format", "gitlab", "--exit-zero"], repo).stdout).filter((i: { check_name: string }) => i.check_name === "hardcoded-secret-key");
  assert.equal(gitlab.length, 1);
});

test("a project in a subfolder of a repository: CI paths are the repository's, and --root overrides", () => {
  const repo = tempDir("dsh-repo-");
  fs.mkdirSync(path.join(repo, ".git"));
  const dir = mysiteCopy(repo);
  const file = "backend/mysite/settings/base.py";
  assert.ok(fs.existsSync(path.join(repo, file)));
  // Run from elsewhere: the paths must not depend on the working directory.
  const elsewhere = os.tmpdir();
  const json = JSON.parse(run(["audit", dir, "--format", "json", "--exit-zero"], elsewhere).stdout);
  assert.ok(json.findings.some((f: { file: string }) => f.file === file), JSON.stringify(json.findings.map((f: { file: string }) => f.file)));
  assert.ok(json.findings.every((f: { file: string }) => fs.existsSync(path.join(repo, f.file))), "every JSON path exists in the repository");

  const sarif = JSON.parse(run(["audit", dir, "--format", "sarif", "--exit-zero"], elsewhere).stdout);
  const run0 = sarif.runs[0];
  assert.equal(run0.originalUriBaseIds["%SRCROOT%"].uri, new URL(`file://${repo}/`).href);
  for (const r of run0.results) {
    const loc = r.locations[0].physicalLocation.artifactLocation;
    assert.equal(loc.uriBaseId, "%SRCROOT%");
    assert.ok(fs.existsSync(path.join(repo, decodeURI(loc.uri))), loc.uri);
  }
  const github = run(["audit", dir, "--format", "github", "--exit-zero"], elsewhere).stdout.trim().split("\n");
  for (const line of github) {
    const f = /file=([^,]+)/.exec(line)![1].replace(/%3A/g, ":").replace(/%2C/g, ",").replace(/%25/g, "%");
    assert.ok(fs.existsSync(path.join(repo, f)), f);
  }
  const gitlab = JSON.parse(run(["audit", dir, "--format", "gitlab", "--exit-zero"], elsewhere).stdout);
  for (const issue of gitlab) assert.ok(fs.existsSync(path.join(repo, issue.location.path)), issue.location.path);

  const rooted = JSON.parse(run(["audit", dir, "--format", "json", "--exit-zero", "--root", dir], elsewhere).stdout);
  assert.ok(rooted.findings.some((f: { file: string }) => f.file === "mysite/settings/base.py"));
});

test("a file argument (pre-commit) counts only its environments, never '1 of 0'", () => {
  const repo = tempDir("dsh-file-");
  const dir = mysiteCopy(repo);
  fs.writeFileSync(path.join(dir, ".env"), "DJANGO_SECRET_KEY=Vq8nT2zL6rK9wX4bY1mC7dF3gH5jP0sQ\n");
  const text = run(["audit", path.join(dir, "mysite", "settings", "production.py"), "--exit-zero", "--no-color"], repo).stdout;
  const summary = text.trim().split("\n").pop()!;
  assert.match(summary, /in 1 of 1 environment\.$/, summary);
});
