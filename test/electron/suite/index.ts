// Entry the extension host calls (--extensionTestsPath): loads every *.test.js beside this file and runs its tests.
// Throws when a test fails, which makes VS Code exit non-zero and runTests reject.
import * as fs from "node:fs";
import * as path from "node:path";
import { runRegistered } from "./harness";

export async function run(): Promise<void> {
  for (const file of fs.readdirSync(__dirname).filter((f) => f.endsWith(".test.js")).sort()) {
    require(path.join(__dirname, file));
  }
  const failed = await runRegistered();
  if (failed) throw new Error(`${failed} extension test(s) failed`);
}
