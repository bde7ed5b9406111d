// Parser: if/elif/else branches and try/except/else/finally with handler types.
import assert from "node:assert/strict";
import { test } from "node:test";
import { bare, only, parse, span } from "./parseHelpers";

test("if/elif/else: one branch each, tests on all but else", async () => {
  const m = await parse("if A:\n    X = 1\nelif B == 2:\n    X = 2\nelse:\n    X = 3\n    Y = 4\n");
  const s = only(m.statements, "if");
  assert.equal(s.branches.length, 3);
  assert.deepEqual(bare(s.branches[0].test), { t: "name", id: "A" });
  assert.deepEqual(bare(s.branches[1].test), { t: "compare", ops: ["=="], operands: [{ t: "name", id: "B" }, { t: "num", v: 2, float: false }] });
  assert.equal(s.branches[2].test, undefined);
  assert.deepEqual(
    s.branches.map((b) => b.body.map((x) => (x.kind === "assign" ? `${x.targets[0].name}@${span(x.range)}` : x.kind))),
    [["X@1:4-1:9"], ["X@3:4-3:9"], ["X@5:4-5:9", "Y@6:4-6:9"]],
  );
  assert.equal(span(s.branches[1].range), "2:0-3:9");
  assert.equal(span(s.branches[2].range), "4:0-6:9");
  assert.equal(span(s.range), "0:0-6:9");
});

test("an if without else has only the tested branches", async () => {
  const m = await parse("if DEBUG:\n    INSTALLED_APPS += ['debug_toolbar']\n");
  const s = only(m.statements, "if");
  assert.equal(s.branches.length, 1);
  assert.equal(s.branches[0].body[0].kind, "augassign");
});

test("try/except ImportError/except (A, B) as e/bare except/else/finally", async () => {
  const m = await parse(
    [
      "try:",
      "    from .local import *",
      "except ImportError:",
      "    X = 1",
      "except (KeyError, ModuleNotFoundError) as e:",
      "    X = 2",
      "except:",
      "    X = 3",
      "else:",
      "    Y = 1",
      "finally:",
      "    Z = 1",
      "",
    ].join("\n"),
  );
  const s = only(m.statements, "try");
  assert.deepEqual(bare(s.body), [{ kind: "importStar", module: { level: 1, name: "local" } }]);
  assert.deepEqual(s.handlers.map((h) => h.types), [["ImportError"], ["KeyError", "ModuleNotFoundError"], "all"]);
  assert.deepEqual(s.handlers.map((h) => h.body.length), [1, 1, 1]);
  assert.deepEqual(s.handlers.map((h) => span(h.range)), ["2:0-3:9", "4:0-5:9", "6:0-7:9"]);
  assert.deepEqual(s.orelse.map((x) => x.kind === "assign" && x.targets[0].name), ["Y"]);
  assert.deepEqual(s.finalbody.map((x) => x.kind === "assign" && x.targets[0].name), ["Z"]);
});

test("a dotted exception type keeps its dots", async () => {
  const m = await parse("try:\n    import x\nexcept builtins.ImportError:\n    pass\n");
  const s = only(m.statements, "try");
  assert.deepEqual(s.handlers[0].types, ["builtins.ImportError"]);
  assert.deepEqual(s.handlers[0].body, []);
});
