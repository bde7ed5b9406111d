// Editor conventions over LSP: fix-all under source.fixAll.djangoSettingsHygiene, waivers for the line and the file
// offered where a value is set and never on an environment module's echo of an inherited problem.
import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { after, before, test } from "node:test";
import { pathToFileURL } from "node:url";
import type { CodeAction, Diagnostic, InitializeResult, TextEdit } from "vscode-languageserver-protocol";
import { DIAGNOSTIC_SOURCE, FIX_ALL_KIND } from "../../server/src/protocol/protocol";
import { startClient, type TestClient } from "./client";

const BASE = `SECRET_KEY = "x9!Kq2@Lm4#Zp7$Rt1%Vb6^Nc3&Hd8*Jf5(Gs0)Wy-Ue=Io+Pa[Sl]Dk;Fj:Gh"
DEBUG = True
ALLOWED_HOSTS = ["example.com"]
X = 1  # dsh: ignore[no-such-rule]
`;
const PRODUCTION = "from .base import *\n";

let dir: string;
let client: TestClient;
let init: InitializeResult;
const uri = (rel: string) => pathToFileURL(path.join(dir, rel)).toString();
const open = (rel: string, text: string) =>
  client.connection.sendNotification("textDocument/didOpen", { textDocument: { uri: uri(rel), languageId: "python", version: 1, text } });

async function actions(rel: string, diagnostics: Diagnostic[], only?: string[]): Promise<CodeAction[]> {
  const range = diagnostics[0]?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  return (await client.connection.sendRequest("textDocument/codeAction", { textDocument: { uri: uri(rel) }, range, context: { diagnostics, only } })) as CodeAction[];
}

/** Applies `changes` edits for one URI to `text` (LSP positions; edits must not overlap). */
function applyEdits(text: string, edits: TextEdit[]): string {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === "\n") starts.push(i + 1);
  const offset = (p: { line: number; character: number }) => (starts[p.line] ?? text.length) + p.character;
  for (const e of [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start))) {
    text = text.slice(0, offset(e.range.start)) + e.newText + text.slice(offset(e.range.end));
  }
  return text;
}

before(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "dsh-lsp-actions-"));
  fs.mkdirSync(path.join(dir, "proj", "settings"), { recursive: true });
  fs.writeFileSync(path.join(dir, "manage.py"), 'import os\nos.environ.setdefault("DJANGO_SETTINGS_MODULE", "proj.settings.production")\n');
  fs.writeFileSync(path.join(dir, "proj", "settings", "base.py"), BASE);
  fs.writeFileSync(path.join(dir, "proj", "settings", "production.py"), PRODUCTION);
  client = startClient();
  init = (await client.connection.sendRequest("initialize", {
    processId: process.pid,
    rootUri: pathToFileURL(dir).toString(),
    workspaceFolders: [{ uri: pathToFileURL(dir).toString(), name: "proj" }],
    capabilities: { workspace: { configuration: false } },
  })) as InitializeResult;
  client.connection.sendNotification("initialized", {});
  open("proj/settings/base.py", BASE);
  open("proj/settings/production.py", PRODUCTION);
});

after(async () => {
  await client?.connection.sendRequest("shutdown");
  client?.connection.sendNotification("exit");
  fs.rmSync(dir, { recursive: true, force: true });
});

test("the server announces source.fixAll.djangoSettingsHygiene", () => {
  const kinds = (init.capabilities.codeActionProvider as { codeActionKinds: string[] }).codeActionKinds;
  assert.ok(kinds.includes(FIX_ALL_KIND), kinds.join(", "));
});

const FIX_ALL: Array<{ only: string[] | undefined; offered: boolean }> = [
  { only: [FIX_ALL_KIND], offered: true },
  { only: ["source.fixAll"], offered: true },
  { only: ["source"], offered: true },
  { only: ["source.fixAll.eslint"], offered: false },
  { only: ["quickfix"], offered: false },
  { only: undefined, offered: false },
];

for (const c of FIX_ALL) {
  test(`fix-all is ${c.offered ? "" : "not "}offered for only=${JSON.stringify(c.only)}`, async () => {
    await client.waitFor(uri("proj/settings/base.py"), (d) => d.some((x) => x.code === "unused-waiver"));
    const fixAll = (await actions("proj/settings/base.py", [], c.only)).filter((a) => a.kind === FIX_ALL_KIND);
    assert.equal(fixAll.length, c.offered ? 1 : 0, JSON.stringify(fixAll));
    if (!c.offered) return;
    const change = (fixAll[0].edit!.documentChanges as Array<{ textDocument: { uri: string }; edits: TextEdit[] }>).find((x) => x.textDocument?.uri === uri("proj/settings/base.py"))!;
    assert.equal(applyEdits(BASE, change.edits), BASE.replace("X = 1  # dsh: ignore[no-such-rule]", "X = 1"), "only the safe fix: the unused waiver goes");
  });
}

test("the summary of inherited problems offers no waiver; where the value is set offers both", async () => {
  const prod = await client.waitFor(uri("proj/settings/production.py"), (d) => d.some((x) => /inherits/.test(String(x.message))));
  assert.ok(!prod.some((d) => d.code === "debug-enabled"), "no echo of base.py's problem on the import line");
  const summary = prod.find((d) => /inherits/.test(String(d.message)))!;
  assert.equal((summary.data as { inherited?: boolean }).inherited, true);
  const onSummary = (await actions("proj/settings/production.py", [summary])).map((a) => a.title);
  assert.deepEqual(onSummary.filter((t) => t.startsWith("Ignore")), [], onSummary.join(" | "));

  const base = client.diagnostics.get(uri("proj/settings/base.py"))!;
  const set = base.find((d) => d.code === "debug-enabled")!;
  assert.equal((set.data as { inherited?: unknown }).inherited, undefined);
  const onSet = (await actions("proj/settings/base.py", [set])).map((a) => a.title);
  assert.ok(onSet.includes("Ignore debug-enabled on this line") && onSet.includes("Ignore debug-enabled in this file"), onSet.join(" | "));
});

test("applying 'Ignore … in this file' silences the rule where it is set and its echo", async () => {
  const set = client.diagnostics.get(uri("proj/settings/base.py"))!.find((d) => d.code === "debug-enabled")!;
  const action = (await actions("proj/settings/base.py", [set])).find((a) => a.title === "Ignore debug-enabled in this file")!;
  const edited = applyEdits(BASE, action.edit!.changes![uri("proj/settings/base.py")]);
  assert.equal(edited, `# django-settings-hygiene: ignore-file[debug-enabled]\n${BASE}`);
  client.connection.sendNotification("textDocument/didChange", { textDocument: { uri: uri("proj/settings/base.py"), version: 2 }, contentChanges: [{ text: edited }] });
  await client.waitFor(uri("proj/settings/base.py"), (d) => !d.some((x) => x.code === "debug-enabled"));
  await client.waitFor(uri("proj/settings/production.py"), (d) => !d.some((x) => x.code === "debug-enabled"));
  const unused = client.diagnostics.get(uri("proj/settings/base.py"))!.filter((d) => d.code === "unused-waiver");
  assert.equal(unused.length, 1, "only the planted no-such-rule waiver is unused");
});

/** Where "Ignore … in this file" writes, per document: a synthetic diagnostic is enough (the action reads only its rule). */
const PLACEMENT: Array<{ name: string; text: string; after: string }> = [
  { name: "at the top", text: "X = 1\n", after: "# django-settings-hygiene: ignore-file[debug-enabled]\nX = 1\n" },
  { name: "below a shebang", text: "#!/usr/bin/env python\nX = 1\n", after: "#!/usr/bin/env python\n# django-settings-hygiene: ignore-file[debug-enabled]\nX = 1\n" },
  {
    name: "below a shebang and an encoding line",
    text: "#!/usr/bin/env python\n# -*- coding: utf-8 -*-\nX = 1\n",
    after: "#!/usr/bin/env python\n# -*- coding: utf-8 -*-\n# django-settings-hygiene: ignore-file[debug-enabled]\nX = 1\n",
  },
  { name: "into an existing file-level waiver", text: '"""Doc."""\n# dsh: ignore-file[csp-missing]\nX = 1\n', after: '"""Doc."""\n# dsh: ignore-file[csp-missing, debug-enabled]\nX = 1\n' },
  { name: "not into a line waiver", text: "X = 1  # dsh: ignore[csp-missing]\n", after: "# django-settings-hygiene: ignore-file[debug-enabled]\nX = 1  # dsh: ignore[csp-missing]\n" },
  { name: "with CRLF line ends", text: "X = 1\r\nY = 2\r\n", after: "# django-settings-hygiene: ignore-file[debug-enabled]\r\nX = 1\r\nY = 2\r\n" },
];

for (const [i, c] of PLACEMENT.entries()) {
  test(`'Ignore … in this file' writes the waiver ${c.name}`, async () => {
    const rel = `scratch/placement${i}.py`;
    open(rel, c.text);
    const d: Diagnostic = { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, source: DIAGNOSTIC_SOURCE, code: "debug-enabled", message: "m", data: { rule: "debug-enabled", environments: [] } };
    const action = (await actions(rel, [d])).find((a) => a.title === "Ignore debug-enabled in this file");
    assert.ok(action);
    assert.equal(applyEdits(c.text, action.edit!.changes![uri(rel)]), c.after);
  });
}
