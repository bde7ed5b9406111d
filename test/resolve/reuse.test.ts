// Re-analysis with a project cache: environments whose files did not change keep their run and findings; others re-run.
import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { test } from "node:test";
import { sortFindings } from "../../server/src/engine";
import { ModuleLoader } from "../../server/src/resolve/moduleLoader";
import type { ProjectCache } from "../../server/src/resolve/project";
import type { FindingsMemo } from "../../server/src/rules/run";
import { sharedEngine, writeProject } from "../helpers/project";

const FILES = {
  "manage.py": 'import os\nos.environ.setdefault("DJANGO_SETTINGS_MODULE", "proj.settings.development")\n',
  "proj/__init__.py": "",
  "proj/settings/__init__.py": "",
  "proj/settings/base.py": 'SECRET_KEY = "django-insecure-abcdefghijklmnopqrstuvwxyz0123456789abcdefghij"\nDEBUG = False\nALLOWED_HOSTS = ["example.com"]\n',
  "proj/settings/development.py": "from .base import *\nDEBUG = True\n",
  "proj/settings/production.py": "from .base import *\nSECURE_HSTS_SECONDS = 3600\n",
};

/** A project whose `rel` file reads from an editor buffer, analysed through one loader, cache and memo as the server does. */
async function session(rel: string) {
  const engine = await sharedEngine();
  const dir = writeProject(FILES);
  const file = path.join(dir, ...rel.split("/"));
  const buffer = { text: fs.readFileSync(file, "utf8") };
  const loader = new ModuleLoader(engine.parser, dir, { get: (f) => (f === file ? buffer.text : undefined) });
  const cache: ProjectCache = { entryDefaults: new Map() };
  const memo: FindingsMemo = new WeakMap();
  return { engine, dir, file, buffer, audit: () => engine.audit(dir, { loader, cache, memo, inventory: false }) };
}

/** Findings as comparable rows, so a cached analysis can be checked against a fresh one. */
function rows(findings: ReturnType<typeof sortFindings>): string[] {
  return findings.map((f) => `${f.environment} ${f.rule} ${f.location.file}:${f.location.range.startOffset}-${f.location.range.endOffset} ${f.message}`);
}

test("a keystroke in production.py re-runs production only, and every analysis equals a fresh one", async () => {
  const { engine, dir, file: production, buffer, audit } = await session("proj/settings/production.py");
  const first = audit();
  const resultOf = (a: typeof first, name: string) => a.project.environments.find((e) => e.name === name)!.result;

  buffer.text = buffer.text.replace("SECURE_HSTS_SECONDS = 3600", "DEBUG = True");
  const second = audit();
  assert.equal(resultOf(second, "proj.settings.development"), resultOf(first, "proj.settings.development"), "development was re-run");
  assert.notEqual(resultOf(second, "proj.settings.production"), resultOf(first, "proj.settings.production"), "production was reused after its edit");

  // The cached analysis says exactly what an analysis from scratch says of the same texts.
  fs.writeFileSync(production, buffer.text);
  const fresh = engine.audit(dir, { inventory: false });
  assert.deepEqual(rows(second.findings), rows(fresh.findings));
  assert.ok(second.findings.some((f) => f.environment === "proj.settings.production" && f.rule === "debug-enabled"), rows(second.findings).join("\n"));
  assert.ok(!first.findings.some((f) => f.environment === "proj.settings.production" && f.rule === "debug-enabled"));
});

test("an edit of base.py re-runs every environment that imports it", async () => {
  const { buffer, audit } = await session("proj/settings/base.py");
  const first = audit();
  buffer.text = buffer.text.replace("DEBUG = False", "DEBUG = True");
  const second = audit();
  for (const env of second.project.environments) {
    const before = first.project.environments.find((e) => e.name === env.name)!;
    assert.notEqual(env.result, before.result, `${env.name} was reused after base.py changed`);
  }
  assert.ok(second.findings.some((f) => f.environment === "proj.settings.production" && f.rule === "debug-enabled"));
  assert.ok(!first.findings.some((f) => f.environment === "proj.settings.production" && f.rule === "debug-enabled"));
});

test("keepDiskReads: a file on disk is not read again between keystrokes, and is after a full analysis", async () => {
  const { engine, dir, buffer, audit } = await session("proj/settings/production.py");
  const base = path.join(dir, "proj", "settings", "base.py");
  const loader = audit().project.loader;
  const keystroke = () => engine.audit(dir, { loader, inventory: false, keepDiskReads: true });
  const debugIn = (a: ReturnType<typeof keystroke>, env: string) => a.findings.some((f) => f.environment === env && f.rule === "debug-enabled");
  fs.writeFileSync(base, fs.readFileSync(base, "utf8").replace("DEBUG = False", "DEBUG = True"));
  buffer.text += "\n";
  assert.ok(!debugIn(keystroke(), "proj.settings.production"), "a keystroke analysis re-read base.py from disk");
  assert.ok(debugIn(engine.audit(dir, { loader, inventory: false }), "proj.settings.production"), "a full analysis kept the old base.py");
});

test("keepDiskReads: a file the editor opens or closes since the last analysis is read from where it now lives", async () => {
  const engine = await sharedEngine();
  const dir = writeProject(FILES);
  const base = path.join(dir, "proj", "settings", "base.py");
  const open = new Map<string, string>();
  const loader = new ModuleLoader(engine.parser, dir, { get: (f) => open.get(f) });
  const analyse = () => engine.audit(dir, { loader, inventory: false, keepDiskReads: true });
  const debugInProduction = () => analyse().findings.some((f) => f.environment === "proj.settings.production" && f.rule === "debug-enabled");
  assert.equal(debugInProduction(), false);
  open.set(base, fs.readFileSync(base, "utf8").replace("DEBUG = False", "DEBUG = True"));
  assert.equal(debugInProduction(), true, "the editor's copy of base.py was ignored for the disk read kept from before");
  open.delete(base);
  assert.equal(debugInProduction(), false, "the closed editor copy of base.py was kept");
});
