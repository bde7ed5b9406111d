// Resolver: guards on the environment decide with the variable unset and make nothing required; raw getenv defaults.
import assert from "node:assert/strict";
import { test } from "node:test";
import { lone, repr } from "./resolveHelpers";

const rows: Array<{ name: string; code: string; setting: string; want: string }> = [
  { name: '`if "X" in os.environ:` is false while X is unset', code: 'import os\nSENTRY = "off"\nif "SENTRY_DSN" in os.environ:\n    SENTRY = os.environ["SENTRY_DSN"]', setting: "SENTRY", want: "'off'" },
  { name: '`if "X" not in os.environ:` is true', code: 'import os\nif "X" not in os.environ:\n    Y = 1\nelse:\n    Y = 2', setting: "Y", want: "1" },
  { name: "`from os import environ` works the same", code: 'from os import environ\nY = 0\nif "X" in environ:\n    Y = 1', setting: "Y", want: "0" },
  { name: '`if os.environ.get("X"):` is false while X is unset', code: 'import os\nY = 0\nif os.environ.get("X"):\n    Y = os.environ["X"]', setting: "Y", want: "0" },
  { name: "os.getenv with a False default is False", code: 'import os\nDEBUG = os.getenv("DEBUG", False)', setting: "DEBUG", want: "False" },
];

for (const row of rows) {
  test(`guard: ${row.name}`, async () => {
    const env = await lone(row.code + "\n");
    assert.equal(repr(env, row.setting), row.want);
  });
}

test("guard: the guarded variable is read, and nothing is required", async () => {
  const env = await lone('import os\nif "SENTRY_DSN" in os.environ:\n    SENTRY_DSN = os.environ["SENTRY_DSN"]\n');
  const reads = env.result.envReads.filter((r) => r.variable === "SENTRY_DSN");
  assert.ok(reads.length > 0);
  assert.ok(reads.every((r) => r.hasDefault), "no required read");
});

test('guard: os.getenv("DEBUG", False) gets a note that the string "False" would be truthy', async () => {
  const env = await lone('import os\nDEBUG = os.getenv("DEBUG", False)\nX = os.getenv("DEBUG", "False") == "True"\n');
  const notes = env.notes.filter((n) => /truthy/.test(n.message));
  assert.equal(notes.length, 1);
  assert.match(notes[0].message, /DEBUG is False only while DEBUG is unset/);
  assert.equal(notes[0].range?.start.line, 1);
});
