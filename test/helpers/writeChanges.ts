// Writes a fix plan's changes straight to disk, for tests that set up a project state (the CLI writes through
// fixes/apply.ts's all-or-nothing transaction).
import * as fs from "node:fs";
import * as path from "node:path";
import type { FileChange } from "../../server/src/fixes/apply";

export function writeChanges(changes: readonly FileChange[]): void {
  for (const c of changes) {
    fs.mkdirSync(path.dirname(c.file), { recursive: true });
    fs.writeFileSync(c.file, c.after);
  }
}
