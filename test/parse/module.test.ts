// Parser: the module as a whole: UTF-16 ranges, comments, syntax-error recovery, deep nesting, the import anchor.
import assert from "node:assert/strict";
import { test } from "node:test";
import { parse, span, valueOf } from "./parseHelpers";
import { collectComments } from "../../server/src/parse/parseModule";
import { parsePython, pythonParser } from "../../server/src/parse/treeSitter";
import type { Comment } from "../../server/src/parse/model";

test("columns and offsets count UTF-16 code units, as LSP does", async () => {
  // "é" is one UTF-16 unit (two UTF-8 bytes); "😀" is two units (four bytes).
  const text = 'X = "héllo 😀"; Y = 1\nZ = "ü"  # ö\n';
  const m = await parse(text);
  assert.equal(m.statements.length, 3);
  const y = m.statements[1];
  assert.ok(y.kind === "assign" && y.targets[0].name === "Y");
  assert.equal(span(y.range), "0:16-0:21");
  assert.equal(y.range.startOffset, 16);
  assert.equal(text.slice(y.range.startOffset, y.range.endOffset), "Y = 1");
  assert.equal(span(valueOf(m, "Y").range), "0:20-0:21");
  assert.deepEqual(m.comments.map((c) => [c.line, c.text, span(c.range), c.range.startOffset]), [[1, "# ö", "1:9-1:12", 31]]);
});

test("comments are collected with their lines and ranges, including ones inside brackets", async () => {
  const m = await parse("# head\nX = [\n    1,  # one\n]\n\n# tail\n");
  assert.deepEqual(m.comments.map((c) => [c.line, c.text, span(c.range)]), [
    [0, "# head", "0:0-0:6"],
    [2, "# one", "2:8-2:13"],
    [5, "# tail", "5:0-5:6"],
  ]);
  assert.deepEqual(valueOf(m, "X").t, "list");
});

test("a syntax error mid-file: the statements before and after survive, the error is recorded", async () => {
  const m = await parse("A = 1\nB = = 2\nC = 3\n");
  assert.deepEqual(m.statements.map((s) => s.kind === "assign" && s.targets[0].name), ["A", "C"]);
  assert.equal(m.syntaxErrors.length, 1);
  assert.equal(m.syntaxErrors[0].range.start.line, 1);
});

test("an unclosed bracket does not splice the next line's value into the broken assignment", async () => {
  // tree-sitter recovers `ALLOWED_HOSTS = ["a"` + `DEBUG = False` as `ALLOWED_HOSTS = False`; that value is not real.
  const m = await parse('A = 1\nALLOWED_HOSTS = ["a"\n\nDEBUG = False\nE = 5\n');
  const names = m.statements.map((s) => s.kind === "assign" && s.targets[0].name);
  assert.ok(!names.includes("ALLOWED_HOSTS"), JSON.stringify(names));
  assert.deepEqual(names, ["A", "E"]);
  assert.ok(m.syntaxErrors.length > 0);
  assert.equal(m.syntaxErrors[0].range.start.line, 1);
});

test("a 200-deep nested list parses without throwing and the next statement is kept", async () => {
  const text = "X = " + "[".repeat(200) + "]".repeat(200) + "\nY = 1\n";
  const m = await parse(text);
  assert.deepEqual(m.statements.map((s) => s.kind === "assign" && s.targets[0].name), ["X", "Y"]);
  assert.deepEqual(m.syntaxErrors, []);
  // Beyond the depth limit the expression is cut off as "too-deep" rather than recursed into.
  let e = valueOf(m, "X");
  let depth = 0;
  while (e.t === "list" && e.items.length === 1) {
    e = e.items[0];
    depth++;
  }
  assert.ok(depth > 100 && depth < 200, String(depth));
  assert.deepEqual({ t: e.t, kind: e.t === "other" ? e.kind : undefined }, { t: "other", kind: "too-deep" });
});

test("importInsertOffset: after the docstring and the __future__ imports", async () => {
  const text = '"""Settings."""\nfrom __future__ import annotations\nfrom __future__ import division\nimport os\n';
  const m = await parse(text);
  assert.equal(m.importInsertOffset, text.indexOf("\nimport os"));
  assert.equal(text.slice(0, m.importInsertOffset).endsWith("division"), true);
});

test("importInsertOffset: after a docstring preceded by a comment", async () => {
  const text = '# -*- coding: utf-8 -*-\n"""Doc."""\nimport os\n';
  const m = await parse(text);
  assert.equal(m.importInsertOffset, text.indexOf('"""\n') + 3);
});

test("importInsertOffset: 0 when the module starts with code; a later string is no docstring", async () => {
  const m = await parse('X = 1\n"""not a docstring"""\n');
  assert.equal(m.importInsertOffset, 0);
});

test("an empty module has no statements, comments or errors", async () => {
  const m = await parse("");
  assert.deepEqual([m.statements, m.comments, m.syntaxErrors, m.importInsertOffset, m.importedModules], [[], [], [], 0, []]);
});

test("comments found at each # are the ones a walk of every node finds: strings, f-strings, CRLF, broken code", async () => {
  const parser = await pythonParser();
  const texts = [
    "x = 1# touching\n",
    "s = '#not'  # yes ## twice\n",
    'f = f"{x # inside a replacement field\n}"  # after\n',
    "a = [\n  1,  # one\n  2,\n]  # two\n",
    "#\n#\n##\n",
    "def f(:\n  # broken\n  x = 'a#b\n",
    "x = 1\r\n# crlf\r\ny = 2 # lone cr\r",
    '"""doc # not"""\n# after\nx = \'\'\'\n# in a string\n\'\'\' # real\n',
    "\u00e9 = 1 # \u00fcnicode\n# \ud83d\ude00 emoji\nx=2#t\n",
    "if x:\n    pass\n    # in the block\n# dedented\n",
    "URL = 'https://example.com/#frag'\nC = \"#fff\"  # colour\n",
  ];
  for (const text of texts) {
    const tree = parsePython(parser, text);
    try {
      const walked: Comment[] = [];
      const looked: Comment[] = [];
      collectComments(tree.rootNode, walked);
      collectComments(tree.rootNode, looked, text);
      assert.deepEqual(looked, walked, JSON.stringify(text));
    } finally {
      tree.delete();
    }
  }
});
