// Resolver: lists rebuilt from themselves stay known in part (resolve/sequences.ts): certain members, known order.
import assert from "node:assert/strict";
import { test } from "node:test";
import { seqView } from "../../server/src/resolve/sequences";
import { pyContains, pyRepr, truthy, type Value } from "../../server/src/resolve/values";
import { lone } from "./resolveHelpers";

const HOST = 'import socket\nif socket.gethostname() == "x":\n';

/** The certain items and their gaps ("?" where unknown items may sit), or the whole value's repr when fully known. */
function shape(v: Value): string {
  if (v.k !== "unknown") return pyRepr(v);
  const view = seqView(v);
  if (!view) return "<unknown>";
  const items = view.items.map((i) => pyRepr(i));
  if (!view.gaps) return `{${items.sort().join(", ")}}`;
  return view.gaps.map((g, i) => (g ? "? " : "") + (items[i] ?? "")).join(" ").replace(/\s+/g, " ").trim();
}

const rows: Array<{ name: string; code: string; want: string }> = [
  { name: "a spread of an unknown list keeps the items around it", code: 'X = [*get(), "a", "b"]', want: "? 'a' 'b'" },
  { name: "a spread between known items", code: 'X = ["a", *get(), "b"]', want: "'a' ? 'b'" },
  { name: "an undecided if that wraps the list keeps the list, with gaps at both ends", code: 'X = ["a", "b"]\n' + HOST + '    X = ["p", *X, "q"]', want: "? 'a' 'b' ?" },
  { name: "an undecided if that appends keeps the list, open at the end", code: 'X = ["a", "b"]\n' + HOST + '    X.append("c")', want: "'a' 'b' ?" },
  { name: "branches that drop a member lose it", code: 'X = ["a", "b"]\n' + HOST + '    X = ["b"]', want: "? 'b'" },
  { name: "branches in different orders keep membership only", code: 'X = ["a", "b"]\n' + HOST + '    X = ["b", "a"]', want: "{'a', 'b'}" },
  { name: "list(X) + [...] of a partial list", code: 'X = [*get(), "a"]\nY = list(X) + ["b"]\nX = Y', want: "? 'a' 'b'" },
  { name: "tuple(X) keeps what is known", code: 'X = tuple([*get(), "a"])', want: "? 'a'" },
  { name: "an unknown list extended with a known one", code: 'X = get() + ["a"]', want: "? 'a'" },
  { name: ".extend(unknown) keeps what was there", code: 'X = ["a"]\nX.extend(get_plugins())', want: "'a' ?" },
  // Kiwi: plugins appended in a loop over entry points the analysis cannot list.
  { name: "a loop that only appends keeps what was there, open at the end", code: 'X = ["a", "b"]\nfor p in plugins():\n    X.append(p.module)\n    if p.extra:\n        X += [p.extra]', want: "'a' 'b' ?" },
  { name: "a loop that inserts keeps membership, with gaps everywhere", code: 'X = ["a", "b"]\nfor p in plugins():\n    X.insert(0, p)', want: "? 'a' ? 'b' ?" },
  { name: "near miss: a loop that also removes knows nothing", code: 'X = ["a"]\nfor p in plugins():\n    X.append(p)\n    X.remove("a")', want: "<unknown>" },
  { name: "near miss: a loop that deletes an item knows nothing", code: 'X = ["a"]\nfor p in plugins():\n    X.append(p)\n    del X[0]', want: "<unknown>" },
  { name: "near miss: a loop that reassigns knows nothing", code: 'X = ["a"]\nfor p in plugins():\n    X = [p]', want: "<unknown>" },
  { name: ".append on an unknown list", code: 'X = get()\nX.append("a")', want: "? 'a'" },
  { name: "+= on an unknown list", code: 'X = get()\nX += ["a"]', want: "? 'a'" },
  { name: ".insert(0, x) on a partial list puts x first", code: 'X = [*get(), "a"]\nX.insert(0, "z")', want: "'z' ? 'a'" },
  { name: ".insert at an unknown place keeps membership only", code: 'X = ["a", "b"]\nX.insert(where(), "z")', want: "{'a', 'b', 'z'}" },
  { name: ".insert at X.index(...) is exact", code: 'X = ["a", "b"]\nX.insert(X.index("b"), "z")', want: "['a', 'z', 'b']" },
  { name: ".insert at X.index(...) + 1 is exact", code: 'X = ["a", "b"]\nX.insert(X.index("a") + 1, "z")', want: "['a', 'z', 'b']" },
  { name: ".remove of a certain member leaves a gap", code: 'X = ["a", "b", "c", *get()]\nX.remove("b")', want: "'a' ? 'c' ?" },
  { name: "slices with known bounds are exact", code: 'X = ["a", "b", "c"]\nY = (*X[:1], "s", *X[1:])\nX = list(Y)', want: "['a', 's', 'b', 'c']" },
  { name: "negative and stepped slices", code: 'X = ["a", "b", "c", "d"][-3::2]', want: "['b', 'd']" },
  { name: "slices at an unknown index keep every item, order unknown", code: 'X = ["a", "b"]\ni = where()\nX = (*X[:i], "silk", *X[i:])', want: "{'a', 'b', 'silk'}" },
  { name: "a set display with a spread", code: 'X = {*get(), "a"}', want: "{'a'}" },
  { name: "a spread of nothing known is plainly unknown", code: "X = [*get()]", want: "<unknown>" },
];

for (const row of rows) {
  test(`partial list: ${row.name}`, async () => {
    const env = await lone(row.code + "\n");
    assert.equal(shape(env.get("X").value), row.want);
  });
}

test("membership: certain members are in, anything else is not known; order is kept only where known", async () => {
  const env = await lone('X = ["a", "b"]\n' + HOST + '    X = ["p", *X, "q"]\n');
  const v = env.get("X").value;
  assert.equal(pyContains(v, { k: "str", v: "a" }), true);
  assert.equal(pyContains(v, { k: "str", v: "p" }), undefined);
  assert.equal(pyContains(v, { k: "str", v: "zzz" }), false, "absent from every branch");
  assert.equal(truthy(v), true);
  const env2 = await lone('X = [*get(), "a"]\n');
  assert.equal(pyContains(env2.get("X").value, { k: "str", v: "zzz" }), undefined);
  assert.equal(truthy((await lone("X = [*get()]\n")).get("X").value), undefined);
});

test("an `in` test on a partial list decides an if", async () => {
  const env = await lone('X = [*get(), "a"]\nif "a" in X:\n    Y = 1\nelse:\n    Y = 2\n');
  assert.equal(pyRepr(env.get("Y").value), "1");
});

test("a partial list keeps the env reads of what it was built from", async () => {
  const env = await lone('import os\nX = [*os.environ["EXTRA"].split(","), "a"]\n');
  const v = env.get("X").value;
  assert.equal(shape(v), "? 'a'");
  assert.deepEqual((v.env ?? []).map((r) => r.variable), ["EXTRA"]);
});
