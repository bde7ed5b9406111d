// Parser: star-imports with relative levels, from-imports with aliases, plain imports, importedModules.
import assert from "node:assert/strict";
import { test } from "node:test";
import { bare, parse, span } from "./parseHelpers";

test("from X import * keeps the relative level and the dotted name", async () => {
  const m = await parse("from .base import *\nfrom ..common.base import *\nfrom proj.settings.base import *\nfrom . import *\n");
  assert.deepEqual(bare(m.statements), [
    { kind: "importStar", module: { level: 1, name: "base" } },
    { kind: "importStar", module: { level: 2, name: "common.base" } },
    { kind: "importStar", module: { level: 0, name: "proj.settings.base" } },
    { kind: "importStar", module: { level: 1, name: "" } },
  ]);
  assert.equal(span(m.statements[1].range), "1:0-1:27");
});

test("from X import a as b, c: names, aliases and their ranges", async () => {
  const m = await parse("from proj.settings.base import A as B, C\nfrom . import local\n");
  const [s1, s2] = m.statements;
  assert.ok(s1.kind === "importFrom" && s2.kind === "importFrom");
  assert.deepEqual(s1.module, { level: 0, name: "proj.settings.base" });
  assert.deepEqual(s1.names.map((n) => [n.name, n.alias, span(n.range)]), [
    ["A", "B", "0:31-0:37"],
    ["C", undefined, "0:39-0:40"],
  ]);
  assert.deepEqual(s2.module, { level: 1, name: "" });
  assert.deepEqual(s2.names.map((n) => n.name), ["local"]);
});

test("import os, import os.path as p, sys", async () => {
  const m = await parse("import os\nimport os.path as p, sys\nimport os.path\n");
  assert.deepEqual(bare(m.statements), [
    { kind: "import", names: [{ module: "os" }] },
    { kind: "import", names: [{ module: "os.path", alias: "p" }, { module: "sys" }] },
    { kind: "import", names: [{ module: "os.path" }] },
  ]);
  const s = m.statements[1];
  assert.ok(s.kind === "import");
  assert.equal(span(s.names[0].range), "1:7-1:19");
  assert.deepEqual(m.importedModules, ["os", "os.path", "sys", "os.path"]);
});

test("from __future__ imports produce no statement", async () => {
  const m = await parse("from __future__ import annotations\nX = 1\n");
  assert.deepEqual(m.statements.map((s) => s.kind), ["assign"]);
});
