// The server's young generation stays at its initial size until a large document is opened, then grows as V8's default.
import { strict as assert } from "node:assert";
import { spawnSync } from "node:child_process";
import * as path from "node:path";
import { test } from "node:test";
import { LARGE_DOCUMENT_CHARS } from "../../server/src/lsp/heapPolicy";

const POLICY = path.resolve(__dirname, "..", "..", "server", "src", "lsp", "heapPolicy.js");

/** new_space's size after enough short-lived objects to make V8 grow it, at each step of `steps` (run in a fresh node). */
function newSpaceSizes(steps: string): number[] {
  const script = `
    const policy = require(${JSON.stringify(POLICY)});
    const v8 = require("v8");
    const churn = () => { let keep = []; for (let i = 0; i < 1e6; i++) { keep.push({ i, s: "x" + i }); if (keep.length > 100000) keep = []; } };
    const size = () => v8.getHeapSpaceStatistics().find((s) => s.space_name === "new_space").space_size;
    const out = [];
    ${steps}
    process.stdout.write(JSON.stringify(out));`;
  const r = spawnSync(process.execPath, ["-e", script], { encoding: "utf8", timeout: 60_000 });
  assert.equal(r.status, 0, r.stderr);
  return JSON.parse(r.stdout);
}

test("the young generation stays small through churn, grows once a large document is noted, as it does by default", () => {
  const [small, afterSmallDoc, afterLargeDoc] = newSpaceSizes(`
    policy.useSmallYoungGeneration();
    churn(); out.push(size());
    policy.noteDocumentLength(${LARGE_DOCUMENT_CHARS - 1}); churn(); out.push(size());
    policy.noteDocumentLength(${LARGE_DOCUMENT_CHARS}); churn(); out.push(size());`);
  const [byDefault] = newSpaceSizes("churn(); out.push(size());");
  const MiB = 1024 * 1024;
  // Bounds, not equalities: V8 may also shrink new space between churns (a CI host went from 2 to 1 MiB there).
  assert.ok(small <= 4 * MiB, `small young generation: ${small / MiB} MiB`);
  assert.ok(afterSmallDoc <= 4 * MiB, `a document under the threshold keeps it small: ${afterSmallDoc / MiB} MiB`);
  assert.ok(afterLargeDoc >= 8 * MiB, `after a large document it grows: ${afterLargeDoc / MiB} MiB`);
  assert.ok(byDefault >= 8 * MiB, `V8's default grows it: ${byDefault / MiB} MiB`);
});
