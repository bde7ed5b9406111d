// Resolver: decided and undecidable `if`s, del falling back to Django's default, item assignment and mutations.
import assert from "node:assert/strict";
import { test } from "node:test";
import { envReadsOf, pyRepr } from "../../server/src/resolve/values";
import { lone, repr } from "./resolveHelpers";

test("`if DEBUG:` on a known DEBUG takes one branch", async () => {
  const env = await lone('DEBUG = False\nif DEBUG:\n    ALLOWED_HOSTS = ["*"]\nelse:\n    ALLOWED_HOSTS = ["example.com"]\n');
  assert.equal(repr(env, "ALLOWED_HOSTS"), "['example.com']");
  assert.equal(env.get("ALLOWED_HOSTS").value.k, "list");
});

test("a branch decided by an env default depends on that variable", async () => {
  const env = await lone('import os\nDEBUG = os.environ.get("DJANGO_DEBUG", "") == "1"\nif DEBUG:\n    X = 1\nelse:\n    X = 2\n');
  assert.equal(repr(env, "X"), "2");
  assert.deepEqual(envReadsOf(env.get("X").value).map((r) => r.variable), ["DJANGO_DEBUG"]);
});

test("an undecidable if/elif/else gives an unknown with each branch's value as an alternative", async () => {
  const env = await lone(
    'import os, socket\nif socket.gethostname() == "web-1":\n    LEVEL = "INFO"\nelif os.environ["X"]:\n    LEVEL = "DEBUG"\nelse:\n    LEVEL = "WARN"\n',
  );
  const v = env.get("LEVEL").value;
  assert.equal(v.k, "unknown");
  assert.ok(v.k === "unknown");
  assert.deepEqual((v.alternatives ?? []).map((a) => pyRepr(a)), ["'INFO'", "'DEBUG'", "'WARN'"]);
  assert.equal(env.get("LEVEL").binding?.writes.length, 3);
});

test("an undecidable if without else: the value before it is one alternative", async () => {
  const env = await lone('import socket\nDEBUG = False\nif socket.gethostname() == "dev":\n    DEBUG = True\n');
  const v = env.get("DEBUG").value;
  assert.ok(v.k === "unknown");
  assert.deepEqual((v.alternatives ?? []).map((a) => pyRepr(a)).sort(), ["False", "True"]);
});

test("branches that agree keep the known value", async () => {
  const env = await lone("import socket\nif socket.gethostname():\n    SAME = 1\nelse:\n    SAME = 1\n");
  assert.equal(repr(env, "SAME"), "1");
});

test("a false test skips the body: os.environ.get without default is None", async () => {
  const env = await lone('import os\nONLY = 0\nif os.environ.get("ONLY"):\n    ONLY = 1\n');
  assert.equal(repr(env, "ONLY"), "0");
});

test("del X falls back to Django's default (Environment.get → isDefault)", async () => {
  const env = await lone('X_FRAME_OPTIONS = "SAMEORIGIN"\ndel X_FRAME_OPTIONS\n');
  const s = env.get("X_FRAME_OPTIONS");
  assert.equal(s.isDefault, true);
  assert.equal(s.binding, undefined);
  assert.equal(pyRepr(s.value), "'DENY'");
  assert.equal(env.has("X_FRAME_OPTIONS"), false);
});

test("a setting with no known default is unknown, and marked as default", async () => {
  const env = await lone("X = 1\n");
  const s = env.get("SOME_THIRD_PARTY_SETTING");
  assert.equal(s.isDefault, true);
  assert.equal(s.value.k, "unknown");
});

test("defaults depend on the version: USE_TZ and SECRET_KEY_FALLBACKS", async () => {
  const old = await lone("X = 1\n", { djangoVersion: "3.2" });
  const neu = await lone("X = 1\n", { djangoVersion: "5.0" });
  assert.equal(repr(old, "USE_TZ"), "False");
  assert.equal(repr(neu, "USE_TZ"), "True");
  assert.equal(old.get("SECRET_KEY_FALLBACKS").value.k, "unknown");
  assert.equal(repr(neu, "SECRET_KEY_FALLBACKS"), "[]");
});

test("item assignment, nested update, insert, remove, del of a key", async () => {
  const env = await lone(
    [
      'DATABASES = {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": "db"}}',
      'DATABASES["default"]["CONN_MAX_AGE"] = 60',
      'DATABASES["default"].update({"NAME": "prod"})',
      'del DATABASES["default"]["ENGINE"]',
      'MIDDLEWARE = ["b", "c"]',
      'MIDDLEWARE.insert(0, "a")',
      'MIDDLEWARE.remove("c")',
      'MIDDLEWARE.extend(("d",))',
      "",
    ].join("\n"),
  );
  assert.equal(repr(env, "DATABASES"), "{'default': {'NAME': 'prod', 'CONN_MAX_AGE': 60}}");
  assert.equal(repr(env, "MIDDLEWARE"), "['a', 'b', 'd']");
  assert.deepEqual(env.get("DATABASES").binding?.writes.map((w) => w.kind), ["assign", "assign", "mutate", "del"]);
});

test("removing an item that is not there makes the list unknown (ValueError at run time)", async () => {
  const env = await lone('MIDDLEWARE = ["a"]\nMIDDLEWARE.remove("zzz")\n');
  assert.equal(env.get("MIDDLEWARE").value.k, "unknown");
});

test("a value from outside the project is not known: truthiness undecided", async () => {
  const env = await lone("from company_conf import FLAG\nX = 1 if FLAG else 2\nY = not FLAG\n");
  assert.equal(env.get("X").value.k, "unknown");
  assert.equal(env.get("Y").value.k, "unknown");
});
