// LSP integration: the built server over stdio — diagnostics with codes, ranges and related info, edits, code actions, hover, audit.
import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { after, before, test } from "node:test";
import { pathToFileURL } from "node:url";
import type { CodeAction, Hover } from "vscode-languageserver-protocol";
import { startClient, type TestClient } from "./client";
import { tempDir } from "../helpers/tempDirs";

const BASE = `import os

DEBUG = True
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
ALLOWED_HOSTS = ["example.com"]
MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]
`;
const PRODUCTION = `from .base import *

SECURE_HSTS_SECONDS = 31536000
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_SSL_REDIRECT = True
CSRF_COOKIE_SECURE = True
`;

let dir: string;
let client: TestClient;
const uri = (rel: string) => pathToFileURL(path.join(dir, rel)).toString();

before(async () => {
  dir = tempDir("dsh-lsp-");
  fs.mkdirSync(path.join(dir, "proj", "settings"), { recursive: true });
  fs.writeFileSync(path.join(dir, "manage.py"), 'import os\nos.environ.setdefault("DJANGO_SETTINGS_MODULE", "proj.settings.production")\n');
  fs.writeFileSync(path.join(dir, "proj", "settings", "base.py"), BASE);
  fs.writeFileSync(path.join(dir, "proj", "settings", "production.py"), PRODUCTION);
  // A second environment loading base.py, which DEBUG = True does not hurt (base.py itself is a part, not one).
  fs.writeFileSync(path.join(dir, "proj", "settings", "development.py"), "from .base import *\n");
  client = startClient();
  await client.connection.sendRequest("initialize", {
    processId: process.pid,
    rootUri: pathToFileURL(dir).toString(),
    workspaceFolders: [{ uri: pathToFileURL(dir).toString(), name: "proj" }],
    capabilities: { workspace: { configuration: false, workspaceEdit: { documentChanges: true, resourceOperations: ["create"] } } },
  });
  client.connection.sendNotification("initialized", {});
  for (const [rel, text] of [["proj/settings/base.py", BASE], ["proj/settings/production.py", PRODUCTION]]) {
    client.connection.sendNotification("textDocument/didOpen", { textDocument: { uri: uri(rel), languageId: "python", version: 1, text } });
  }
});

after(async () => {
  if (!client) return;
  await client.connection.sendRequest("shutdown");
  client.connection.sendNotification("exit");
  const code = await new Promise<number | null>((resolve) => client.child.on("exit", (c) => resolve(c)));
  assert.equal(code, 0, "the server exits cleanly after shutdown/exit");
});

test("diagnostics: one per place, with the rule code, docs link, exact range and the environments it hurts", async () => {
  const diags = await client.waitFor(uri("proj/settings/base.py"), (d) => d.some((x) => x.code === "debug-enabled"));
  const debug = diags.filter((d) => d.code === "debug-enabled");
  assert.equal(debug.length, 1, "one diagnostic for the place, whatever the environments");
  assert.deepEqual(debug[0].range, { start: { line: 2, character: 8 }, end: { line: 2, character: 12 } });
  assert.equal(debug[0].severity, 2);
  assert.match(String(debug[0].codeDescription!.href), /docs\/rules\/debug-enabled\.md$/);
  assert.match(debug[0].source!, /security\.W018/);
  // production only, of the two environments loading base.py (development and production): the message says so.
  assert.match(String(debug[0].message), /\(in production\)$/);
  // The headline is the message; the rest of it (why, what to do) is the first related line, at the same place.
  assert.doesNotMatch(String(debug[0].message), /error pages/);
  assert.equal(debug[0].relatedInformation?.[0].location.uri, uri("proj/settings/base.py"));
  assert.match(debug[0].relatedInformation![0].message, /^error pages would expose/);
  assert.equal(debug[0].relatedInformation?.[1].location.uri, uri("proj/settings/production.py"));
  assert.match(debug[0].relatedInformation![1].message, /proj\.settings\.production gets this value through this import/);
  const prod = await client.waitFor(uri("proj/settings/production.py"), (d) => d.some((x) => /inherits/.test(String(x.message))));
  assert.ok(!prod.some((d) => d.code === "debug-enabled" || d.code === "weak-secret-key"), "inherited problems are not repeated on the import line");
  const summary = prod.filter((d) => /inherits/.test(String(d.message)));
  assert.equal(summary.length, 1, "one summary for the environment");
  assert.equal(summary[0].range.start.line, 0, "on production.py's star-import line");
  assert.equal(summary[0].severity, 3, "information");
  assert.equal(summary[0].code, undefined);
  assert.match(String(summary[0].message), /^production inherits \d+ problems from base\.py$/);
  const pointsAt = summary[0].relatedInformation!.map((r) => `${r.location.uri === uri("proj/settings/base.py") ? "base.py" : r.location.uri}:${r.location.range.start.line + 1} ${r.message.split(":")[0]}`);
  assert.ok(pointsAt.includes("base.py:3 debug-enabled"), pointsAt.join(" | "));
  assert.ok(pointsAt.some((p) => p.endsWith("weak-secret-key")), "an empty SECRET_KEY default is weak");
  const actions = (await client.connection.sendRequest("textDocument/codeAction", {
    textDocument: { uri: uri("proj/settings/production.py") },
    range: summary[0].range,
    context: { diagnostics: [summary[0]] },
  })) as CodeAction[];
  assert.ok(!actions.some((a) => a.title.startsWith("Ignore")), "no waiver where it cannot work");
});

test("editing base.py changes production.py's diagnostics", async () => {
  client.connection.sendNotification("textDocument/didChange", {
    textDocument: { uri: uri("proj/settings/base.py"), version: 2 },
    contentChanges: [{ range: { start: { line: 2, character: 8 }, end: { line: 2, character: 12 } }, text: "False" }],
  });
  const prod = await client.waitFor(uri("proj/settings/production.py"), (d) => !d.some((x) => x.code === "debug-enabled"));
  assert.ok(!prod.some((d) => d.code === "debug-enabled"));
  const base = await client.waitFor(uri("proj/settings/base.py"), (d) => !d.some((x) => x.code === "debug-enabled"));
  assert.ok(base.every((d) => d.code !== "debug-enabled"));
});

test("code actions: waiver on the line and documentation", async () => {
  const diags = client.diagnostics.get(uri("proj/settings/base.py"))!;
  const d = diags.find((x) => x.code === "weak-secret-key")!;
  assert.ok(d, JSON.stringify(diags));
  const actions = (await client.connection.sendRequest("textDocument/codeAction", {
    textDocument: { uri: uri("proj/settings/base.py") },
    range: d.range,
    context: { diagnostics: [d] },
  })) as CodeAction[];
  const titles = actions.map((a) => a.title);
  assert.ok(titles.includes("Ignore weak-secret-key on this line"), titles.join(" | "));
  assert.ok(titles.includes("Show documentation for weak-secret-key"));
  const waiver = actions.find((a) => a.title.startsWith("Ignore"))!;
  const edit = waiver.edit!.changes![uri("proj/settings/base.py")][0];
  assert.equal(edit.newText, "  # django-settings-hygiene: ignore[weak-secret-key]");
  assert.equal(edit.range.start.line, d.range.start.line);
  const docs = actions.find((a) => a.title.startsWith("Show documentation"))!;
  const result = await client.connection.sendRequest("workspace/executeCommand", docs.command);
  assert.equal(result, null);
});

test("hover shows the effective value per environment", async () => {
  const h = (await client.connection.sendRequest("textDocument/hover", {
    textDocument: { uri: uri("proj/settings/base.py") },
    position: { line: 4, character: 3 },
  })) as Hover;
  const text = (h.contents as { value: string }).value;
  assert.match(text, /\*\*ALLOWED_HOSTS\*\*/);
  assert.match(text, /proj\.settings\.production/);
  assert.match(text, /'example\.com'/);
  assert.match(text, /base\.py:5/);
});

test("the audit request returns one report per root with rows and verdicts, production first, and its Markdown", async () => {
  const response = (await client.connection.sendRequest("djangoSettingsHygiene/audit")) as { markdown: string; reports: unknown[] };
  const reports = response.reports as Array<{
    environments: Array<{ name: string; rows: Array<{ setting: string; verdict: string; value: string }>; variables: Array<{ name: string; required: boolean; settings: string[]; documented: string[] }> }>;
    inventoryMarkdown: string;
  }>;
  assert.equal(reports.length, 1);
  const prod = reports[0].environments.find((e) => e.name === "proj.settings.production")!;
  const key = prod.rows.find((r) => r.setting === "SECRET_KEY")!;
  assert.equal(key.verdict, "problem");
  const hsts = prod.rows.find((r) => r.setting === "SECURE_HSTS_SECONDS")!;
  assert.equal(hsts.verdict, "ok");
  assert.equal(hsts.value, "31536000");
  const secretVar = prod.variables.find((v) => v.name === "DJANGO_SECRET_KEY");
  assert.deepEqual(secretVar && { required: secretVar.required, settings: secretVar.settings, documented: secretVar.documented }, { required: false, settings: ["SECRET_KEY"], documented: [] });
  assert.match(reports[0].inventoryMarkdown, /DJANGO_SECRET_KEY/);
  assert.equal(reports[0].environments[0].name, "proj.settings.production", "production leads the report");
  // The server renders the Markdown export: one section per environment, the inventory appended.
  assert.match(response.markdown, /^# Django settings audit/);
  assert.match(response.markdown, /## proj\.settings\.production \(production\)/);
  assert.ok(response.markdown.indexOf("## proj.settings.production") < response.markdown.indexOf("## proj.settings.development"));
  assert.ok(response.markdown.includes(reports[0].inventoryMarkdown));
});

test("Harden production settings: a source action whose edit needs confirmation, never a quick fix", async () => {
  // Runs last: it turns production.py's CSRF cookie off in the editor's copy.
  const line = PRODUCTION.split("\n").indexOf("CSRF_COOKIE_SECURE = True");
  client.connection.sendNotification("textDocument/didChange", {
    textDocument: { uri: uri("proj/settings/production.py"), version: 2 },
    contentChanges: [{ range: { start: { line, character: 21 }, end: { line, character: 25 } }, text: "False" }],
  });
  await client.waitFor(uri("proj/settings/production.py"), (d) => d.some((x) => x.code === "csrf-cookie-not-secure"));
  const ask = async (only: string[]) =>
    (await client.connection.sendRequest("textDocument/codeAction", {
      textDocument: { uri: uri("proj/settings/production.py") },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only },
    })) as CodeAction[];
  const harden = (await ask(["source"])).find((a) => a.title === "Harden production settings");
  assert.ok(harden, "offered under Source Action…");
  assert.equal(harden.kind, "source.harden.djangoSettingsHygiene");
  const annotations = Object.values(harden.edit!.changeAnnotations!);
  assert.ok(annotations.length === 1 && annotations[0].needsConfirmation === true, JSON.stringify(annotations));
  assert.match(annotations[0].description!, /Set CSRF_COOKIE_SECURE = True in production\.py/);
  const changes = harden.edit!.documentChanges as Array<{ textDocument: { uri: string }; edits: Array<{ range: unknown; newText: string; annotationId: string }> }>;
  assert.deepEqual(changes.map((c) => c.textDocument.uri), [uri("proj/settings/production.py")]);
  assert.deepEqual(changes[0].edits.map((e) => [e.range, e.newText]), [[{ start: { line, character: 0 }, end: { line: line + 1, character: 0 } }, "CSRF_COOKIE_SECURE = True\n"]], "one line, computed on the editor's text");
  assert.ok(!(await ask(["quickfix"])).some((a) => a.title === "Harden production settings"));
  assert.ok(!(await ask(["source.fixAll"])).some((a) => a.title === "Harden production settings"), "never applied on save");
});
