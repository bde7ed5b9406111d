// Parser: def (parameters, defaults, globals, decorators), class (bases, keywords), return, raise, slices, lambdas,
// with-items and for-loops, as the interpreter needs them for helper functions and class-based settings.
import assert from "node:assert/strict";
import { test } from "node:test";
import { bare, only, parse, valueOf } from "./parseHelpers";

test("def: parameters of every kind, defaults, kw-only after * and *args, globals, body", async () => {
  const m = await parse("def f(a, b=1, *args, c: int = 2, d, **kw):\n    global X, Y\n    X = a\n    return b\n");
  const d = only(m.statements, "def");
  assert.equal(d.name, "f");
  assert.deepEqual(bare(d.params), [
    { name: "a", kind: "plain", kwOnly: false },
    { name: "b", kind: "plain", default: { t: "num", v: 1, float: false }, kwOnly: false },
    { name: "args", kind: "varargs", kwOnly: false },
    { name: "c", kind: "plain", default: { t: "num", v: 2, float: false }, kwOnly: true },
    { name: "d", kind: "plain", kwOnly: true },
    { name: "kw", kind: "kwargs", kwOnly: true },
  ]);
  assert.deepEqual(d.globals, ["X", "Y"]);
  assert.deepEqual(d.body.map((s) => s.kind), ["assign", "return"]);
  const ret = d.body[1];
  assert.ok(ret.kind === "return");
  assert.deepEqual(bare(ret.value), { t: "name", id: "b" });
});

test("def: a bare * separator, / ignored, decorators kept, async marked", async () => {
  const m = await parse("@cache\nasync def g(a, /, b, *, c=3):\n    return\n");
  const d = only(m.statements, "def");
  assert.deepEqual(d.params.map((p) => [p.name, p.kwOnly]), [["a", false], ["b", false], ["c", true]]);
  assert.deepEqual(bare(d.decorators), [{ t: "name", id: "cache" }]);
  assert.equal(d.isAsync, true);
  const ret = only(d.body, "return");
  assert.equal(ret.value, undefined);
});

test("nested defs keep their own globals", async () => {
  const m = await parse("def f():\n    def g():\n        global Z\n    return g\n");
  assert.deepEqual(only(m.statements, "def").globals, []);
});

test("class: bases, keywords and body", async () => {
  const m = await parse("class Prod(Base, Mixin, metaclass=M):\n    DEBUG = False\n    x: int = 1\n");
  const c = only(m.statements, "class");
  assert.equal(c.name, "Prod");
  assert.deepEqual(bare(c.bases), [{ t: "name", id: "Base" }, { t: "name", id: "Mixin" }]);
  assert.deepEqual(c.keywords.map((k) => k.name), ["metaclass"]);
  assert.deepEqual(c.body.map((s) => s.kind), ["assign", "assign"]);
});

test("raise: the exception's name as written", async () => {
  const m = await parse('def f():\n    raise ImproperlyConfigured("x")\ndef g():\n    raise\ndef h():\n    raise errors.Bad\n');
  const types = m.statements.map((s) => (s.kind === "def" && s.body[0].kind === "raise" ? s.body[0].type : "?"));
  assert.deepEqual(types, ["ImproperlyConfigured", undefined, "errors.Bad"]);
});

test("slices: each part where written", async () => {
  const m = await parse("A = X[:i]\nB = X[1:2:3]\nC = X[i:]\nD = X[::-1]\n");
  assert.deepEqual(bare(valueOf(m, "A")), { t: "sub", obj: { t: "name", id: "X" }, index: { t: "slice", upper: { t: "name", id: "i" } } });
  const b = valueOf(m, "B");
  assert.ok(b.t === "sub" && b.index.t === "slice" && b.index.lower && b.index.upper && b.index.step);
  const c = valueOf(m, "C");
  assert.ok(c.t === "sub" && c.index.t === "slice" && c.index.lower && !c.index.upper);
  const d = valueOf(m, "D");
  assert.ok(d.t === "sub" && d.index.t === "slice" && !d.index.lower && !d.index.upper && d.index.step);
});

test("a lone spread of a call is a spread, not a call of the spread", async () => {
  const m = await parse("X = [*get()]\n");
  assert.deepEqual(bare(valueOf(m, "X")), { t: "list", items: [{ t: "starred", e: { t: "call", fn: { t: "name", id: "get" }, args: [], kwargs: [], spread: false } }] });
});

test("lambda: parameters and body", async () => {
  const m = await parse("F = lambda name, default=False: default\n");
  assert.deepEqual(bare(valueOf(m, "F")), {
    t: "lambda",
    params: [
      { name: "name", kind: "plain", kwOnly: false },
      { name: "default", kind: "plain", default: { t: "bool", v: false }, kwOnly: false },
    ],
    body: { t: "name", id: "default" },
  });
});

test("with keeps its context expressions; for keeps its loop, marking break/continue", async () => {
  const m = await parse("with suppress(ImportError), open(f) as g:\n    pass\nfor k in ['A', 'B']:\n    X = k\nfor a, b in xs:\n    if a:\n        break\n");
  const w = m.statements[0];
  assert.ok(w.kind === "opaque" && w.what === "with");
  assert.deepEqual(bare(w.withItems), [
    { t: "call", fn: { t: "name", id: "suppress" }, args: [{ t: "name", id: "ImportError" }], kwargs: [], spread: false },
    { t: "call", fn: { t: "name", id: "open" }, args: [{ t: "name", id: "f" }], kwargs: [], spread: false },
  ]);
  const f1 = m.statements[1];
  const f2 = m.statements[2];
  assert.ok(f1.kind === "opaque" && f1.loop && f2.kind === "opaque" && f2.loop);
  assert.deepEqual([f1.loop.names, f1.loop.control], [["k"], false]);
  assert.deepEqual([f2.loop.names, f2.loop.control], [["a", "b"], true]);
});
