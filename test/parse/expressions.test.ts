// Parser: literal decoding (escapes, raw, concatenation, f-strings, numbers) and the operator forms of the Expr IR.
import assert from "node:assert/strict";
import { test } from "node:test";
import { bare, parse, span, valueOf } from "./parseHelpers";

test("string escapes are decoded the way Python does", async () => {
  const m = await parse(String.raw`S = "a\tb\x41\u00e9\101\q\\" ` + "\n" + String.raw`E = "\U0001F600"` + "\n");
  assert.deepEqual(bare(valueOf(m, "S")), { t: "str", v: "a\tbAéA\\q\\" });
  assert.deepEqual(bare(valueOf(m, "E")), { t: "str", v: "😀" });
});

test("raw strings keep backslashes; bytes are not strings", async () => {
  const m = await parse(String.raw`R = r"a\tb"` + "\nB = b'x'\nU = u'u'\n");
  assert.deepEqual(bare(valueOf(m, "R")), { t: "str", v: "a\\tb" });
  assert.deepEqual(bare(valueOf(m, "B")), { t: "other", kind: "bytes" });
  assert.deepEqual(bare(valueOf(m, "U")), { t: "str", v: "u" });
});

test("the raw text of a literal is kept for fixes", async () => {
  const m = await parse("K = 'abc'\n");
  const v = valueOf(m, "K");
  assert.ok(v.t === "str");
  assert.equal(v.raw, "'abc'");
});

test("implicit concatenation, across lines and with a backslash continuation", async () => {
  const m = await parse('A = "a" \'b\' "c"\nB = ("x"\n     "y")\nC = "p" \\\n    "q"\n');
  assert.deepEqual(bare(valueOf(m, "A")), { t: "str", v: "abc" });
  assert.deepEqual(bare(valueOf(m, "B")), { t: "str", v: "xy" });
  assert.equal(span(valueOf(m, "B").range), "1:5-2:8");
  assert.deepEqual(bare(valueOf(m, "C")), { t: "str", v: "pq" });
  assert.equal(span(valueOf(m, "C").range), "3:4-4:7");
});

test("an f-string with only literal parts is a plain str; {{ and }} are single braces", async () => {
  const m = await parse('A = f"plain"\nB = f"{{x}}"\nC = "{{x}}"\n');
  assert.deepEqual(bare(valueOf(m, "A")), { t: "str", v: "plain" });
  assert.deepEqual(bare(valueOf(m, "B")), { t: "str", v: "{x}" });
  // Not an f-string: the doubled braces are literal text.
  assert.deepEqual(bare(valueOf(m, "C")), { t: "str", v: "{{x}}" });
});

test("an f-string with interpolations keeps literal parts and expressions in order", async () => {
  const m = await parse('U = f"postgres://{USER}:{{x}}@{HOST}/db\\n"\n');
  assert.deepEqual(bare(valueOf(m, "U")), {
    t: "fstr",
    parts: ["postgres://", { t: "name", id: "USER" }, ":{x}@", { t: "name", id: "HOST" }, "/db\n"],
  });
});

test("an f-string part with a conversion or format spec is unknown", async () => {
  const m = await parse('A = f"{X!r}"\nB = f"{X:>3}"\n');
  const a = valueOf(m, "A");
  assert.ok(a.t === "fstr");
  assert.deepEqual(bare(a.parts), [{ t: "other", kind: "formatted" }]);
  const b = valueOf(m, "B");
  assert.ok(b.t === "fstr");
  assert.deepEqual(bare(b.parts), [{ t: "other", kind: "formatted" }]);
});

test("implicit concatenation of a str and an f-string is an fstr", async () => {
  const m = await parse('F = "a" f"{X}"\n');
  assert.deepEqual(bare(valueOf(m, "F")), { t: "fstr", parts: ["a", { t: "name", id: "X" }] });
});

test("numbers: underscores, hex, octal, binary, floats, negatives", async () => {
  const m = await parse("A = 1_000\nB = 0x1F\nC = 0o17\nD = 0b11\nE = 1.5e3\nF = -1\nG = 2j\n");
  assert.deepEqual(bare(valueOf(m, "A")), { t: "num", v: 1000, float: false });
  assert.deepEqual(bare(valueOf(m, "B")), { t: "num", v: 31, float: false });
  assert.deepEqual(bare(valueOf(m, "C")), { t: "num", v: 15, float: false });
  assert.deepEqual(bare(valueOf(m, "D")), { t: "num", v: 3, float: false });
  assert.deepEqual(bare(valueOf(m, "E")), { t: "num", v: 1500, float: true });
  assert.deepEqual(bare(valueOf(m, "F")), { t: "unary", op: "-", e: { t: "num", v: 1, float: false } });
  assert.deepEqual(bare(valueOf(m, "G")), { t: "other", kind: "complex" });
});

test("containers, calls, comparisons and conditionals", async () => {
  const m = await parse(
    [
      'D = {"a": 1, **K}',
      "S = {1, 2}",
      "T = (1,)",
      "L = [*a, 1]",
      'C = env.bool("X", default=False)',
      "G = x is not None",
      "H = y not in z",
      "F = A if B else C",
      "N = not A",
      'O = A or "d"',
      "Z = lambda: 1",
      "",
    ].join("\n"),
  );
  assert.deepEqual(bare(valueOf(m, "D")), { t: "dict", entries: [{ k: { t: "str", v: "a" }, v: { t: "num", v: 1, float: false } }, { spread: { t: "name", id: "K" } }] });
  assert.deepEqual(bare(valueOf(m, "S")), { t: "set", items: [{ t: "num", v: 1, float: false }, { t: "num", v: 2, float: false }] });
  assert.deepEqual(bare(valueOf(m, "T")), { t: "tuple", items: [{ t: "num", v: 1, float: false }] });
  assert.deepEqual(bare(valueOf(m, "L")), { t: "list", items: [{ t: "starred", e: { t: "name", id: "a" } }, { t: "num", v: 1, float: false }] });
  assert.deepEqual(bare(valueOf(m, "C")), {
    t: "call",
    fn: { t: "attr", obj: { t: "name", id: "env" }, attr: "bool" },
    args: [{ t: "str", v: "X" }],
    kwargs: [{ name: "default", value: { t: "bool", v: false } }],
    spread: false,
  });
  assert.deepEqual(bare(valueOf(m, "G")), { t: "compare", ops: ["is not"], operands: [{ t: "name", id: "x" }, { t: "none" }] });
  assert.deepEqual(bare(valueOf(m, "H")), { t: "compare", ops: ["not in"], operands: [{ t: "name", id: "y" }, { t: "name", id: "z" }] });
  assert.deepEqual(bare(valueOf(m, "F")), { t: "cond", body: { t: "name", id: "A" }, test: { t: "name", id: "B" }, orelse: { t: "name", id: "C" } });
  assert.deepEqual(bare(valueOf(m, "N")), { t: "unary", op: "not", e: { t: "name", id: "A" } });
  assert.deepEqual(bare(valueOf(m, "O")), { t: "boolop", op: "or", l: { t: "name", id: "A" }, r: { t: "str", v: "d" } });
  assert.deepEqual(bare(valueOf(m, "Z")), { t: "lambda", params: [], body: { t: "num", v: 1, float: false } });
});

test("a call with *args is marked as spread", async () => {
  const m = await parse("X = f(1, *rest)\n");
  const v = valueOf(m, "X");
  assert.ok(v.t === "call");
  assert.equal(v.spread, true);
  assert.equal(v.args.length, 1);
});
