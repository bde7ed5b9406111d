// The extension-host suite of test/electron/suite (written for @vscode/test-electron, whose VS Code download this
// network cannot reach) run here in code-server's extension host instead: the repository is loaded as the extension
// under development and the suite as its tests, through VS Code web's `payload` (extensionDevelopmentPath,
// extensionTestsPath). The suite's TAP-like lines reach the page's console, where this test reads them.
// Runs only with DSH_E2E=1 (`npm run test:e2e` builds dist/ and compiles the suite into out/electron-test/).
import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { after, before, describe, test } from "node:test";
import { e2eGate, repo, Session, STARTUP } from "./harness";

const suite = path.join(repo, "out", "electron-test", "suite", "index.js");
const gate = e2eGate([
  [path.join(repo, "dist", "extension.js"), "run npm run build"],
  [suite, "run npx tsc -p test/electron"],
]);

// Skipped: one skipped test (node 20 does not count a skipped describe), so the unit run's summary shows it.
if (gate.skip) test("test/electron's extension-host suite, in code-server", { skip: gate.skip }, () => undefined);
else describe("test/electron's extension-host suite, in code-server", () => {
  let session: Session | undefined;

  before(() => {
    if (gate.unavailable) assert.fail(`CI is set, so the e2e test must run: ${gate.unavailable}`);
  });

  after(async () => {
    await session?.close();
  });

  test("every extension test passes", { timeout: STARTUP * 3 }, async (t) => {
    const remote = (host: string, file: string) => `vscode-remote://${host}${file.split(path.sep).join("/")}`;
    session = await Session.start({
      name: "extension-host",
      payload: (host) => [
        ["extensionDevelopmentPath", remote(host, repo)],
        ["extensionTestsPath", remote(host, suite.replace(/\.js$/, ""))],
      ],
    });
    const s = session;
    await s.step("suite", async () => {
      // The extension host prints through the page's console, prefixed with log styling: keep the text after it.
      const lines = () => s.console.map((l) => /((?:not )?ok \d+ - .*|\d+ passed, \d+ failed|1\.\.\d+)$/.exec(l)?.[1]).filter((l): l is string => !!l);
      const deadline = Date.now() + STARTUP;
      let summary: RegExpExecArray | null = null;
      while (!summary && Date.now() < deadline) {
        summary = lines().map((l) => /^(\d+) passed, (\d+) failed$/.exec(l)).find((m) => !!m) ?? null;
        if (!summary) await new Promise((r) => setTimeout(r, 250));
      }
      await s.screenshot("after-suite");
      for (const l of lines()) t.diagnostic(l);
      assert.ok(summary, `the suite printed no summary within ${STARTUP / 1000}s; console:\n${s.console.slice(-40).join("\n")}`);
      const failures = s.console.filter((l) => /not ok \d+ - /.test(l) || /^\s+at |Error/.test(l));
      assert.equal(Number(summary[2]), 0, `extension tests failed:\n${failures.join("\n")}`);
      assert.ok(Number(summary[1]) >= 4, `only ${summary[1]} extension tests ran`);
      assert.ok(fs.existsSync(s.workspace));
    });
  });
});
