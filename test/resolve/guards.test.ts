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

test('guard: os.environ.get("BATCH", 60) gets a note that the value is a str once set, not one about truthiness', async () => {
  const env = await lone('import os\nEMAIL_PORT = os.environ.get("EMAIL_PORT", 587)\nBATCH = int(os.getenv("BATCH", 60))\n');
  const notes = env.notes.filter((n) => /EMAIL_PORT|BATCH/.test(n.message));
  assert.equal(notes.length, 1, notes.map((n) => n.message).join("\n"));
  assert.match(notes[0].message, /EMAIL_PORT is the number 587 only while EMAIL_PORT is unset: .* a str once it is set; convert it \(int\(os\.environ\.get\("EMAIL_PORT", 587\)\)\)/);
  assert.doesNotMatch(notes[0].message, /truthy/);
});

// paperless-ngx: a defaulted read followed by `if not X: raise ImproperlyConfigured` is a required variable.
test("guard: `if not SECRET_KEY: raise` makes the read required, and the chain goes on as if the test were false", async () => {
  const env = await lone(
    'import os\nfrom django.core.exceptions import ImproperlyConfigured\nSECRET_KEY = os.getenv("APP_SECRET_KEY")\nif not (SECRET_KEY or "").strip():\n    raise ImproperlyConfigured("APP_SECRET_KEY must be set")\nelif SECRET_KEY == "x":\n    MODE = "x"\nelse:\n    MODE = "ok"\n',
  );
  const key = env.get("SECRET_KEY").value;
  assert.equal(key.k, "unknown");
  assert.deepEqual(key.env?.map((r) => [r.variable, r.hasDefault]), [["APP_SECRET_KEY", false]]);
  assert.ok(env.result.envReads.some((r) => r.variable === "APP_SECRET_KEY" && !r.hasDefault), "a required read is recorded");
  assert.equal(repr(env, "MODE"), "<unknown>", "the elif on the now unknown key is undecided");
});

test("guard: a read tested directly, `if not os.getenv(\"X\"): raise`, is recorded as required", async () => {
  const env = await lone('import os\nif not os.getenv("APP_HOSTS"):\n    raise RuntimeError("set APP_HOSTS")\nY = 1\n');
  assert.ok(env.result.envReads.some((r) => r.variable === "APP_HOSTS" && !r.hasDefault));
  assert.equal(repr(env, "Y"), "1");
});

test("guard: near misses keep the default: a branch that assigns instead of raising, a raise inside a helper", async () => {
  const assigns = await lone('import os\nSECRET_KEY = os.getenv("APP_SECRET_KEY")\nif not SECRET_KEY:\n    SECRET_KEY = "fallback"\n');
  assert.equal(repr(assigns, "SECRET_KEY"), "'fallback'");
  const helper = await lone('import os\ndef check(v):\n    if not v:\n        raise ValueError("unset")\n    return v\nSECRET_KEY = os.getenv("APP_SECRET_KEY")\n');
  assert.equal(repr(helper, "SECRET_KEY"), "None");
  assert.ok(helper.result.envReads.every((r) => r.hasDefault));
});

test("guard: a conjunction of two variables makes neither required (setting either one may be enough)", async () => {
  const env = await lone('import os\nDEBUG = os.environ.get("APP_DEBUG", "False") == "True"\nSECRET_KEY = os.environ.get("APP_SECRET_KEY", "dev-only")\nif not DEBUG and SECRET_KEY == "dev-only":\n    raise RuntimeError("set APP_SECRET_KEY")\n');
  assert.equal(repr(env, "DEBUG"), "False");
  assert.ok(env.result.envReads.every((r) => r.hasDefault), env.result.envReads.map((r) => `${r.variable} ${r.hasDefault}`).join(", "));
});

test("guard: a float default is explained with float(), not int()", async () => {
  const env = await lone('import os\nSENTRY_TRACES_SAMPLE_RATE = os.getenv("SENTRY_TRACES_SAMPLE_RATE", 0.1)\n');
  const notes = env.notes.filter((n) => /SENTRY_TRACES_SAMPLE_RATE/.test(n.message));
  assert.equal(notes.length, 1);
  assert.match(notes[0].message, /convert it \(float\(os\.getenv\("SENTRY_TRACES_SAMPLE_RATE", 0\.1\)\)\)/);
});
