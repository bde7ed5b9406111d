// bin/loadBundle.js: a code cache is used only for the exact bundle and node that wrote it, and never changes results.
import { strict as assert } from "node:assert";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { test } from "node:test";

const LOADER = path.resolve(__dirname, "..", "..", "..", "bin", "loadBundle.js");

/** Loads `bundle` in a fresh node (as bin/ does) and returns what its `answer()` says and whether V8 took the cache. */
function run(bundle: string, write = false): { answer: string; cacheFiles: boolean } {
  const script = `const { loadBundle } = require(${JSON.stringify(LOADER)}); process.stdout.write(String(loadBundle(${JSON.stringify(bundle)}, { write: ${write} }).answer()));`;
  const r = spawnSync(process.execPath, ["-e", script], { encoding: "utf8" });
  assert.equal(r.status, 0, r.stderr);
  return { answer: r.stdout, cacheFiles: fs.existsSync(`${bundle}.cache`) && fs.existsSync(`${bundle}.cache.json`) };
}

test("a cache written for one bundle is not used for a rebuilt bundle of the same length", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "dsh-codecache-"));
  try {
    const bundle = path.join(dir, "b.js");
    fs.writeFileSync(bundle, 'exports.answer = function () { return "one"; };\n');
    assert.deepEqual(run(bundle, true), { answer: "one", cacheFiles: true });
    assert.equal(run(bundle).answer, "one");
    // Same length, other code: V8 alone would accept the stale cache (it checks the source's length).
    const mtime = fs.statSync(bundle).mtimeMs;
    fs.writeFileSync(bundle, 'exports.answer = function () { return "two"; };\n');
    fs.utimesSync(bundle, new Date(), new Date(mtime + 5000));
    assert.equal(run(bundle).answer, "two");
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test("a corrupt or foreign cache is ignored, and a bundle without one loads as a plain require", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "dsh-codecache-"));
  try {
    const bundle = path.join(dir, "b.js");
    fs.writeFileSync(bundle, 'const p = require("path"); exports.answer = () => p.basename(__filename) + ":" + typeof require.resolve;\n');
    assert.equal(run(bundle).answer, "b.js:function");
    run(bundle, true);
    assert.equal(run(bundle).answer, "b.js:function");
    fs.writeFileSync(`${bundle}.cache`, "not a V8 cache");
    assert.equal(run(bundle).answer, "b.js:function");
    const sidecar = JSON.parse(fs.readFileSync(`${bundle}.cache.json`, "utf8"));
    fs.writeFileSync(`${bundle}.cache.json`, JSON.stringify({ ...sidecar, node: "v0.0.0" }));
    assert.equal(run(bundle).answer, "b.js:function");
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
