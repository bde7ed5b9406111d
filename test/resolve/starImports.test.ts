// Resolver: star-import chains with provenance, optional local settings, import cycles, missing and external modules.
import assert from "node:assert/strict";
import { test } from "node:test";
import { environment, repr } from "./resolveHelpers";

const CHAIN = {
  "proj/__init__.py": "",
  "proj/settings/__init__.py": "",
  "proj/settings/base.py": 'DEBUG = True\nX = 1\nONLY_BASE = "b"\n_PRIVATE = 1\nMIDDLEWARE = ["a.A"]\n',
  "proj/settings/common.py": "from .base import *\nX = 2\nMIDDLEWARE += [\"b.B\"]\n",
  "proj/settings/production.py": 'from .common import *\nDEBUG = False\nMIDDLEWARE.append("c.C")\n',
};

test("base → common → production: values follow Python's order of execution", async () => {
  const { env, rel } = await environment(CHAIN, "proj.settings.production");
  assert.equal(repr(env, "DEBUG"), "False");
  assert.equal(repr(env, "X"), "2");
  assert.equal(repr(env, "ONLY_BASE"), "'b'");
  assert.equal(repr(env, "MIDDLEWARE"), "['a.A', 'b.B', 'c.C']");
  // Underscore names are not star-exported (and are not settings anyway).
  assert.equal(env.has("_PRIVATE"), false);
  assert.deepEqual(env.files.map(rel), ["proj/settings/production.py", "proj/settings/common.py", "proj/settings/base.py"]);
  assert.deepEqual(env.notes, []);
});

test("provenance: a name from base.py records both star-import hops, outermost first", async () => {
  const { env, rel } = await environment(CHAIN, "proj.settings.production");
  const b = env.get("ONLY_BASE").binding;
  assert.ok(b);
  assert.deepEqual(b.via.map((h) => [rel(h.file), rel(h.from), h.range.start.line]), [
    ["proj/settings/production.py", "proj/settings/common.py", 0],
    ["proj/settings/common.py", "proj/settings/base.py", 0],
  ]);
  assert.deepEqual(b.writes.map((w) => [rel(w.file), w.kind, w.range.start.line, w.targetRange.end.character]), [["proj/settings/base.py", "assign", 2, 9]]);
});

test("provenance: an override in production.py has no hops and remembers what it replaced", async () => {
  const { env, rel } = await environment(CHAIN, "proj.settings.production");
  const b = env.get("DEBUG").binding;
  assert.ok(b);
  assert.deepEqual(b.via, []);
  assert.deepEqual(b.writes.map((w) => [rel(w.file), w.kind, w.range.start.line]), [["proj/settings/production.py", "assign", 1]]);
  assert.ok(b.overrides);
  assert.equal(b.overrides.value.k === "bool" && b.overrides.value.v, true);
  assert.deepEqual(b.overrides.writes.map((w) => rel(w.file)), ["proj/settings/base.py"]);
});

test("provenance: += in common.py extends base.py's history; .append adds a write", async () => {
  const { env, rel } = await environment(CHAIN, "proj.settings.production");
  const b = env.get("MIDDLEWARE").binding;
  assert.ok(b);
  assert.deepEqual(b.writes.map((w) => [rel(w.file), w.kind, w.range.start.line]), [
    ["proj/settings/base.py", "assign", 4],
    ["proj/settings/common.py", "augassign", 2],
    ["proj/settings/production.py", "mutate", 2],
  ]);
  assert.deepEqual(b.via.map((h) => [rel(h.file), rel(h.from)]), [
    ["proj/settings/production.py", "proj/settings/common.py"],
    ["proj/settings/common.py", "proj/settings/base.py"],
  ]);
});

test("__all__ limits what a star-import brings in", async () => {
  const { env } = await environment(
    { "proj/settings/base.py": '__all__ = ["A"]\nA = 1\nB = 2\n', "proj/settings/production.py": "from .base import *\n" },
    "proj.settings.production",
  );
  assert.equal(repr(env, "A"), "1");
  assert.equal(env.has("B"), false);
});

test("try: from .local import * with local.py present: its values win, no note", async () => {
  const { env, rel } = await environment(
    {
      "proj/settings/base.py": "DEBUG = False\n",
      "proj/settings/local.py": "DEBUG = True\nLOCAL_ONLY = 1\n",
      "proj/settings/production.py": "from .base import *\ntry:\n    from .local import *\nexcept ImportError:\n    pass\n",
    },
    "proj.settings.production",
  );
  assert.equal(repr(env, "DEBUG"), "True");
  assert.equal(repr(env, "LOCAL_ONLY"), "1");
  assert.deepEqual(env.get("DEBUG").binding?.via.map((h) => [rel(h.from), h.range.start.line, h.range.start.character]), [["proj/settings/local.py", 2, 4]]);
  assert.deepEqual(env.notes, []);
});

test("try: from .local import * with local.py absent: an information note, the except body runs", async () => {
  const { env, rel } = await environment(
    {
      "proj/settings/base.py": "DEBUG = False\n",
      "proj/settings/production.py": "from .base import *\ntry:\n    from .local import *\nexcept ImportError:\n    FALLBACK = True\n",
    },
    "proj.settings.production",
  );
  assert.equal(repr(env, "DEBUG"), "False");
  assert.equal(repr(env, "FALLBACK"), "True");
  assert.deepEqual(
    env.notes.map((n) => [rel(n.file), n.severity, n.range?.start.line]),
    [["proj/settings/production.py", "information", 1]],
  );
  assert.match(env.notes[0].message, /\.local/);
});

test("an import cycle a ↔ b gives a warning note and no crash; both modules' names resolve", async () => {
  const { env, rel } = await environment(
    {
      "proj/settings/a.py": "from .b import *\nA = 1\n",
      "proj/settings/b.py": "from .a import *\nB = 2\n",
      "proj/settings/production.py": "from .a import *\n",
    },
    "proj.settings.production",
  );
  assert.equal(repr(env, "A"), "1");
  assert.equal(repr(env, "B"), "2");
  const cycle = env.notes.filter((n) => /cycle/.test(n.message));
  assert.equal(cycle.length, 1);
  assert.equal(cycle[0].severity, "warning");
  assert.equal(rel(cycle[0].file), "proj/settings/b.py");
  assert.match(cycle[0].message, /a\.py → b\.py → a\.py/);
});

test("a missing unguarded project import gives a warning note and no crash", async () => {
  const { env, rel } = await environment(
    {
      "proj/settings/production.py": "from .missing import *\nfrom proj.settings.gone import X\nDEBUG = True\n",
      "proj/settings/base.py": "Y = 1\n",
    },
    "proj.settings.production",
  );
  assert.equal(repr(env, "DEBUG"), "True");
  assert.equal(env.has("X"), false);
  assert.deepEqual(
    env.notes.map((n) => [rel(n.file), n.severity, n.range?.start.line, /not in the project/.test(n.message)]),
    [
      ["proj/settings/production.py", "warning", 0, true],
      ["proj/settings/production.py", "warning", 1, true],
    ],
  );
});

test("a star-import from a third-party module is an information note; its names stay unknown", async () => {
  const { env } = await environment({ "proj/settings/production.py": "from thirdparty.settings import *\nDEBUG = False\n" }, "proj.settings.production");
  assert.equal(repr(env, "DEBUG"), "False");
  assert.deepEqual(env.notes.map((n) => [n.severity, /thirdparty\.settings/.test(n.message)]), [["information", true]]);
});

test("an absolute import of the project's own settings module resolves like a relative one", async () => {
  const { env, rel } = await environment(
    {
      "proj/__init__.py": "",
      "proj/settings/__init__.py": "",
      "proj/settings/base.py": "DEBUG = True\n",
      "proj/settings/production.py": "from proj.settings.base import *\nfrom proj.settings.base import DEBUG as OLD_DEBUG\n",
    },
    "proj.settings.production",
  );
  assert.equal(repr(env, "DEBUG"), "True");
  assert.equal(repr(env, "OLD_DEBUG"), "True");
  assert.deepEqual(env.get("OLD_DEBUG").binding?.via.map((h) => [rel(h.from), h.range.start.line]), [["proj/settings/base.py", 1]]);
});

test("provenance: an override two modules down stays reachable through `overrides` after another star-import", async () => {
  const { env, rel } = await environment(
    {
      "proj/settings/base.py": 'SECRET_KEY = "committed"\n',
      "proj/settings/common.py": 'from .base import *\nimport os\nSECRET_KEY = os.environ["DJANGO_SECRET_KEY"]\n',
      "proj/settings/production.py": "from .common import *\n",
    },
    "proj.settings.production",
  );
  const b = env.get("SECRET_KEY").binding;
  assert.ok(b);
  assert.equal(b.value.k, "unknown");
  assert.deepEqual(b.writes.map((w) => rel(w.file)), ["proj/settings/common.py"]);
  assert.ok(b.overrides, "the base.py binding common.py replaced");
  assert.deepEqual(b.overrides.writes.map((w) => rel(w.file)), ["proj/settings/base.py"]);
  assert.equal(b.overrides.value.k === "str" && b.overrides.value.v, "committed");
});
