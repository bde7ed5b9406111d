// .env.example: created when absent, appended to (keeping its line endings), never duplicated, never given a value.
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { test } from "node:test";
import { applyTextEdits } from "../../server/src/fixes/apply";
import { envExampleEdit, listsVariable } from "../../server/src/fixes/envExample";
import { tempDir } from "../helpers/tempDirs";

function root(files: Record<string, string> = {}): string {
  const dir = tempDir("dsh-envexample-");
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
  return dir;
}

test(".env.example is created when absent: an edit on a file that does not exist", () => {
  const dir = root();
  const edit = envExampleEdit(dir, "DJANGO_SECRET_KEY")!;
  assert.equal(edit.file, path.join(dir, ".env.example"));
  assert.equal(fs.existsSync(edit.file), false);
  assert.equal(applyTextEdits("", [edit]), "DJANGO_SECRET_KEY=\n");
});

const appends: Array<{ name: string; before: string; after: string }> = [
  { name: "after a final newline", before: "DEBUG=\n", after: "DEBUG=\nDATABASE_URL=\n" },
  { name: "without a final newline", before: "DEBUG=", after: "DEBUG=\nDATABASE_URL=\n" },
  { name: "keeping CRLF", before: "# vars\r\nDEBUG=\r\n", after: "# vars\r\nDEBUG=\r\nDATABASE_URL=\r\n" },
  { name: "into an empty file", before: "", after: "DATABASE_URL=\n" },
];

for (const c of appends) {
  test(`.env.example is appended to: ${c.name}`, () => {
    const dir = root({ ".env.example": c.before });
    const edit = envExampleEdit(dir, "DATABASE_URL")!;
    assert.equal(applyTextEdits(c.before, [edit]), c.after);
  });
}

test(".env.example already listing the name gets no edit (export, spaces and commented-out forms count)", () => {
  for (const text of ["DATABASE_URL=\n", "export DATABASE_URL=postgres://…\n", "  DATABASE_URL = x\n", "# DATABASE_URL=\n"]) {
    assert.equal(envExampleEdit(root({ ".env.example": text }), "DATABASE_URL"), undefined, JSON.stringify(text));
  }
  assert.equal(listsVariable("DATABASE_URL_RO=\n", "DATABASE_URL"), false, "a longer name is another variable");
});

test("the value is never written, only the name", () => {
  const edit = envExampleEdit(root(), "EMAIL_HOST_PASSWORD")!;
  assert.match(edit.newText, /^EMAIL_HOST_PASSWORD=\n$/);
});

test("a name that is not a variable name is never written to .env.example", () => {
  const dir = root({ ".env.example": "DEBUG=\n" });
  for (const bad of ["K\ntouch /tmp/PWNED #", "A\rB", "1ABC", "MY-VAR", "X=Y", ""]) assert.equal(envExampleEdit(dir, bad), undefined, JSON.stringify(bad));
  assert.ok(envExampleEdit(dir, "_OK_1"));
});
