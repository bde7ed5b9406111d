// Parser: every tree tree-sitter flags as broken lists a syntax error with a message, MISSING hidden tokens included.
import assert from "node:assert/strict";
import { test } from "node:test";
import { reparseModule } from "../../server/src/parse/incremental";
import { parseModule } from "../../server/src/parse/parseModule";
import { hideStringContents, MISSING_LINE_BREAK } from "../../server/src/parse/syntaxErrors";
import { pythonParser } from "../../server/src/parse/treeSitter";
import { span } from "./parseHelpers";

/** The module's errors as "span message", and whether tree-sitter flagged the tree. */
async function errors(text: string): Promise<{ hasError: boolean; list: string[] }> {
  const parser = await pythonParser();
  const { model, tree } = parseModule(parser, "/x.py", text);
  const hasError = tree.rootNode.hasError;
  tree.delete();
  return { hasError, list: model.syntaxErrors.map((e) => `${span(e.range)} ${e.message}`) };
}

test("two statements on one line: the MISSING line break tree-sitter hides is listed where the first ends", async () => {
  assert.deepEqual(await errors('X = "a" "b"c\n'), { hasError: true, list: [`0:11-0:11 ${MISSING_LINE_BREAK}`] });
  assert.deepEqual(await errors("from .base import *DEBUG = True\n"), { hasError: true, list: [`0:19-0:19 ${MISSING_LINE_BREAK}`] });
});

test("statements split by `;`, by a line break or followed by a comment are no error", async () => {
  for (const text of ["A = 1; B = 2\n", "A = 1\nB = 2\n", "A = 1  # one\nB = 2\n", "if A:\n    B = 1\n    C = 2\n"]) {
    assert.deepEqual(await errors(text), { hasError: false, list: [] }, JSON.stringify(text));
  }
});

test("a statement tree-sitter finds no line break after (a vertical tab) is listed at its end", async () => {
  assert.deepEqual(await errors("S = [1]\v"), { hasError: true, list: ["0:7-0:7 unfinished statement: tree-sitter expected a line break after it"] });
  assert.deepEqual(await errors("if x: A = 1\v"), { hasError: true, list: ["0:11-0:11 unfinished statement: tree-sitter expected a line break after it"] });
});

test("visible MISSING tokens name what is missing, inside strings too", async () => {
  assert.deepEqual(await errors("def f(:\n  pass\n"), { hasError: true, list: ["0:6-0:6 missing `)`"] });
  assert.deepEqual(await errors('X = "/m'), { hasError: true, list: ["0:5-0:5 unterminated string: its closing quote is missing"] });
});

test("an ERROR node is listed with the text it could not parse", async () => {
  assert.deepEqual(await errors("A = 1\nB = = 2\nC = 3\n"), { hasError: true, list: ["1:4-1:5 cannot parse `=`"] });
});

test("errors are in source order", async () => {
  const { list } = await errors('A = "a" "b"c\nB = = 2\ndef f(:\n  pass\n');
  assert.deepEqual(list, [`0:11-0:11 ${MISSING_LINE_BREAK}`, "1:4-1:5 cannot parse `=`", "2:6-2:6 missing `)`"]);
});

test("an incremental re-parse finds a line break that goes missing, and forgets one that comes back", async () => {
  const parser = await pythonParser();
  const texts = ["A = 1\nB = 2\nC = 3\n", "A = 1 B = 2\nC = 3\n", "A = 1 B = 2\nC = 4\n", "A = 1\nB = 2\nC = 4\n"];
  let current = parseModule(parser, "/x.py", texts[0]);
  const seen: number[] = [];
  for (const text of texts.slice(1)) {
    const next = reparseModule(parser, current, text);
    const full = parseModule(parser, "/x.py", text);
    assert.deepEqual(next.model.syntaxErrors, full.model.syntaxErrors, JSON.stringify(text));
    seen.push(next.model.syntaxErrors.length);
    full.tree.delete();
    if (next.tree !== current.tree) current.tree.delete();
    current = next;
  }
  current.tree.delete();
  assert.deepEqual(seen, [1, 1, 0]);
});

test("the quoted fragment of a broken line never shows what a string holds: it may be a password being typed", async () => {
  const { list } = await errors('A = 1\nDB_PASSWORD = "hunter2hunter2" +\n');
  assert.equal(list.length > 0, true);
  for (const e of list) assert.doesNotMatch(e, /hunter2/, e);
  const cases: Array<[string, string]> = [
    ['X = "secret" +', 'X = "…" +'],
    ["X = 'a\\'b' + 'c'", "X = '…' + '…'"],
    ['X = "unclosed password', 'X = "…'],
    ['X = "" +', 'X = "" +'],
    ["A = = 2", "A = = 2"],
  ];
  for (const [line, shown] of cases) assert.equal(hideStringContents(line), shown, line);
});
