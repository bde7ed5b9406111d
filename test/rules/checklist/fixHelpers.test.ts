// Unit tests of the fix helpers the checklist rules use (fixes/literal.ts, insertSetting.ts, moveListItem.ts): exact text out, still parseable.
import assert from "node:assert/strict";
import { test } from "node:test";
import { insertSetting } from "../../../server/src/fixes/insertSetting";
import { exprAt, removeItem, replaceLiteral, rewriteString, walkExprs } from "../../../server/src/fixes/literal";
import { moveListItem } from "../../../server/src/fixes/moveListItem";
import type { Expr, ModuleModel } from "../../../server/src/parse/model";
import { parseModule } from "../../../server/src/parse/parseModule";
import { pythonParser } from "../../../server/src/parse/treeSitter";
import type { TextEdit } from "../../../server/src/rules/types";

async function model(text: string): Promise<ModuleModel> {
  return parseModule(await pythonParser(), "/virtual/settings.py", text).model;
}

function apply(text: string, edits: TextEdit[]): string {
  for (const e of [...edits].sort((a, b) => b.range.startOffset - a.range.startOffset)) text = text.slice(0, e.range.startOffset) + e.newText + text.slice(e.range.endOffset);
  return text;
}

async function parses(text: string): Promise<void> {
  assert.deepEqual((await model(text)).syntaxErrors, [], text);
}

/** The first string literal equal to `v`, as a Loc. */
function strLoc(m: ModuleModel, v: string) {
  let found: Expr | undefined;
  walkExprs(m, (e) => {
    if (e.t === "str" && e.v === v) {
      found = e;
      return true;
    }
    return false;
  });
  assert.ok(found, `no literal ${v}`);
  return { file: m.file, range: found.range };
}

const removals: Array<[string, string, string]> = [
  ['X = ["*", "a"]\n', "*", 'X = ["a"]\n'],
  ['X = ["a", "*"]\n', "*", 'X = ["a"]\n'],
  ['X = ["a", "*", "b"]\n', "*", 'X = ["a", "b"]\n'],
  ['X = ["*"]\n', "*", "X = []\n"],
  ['X = ("*", "a")\n', "*", 'X = ("a",)\n'],
  ['X = ("a", "*")\n', "*", 'X = ("a",)\n'],
  ['X = ("*",)\n', "*", "X = ()\n"],
  ['X = [\n    "a",\n    "*",  # all\n    "b",\n]\n', "*", 'X = [\n    "a",\n    "b",\n]\n'],
  ['X = [\n    "a",\n    "*"\n]\n', "*", 'X = [\n    "a",\n]\n'],
  ['X = (\n    "a",\n    "*",\n)\n', "*", 'X = (\n    "a",\n)\n'],
  ['X = {"k": ["*", "a"]}\n', "*", 'X = {"k": ["a"]}\n'],
];

for (const [before, item, after] of removals) {
  test(`removeItem: ${JSON.stringify(before)}`, async () => {
    const m = await model(before);
    const edit = removeItem(m, strLoc(m, item));
    assert.ok(edit);
    const out = apply(before, [edit]);
    assert.equal(out, after);
    await parses(out);
  });
}

test("removeItem: a bare tuple has no brackets to keep, so no edit", async () => {
  const m = await model('X = "*", "a"\n');
  assert.equal(removeItem(m, strLoc(m, "*")), undefined);
});

test("replaceLiteral: only plain literals, of the kinds asked for", async () => {
  const text = 'A = True\nB = env.bool("B", default=True)\nC = -1\n';
  const m = await model(text);
  const stmts = m.statements as Array<{ kind: string; value?: Expr }>;
  const loc = (i: number) => ({ file: m.file, range: stmts[i].value!.range });
  assert.equal(apply(text, [replaceLiteral(m, loc(0), "False", ["bool"])!]), 'A = False\nB = env.bool("B", default=True)\nC = -1\n');
  assert.equal(replaceLiteral(m, loc(1), "False"), undefined);
  assert.equal(replaceLiteral(m, loc(0), "0", ["num"]), undefined);
  assert.ok(replaceLiteral(m, loc(2), "0", ["num"]));
  assert.equal(replaceLiteral(m, { file: "/elsewhere.py", range: loc(0).range }, "False"), undefined);
});

test("rewriteString keeps the quote style and escapes", async () => {
  const text = "A = 'example.com'\nB = \"it's\"\nC = 'a' 'b'\n";
  const m = await model(text);
  const a = rewriteString(m, strLoc(m, "example.com"), "https://example.com")!;
  const b = rewriteString(m, strLoc(m, "it's"), 'say "hi"')!;
  const out = apply(text, [a, b]);
  assert.equal(out, "A = 'https://example.com'\nB = \"say \\\"hi\\\"\"\nC = 'a' 'b'\n");
  await parses(out);
  const c = m.statements[2] as { value: Expr };
  assert.equal(rewriteString(m, { file: m.file, range: c.value.range }, "x"), undefined, "implicit concatenation is left alone");
});

test("insertSetting appends a statement, adding the missing final newline", async () => {
  const m1 = await model("from .base import *");
  assert.equal(apply(m1.text, [insertSetting(m1, "USE_TZ = True")]), "from .base import *\nUSE_TZ = True\n");
  const m2 = await model("A = 1\r\n");
  assert.equal(apply(m2.text, [insertSetting(m2, "B = [\n    1,\n]")]), "A = 1\r\nB = [\r\n    1,\r\n]\r\n");
  const m3 = await model("");
  assert.equal(apply("", [insertSetting(m3, "A = 1")]), "A = 1\n");
});

test("moveListItem: inline, one per line with comments, and refusals", async () => {
  const inline = 'M = ["a", "b", "c"]\n';
  let m = await model(inline);
  let loc = { file: m.file, range: exprAt(m, (m.statements[0] as { value: Expr }).value.range)!.range };
  assert.equal(apply(inline, moveListItem(m, loc, 2, 0)!), 'M = ["c", "a", "b"]\n');
  assert.equal(apply(inline, moveListItem(m, loc, 0, 2)!), 'M = ["b", "c", "a"]\n');
  assert.equal(moveListItem(m, loc, 0, 2, 4), undefined, "an extended list is not the literal");

  const lines = 'M = [\n    "a",  # first\n    "b",\n    # about c\n    "c"\n]\n';
  m = await model(lines);
  loc = { file: m.file, range: (m.statements[0] as { value: Expr }).value.range };
  const up = apply(lines, moveListItem(m, loc, 2, 1)!);
  assert.equal(up, 'M = [\n    "a",  # first\n    "c",\n    "b",\n    # about c\n]\n');
  await parses(up);
  const down = apply(lines, moveListItem(m, loc, 0, 2)!);
  assert.equal(down, 'M = [\n    "b",\n    # about c\n    "c",\n    "a",  # first\n]\n');
  await parses(down);

  const mixed = 'M = ["a",\n     "b", "c"]\n';
  m = await model(mixed);
  loc = { file: m.file, range: (m.statements[0] as { value: Expr }).value.range };
  assert.equal(moveListItem(m, loc, 2, 0), undefined);
});
