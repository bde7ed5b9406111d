// Hostile messages over stdio: malformed and missing params on every request and notification the server handles; it must answer and keep serving.
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { after, before, test } from "node:test";
import { pathToFileURL } from "node:url";
import { CHECKED_METHODS, paramProblem } from "../../server/src/lsp/paramChecks";
import { startRawClient, type Frame, type RawClient } from "./rawClient";

const INVALID_PARAMS = -32602;
const METHOD_NOT_FOUND = -32601;

let dir: string;
let client: RawClient;
const uri = (rel: string) => pathToFileURL(path.join(dir, rel)).toString();

/** Valid params for every method the server checks: each mutation below breaks one thing in one of them. */
function templates(): Record<string, { request: boolean; params: unknown }> {
  const pos = { line: 0, character: 0 };
  const range = { start: pos, end: { line: 0, character: 3 } };
  const scratch = uri("proj/settings/scratch.py");
  return {
    "textDocument/didOpen": { request: false, params: { textDocument: { uri: scratch, languageId: "python", version: 1, text: "X = 1\n" } } },
    "textDocument/didChange": { request: false, params: { textDocument: { uri: scratch, version: 2 }, contentChanges: [{ range, rangeLength: 3, text: "Y" }] } },
    "textDocument/didSave": { request: false, params: { textDocument: { uri: scratch }, text: "Y = 1\n" } },
    "textDocument/willSave": { request: false, params: { textDocument: { uri: scratch }, reason: 1 } },
    "textDocument/willSaveWaitUntil": { request: true, params: { textDocument: { uri: scratch }, reason: 1 } },
    "textDocument/didClose": { request: false, params: { textDocument: { uri: scratch } } },
    "textDocument/hover": { request: true, params: { textDocument: { uri: uri("proj/settings/base.py") }, position: { line: 2, character: 1 } } },
    "textDocument/codeAction": {
      request: true,
      params: {
        textDocument: { uri: uri("proj/settings/base.py") },
        range,
        context: {
          diagnostics: [
            {
              range,
              message: "m",
              severity: 2,
              code: "debug-enabled",
              source: "django-settings-hygiene (security.W018)",
              data: { rule: "debug-enabled", environments: ["e"], fix: { title: "t", safety: "safe", edits: [{ file: path.join(dir, "proj/settings/base.py"), newText: "False", range: { ...range, startOffset: 0, endOffset: 3 } }] } },
            },
          ],
          only: ["quickfix"],
          triggerKind: 1,
        },
      },
    },
    "workspace/didChangeConfiguration": { request: false, params: { settings: {} } },
    "workspace/didChangeWatchedFiles": { request: false, params: { changes: [{ uri: uri("proj/settings/base.py"), type: 2 }] } },
    "workspace/didChangeWorkspaceFolders": { request: false, params: { event: { added: [], removed: [] } } },
    "workspace/executeCommand": { request: true, params: { command: "djangoSettingsHygiene.showRuleDocs", arguments: ["debug-enabled"] } },
    "$/setTrace": { request: false, params: { value: "off" } },
    initialized: { request: false, params: {} },
  };
}

/** A value of another type than `v`, and the odd values of its own type a checker must refuse. */
function wrongValues(v: unknown): unknown[] {
  if (typeof v === "string") return [42, null, {}, []];
  if (typeof v === "number") return ["1", null, -1, 0.5, 1e300];
  if (typeof v === "boolean") return ["yes", null];
  if (Array.isArray(v)) return [{}, "x", null, [null], [42]];
  if (v && typeof v === "object") return ["x", null, [], 7];
  return ["x"];
}

/** Every params value made from `params` by breaking one place: missing, null, another type, an odd number. */
function mutations(params: unknown): unknown[] {
  const out: unknown[] = [undefined, null, [], "params", 0, [params]];
  const visit = (value: unknown, set: (v: unknown) => unknown, remove?: () => unknown) => {
    if (remove) out.push(remove());
    for (const w of wrongValues(value)) out.push(set(w));
    if (Array.isArray(value)) value.forEach((item, i) => visit(item, (v) => set(value.map((x, j) => (j === i ? v : x)))));
    else if (value && typeof value === "object") {
      for (const k of Object.keys(value)) {
        const obj = value as Record<string, unknown>;
        visit(
          obj[k],
          (v) => set({ ...obj, [k]: v }),
          () => {
            const { [k]: _gone, ...rest } = obj;
            return set(rest);
          },
        );
      }
    }
  };
  visit(params, (v) => v);
  return out;
}

before(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "dsh-hostile-"));
  const files: Record<string, string> = {
    "manage.py": "# root\n",
    "proj/__init__.py": "",
    "proj/settings/__init__.py": "",
    "proj/settings/base.py": 'import os\n\nDEBUG = True\nSECRET_KEY = os.environ["DJANGO_SECRET_KEY"]\nALLOWED_HOSTS = ["example.com"]\n',
    "proj/settings/production.py": "from .base import *\n",
  };
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), text);
  }
  // The client's answer to workspace/configuration is hostile too: every setting of the wrong type.
  client = startRawClient({ debounceMs: "fast", environments: "production", djangoVersion: "four", disabledRules: [1], severities: { x: "fatal" }, extraSettingsFiles: "x.py" });
});

after(() => {
  client?.child.kill();
});

test("a malformed initialize is answered with InvalidParams, and a good one still initialises", async () => {
  const good = { processId: null, rootUri: pathToFileURL(dir).toString(), capabilities: { workspace: { workspaceFolders: true, configuration: true } }, workspaceFolders: [{ uri: pathToFileURL(dir).toString(), name: "p" }], initializationOptions: { debounceMs: 0 } };
  const folder = pathToFileURL(dir).toString();
  const bad: unknown[] = [
    undefined,
    null,
    [],
    "initialize",
    0,
    [good],
    {},
    { capabilities: "all" },
    { capabilities: null },
    { capabilities: {}, rootUri: 5 },
    { capabilities: {}, rootPath: {} },
    { capabilities: {}, processId: "1" },
    { capabilities: {}, processId: 1.5 },
    { capabilities: {}, workspaceFolders: "x" },
    { capabilities: {}, workspaceFolders: [{ uri: 5, name: "p" }] },
    { capabilities: {}, workspaceFolders: [{ uri: folder }] },
    { capabilities: {}, workspaceFolders: [null] },
    { capabilities: {}, initializationOptions: "x" },
    { capabilities: {}, initializationOptions: [1] },
  ];
  for (const p of bad) {
    const r = await client.request("initialize", p);
    assert.equal(r.error?.code, INVALID_PARAMS, `initialize ${JSON.stringify(p)} → ${JSON.stringify(r)}`);
    assert.ok(!r.result);
  }
  const ok = await client.request("initialize", good);
  assert.ok(ok.result, JSON.stringify(ok));
  client.send({ jsonrpc: "2.0", method: "initialized", params: {} });
  const diags = await client.next((f) => f.method === "textDocument/publishDiagnostics" && (f.params as { uri: string }).uri === uri("proj/settings/base.py"));
  assert.ok(((diags.params as { diagnostics: unknown[] }).diagnostics).length > 0);
});

test("the two messages that ended the server: didOpen without text, a workspace folder with a numeric uri", async () => {
  client.send({ jsonrpc: "2.0", method: "textDocument/didOpen", params: { textDocument: { uri: uri("proj/settings/x.py"), languageId: "python", version: 1 } } });
  client.send({ jsonrpc: "2.0", method: "workspace/didChangeWorkspaceFolders", params: { event: { added: [{ uri: 5, name: "x" }], removed: [] } } });
  const hover = await client.request("textDocument/hover", { textDocument: { uri: uri("proj/settings/base.py") }, position: { line: 2, character: 1 } });
  assert.equal(hover.error, undefined, JSON.stringify(hover));
  assert.equal(client.child.exitCode, null);
  assert.match(client.stderr() + JSON.stringify(client.frames.filter((f) => f.method === "window/logMessage")), /ignored textDocument\/didOpen: params\.textDocument\.text must be a string/);
});

test("malformed and missing params on every request and notification: requests get InvalidParams, nothing ends the server", async () => {
  const t = templates();
  assert.deepEqual(
    CHECKED_METHODS.filter((m) => m !== "initialize" && !(m in t)),
    [],
    "every checked method has a template here",
  );
  const pending: Array<{ method: string; params: unknown; answer: Promise<Frame> }> = [];
  let sent = 0;
  for (const [method, { request, params }] of Object.entries(t)) {
    for (const p of mutations(params)) {
      sent++;
      if (request) pending.push({ method, params: p, answer: client.request(method, p) });
      else client.send({ jsonrpc: "2.0", method, ...(p === undefined ? {} : { params: p }) });
    }
  }
  assert.ok(sent > 500, `${sent} messages`);
  let invalid = 0;
  for (const { method, params, answer } of pending) {
    const r = await answer;
    // Every request is answered: InvalidParams exactly when the params are malformed. A mutation that only drops an
    // optional field is still a valid request and gets its result.
    const problem = paramProblem(method, params);
    assert.equal(r.error?.code, problem ? INVALID_PARAMS : undefined, `${method} ${JSON.stringify(params)?.slice(0, 200)} → ${JSON.stringify(r.error)}`);
    if (problem) assert.equal(r.error?.message, `${method}: ${problem}`);
    if (r.error) invalid++;
  }
  assert.ok(invalid > pending.length * 0.8, `${invalid} of ${pending.length} requests refused as invalid`);
  assert.equal(client.child.exitCode, null, client.stderr().slice(-2000));
});

test("broken JSON-RPC: not JSON, not an object, a batch, no method, unknown methods, a stray response", async () => {
  client.send("{not json", true);
  client.send("null", true);
  client.send("42", true);
  client.send([{ jsonrpc: "2.0", id: 1, method: "shutdown" }]);
  client.send({ jsonrpc: "2.0", id: 77 });
  client.send({ jsonrpc: "2.0", method: "$/cancelRequest" });
  client.send({ jsonrpc: "2.0", method: "$/cancelRequest", params: { id: { deep: [1] } } });
  client.send({ jsonrpc: "2.0", id: 123456, result: { hello: 1 } });
  client.send({ jsonrpc: "2.0", method: "no/such/notification", params: { x: 1 } });
  const unknown = await client.request("no/such/request", { x: 1 });
  assert.equal(unknown.error?.code, METHOD_NOT_FOUND);
  assert.equal(client.child.exitCode, null);
});

test("afterwards the server still analyses, hovers and audits", async () => {
  const base = uri("proj/settings/base.py");
  const text = fs.readFileSync(path.join(dir, "proj/settings/base.py"), "utf8");
  client.send({ jsonrpc: "2.0", method: "textDocument/didOpen", params: { textDocument: { uri: base, languageId: "python", version: 1, text } } });
  const debugReported = (f: Frame) => (f.params as { diagnostics: Array<{ code?: string }> }).diagnostics.some((d) => d.code === "debug-enabled");
  const published = (f: Frame) => f.method === "textDocument/publishDiagnostics" && (f.params as { uri: string }).uri === base;
  const flip = (version: number, from: string, to: string) =>
    client.send({ jsonrpc: "2.0", method: "textDocument/didChange", params: { textDocument: { uri: base, version }, contentChanges: [{ range: { start: { line: 2, character: 8 }, end: { line: 2, character: 8 + from.length } }, text: to }] } });
  // Diagnostics are sent when they change: turning DEBUG off and on again must show up both ways.
  let off = client.next((f) => published(f) && !debugReported(f));
  flip(2, "True", "False");
  await off;
  const on = client.next((f) => published(f) && debugReported(f));
  flip(3, "False", "True");
  await on;
  off = client.next((f) => published(f) && !debugReported(f));
  flip(4, "True", "False");
  await off;
  const hover = await client.request("textDocument/hover", { textDocument: { uri: base }, position: { line: 2, character: 1 } });
  assert.match(JSON.stringify(hover.result), /DEBUG/);
  // Every diagnostic the server published, handed back as a client does, passes the checks: they follow its own shapes.
  const own = client.frames.filter((f) => f.method === "textDocument/publishDiagnostics").flatMap((f) => (f.params as { uri: string; diagnostics: unknown[] }).diagnostics.map((d) => ({ uri: (f.params as { uri: string }).uri, d })));
  assert.ok(own.length > 0);
  for (const { uri: u, d } of own) {
    const range = (d as { range: unknown }).range;
    const r = await client.request("textDocument/codeAction", { textDocument: { uri: u }, range, context: { diagnostics: [d] } });
    assert.equal(r.error, undefined, `${JSON.stringify(d).slice(0, 300)} → ${JSON.stringify(r.error)}`);
  }
  const audit = await client.request("djangoSettingsHygiene/audit");
  const reports = (audit.result as { reports?: unknown[] } | undefined)?.reports;
  assert.ok(Array.isArray(reports) && reports.length > 0, JSON.stringify(audit).slice(0, 300));
  assert.match(client.stderr() + JSON.stringify(client.frames.filter((f) => f.method === "window/logMessage")), /ignored a setting: djangoSettingsHygiene\.debounceMs must be a number/);
  const shutdown = await client.request("shutdown");
  assert.equal(shutdown.error, undefined);
});
