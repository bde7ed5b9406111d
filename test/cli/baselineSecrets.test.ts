// Baselines tell secrets apart by an HMAC under the baseline's own salt (issue 20.6), and still read version-1 files.
import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { test } from "node:test";
import { applyBaseline, readBaseline, writeBaseline } from "../../server/src/cli/baseline";
import { Engine } from "../../server/src/engine";
import { toJsonReport } from "../../server/src/report/jsonReport";
import { Session } from "../../server/src/session/session";

// Two Stripe live keys of one length: same masked form ("sk_live_…(32 chars)"), so the same public fingerprint.
const KEY_A = "sk_live_" + "4eC39HqLyjWDarjtT1zdp7dc";
const KEY_B = "sk_live_" + "9fQ27ZmRtkXEbskuU2aeq8ed";

function project(key: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "dsh-baseline-"));
  fs.mkdirSync(path.join(dir, "proj", "settings"), { recursive: true });
  fs.writeFileSync(path.join(dir, "proj", "settings", "base.py"), `DEBUG = True\nSTRIPE_SECRET_KEY = "${key}"\n`);
  fs.writeFileSync(path.join(dir, "proj", "settings", "production.py"), "from .base import *\n");
  return dir;
}

async function report(dir: string) {
  const engine = await Engine.create();
  const a = new Session(engine, dir, { overrides: { djangoVersion: "5.2" } }).audit();
  return toJsonReport([{ project: a.project, problems: a.problems, base: dir }]);
}

const stripe = (r: Awaited<ReturnType<typeof report>>) => r.findings.filter((f) => f.rule === "hardcoded-provider-token");

test("a baseline for one sk_live_ key does not accept a different live key of the same shape", async () => {
  const dir = project(KEY_A);
  const first = await report(dir);
  assert.equal(stripe(first).length, 1);
  const file = path.join(dir, "baseline.json");
  writeBaseline(file, first.findings);
  const raw = fs.readFileSync(file, "utf8");
  assert.ok(!raw.includes(KEY_A) && !raw.includes(KEY_A.slice(8)), "the key is never stored");
  const data = readBaseline(file);
  assert.equal(data.version, 2);
  assert.match(data.salt ?? "", /^[0-9a-f]{32}$/);
  const entry = data.entries.find((e) => e.rule === "hardcoded-provider-token")!;
  assert.match(entry.secret ?? "", /^[0-9a-f]{32}$/);

  const same = applyBaseline((await report(dir)).findings, readBaseline(file));
  assert.equal(same.fresh.length, 0, "the same key stays accepted");
  assert.equal(same.stale.length, 0);

  fs.writeFileSync(path.join(dir, "proj", "settings", "base.py"), `DEBUG = True\nSTRIPE_SECRET_KEY = "${KEY_B}"\n`);
  const other = await report(dir);
  assert.equal(stripe(other)[0].fingerprint, stripe(first)[0].fingerprint, "the public fingerprint holds only the masked form");
  const split = applyBaseline(other.findings, readBaseline(file));
  assert.deepEqual(split.fresh.map((f) => f.rule), ["hardcoded-provider-token"], "a different key is new");
  assert.deepEqual(split.stale.map((e) => e.rule), ["hardcoded-provider-token"], "and the old key's entry is stale");
});

test("the digest is keyed: two baselines of one key hold different digests, and re-writing one keeps its salt", async () => {
  const dir = project(KEY_A);
  const r = await report(dir);
  const a = path.join(dir, "a.json");
  const b = path.join(dir, "b.json");
  writeBaseline(a, r.findings);
  writeBaseline(b, r.findings);
  const da = readBaseline(a);
  const db = readBaseline(b);
  assert.notEqual(da.salt, db.salt);
  const sa = da.entries.find((e) => e.secret)!.secret;
  const sb = db.entries.find((e) => e.secret)!.secret;
  assert.notEqual(sa, sb);
  writeBaseline(a, r.findings);
  assert.equal(fs.readFileSync(a, "utf8"), JSON.stringify(da, null, 2) + "\n", "re-writing an unchanged baseline changes nothing");
});

test("a version-1 baseline still matches by fingerprint, and says its secret entries need regenerating", async () => {
  const dir = project(KEY_A);
  const r = await report(dir);
  const file = path.join(dir, "old.json");
  const entries = r.findings.map((f) => ({ fingerprint: f.fingerprint, rule: f.rule, environments: f.environments, setting: f.setting, file: f.file }));
  fs.writeFileSync(file, JSON.stringify({ version: 1, entries }, null, 2));
  const split = applyBaseline(r.findings, readBaseline(file));
  assert.equal(split.fresh.length, 0);
  assert.deepEqual(split.legacySecrets.map((f) => f.rule), ["hardcoded-provider-token"]);
  assert.ok(split.baselined.some((f) => f.rule === "debug-enabled"));
});

test("a file that is not a baseline is refused", () => {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "dsh-baseline-")), "x.json");
  for (const body of [{ version: 3, entries: [] }, { version: 2, entries: [] }, { version: 2, salt: "not hex", entries: [] }, { entries: [] }]) {
    fs.writeFileSync(file, JSON.stringify(body));
    assert.throws(() => readBaseline(file), /not a django-settings-hygiene baseline/);
  }
});
