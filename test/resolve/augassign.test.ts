// Resolver: `X += [...]` extends lists in place only where nothing else can see them (branches, imports, calls, aliases).
import assert from "node:assert/strict";
import { test } from "node:test";
import { pyRepr } from "../../server/src/resolve/values";
import { environment, lone, repr } from "./resolveHelpers";

test("a run of += keeps every item and every write, in order", async () => {
  const lines = ['MIDDLEWARE = ["m0"]', ...Array.from({ length: 40 }, (_, i) => `MIDDLEWARE += ["m${i + 1}"]`)];
  const env = await lone(lines.join("\n") + "\n");
  assert.equal(repr(env, "MIDDLEWARE"), `[${Array.from({ length: 41 }, (_, i) => `'m${i}'`).join(", ")}]`);
  const writes = env.get("MIDDLEWARE").binding?.writes ?? [];
  assert.deepEqual(
    writes.map((w) => [w.kind, w.range.start.line]),
    lines.map((_, i) => [i === 0 ? "assign" : "augassign", i]),
  );
});

test("branches of an undecidable if extend their own copies of the list built before it", async () => {
  const env = await lone(
    'import socket\nM = ["a"]\nM += ["b"]\nif socket.gethostname() == "web-1":\n    M += ["c"]\n    M += ["d"]\nelse:\n    M += ["e"]\n',
  );
  const v = env.get("M").value;
  assert.equal(v.k, "unknown");
  // The list after the if is not known as one list; each branch's is, with nothing of the other branch in it.
  assert.deepEqual(v.k === "unknown" ? (v.alternatives ?? []).map((a) => pyRepr(a)) : [], ["['a', 'b', 'c', 'd']", "['a', 'b', 'e']"]);
});

test("an if without else keeps the list from before it as an alternative, unextended", async () => {
  const env = await lone('import socket\nM = ["a"]\nM += ["b"]\nif socket.gethostname() == "web-1":\n    M += ["c"]\n');
  const v = env.get("M").value;
  assert.deepEqual(v.k === "unknown" ? (v.alternatives ?? []).map((a) => pyRepr(a)) : [], ["['a', 'b', 'c']", "['a', 'b']"]);
});

test("production's += leaves base.py's list as it was for development", async () => {
  const files = {
    "proj/__init__.py": "",
    "proj/settings/__init__.py": "",
    "proj/settings/base.py": 'MIDDLEWARE = ["m"]\nMIDDLEWARE += ["a"]\nMIDDLEWARE += ["b"]\n',
    "proj/settings/production.py": 'from .base import *\nMIDDLEWARE += ["p"]\nMIDDLEWARE += ["q"]\n',
    "proj/settings/development.py": 'from .base import *\nMIDDLEWARE += ["d"]\n',
  };
  // base.py is a part of both (nothing names it on its own): development seeing production's items would show a leak.
  for (const name of ["proj.settings.production", "proj.settings.development"]) {
    const { env } = await environment(files, name);
    const expected = { "proj.settings.production": "['m', 'a', 'b', 'p', 'q']", "proj.settings.development": "['m', 'a', 'b', 'd']" }[name];
    assert.equal(repr(env, "MIDDLEWARE"), expected, name);
    assert.equal(env.get("MIDDLEWARE").binding?.writes.length, expected!.split(",").length, name);
  }
});

test("a list passed to a call keeps what it held at the call", async () => {
  const env = await lone('import sentry_sdk\nI = ["a"]\nI += ["b"]\nsentry_sdk.init(integrations=I)\nI += ["c"]\n');
  const call = env.calls.find((c) => c.callee === "sentry_sdk.init");
  assert.ok(call);
  assert.equal(pyRepr(call.kwargs.integrations), "['a', 'b']");
  assert.equal(repr(env, "I"), "['a', 'b', 'c']");
});

test("a list read by name before a later += keeps what it held when it was read", async () => {
  // Python would extend the aliased list too; the analysis keeps values immutable, and must at least not mix them up.
  const env = await lone('M = ["a"]\nM += ["b"]\nSNAPSHOT = M\nM += ["c"]\nLONGER = M + ["z"]\nM += ["d"]\n');
  assert.equal(repr(env, "SNAPSHOT"), "['a', 'b']");
  assert.equal(repr(env, "LONGER"), "['a', 'b', 'c', 'z']");
  assert.equal(repr(env, "M"), "['a', 'b', 'c', 'd']");
});

test("split-settings include(): fragments extend the including module's lists, and a fragment's branches stay apart", async () => {
  const { env } = await environment(
    {
      "manage.py": 'import os\nos.environ.setdefault("DJANGO_SETTINGS_MODULE", "proj.settings")\n',
      "proj/__init__.py": "",
      "proj/settings/__init__.py": 'from split_settings.tools import include\ninclude("components/base.py", "components/extra.py")\nN += ["z"]\n',
      "proj/settings/components/base.py":
        'import socket\nM = ["a"]\nM += ["b"]\nif socket.gethostname() == "web-1":\n    M += ["c"]\nelse:\n    M += ["d"]\nN = ["n"]\nN += ["o"]\n',
      "proj/settings/components/extra.py": 'N += ["e"]\n',
    },
    "proj.settings",
  );
  const v = env.get("M").value;
  assert.deepEqual(v.k === "unknown" ? (v.alternatives ?? []).map((a) => pyRepr(a)) : [], ["['a', 'b', 'c']", "['a', 'b', 'd']"]);
  assert.equal(repr(env, "N"), "['n', 'o', 'e', 'z']");
  assert.equal(env.get("N").binding?.writes.length, 4);
});

test("a fragment cut short by a failed import: what it ran is kept, and lists it handed to a call stay as they were", async () => {
  const { env } = await environment(
    {
      "manage.py": 'import os\nos.environ.setdefault("DJANGO_SETTINGS_MODULE", "proj.settings")\n',
      "proj/__init__.py": "",
      "proj/settings/__init__.py":
        'from split_settings.tools import include\nMIDDLEWARE = ["a"]\nMIDDLEWARE += ["b"]\ntry:\n    include("components/local.py")\nexcept ImportError:\n    pass\nMIDDLEWARE += ["z"]\n',
      "proj/settings/components/local.py":
        'import socket, sentry_sdk\nif socket.gethostname() == "web-1":\n    MIDDLEWARE += ["debug"]\nFROM_FRAGMENT = 1\nsentry_sdk.init(middleware=MIDDLEWARE)\nfrom .secrets_local import *\nAFTER_FAILURE = 1\n',
    },
    "proj.settings",
  );
  const call = env.calls.find((c) => c.callee === "sentry_sdk.init");
  assert.ok(call);
  const mw = call.kwargs.middleware;
  assert.deepEqual(mw.k === "unknown" ? (mw.alternatives ?? []).map((a) => pyRepr(a)) : [pyRepr(mw)], ["['a', 'b', 'debug']", "['a', 'b']"]);
  // The fragment ran up to the failed import, after its undecidable if: those names are set, the later ones not.
  assert.equal(repr(env, "FROM_FRAGMENT"), "1");
  assert.equal(env.has("AFTER_FAILURE"), false);
});
