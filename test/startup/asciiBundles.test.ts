// The built bundles hold only ASCII, so V8 keeps their source (which it retains for the process's life) one byte a character.
import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { test } from "node:test";

const DIST = path.resolve(__dirname, "..", "..", "..", "dist");

// One non-ASCII character anywhere (esbuild escapes them in strings, not in regular expression literals) turns the
// whole 1.4 MB source of the server into a two-byte string: 1.4 MB more of the server's resident memory.
for (const bundle of ["server.js", "cli.js", "extension.js"]) {
  test(`dist/${bundle} is ASCII`, (t) => {
    const file = path.join(DIST, bundle);
    if (!fs.existsSync(file)) return t.skip("not built (npm run build)");
    const text = fs.readFileSync(file, "latin1");
    const lines = text.split("\n");
    const offenders = lines.flatMap((line, i) => (/[\u0080-\uffff]/.test(line) ? [`${i + 1}: ${line.trim().slice(0, 100)}`] : []));
    assert.deepEqual(offenders, [], "escape non-ASCII characters in regular expressions as \\uXXXX");
  });
}
