// Extension tests in a real VS Code: activation, diagnostics on production.py, quick fixes (none on an inherited echo), the audit, the commands, Restart Server.
import { strict as assert } from "node:assert";
import * as vscode from "vscode";
import { test } from "./harness";

const EXTENSION_ID = "django-settings-hygiene.django-settings-hygiene";
const SOURCE = "django-settings-hygiene";

async function until<T>(get: () => T, ok: (value: T) => boolean, what: string, timeout = 60_000): Promise<T> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = get();
    if (ok(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeout} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

function workspaceUri(rel: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, "no workspace folder: runTest.ts passes examples/mysite as the first launch argument");
  return vscode.Uri.joinPath(folder.uri, ...rel.split("/"));
}

function ours(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source?.startsWith(SOURCE));
}

function ruleOf(d: vscode.Diagnostic): string {
  return typeof d.code === "object" ? String(d.code.value) : String(d.code ?? "");
}

test("the extension activates on the Django workspace", async () => {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(ext, `${EXTENSION_ID} is not loaded`);
  await ext.activate();
  assert.ok(ext.isActive);
});

test("production.py gets the server's diagnostics", async () => {
  const uri = workspaceUri("mysite/settings/production.py");
  await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
  const diagnostics = await until(() => ours(uri), (ds) => ds.length > 0, `${SOURCE} diagnostics on production.py`);
  const rules = diagnostics.map(ruleOf);
  for (const rule of ["debug-enabled", "allowed-hosts-empty", "xframe-not-deny"]) {
    assert.ok(rules.includes(rule), `no ${rule} diagnostic on production.py: ${rules.join(", ")}`);
  }
  const debug = diagnostics.find((d) => ruleOf(d) === "debug-enabled")!;
  assert.equal(debug.severity, vscode.DiagnosticSeverity.Warning);
  assert.equal(debug.range.start.line, 4, "DEBUG is on line 5 of production.py");
});

test("base.py's committed SECRET_KEY is flagged with quick fixes", async () => {
  const uri = workspaceUri("mysite/settings/base.py");
  const doc = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(doc);
  const secret = await until(() => ours(uri).find((d) => ruleOf(d) === "weak-secret-key"), (d) => !!d, "weak-secret-key on base.py");
  assert.match(doc.lineAt(secret!.range.start.line).text, /^SECRET_KEY\s*=/);
  const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>("vscode.executeCodeActionProvider", uri, secret!.range, vscode.CodeActionKind.QuickFix.value);
  const titles = (actions ?? []).map((a) => a.title);
  assert.ok(
    titles.some((t) => /environment/i.test(t)) || titles.includes("Ignore weak-secret-key on this line"),
    `no environment-variable fix nor waiver among: ${titles.join(" | ")}`,
  );
});

test("Audit Production Settings opens the report", async () => {
  await vscode.commands.executeCommand("djangoSettingsHygiene.auditProductionSettings");
  const tab = await until(
    () => vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => t.label === "Django Settings Audit"),
    (t) => !!t,
    "the Django Settings Audit tab",
    30_000,
  );
  assert.ok(tab!.input instanceof vscode.TabInputWebview, "the audit tab is not a webview");
});

test("the contributed commands are registered", async () => {
  const commands = await vscode.commands.getCommands(true);
  for (const c of ["auditProductionSettings", "exportAuditMarkdown", "showLog", "restartServer"]) {
    assert.ok(commands.includes(`djangoSettingsHygiene.${c}`), `djangoSettingsHygiene.${c} is not registered`);
  }
});

test("production.py's echo of base.py's SECRET_KEY offers no waiver", async () => {
  const uri = workspaceUri("mysite/settings/production.py");
  const doc = await vscode.workspace.openTextDocument(uri);
  const line = doc.getText().split("\n").findIndex((l) => /^from \.base import \*/.test(l));
  const echo = await until(() => ours(uri).find((d) => ruleOf(d) === "hardcoded-secret-key" && d.range.start.line === line), (d) => !!d, "the SECRET_KEY echo on production.py's import");
  const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>("vscode.executeCodeActionProvider", uri, echo!.range, vscode.CodeActionKind.QuickFix.value);
  const titles = (actions ?? []).map((a) => a.title);
  assert.ok(titles.includes("Show documentation for hardcoded-secret-key"), titles.join(" | "));
  assert.deepEqual(titles.filter((t) => /^Ignore (hardcoded-secret-key|weak-secret-key) /.test(t)), [], titles.join(" | "));
});

test("Restart Server brings the diagnostics back", async () => {
  const uri = workspaceUri("mysite/settings/production.py");
  await vscode.commands.executeCommand("djangoSettingsHygiene.restartServer");
  await until(() => ours(uri), (ds) => ds.some((d) => ruleOf(d) === "debug-enabled"), "debug-enabled on production.py after the restart");
});
