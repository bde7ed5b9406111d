// A note about the audited folder itself names it ".", not as a folder of its own name inside it.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import * as path from "node:path";
import { test } from "node:test";
import { writeProject } from "../helpers/project";

const CLI = path.join(__dirname, "..", "..", "..", "bin", "django-settings-hygiene.js");

test("the not-Django note of the audited folder is at '.' in JSON and at the folder in text", () => {
  const dir = writeProject({ "app.py": "print('hello')\n" }, "dsh-rootnote-");
  const json = spawnSync(process.execPath, [CLI, "audit", ".", "--format", "json"], { cwd: dir, encoding: "utf8" });
  const notes = JSON.parse(json.stdout).notes as Array<{ file: string; message: string }>;
  const note = notes.find((n) => /not a Django project/.test(n.message));
  assert.equal(note?.file, ".", json.stdout);
  const text = spawnSync(process.execPath, [CLI, "audit", dir], { cwd: path.dirname(dir), encoding: "utf8" });
  assert.match(text.stdout, new RegExp(`^${path.basename(dir)}: note: not a Django project`, "m"), text.stdout);
});
