// Resolver: files that are not clean UTF-8 Python (binary, Latin-1, BOM + CRLF, syntax errors) give notes, not crashes.
import assert from "node:assert/strict";
import { test } from "node:test";
import { environment, repr } from "./resolveHelpers";

const bytes = (...parts: Array<string | number[]>) => Buffer.concat(parts.map((p) => (typeof p === "string" ? Buffer.from(p, "utf8") : Buffer.from(p))));

test("a binary file is skipped with an error note; the rest still resolves", async () => {
  const { env, rel } = await environment(
    {
      "proj/settings/blob.py": bytes([0x7f, 0x45, 0x4c, 0x46, 0x00, 0x01, 0x02]),
      "proj/settings/production.py": "from .blob import *\nDEBUG = False\n",
    },
    "proj.settings.production",
  );
  assert.equal(repr(env, "DEBUG"), "False");
  assert.deepEqual(env.notes.map((n) => [rel(n.file), n.severity, /NUL bytes/.test(n.message)]), [["proj/settings/blob.py", "error", true]]);
});

test("a Latin-1 file is read as Latin-1 with a warning note", async () => {
  const { env, rel } = await environment(
    {
      "proj/settings/latin.py": bytes('NAME = "caf', [0xe9], '"\nDEBUG = False\n'),
      "proj/settings/production.py": "from .latin import *\n",
    },
    "proj.settings.production",
  );
  assert.equal(repr(env, "NAME"), "'café'");
  assert.equal(repr(env, "DEBUG"), "False");
  assert.deepEqual(env.notes.map((n) => [rel(n.file), n.severity, /Latin-1/.test(n.message)]), [["proj/settings/latin.py", "warning", true]]);
});

test("a UTF-8 BOM and CRLF line ends: values and positions as without them, no note", async () => {
  const { env, rel } = await environment(
    {
      "proj/settings/base.py": bytes([0xef, 0xbb, 0xbf], '# base\r\nDEBUG = True\r\nNAME = "é"\r\n'),
      "proj/settings/production.py": "from .base import *\n",
    },
    "proj.settings.production",
  );
  assert.equal(repr(env, "DEBUG"), "True");
  assert.equal(repr(env, "NAME"), "'é'");
  assert.deepEqual(env.notes, []);
  const w = env.get("DEBUG").binding?.writes[0];
  assert.ok(w);
  assert.equal(rel(w.file), "proj/settings/base.py");
  // The BOM is not a character of the text: DEBUG sits at line 1, column 0, offset 8 ("# base\r\n").
  assert.deepEqual([w.range.start, w.range.startOffset, w.range.end], [{ line: 1, character: 0 }, 8, { line: 1, character: 12 }]);
  const v = env.get("NAME").value;
  assert.deepEqual(v.loc?.range.start, { line: 2, character: 7 });
});

test("a syntax error gives a warning note with its line; statements around it still count", async () => {
  const { env, rel } = await environment(
    { "proj/settings/production.py": "DEBUG = True\nALLOWED_HOSTS = [\n\nSECRET_KEY = 'x'\nX = 1\n" },
    "proj.settings.production",
  );
  assert.equal(repr(env, "DEBUG"), "True");
  assert.equal(repr(env, "X"), "1");
  // The broken assignment is not given a value spliced from the following line.
  assert.equal(env.get("ALLOWED_HOSTS").isDefault, true);
  assert.deepEqual(env.notes.map((n) => [rel(n.file), n.severity, n.range?.start.line]), [["proj/settings/production.py", "warning", 1]]);
  assert.match(env.notes[0].message, /line 2/);
});

test("a module broken only by a MISSING line break gets the note too, saying what is missing", async () => {
  // tree-sitter shows `"b"c` only through a hidden MISSING _newline; the note must not depend on a visible ERROR node.
  const { env, rel } = await environment({ "proj/settings/production.py": 'DEBUG = True\nX = "a" "b"c\n' }, "proj.settings.production");
  assert.equal(repr(env, "DEBUG"), "True");
  assert.deepEqual(env.notes.map((n) => [rel(n.file), n.severity, n.range?.start.line, n.range?.start.character]), [["proj/settings/production.py", "warning", 1, 11]]);
  assert.match(env.notes[0].message, /line 2 \(missing line break/);
});

test("star-importing an empty module is harmless", async () => {
  const { env } = await environment(
    { "proj/settings/empty.py": "", "proj/settings/production.py": "from .empty import *\nDEBUG = False\n" },
    "proj.settings.production",
  );
  assert.equal(repr(env, "DEBUG"), "False");
  assert.deepEqual(env.notes, []);
});
