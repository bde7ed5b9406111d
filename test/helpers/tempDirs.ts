// Temporary directories for tests, removed when the test process exits (passing or failing), so runs leave no litter.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

const made: string[] = [];
let hooked = false;

/** A fresh directory under the OS temp dir, deleted with everything in it when the process exits. */
export function tempDir(prefix = "dsh-test-"): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  made.push(dir);
  if (!hooked) {
    hooked = true;
    process.on("exit", () => {
      for (const d of made) fs.rmSync(d, { recursive: true, force: true, maxRetries: 2 });
    });
  }
  return dir;
}
