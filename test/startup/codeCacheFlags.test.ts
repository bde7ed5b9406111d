// Started through bin/, the server and the CLI run from their build-time code cache: V8 flags set by bin/ and by the server agree.
import { strict as assert } from "node:assert";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { test } from "node:test";
import { SERVER_V8_FLAGS } from "../../server/src/lsp/heapPolicy";

const ROOT = path.resolve(__dirname, "..", "..", "..");
const BIN = path.join(ROOT, "bin", "django-settings-hygiene.js");

/** What bin/loadBundle.js reports about the cache of the bundle `args` runs (stdin closed at once: the server exits). */
function cacheVerdict(args: string[]): string {
  const r = spawnSync(process.execPath, [BIN, ...args], { input: "", encoding: "utf8", env: { ...process.env, DSH_REPORT_CODE_CACHE: "1" }, timeout: 30_000 });
  return /code cache (\w+):/.exec(r.stderr)?.[1] ?? `no report (exit ${r.status}): ${r.stderr.slice(0, 500)}`;
}

// V8 rejects a cache written under other flags without a word, and the server sets flags of its own when it starts:
// had bin/ not set them before loading, every start would compile the bundle from source (~50 ms of cold start).
test("the language server started through bin/ accepts its code cache", (t) => {
  if (!fs.existsSync(path.join(ROOT, "dist", "server.js.cache"))) return t.skip("no code cache (npm run build)");
  assert.equal(cacheVerdict(["lsp", "--stdio"]), "accepted");
});

test("the CLI accepts its code cache", (t) => {
  if (!fs.existsSync(path.join(ROOT, "dist", "cli.js.cache"))) return t.skip("no code cache (npm run build)");
  assert.equal(cacheVerdict(["rules"]), "accepted");
});

test("bin/ sets the server's V8 flags before loading it", () => {
  assert.ok(fs.readFileSync(BIN, "utf8").includes(`setFlagsFromString(${JSON.stringify(SERVER_V8_FLAGS)})`), `bin/ must set ${SERVER_V8_FLAGS} for lsp`);
});
