// A --fix run's checks before writing: new Python must parse, .env files gain names only, encodings and line ends are kept.
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { test } from "node:test";
import { decodeFileText, encodeLike, keepLineEnds } from "../../server/src/parse/fileText";
import { addedDotenvLine, FixTransaction } from "../../server/src/fixes/fixTransaction";
import { FixWriteError } from "../../server/src/fixes/safeWrite";
import { faultyFs } from "../faults/faultyFs";
import { sharedEngine } from "../helpers/project";

const lineEnds: Array<{ name: string; before: string; after: string; out: string }> = [
  { name: "CRLF throughout: inserted LF become CRLF", before: "A = 1\r\nB = 2\r\n", after: "import os\nA = 1\r\nB = 2\r\n", out: "import os\r\nA = 1\r\nB = 2\r\n" },
  { name: "lone CR throughout", before: "A = 1\rB = 2\r", after: "A = 1\rB = 2\rC = 3\n", out: "A = 1\rB = 2\rC = 3\r" },
  { name: "LF: unchanged", before: "A = 1\n", after: "import os\nA = 1\n", out: "import os\nA = 1\n" },
  { name: "mixed: left as the edits wrote it", before: "A = 1\r\nB = 2\n", after: "import os\nA = 1\r\nB = 2\n", out: "import os\nA = 1\r\nB = 2\n" },
  { name: "no line end yet", before: "A = 1", after: "A = 1\nB = 2\n", out: "A = 1\nB = 2\n" },
];
for (const c of lineEnds) test(`line ends kept: ${c.name}`, () => assert.equal(keepLineEnds(c.before, c.after), c.out));

test("encoding kept: a BOM stays, Latin-1 stays Latin-1, a character Latin-1 cannot hold is refused", () => {
  const bom = Buffer.from([0xef, 0xbb, 0xbf, 0x41, 0x0a]);
  assert.deepEqual([...encodeLike("/p/s.py", bom, "B\n")!], [0xef, 0xbb, 0xbf, 0x42, 0x0a]);
  const latin = Buffer.from("# caf\u00e9\n", "latin1");
  assert.deepEqual(encodeLike("/p/s.py", latin, "# caf\u00e9\nX = 1\n"), Buffer.from("# caf\u00e9\nX = 1\n", "latin1"));
  assert.equal(encodeLike("/p/s.py", latin, "# \u2603\n"), undefined);
  assert.deepEqual(encodeLike("/p/.env.example", undefined, "A=\n"), Buffer.from("A=\n"));
  // Every byte comes back as it was, whatever parse/source.ts's decoder made of it (0x80 too).
  const high = Buffer.from([0x23, 0x20, 0x80, 0xe9, 0x0a]);
  const decoded = decodeFileText("/p/s.py", high);
  assert.deepEqual(encodeLike("/p/s.py", high, decoded + "X = 1\n"), Buffer.concat([high, Buffer.from("X = 1\n")]));
  // Any other file is read as UTF-8 by every reader, so bytes that are not UTF-8 are U+FFFD in its text: not written.
  const gitignoreLatin = Buffer.from([0x2e, 0x65, 0x6e, 0x76, 0xe9, 0x0a]);
  assert.equal(decodeFileText("/p/.gitignore", gitignoreLatin), ".env\ufffd\n");
  assert.equal(encodeLike("/p/.gitignore", gitignoreLatin, ".env\ufffd\n.env\n"), undefined, "bytes that are not UTF-8 are never replaced");
});

test("a BOM in .env.example is kept in its text (offsets agree with its readers) and in the bytes written back", () => {
  const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from("DEBUG=\n")]);
  const text = decodeFileText("/p/.env.example", bytes);
  assert.equal(text, "\ufeffDEBUG=\n");
  assert.equal(text, bytes.toString("utf8"), "as Buffer#toString reads it");
  assert.deepEqual(encodeLike("/p/.env.example", bytes, text + "X=\n"), Buffer.concat([bytes, Buffer.from("X=\n")]));
});

const dotenv: Array<{ name: string; before: string; after: string; bad?: number }> = [
  { name: "a NAME= line", before: "DEBUG=\n", after: "DEBUG=\nDJANGO_SECRET_KEY=\n" },
  { name: "comments and blank lines", before: "", after: "# read by SECRET_KEY\n\nX=\n" },
  { name: "an emptied value (the template fix)", before: "KEY=abc\n", after: "KEY=\n" },
  { name: "a smuggled command", before: "DEBUG=\n", after: "DEBUG=\nK\ntouch /tmp/PWNED #=\n", bad: 2 },
  { name: "a name that is not one", before: "", after: "MY-VAR=\n", bad: 1 },
  { name: "an existing odd line is not blamed on the fix", before: "weird line\n", after: "weird line\nX=\n" },
];
for (const c of dotenv) test(`dotenv check: ${c.name}`, () => assert.equal(addedDotenvLine(c.before, c.after), c.bad));

function dir(files: Record<string, string>): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), "dsh-tx-"));
  for (const [rel, text] of Object.entries(files)) fs.writeFileSync(path.join(d, rel), text);
  return d;
}

test("a fix that would break a module's syntax is refused before anything is written", async () => {
  const parser = (await sharedEngine()).parser;
  const d = dir({ "settings.py": "A = 1\n", ".env.example": "" });
  const tx = new FixTransaction([d]);
  const py = path.join(d, "settings.py");
  const ex = path.join(d, ".env.example");
  tx.stage([
    { file: ex, before: tx.read(ex)!, after: "A=\n", created: false },
    { file: py, before: tx.read(py)!, after: "A = 1\nB = (\n", created: false },
  ]);
  assert.throws(() => tx.commit(parser), (e: unknown) => e instanceof FixWriteError && e.file === py && /syntax error at line 2; no file was changed$/.test(e.reason));
  assert.equal(fs.readFileSync(ex, "utf8"), "");
  assert.equal(fs.readFileSync(py, "utf8"), "A = 1\n");
});

test("a module that parses after the fix is written; later passes read what earlier ones staged", async () => {
  const parser = (await sharedEngine()).parser;
  const d = dir({ "settings.py": "A = 1\r\n" });
  const tx = new FixTransaction([d]);
  const py = path.join(d, "settings.py");
  tx.stage([{ file: py, before: tx.read(py)!, after: "import os\nA = 1\r\n", created: false }]);
  assert.equal(tx.read(py), "import os\r\nA = 1\r\n", "the second pass plans on the staged text, in the file's line ends");
  tx.stage([{ file: py, before: tx.read(py)!, after: "import os\r\nA = 2\r\n", created: false }]);
  assert.equal(fs.readFileSync(py, "utf8"), "A = 1\r\n", "nothing written before the commit");
  assert.deepEqual(tx.commit(parser), [py]);
  assert.equal(fs.readFileSync(py, "utf8"), "import os\r\nA = 2\r\n");
});

test("a file that exists but cannot be read is never planned as one to create", () => {
  const d = dir({ ".env.example": "A=\n" });
  const file = path.join(d, ".env.example");
  const tx = new FixTransaction([d], faultyFs([{ call: "readFileSync", path: (p) => p === file, code: "EACCES" }]));
  assert.throws(() => tx.read(file), /cannot be read: permission denied \(EACCES\)/);
});

test("a fix run refuses to read a target through a symlink out of the root", () => {
  const outside = dir({ "bashrc": "alias a=b\n" });
  const d = dir({});
  fs.symlinkSync(path.join(outside, "bashrc"), path.join(d, ".env.example"));
  const tx = new FixTransaction([d]);
  assert.throws(() => tx.read(path.join(d, ".env.example")), (e: unknown) => e instanceof FixWriteError && e.refused && /symlink to .*outside the project root/.test(e.reason));
});
