// .env.example: created when absent, appended to (keeping its line endings), never duplicated, never given a value.
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { test } from "node:test";
import { applyTextEdits } from "../../server/src/fixes/apply";
import { dotenvValue, envExampleEdit, exampleLines, listsVariable, REQUIRED_COMMENT } from "../../server/src/fixes/envExample";
import type { Value } from "../../server/src/resolve/values";

const C = `# ${REQUIRED_COMMENT}`;
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
  assert.equal(applyTextEdits("", [edit]), `${C}\nDJANGO_SECRET_KEY=\n`);
});

const appends: Array<{ name: string; before: string; after: string }> = [
  { name: "after a final newline", before: "DEBUG=\n", after: `DEBUG=\n${C}\nDATABASE_URL=\n` },
  { name: "without a final newline", before: "DEBUG=", after: `DEBUG=\n${C}\nDATABASE_URL=\n` },
  { name: "keeping CRLF", before: "# vars\r\nDEBUG=\r\n", after: `# vars\r\nDEBUG=\r\n${C}\r\nDATABASE_URL=\r\n` },
  { name: "into an empty file", before: "", after: `${C}\nDATABASE_URL=\n` },
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
  assert.match(edit.newText, /\nEMAIL_HOST_PASSWORD=\n$/);
  assert.equal(edit.newText.split("\n").length, 3, "one comment line, the empty entry, the final newline");
});

const str = (v: string): Value => ({ k: "str", v });

const ENTRIES: Array<{ name: string; entry: Parameters<typeof exampleLines>[0]; lines: string[] }> = [
  { name: "a required variable is empty, for whoever copies the file", entry: { name: "EMAIL_HOST_PASSWORD", required: true, comment: "read by EMAIL_HOST_PASSWORD (required)", secret: true }, lines: ["# read by EMAIL_HOST_PASSWORD (required)", "EMAIL_HOST_PASSWORD="] },
  { name: "an int default is commented out with its value", entry: { name: "POSTGRES_PORT", required: false, comment: "c", defaultValue: { k: "int", v: 5432 }, secret: false }, lines: ["# c", "# POSTGRES_PORT=5432"] },
  { name: "a bool default as env.bool reads it back", entry: { name: "DJANGO_SECURE_SSL_REDIRECT", required: false, comment: "c", defaultValue: { k: "bool", v: true }, secret: false }, lines: ["# c", "# DJANGO_SECURE_SSL_REDIRECT=True"] },
  { name: "a secret's committed default is never written", entry: { name: "AWS_SECRET_ACCESS_KEY", required: false, comment: "c", defaultValue: str("wJalrXUtnFEMI/K7MDENG/bPxRfiCYzzzz"), secret: true }, lines: ["# c", "# AWS_SECRET_ACCESS_KEY="] },
  { name: "a default a .env line cannot say stays empty, still commented out", entry: { name: "CACHES", required: false, comment: "c", defaultValue: { k: "dict", entries: [] }, secret: false }, lines: ["# c", "# CACHES="] },
];

for (const row of ENTRIES) {
  test(`exampleLines: ${row.name}`, () => assert.deepEqual(exampleLines(row.entry), row.lines));
}

test("dotenvValue: what django-environ, decouple and os.environ read back as the default", () => {
  assert.equal(dotenvValue(str("db")), "db");
  assert.equal(dotenvValue(str("smtp host")), '"smtp host"', "spaces are quoted");
  assert.equal(dotenvValue({ k: "bool", v: false }), "False");
  assert.equal(dotenvValue({ k: "none" }), "");
  assert.equal(dotenvValue({ k: "list", items: [str("a.example"), str("b.example")] }), "a.example,b.example");
  assert.equal(dotenvValue({ k: "list", items: [] }), "");
  assert.equal(dotenvValue({ k: "list", items: [str("a,b")] }), undefined, "an item holding the separator cannot be said");
  assert.equal(dotenvValue({ k: "path", v: "/home/me/proj/static" }), undefined, "a path computed on this machine is not a default to copy");
});

test("a name that is not a variable name is never written to .env.example", () => {
  const dir = root({ ".env.example": "DEBUG=\n" });
  for (const bad of ["K\ntouch /tmp/PWNED #", "A\rB", "1ABC", "MY-VAR", "X=Y", ""]) assert.equal(envExampleEdit(dir, bad), undefined, JSON.stringify(bad));
  assert.ok(envExampleEdit(dir, "_OK_1"));
});
