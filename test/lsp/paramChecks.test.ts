// The params checks the server runs before any handler, and the settings it accepts from a client.
import assert from "node:assert/strict";
import { test } from "node:test";
import { paramProblem, sanitizeSettings } from "../../server/src/lsp/paramChecks";

const doc = { uri: "file:///p/a.py", languageId: "python", version: 1, text: "X = 1\n" };
const pos = { line: 0, character: 0 };

const rows: Array<{ method: string; params: unknown; problem?: RegExp }> = [
  { method: "textDocument/didOpen", params: { textDocument: doc } },
  { method: "textDocument/didOpen", params: { textDocument: { ...doc, text: undefined } }, problem: /^params\.textDocument\.text must be a string$/ },
  { method: "textDocument/didOpen", params: undefined, problem: /^params must be an object$/ },
  { method: "textDocument/didOpen", params: [doc], problem: /^params must be an object$/ },
  { method: "textDocument/didChange", params: { textDocument: { uri: doc.uri, version: null }, contentChanges: [] }, problem: /version must be an integer/ },
  { method: "textDocument/didChange", params: { textDocument: { uri: doc.uri, version: 2 }, contentChanges: [{ text: "A" }] } },
  { method: "textDocument/didChange", params: { textDocument: { uri: doc.uri, version: 2 }, contentChanges: [{ range: { start: { line: 1.5, character: 0 }, end: pos }, text: "" }] }, problem: /contentChanges\[0\]\.range\.start\.line must be a non-negative integer/ },
  { method: "workspace/didChangeWorkspaceFolders", params: { event: { added: [{ uri: 5, name: "x" }], removed: [] } }, problem: /^params\.event\.added\[0\]\.uri must be a string$/ },
  { method: "workspace/didChangeWatchedFiles", params: { changes: [{ uri: doc.uri, type: 4 }] }, problem: /type must be one of 1, 2, 3/ },
  { method: "textDocument/hover", params: { textDocument: { uri: doc.uri }, position: { line: -1, character: 0 } }, problem: /position\.line must be a non-negative integer/ },
  { method: "textDocument/codeAction", params: { textDocument: { uri: doc.uri }, range: { start: pos, end: pos }, context: { diagnostics: [{ range: { start: pos, end: pos }, message: "m", source: "other", data: 42 }] } } },
  {
    method: "textDocument/codeAction",
    params: { textDocument: { uri: doc.uri }, range: { start: pos, end: pos }, context: { diagnostics: [{ range: { start: pos, end: pos }, message: "m", source: "django-settings-hygiene", data: { rule: "r", fix: { title: "t", safety: "safe", edits: "all" } } }] } },
    problem: /data\.fix\.edits must be an array/,
  },
  { method: "textDocument/codeAction", params: { textDocument: { uri: doc.uri }, range: { start: pos, end: pos }, context: { diagnostics: [{ range: { start: pos, end: pos }, message: "m", source: "django-settings-hygiene", data: { environments: ["e"], inherited: true } }] } } },
  { method: "textDocument/codeAction", params: { textDocument: { uri: doc.uri }, range: { start: pos, end: pos }, context: { diagnostics: [{ range: { start: pos, end: pos }, message: "m", source: "django-settings-hygiene", data: { rule: 7, environments: [] } }] } }, problem: /data\.rule must be a string/ },
  { method: "textDocument/codeAction", params: { textDocument: { uri: doc.uri }, range: { start: pos, end: pos }, context: { diagnostics: [{ range: { start: pos, end: pos }, message: "m", source: "django-settings-hygiene", data: { rule: "r", fixes: [null] } }] } }, problem: /data\.fixes\[0\] must be an object/ },
  { method: "workspace/executeCommand", params: { command: 7 }, problem: /command must be a string/ },
  { method: "initialize", params: { capabilities: {}, workspaceFolders: null, rootUri: null } },
  { method: "initialize", params: { rootUri: "file:///p" }, problem: /capabilities must be an object/ },
  { method: "$/setTrace", params: {}, problem: /value must be one of/ },
  { method: "no/such/method", params: 5 },
  { method: "__proto__", params: 5 },
];

for (const r of rows) {
  test(`params of ${r.method}: ${r.problem ? "refused" : "accepted"} ${JSON.stringify(r.params)?.slice(0, 80)}`, () => {
    const p = paramProblem(r.method, r.params);
    if (r.problem) assert.match(p ?? "", r.problem);
    else assert.equal(p, undefined);
  });
}

test("settings of the wrong type are dropped, one problem each; the rest are kept", () => {
  const { settings, problems } = sanitizeSettings({ debounceMs: "fast", djangoVersion: "4.2", environments: { "a.b": "prod" }, disabledRules: ["x"], severities: "hint", extraSettingsFiles: [3], unknownKey: 1 }, "s");
  assert.deepEqual(settings, { djangoVersion: "4.2", disabledRules: ["x"] });
  assert.deepEqual(problems, ["s.environments.a.b must be one of base, development, production, staging, testing", "s.severities must be an object", "s.extraSettingsFiles[0] must be a string", "s.debounceMs must be a number of milliseconds from 0 to 60000"].sort((a, b) => order(a) - order(b)));
  assert.deepEqual(sanitizeSettings(null, "s"), { settings: {}, problems: [] });
  assert.deepEqual(sanitizeSettings([1], "s").problems, ["s must be an object"]);
});

const KEYS = ["djangoVersion", "environments", "disabledRules", "severities", "extraSettingsFiles", "debounceMs", "clientWatchesFiles"];
function order(problem: string): number {
  return KEYS.findIndex((k) => problem.startsWith(`s.${k}`));
}
