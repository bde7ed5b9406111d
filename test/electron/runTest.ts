// Runs the suite in suite/ inside a real VS Code (Electron) that @vscode/test-electron downloads, with the repo as
// the extension under development and examples/mysite as the workspace. Started by test/electron/run.mjs
// (`npm run test:electron`), which skips unless DSH_ELECTRON=1: this network cannot reach the VS Code download.
import * as path from "node:path";
import { runTests } from "@vscode/test-electron";

async function main(): Promise<void> {
  // out/electron-test/runTest.js → the repository root.
  const repo = path.resolve(__dirname, "..", "..");
  const workspace = path.join(repo, "examples", "mysite");
  try {
    await runTests({
      version: process.env.DSH_VSCODE_VERSION || "stable",
      extensionDevelopmentPath: repo,
      extensionTestsPath: path.join(__dirname, "suite", "index"),
      extensionTestsEnv: { DSH_WORKSPACE: workspace },
      launchArgs: [workspace, "--disable-extensions", "--disable-workspace-trust", "--skip-welcome", "--skip-release-notes"],
    });
  } catch (e) {
    console.error(`VS Code extension tests failed: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  }
}

void main();
