// The language server's inventory surface: env-unused diagnostics in documentation files, and the .env.example action that appends missing names.
import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { test } from "node:test";
import { pathToFileURL } from "node:url";
import { DiagnosticSeverity, DiagnosticTag, type TextEdit } from "vscode-languageserver";
import type { Audit } from "../../server/src/engine";
import { diagnosticFiles, toDiagnostics } from "../../server/src/lsp/diagnostics";
import { groupByPlace } from "../../server/src/session/problems";
import { addMissingVariablesAction } from "../../server/src/lsp/envInventory";
import { auditDir, splitProject, writeTree } from "./helpers";

const uri = (file: string) => pathToFileURL(file).toString();

/** What the server publishes for the documentation files: the audit's findings through the one diagnostics mapper. */
function documentationDiagnostics(audit: Audit) {
  const problems = groupByPlace(audit.findings);
  const envs = audit.project.environments.map((e) => e.name);
  const files = [...diagnosticFiles(problems).entries()].filter(([f]) => !f.endsWith(".py"));
  return new Map(files.map(([f, list]) => [uri(f), toDiagnostics(f, list, [], envs)]));
}

const PROJECT = splitProject(
  'import environ\nimport sentry_sdk\nenv = environ.Env()\nSECRET_KEY = env("DJANGO_SECRET_KEY")\nDEBUG = env.bool("DJANGO_DEBUG", default=False)\nsentry_sdk.init(dsn=env("SENTRY_DSN", default=""))\n',
  undefined,
  {
    ".env.example": "DJANGO_DEBUG=False\nOLD_FLAG=1\n",
    "docker-compose.yml": "services:\n  web:\n    build: .\n    environment:\n      - DJANGO_SECRET_KEY\n      - COMPOSE_ONLY=1\n  db:\n    image: postgres\n    environment:\n      POSTGRES_DB: x\n",
  },
);

test("server diagnostics: env-unused in .env.example and the compose file, nothing for other services or Python files", async () => {
  const dir = writeTree(PROJECT);
  const diags = documentationDiagnostics(await auditDir(dir));
  assert.deepEqual([...diags.keys()].sort(), [uri(path.join(dir, ".env.example")), uri(path.join(dir, "docker-compose.yml"))].sort());
  const [env] = diags.get(uri(path.join(dir, ".env.example")))!;
  assert.deepEqual(env.range, { start: { line: 1, character: 0 }, end: { line: 1, character: 8 } });
  assert.equal(env.severity, DiagnosticSeverity.Information);
  assert.equal(env.code, "env-unused");
  assert.deepEqual(env.tags, [DiagnosticTag.Unnecessary]);
  assert.match(env.codeDescription!.href, /docs\/rules\/env-unused\.md$/);
  assert.deepEqual(env.data, { rule: "env-unused", environments: ["proj.settings.production"] });
  const [compose] = diags.get(uri(path.join(dir, "docker-compose.yml")))!;
  assert.equal(compose.range.start.line, 5);
  assert.match(String(compose.message), /^COMPOSE_ONLY is documented here \(service web\)/);
});

test("server diagnostics: environments are merged into one diagnostic per place", async () => {
  const dir = writeTree({ ...PROJECT, "proj/settings/staging.py": "DEBUG = False\n" });
  const diags = documentationDiagnostics(await auditDir(dir)).get(uri(path.join(dir, ".env.example")))!;
  assert.equal(diags.length, 1);
  assert.deepEqual((diags[0].data as { environments: string[] }).environments.sort(), ["proj.settings.production", "proj.settings.staging"]);
});

function applyEdit(text: string, e: TextEdit): string {
  const lines = text.split("\n");
  const offset = (p: { line: number; character: number }) => lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
  return text.slice(0, offset(e.range.start)) + e.newText + text.slice(offset(e.range.end));
}

test("addMissingVariablesAction: appends every unlisted variable, required-in-production first, under a comment naming its readers", async () => {
  const dir = writeTree(PROJECT);
  const file = path.join(dir, ".env.example");
  const action = addMissingVariablesAction(uri(file), await auditDir(dir));
  assert.ok(action);
  assert.equal(action.title, "Add 2 missing variables to .env.example");
  const [edit] = action.edit!.changes![uri(file)];
  assert.equal(
    applyEdit(fs.readFileSync(file, "utf8"), edit),
    "DJANGO_DEBUG=False\nOLD_FLAG=1\n\n# read by SECRET_KEY (required in proj.settings.production)\nDJANGO_SECRET_KEY=\n# read by sentry_sdk.init() (has a default; uncomment to change it)\n# SENTRY_DSN=\n",
  );
});

test("addMissingVariablesAction: uses the open document's text, and offers nothing when all are listed or outside .env.example", async () => {
  const dir = writeTree(PROJECT);
  const audit = await auditDir(dir);
  const file = path.join(dir, ".env.example");
  const unsaved = "DJANGO_SECRET_KEY=\nSENTRY_DSN=\nDJANGO_DEBUG=1";
  assert.equal(addMissingVariablesAction(uri(file), audit, unsaved), undefined);
  const partial = addMissingVariablesAction(uri(file), audit, "SENTRY_DSN=\nDJANGO_DEBUG=1")!;
  const [edit] = partial.edit!.changes![uri(file)];
  assert.deepEqual(edit.range.start, { line: 1, character: 14 }, "the end of the unsaved text");
  assert.equal(edit.newText, "\n\n# read by SECRET_KEY (required in proj.settings.production)\nDJANGO_SECRET_KEY=\n");
  assert.equal(addMissingVariablesAction(uri(path.join(dir, "docker-compose.yml")), audit), undefined);
  assert.equal(addMissingVariablesAction(uri(path.join(dir, ".env")), audit), undefined);
  assert.equal(addMissingVariablesAction("untitled:Untitled-1", audit), undefined);
});

test("addMissingVariablesAction: a missing .env.example gets the full list", async () => {
  const files = { ...PROJECT };
  delete (files as Record<string, string>)[".env.example"];
  const dir = writeTree(files);
  const file = path.join(dir, ".env.sample");
  const action = addMissingVariablesAction(uri(file), await auditDir(dir), "")!;
  const [edit] = action.edit!.changes![uri(file)];
  assert.deepEqual(edit.range.start, { line: 0, character: 0 });
  assert.equal(edit.newText.split("\n").filter((l) => l && !l.startsWith("# read by")).join(" "), "DJANGO_SECRET_KEY= # DJANGO_DEBUG=False # SENTRY_DSN=");
});
