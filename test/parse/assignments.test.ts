// Parser: assignment forms (plain, annotated, chained, tuple/list unpacking), `+=`, item assignment, mutations, del.
import assert from "node:assert/strict";
import { test } from "node:test";
import { bare, only, parse, span } from "./parseHelpers";

test("a plain assignment: one target, the value, exact ranges", async () => {
  const m = await parse("DEBUG = True\n");
  const s = only(m.statements, "assign");
  assert.deepEqual(bare(s), { kind: "assign", targets: [{ name: "DEBUG", path: [] }], value: { t: "bool", v: true }, annotated: false });
  assert.equal(span(s.range), "0:0-0:12");
  assert.equal(span(s.targets[0].range), "0:0-0:5");
  assert.equal(span(s.value.range), "0:8-0:12");
  assert.equal(s.value.range.startOffset, 8);
  assert.equal(s.value.range.endOffset, 12);
});

test("an annotated assignment is marked; a bare annotation assigns nothing", async () => {
  const m = await parse("TIMEOUT: int = 30\nDECLARED: str\n");
  const s = only(m.statements, "assign");
  assert.equal(s.annotated, true);
  assert.deepEqual(bare(s.targets), [{ name: "TIMEOUT", path: [] }]);
  assert.deepEqual(bare(s.value), { t: "num", v: 30, float: false });
  assert.equal(span(s.value.range), "0:15-0:17");
});

test("a chained assignment A = B = 1 binds both targets to the innermost value", async () => {
  const m = await parse("A = B = 1\n");
  const s = only(m.statements, "assign");
  assert.deepEqual(s.targets.map((t) => [t.name, span(t.range)]), [["A", "0:0-0:1"], ["B", "0:4-0:5"]]);
  assert.deepEqual(bare(s.value), { t: "num", v: 1, float: false });
  assert.equal(span(s.value.range), "0:8-0:9");
});

test("tuple and list unpacking give one target per position", async () => {
  const m = await parse("a, b = 1, 2\n(c, d) = x\n[e, f] = y\n");
  assert.equal(m.statements.length, 3);
  const [s1, s2, s3] = m.statements;
  assert.equal(s1.kind, "unpack");
  assert.equal(s2.kind, "unpack");
  assert.equal(s3.kind, "unpack");
  if (s1.kind !== "unpack" || s2.kind !== "unpack" || s3.kind !== "unpack") return;
  assert.deepEqual(s1.targets.map((t) => t?.name), ["a", "b"]);
  assert.deepEqual(bare(s1.value), { t: "tuple", items: [{ t: "num", v: 1, float: false }, { t: "num", v: 2, float: false }] });
  assert.deepEqual(s2.targets.map((t) => t && [t.name, span(t.range)]), [["c", "1:1-1:2"], ["d", "1:4-1:5"]]);
  assert.deepEqual(s3.targets.map((t) => t?.name), ["e", "f"]);
  assert.deepEqual(bare(s3.value), { t: "name", id: "y" });
});

test("+= is an augmented assignment with the operator without '='", async () => {
  const m = await parse('MIDDLEWARE += ["x.Y"]\nN -= 1\n');
  assert.equal(m.statements.length, 2);
  const [a, b] = m.statements;
  assert.ok(a.kind === "augassign" && b.kind === "augassign");
  assert.equal(a.op, "+");
  assert.equal(a.target.name, "MIDDLEWARE");
  assert.deepEqual(bare(a.value), { t: "list", items: [{ t: "str", v: "x.Y" }] });
  assert.equal(b.op, "-");
});

test("item assignment DATABASES['default']['CONN_MAX_AGE'] = 60 keeps the key path", async () => {
  const m = await parse('DATABASES["default"]["CONN_MAX_AGE"] = 60\n');
  const s = only(m.statements, "assign");
  assert.equal(s.targets.length, 1);
  const t = s.targets[0];
  assert.equal(t.name, "DATABASES");
  assert.deepEqual(bare(t.path), [{ t: "str", v: "default" }, { t: "str", v: "CONN_MAX_AGE" }]);
  assert.equal(span(t.range), "0:0-0:36");
  assert.equal(span(t.nameRange), "0:0-0:9");
  assert.deepEqual(bare(s.value), { t: "num", v: 60, float: false });
});

test("an attribute target is not a setting: no assignment binds a name", async () => {
  const m = await parse("obj.attr = 1\n");
  assert.equal(m.statements.filter((s) => s.kind === "assign" || s.kind === "unpack").length, 0);
});

test("append/insert/extend/remove/update are mutations of the named setting", async () => {
  const m = await parse(
    [
      'INSTALLED_APPS.append("debug_toolbar")',
      'MIDDLEWARE.insert(0, "a.B")',
      'MIDDLEWARE.extend(["c.D"])',
      'MIDDLEWARE.remove("a.B")',
      'DATABASES["default"].update({"CONN_MAX_AGE": 60}, ATOMIC_REQUESTS=True)',
      "MIDDLEWARE.sort()",
      "",
    ].join("\n"),
  );
  assert.equal(m.statements.length, 6);
  const muts = m.statements.slice(0, 5).map((s) => {
    assert.equal(s.kind, "mutate");
    return s.kind === "mutate" ? [s.target.name, s.method, bare(s.target.path), bare(s.args), s.kwargs.map((k) => k.name)] : [];
  });
  assert.deepEqual(muts, [
    ["INSTALLED_APPS", "append", [], [{ t: "str", v: "debug_toolbar" }], []],
    ["MIDDLEWARE", "insert", [], [{ t: "num", v: 0, float: false }, { t: "str", v: "a.B" }], []],
    ["MIDDLEWARE", "extend", [], [{ t: "list", items: [{ t: "str", v: "c.D" }] }], []],
    ["MIDDLEWARE", "remove", [], [{ t: "str", v: "a.B" }], []],
    [
      "DATABASES",
      "update",
      [{ t: "str", v: "default" }],
      [{ t: "dict", entries: [{ k: { t: "str", v: "CONN_MAX_AGE" }, v: { t: "num", v: 60, float: false } }] }],
      ["ATOMIC_REQUESTS"],
    ],
  ]);
  // sort() is not a mutator the model tracks: it stays a plain call statement.
  assert.equal(m.statements[5].kind, "call");
  assert.equal(span(m.statements[0].range), "0:0-0:38");
});

test("del with several targets, subscripts and parentheses", async () => {
  const m = await parse('del A, B["x"]\ndel (C)\n');
  assert.equal(m.statements.length, 2);
  const [d1, d2] = m.statements;
  assert.ok(d1.kind === "del" && d2.kind === "del");
  assert.deepEqual(bare(d1.targets), [
    { name: "A", path: [] },
    { name: "B", path: [{ t: "str", v: "x" }] },
  ]);
  assert.deepEqual(d2.targets.map((t) => [t.name, span(t.range)]), [["C", "1:5-1:6"]]);
});

test("def and class keep their bodies; for and with are opaque with their bodies kept", async () => {
  const m = await parse("def f():\n    X = 1\nclass C:\n    pass\nfor i in range(3):\n    Y = i\nwith open('f') as fh:\n    Z = 2\n");
  assert.deepEqual(
    m.statements.map((s) => (s.kind === "opaque" ? [s.what, s.binds, s.body.length] : s.kind === "def" || s.kind === "class" ? [s.kind, s.name, s.body.length] : [s.kind])),
    [
      ["def", "f", 1],
      ["class", "C", 0],
      ["for", ["i"], 1],
      ["with", ["fh"], 1],
    ],
  );
});
