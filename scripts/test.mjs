// Runs node's test runner on every compiled *.test.js under out/test (Node 20's runner takes no globs, and a bare
// directory would also run helper modules as tests). Extra arguments narrow the run: `node scripts/test.mjs lsp parse`.
import { spawnSync } from "child_process";
import { readdirSync, statSync } from "fs";
import { dirname, join } from "path";
import { fileURLToPath } from "url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "out", "test");
const filters = process.argv.slice(2);
const files = [];
(function walk(dir) {
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p);
    else if (name.endsWith(".test.js")) files.push(p);
  }
})(root);
const chosen = filters.length ? files.filter((f) => filters.some((x) => f.slice(root.length + 1).startsWith(x))) : files;
if (chosen.length === 0) {
  console.error(`no test files match ${filters.join(" ")}`);
  process.exit(1);
}
// A test that hangs (a server that never answers) fails after five minutes instead of holding CI until its deadline.
const r = spawnSync(process.execPath, ["--test", "--test-reporter=spec", "--test-timeout=300000", ...chosen], { stdio: "inherit" });
process.exit(r.status ?? 1);
