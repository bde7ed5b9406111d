// `npm run test:electron`: the extension tests in a downloaded VS Code (@vscode/test-electron). Skipped unless
// DSH_ELECTRON=1, because the download host is out of this network's reach; `npm run test:e2e` covers the same
// ground in code-server here. With DSH_ELECTRON=1: builds the extension, compiles this suite, runs it (needs a display:
// under Linux CI wrap it in xvfb-run).
import { spawnSync } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

if (process.env.DSH_ELECTRON !== "1") {
  console.log("skipped: @vscode/test-electron needs to download VS Code, which this network cannot reach; run with DSH_ELECTRON=1 on a machine that can");
  process.exit(0);
}
const repo = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const run = (cmd, args) => {
  const r = spawnSync(cmd, args, { cwd: repo, stdio: "inherit" });
  if (r.status !== 0) process.exit(r.status ?? 1);
};
run("npm", ["run", "build"]);
run(process.execPath, [join(repo, "node_modules", "typescript", "bin", "tsc"), "-p", join(repo, "test", "electron")]);
run(process.execPath, [join(repo, "out", "electron-test", "runTest.js")]);
