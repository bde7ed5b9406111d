// Parser: positions follow LSP's lines (CRLF, LF and a lone CR each end one) and no range starts or ends inside a CRLF.
import assert from "node:assert/strict";
import { test } from "node:test";
import type { Node } from "web-tree-sitter";
import { positionAt, treeSitterText } from "../../server/src/parse/lineBreaks";
import { reparseModule } from "../../server/src/parse/incremental";
import { parseModule } from "../../server/src/parse/parseModule";
import { pythonParser } from "../../server/src/parse/treeSitter";
import { parse, span, valueOf } from "./parseHelpers";

test("positionAt counts a lone CR, an LF and a CRLF as one line break each", () => {
  const text = "a\rb\nc\r\nd";
  assert.deepEqual([0, 2, 4, 7, 8].map((o) => positionAt(text, o)), [
    { line: 0, character: 0 },
    { line: 1, character: 0 },
    { line: 2, character: 0 },
    { line: 3, character: 0 },
    { line: 3, character: 1 },
  ]);
  // Between a CRLF's CR and LF is still the line the CRLF ends, as vscode's TextDocument has it.
  assert.deepEqual(positionAt(text, 6), { line: 2, character: 2 });
  assert.deepEqual(positionAt("a\r", 2), { line: 1, character: 0 });
});

test("positionAt without a lone CR: LF-only and CRLF text take the fast path to the same answers", () => {
  assert.deepEqual(positionAt("ab\ncd\nef", 7), { line: 2, character: 1 });
  assert.deepEqual(positionAt("ab\r\ncd\r\nef", 9), { line: 2, character: 1 });
});

test("treeSitterText turns only lone CRs into LFs, so every offset stays put", () => {
  assert.equal(treeSitterText("a\rb\r\nc\n\r"), "a\nb\r\nc\n\n");
  const plain = "X = 1\r\nY = 2\n";
  assert.equal(treeSitterText(plain), plain);
});

test("after a lone CR, statements and comments are on the next line, as LSP and Python count", async () => {
  const text = "import os\rDEBUG = True  # on\rX = 1\n";
  const m = await parse(text);
  assert.deepEqual(m.syntaxErrors, [], "a lone CR ends a statement as Python's tokenizer has it");
  assert.deepEqual(m.statements.map((s) => span(s.range)), ["0:0-0:9", "1:0-1:12", "2:0-2:5"]);
  assert.deepEqual(m.comments.map((c) => [c.line, c.text, span(c.range)]), [[1, "# on", "1:14-1:18"]]);
  assert.equal(text.slice(m.statements[1].range.startOffset, m.statements[1].range.endOffset), "DEBUG = True");
});

test("a lone CR inside a triple-quoted string reads as the LF Python reads it as", async () => {
  const m = await parse('X = """a\rb"""\n');
  const x = valueOf(m, "X");
  assert.ok(x.t === "str");
  assert.equal(x.v, "a\nb");
  assert.equal(span(x.range), "0:4-1:4");
});

test("LF-only text keeps tree-sitter's positions: the lone-CR handling changes nothing there", async () => {
  const m = await parse("import os\nDEBUG = True  # on\nX = 1\n");
  assert.deepEqual(m.statements.map((s) => span(s.range)), ["0:0-0:9", "1:0-1:12", "2:0-2:5"]);
  assert.deepEqual(m.comments.map((c) => [c.line, c.text, span(c.range)]), [[1, "# on", "1:14-1:18"]]);
});

test("in a CRLF file, a block ending in a comment ends before the CR, and so does the comment", async () => {
  const text = "for item in DEBUG:\r\n    X = 1\r\n    # just a comment\r\nif A:\r\n    B = 1\r\n    # c\r\nY = 2\r\n";
  const m = await parse(text);
  const [loop, branch, y] = m.statements;
  assert.equal(span(loop.range), "0:0-2:20");
  assert.equal(text.slice(loop.range.endOffset, loop.range.endOffset + 2), "\r\n");
  assert.ok(branch.kind === "if");
  assert.equal(span(branch.range), "3:0-5:7");
  assert.equal(span(branch.branches[0].range), "3:0-5:7");
  assert.equal(span(y.range), "6:0-6:5");
  assert.deepEqual(m.comments.map((c) => [c.text, span(c.range)]), [
    ["# just a comment", "2:4-2:20"],
    ["# c", "5:4-5:7"],
  ]);
});

test("in an LF file the same block ends where the comment does", async () => {
  const text = "for item in DEBUG:\n    X = 1\n    # just a comment\nY = 2\n";
  const m = await parse(text);
  assert.equal(span(m.statements[0].range), "0:0-2:20");
  assert.equal(m.statements[0].range.endOffset, text.indexOf("\nY"));
});

test("an incremental re-parse of a CRLF file keeps a block that ends in a comment, and its trimmed range", async () => {
  const parser = await pythonParser();
  const text = "for item in DEBUG:\r\n    X = 1\r\n    # c\r\nY = 2\r\n";
  const first = parseModule(parser, "/x.py", text);
  // Through the tree (currentTree), as the slice path would not compare node ends with model ends at all.
  const next = reparseModule(parser, first, text.replace("Y = 2", "Y = 3"), { currentTree: true });
  try {
    // The model's end stops before the CR while the node's runs past it: the reuse check must compare like with like.
    assert.equal(next.model.statements[0], first.model.statements[0]);
    assert.equal(span(next.model.statements[0].range), "0:0-2:7");
  } finally {
    for (const t of new Set([first.tree, next.tree])) t.delete();
  }
});

test("an incremental re-parse that makes a CRLF's CR lone (or a lone CR a CRLF) matches a full parse", async () => {
  const parser = await pythonParser();
  for (const [before, after] of [
    ["A = 1\r\nB = 2\r\nC = 3\n", "A = 1\rB = 2\r\nC = 3\n"],
    ["A = 1\rB = 2\rC = 3\n", "A = 1\r\nB = 2\rC = 3\n"],
    ["A = 1\rB = 2\n", "A = 1\rXB = 2\n"],
  ]) {
    const first = parseModule(parser, "/x.py", before);
    const next = reparseModule(parser, first, after);
    const full = parseModule(parser, "/x.py", after);
    try {
      assert.deepEqual(next.model, full.model, JSON.stringify(after));
    } finally {
      for (const t of new Set([first.tree, next.tree, full.tree])) t.delete();
    }
  }
});

/** Every node's type, offsets and points, to compare two trees exactly. */
function dump(n: Node): string {
  const kids = n.children.map((c) => (c ? dump(c) : "")).join(" ");
  return `${n.type}[${n.startIndex}-${n.endIndex} ${n.startPosition.row}:${n.startPosition.column}-${n.endPosition.row}:${n.endPosition.column}](${kids})`;
}

test("a lone CR that becomes a CRLF's though the edit is after it: tree-sitter's incremental tree matches a full parse", async () => {
  // Inserting the LF changes what the CR before it is (an LF to tree-sitter while lone), so the edit must cover the CR:
  // otherwise tree-sitter keeps the comment token that ended before it.
  const parser = await pythonParser();
  const first = parseModule(parser, "/x.py", "# c\rY = 1\n");
  const next = reparseModule(parser, first, "# c\r\nY = 1\n", { currentTree: true });
  const full = parseModule(parser, "/x.py", "# c\r\nY = 1\n");
  try {
    assert.equal(dump(next.tree.rootNode), dump(full.tree.rootNode));
  } finally {
    for (const t of [first.tree, next.tree, full.tree]) t.delete();
  }
});
