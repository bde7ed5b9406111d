// SARIF validated against the SARIF 2.1.0 JSON schema, GitHub annotations escaped, baselines keyed by fingerprint.
import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { test } from "node:test";
import Ajv from "ajv-draft-04";
import { applyBaseline, readBaseline, writeBaseline } from "../../server/src/cli/baseline";
import { formatGithub } from "../../server/src/cli/formatGithub";
import { formatSarif } from "../../server/src/cli/formatSarif";
import { formatGitlab } from "../../server/src/cli/formatGitlab";
import { CATALOGUE } from "../../server/src/rules/catalogue";
import { toJsonReport } from "../../server/src/report/jsonReport";
import { Engine } from "../../server/src/engine";
import { Session } from "../../server/src/session/session";
import { tempDir } from "../helpers/tempDirs";

const REPO = path.resolve(__dirname, "..", "..", "..");

function project(files: Record<string, string>): string {
  const dir = tempDir("dsh-formats-");
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

async function report(dir: string) {
  const engine = await Engine.create();
  const a = new Session(engine, dir, { overrides: { djangoVersion: "4.2" } }).audit();
  return toJsonReport([{ project: a.project, problems: a.problems, base: dir }]);
}

const BASE = 'DEBUG = True\nX_FRAME_OPTIONS = "SAMEORIGIN"\nMIDDLEWARE = ["django.middleware.security.SecurityMiddleware", "django.middleware.clickjacking.XFrameOptionsMiddleware"]\n';

test("SARIF output validates against the SARIF 2.1.0 schema and carries rules, help links and fingerprints", async () => {
  const dir = project({ "proj/settings/base.py": BASE, "proj/settings/production.py": "from .base import *\n" });
  interface SarifResult {
    ruleId: string;
    ruleIndex: number;
    level: string;
    locations: Array<{ physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }>;
    partialFingerprints: Record<string, string>;
  }
  const sarif = JSON.parse(formatSarif(await report(dir), "0.1.0", "file:///repo/")) as {
    runs: Array<{ results: SarifResult[]; tool: { driver: { rules: Array<{ id: string; helpUri: string }> } } }>;
  };
  const schema = JSON.parse(fs.readFileSync(path.join(REPO, "node_modules", "@microsoft", "jest-sarif", "lib", "schemas", "sarif-2.1.0-rtm.5.json"), "utf8"));
  // The published schema has a pattern with a stray "]" that only non-unicode regular expressions accept.
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  const validate = ajv.compile(schema);
  assert.ok(validate(sarif), JSON.stringify(validate.errors?.slice(0, 5), null, 2));
  const run = sarif.runs[0];
  const debug = run.results.find((r) => r.ruleId === "debug-enabled");
  assert.ok(debug);
  assert.equal(run.tool.driver.rules[debug.ruleIndex].id, "debug-enabled");
  assert.match(run.tool.driver.rules[debug.ruleIndex].helpUri, /docs\/rules\/debug-enabled\.md$/);
  assert.equal(debug.level, "warning");
  assert.equal(debug.locations[0].physicalLocation.artifactLocation.uri, "proj/settings/base.py");
  assert.equal(debug.locations[0].physicalLocation.region.startLine, 1);
  assert.match(debug.partialFingerprints["djangoSettingsHygiene/v2"], /^[0-9a-f]{32}$/);
});

test("GitHub annotations: one workflow command per finding, with escaped properties and message", async () => {
  const dir = project({ "proj/settings/base.py": BASE, "proj/settings/production.py": "from .base import *\n" });
  const out = formatGithub(await report(dir));
  const line = out.split("\n").find((l) => l.includes("debug-enabled"))!;
  assert.match(line, /^::warning file=proj\/settings\/base\.py,line=1,col=9,endLine=1,endColumn=13,title=debug-enabled \(security\.W018\)::DEBUG is on/);
  const fake = formatGithub({
    version: 2,
    djangoVersion: "4.2",
    djangoVersionSource: "x",
    environments: [],
    notes: [],
    findings: [{ rule: "r", djangoCheck: null, severity: "error", environments: ["e"], file: "a,b:c.py", line: 1, column: 1, endLine: 1, endColumn: 2, message: "50% done\nnext", fixable: false, setting: null, related: [], fingerprint: "f" }],
  });
  assert.equal(fake, "::error file=a%2Cb%3Ac.py,line=1,col=1,endLine=1,endColumn=2,title=r::50%25 done%0Anext [e]\n");
});

test("a baseline survives lines inserted above its findings, and a fixed finding shows up as stale", async () => {
  const dir = project({ "proj/settings/base.py": BASE, "proj/settings/production.py": "from .base import *\n" });
  const first = await report(dir);
  const file = path.join(dir, "baseline.json");
  writeBaseline(file, first.findings);
  const raw = fs.readFileSync(file, "utf8");
  assert.ok(!raw.includes("SAMEORIGIN"), "values are never stored, only their hash");
  fs.writeFileSync(path.join(dir, "proj/settings/base.py"), "# a comment\nimport os\n\n" + BASE);
  const moved = await report(dir);
  assert.notDeepEqual(moved.findings.map((f) => f.line), first.findings.map((f) => f.line), "the lines did move");
  const held = applyBaseline(moved.findings, readBaseline(file));
  assert.equal(held.fresh.length, 0, JSON.stringify(held.fresh.map((f) => f.rule)));
  assert.equal(held.stale.length, 0);
  fs.writeFileSync(path.join(dir, "proj/settings/base.py"), BASE.replace("DEBUG = True", "DEBUG = False"));
  const fixed = applyBaseline((await report(dir)).findings, readBaseline(file));
  assert.deepEqual(fixed.stale.map((e) => e.rule), ["debug-enabled"]);
  assert.equal(fixed.fresh.length, 0);
  fs.writeFileSync(path.join(dir, "proj/settings/base.py"), BASE.replace('"SAMEORIGIN"', '"ALLOWALL"'));
  const changed = applyBaseline((await report(dir)).findings, readBaseline(file));
  assert.deepEqual(changed.fresh.map((f) => f.rule), ["xframe-not-deny"], "a different value is a new finding");
});

test("SARIF meets GitHub's upload constraints: rule docs, limits, relative URIs with a base, unique fingerprints", async () => {
  const dir = project({ "proj/settings/base.py": BASE + 'SECRET_KEY = "django-insecure-0123456789abcdefghijklmnopqrstuvwxyz0123456789"\n', "proj/settings/production.py": "from .base import *\n", "proj/settings/staging.py": "from .base import *\n" });
  const sarif = JSON.parse(formatSarif(await report(dir), "0.1.0", "file:///repo/"));
  assert.ok(sarif.runs.length <= 20, "at most 20 runs");
  const run = sarif.runs[0];
  assert.ok(run.results.length <= 25000 && run.tool.driver.rules.length <= 25000);
  assert.equal(run.tool.driver.rules.length, CATALOGUE.length, "every catalogue rule, the project-wide checks included");
  for (const r of run.tool.driver.rules) {
    for (const key of ["shortDescription", "fullDescription", "help"]) assert.ok(r[key]?.text?.trim(), `${r.id} ${key}`);
    assert.ok(r.help.markdown.trim(), `${r.id} help.markdown`);
    assert.ok(r.properties.tags.length <= 20, `${r.id} tags`);
  }
  for (const res of run.results) {
    assert.ok(res.message.text.trim());
    assert.ok(res.locations.length >= 1 && res.locations.length + res.relatedLocations.length <= 1000);
    const loc = res.locations[0].physicalLocation;
    assert.ok(!loc.artifactLocation.uri.startsWith("/") && !loc.artifactLocation.uri.includes(":"), loc.artifactLocation.uri);
    assert.equal(loc.artifactLocation.uriBaseId, "%SRCROOT%");
    assert.ok(loc.region.startLine >= 1);
  }
  const prints = run.results.map((r: { partialFingerprints: Record<string, string> }) => r.partialFingerprints["djangoSettingsHygiene/v2"]);
  assert.equal(new Set(prints).size, prints.length);
  // Both deployed environments inherit base.py's DEBUG: one result, both named.
  const debug = run.results.filter((r: { ruleId: string }) => r.ruleId === "debug-enabled");
  assert.equal(debug.length, 1);
  assert.deepEqual(debug[0].properties.environments, ["proj.settings.production", "proj.settings.staging"]);
});

test("GitLab code quality: the documented fields, GitLab's severities, one issue per place, unique fingerprints", async () => {
  const dir = project({ "proj/settings/base.py": BASE, "proj/settings/production.py": "from .base import *\n" });
  const issues = JSON.parse(formatGitlab(await report(dir))) as Array<Record<string, unknown> & { location: { path: string; lines: { begin: number } }; fingerprint: string; severity: string }>;
  assert.ok(issues.length > 0);
  for (const i of issues) {
    assert.deepEqual(Object.keys(i).sort(), ["check_name", "description", "fingerprint", "location", "severity"]);
    assert.ok(["info", "minor", "major", "critical", "blocker"].includes(i.severity), i.severity);
    assert.equal(typeof i.description, "string");
    assert.ok(!i.location.path.startsWith("/"));
    assert.ok(Number.isInteger(i.location.lines.begin) && i.location.lines.begin >= 1);
  }
  assert.equal(new Set(issues.map((i) => i.fingerprint)).size, issues.length);
  const debug = issues.find((i) => i.check_name === "debug-enabled (security.W018)")!;
  assert.deepEqual(debug.location, { path: "proj/settings/base.py", lines: { begin: 1 } });
  assert.equal(debug.severity, "major");
  const dup = JSON.parse(
    formatGitlab({
      version: 2,
      djangoVersion: "4.2",
      djangoVersionSource: "x",
      environments: [],
      notes: [],
      findings: [1, 2].map((line) => ({ rule: "r", djangoCheck: null, severity: "error" as const, environments: ["e"], file: "a.py", line, column: 1, endLine: line, endColumn: 2, message: "m", fixable: false, setting: null, related: [], fingerprint: "0".repeat(32) })),
    }),
  ) as Array<{ fingerprint: string }>;
  assert.notEqual(dup[0].fingerprint, dup[1].fingerprint, "a repeated fingerprint gets a counter");
});
