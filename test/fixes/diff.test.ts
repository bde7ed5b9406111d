// Unified diffs for `audit --diff`: hunks with context, deletions before additions, created files from /dev/null.
import assert from "node:assert/strict";
import { test } from "node:test";
import { unifiedDiff } from "../../server/src/fixes/diff";

test("a changed line shows as - then +, with three lines of context", () => {
  const before = "a\nb\nc\nd\ne\nf\ng\nh\n";
  const after = "a\nb\nc\nd\nE\nf\ng\nh\n";
  assert.equal(unifiedDiff(before, after, "x.py"), ["--- a/x.py", "+++ b/x.py", "@@ -2,7 +2,7 @@", " b", " c", " d", "-e", "+E", " f", " g", " h", ""].join("\n"));
});

test("an insertion at the top", () => {
  assert.equal(unifiedDiff("x = 1\n", "import os\nx = 1\n", "s.py"), ["--- a/s.py", "+++ b/s.py", "@@ -1,1 +1,2 @@", "+import os", " x = 1", ""].join("\n"));
});

test("a created file", () => {
  assert.equal(unifiedDiff("", "A=\n", ".env.example", true), ["--- /dev/null", "+++ b/.env.example", "@@ -0,0 +1,1 @@", "+A=", ""].join("\n"));
});

test("distant changes make separate hunks; no change makes no diff", () => {
  const before = Array.from({ length: 20 }, (_, i) => `l${i}`).join("\n") + "\n";
  const after = before.replace("l1\n", "L1\n").replace("l18\n", "L18\n");
  assert.equal((unifiedDiff(before, after, "f").match(/^@@/gm) ?? []).length, 2);
  assert.equal(unifiedDiff(before, before, "f"), "");
});
