// A note that quotes a committed default (the numeric env-default note) never shows it in full under a secret name.
import assert from "node:assert/strict";
import { test } from "node:test";
import { auditFiles } from "../helpers/project";

const settings = (line: string) => ({ "proj/settings.py": `import os\nDEBUG = False\n${line}\n` });

test("numeric default under a secret-looking name: the note says what it is without the number", async () => {
  const a = await auditFiles(settings('API_SECRET = os.getenv("PAYMENT_API_SECRET", 482913577)'));
  const notes = a.project.environments.flatMap((e) => e.notes).filter((n) => /only while PAYMENT_API_SECRET is unset/.test(n.message));
  assert.equal(notes.length, 1, "the note is still given");
  assert.doesNotMatch(notes[0].message, /482913577/);
  assert.match(notes[0].message, /<a 9-character value, not shown>/);
  assert.equal("quotes" in notes[0], false, "the quote is dropped once the message is final");
});

test("numeric default under an ordinary name keeps the number, which is the advice", async () => {
  const a = await auditFiles(settings('EMAIL_PORT = os.getenv("EMAIL_PORT", 587)'));
  const notes = a.project.environments.flatMap((e) => e.notes).filter((n) => /only while EMAIL_PORT is unset/.test(n.message));
  assert.equal(notes.length, 1);
  assert.match(notes[0].message, /is the number 587 .*int\(os\.getenv\("EMAIL_PORT", 587\)\)/);
});
