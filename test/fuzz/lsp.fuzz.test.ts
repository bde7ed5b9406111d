// Fuzzes the language server over stdio: random opens, edits, closes, saves, file events and requests, malformed content.
import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { after, before, test } from "node:test";
import { pathToFileURL } from "node:url";
import fc from "fast-check";
import type { Hover } from "vscode-languageserver-protocol";
import { startClient, type TestClient } from "../lsp/client";
import { byteOps, mutateBytes, mutateTokens, tokenOps } from "./mutate";
import { deepExpr, moduleBody } from "./settingsGen";

const REPO = path.resolve(__dirname, "..", "..", "..");
/** 500 cases by default; DSH_FUZZ_RUNS=N scales this file too (a twentieth of N, at least 500). */
const RUNS = Math.max(500, Math.round((Number(process.env.DSH_FUZZ_RUNS) || 0) / 20));
const SEED = Number(process.env.DSH_FUZZ_SEED) || 72_025;
/** A request the server takes longer than this to answer counts as a hang. */
const ANSWER_MS = 10_000;

const GOOD_BASE = 'import os\n\nDEBUG = True\nSECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")\nALLOWED_HOSTS = ["example.com"]\n';
const GOOD_PRODUCTION = "from .base import *\n\nSECURE_HSTS_SECONDS = 31536000\nSECURE_SSL_REDIRECT = True\n";

let dir: string;
let client: TestClient;
const errors: string[] = [];
let exited: string | undefined;
const stats = { ops: 0, requests: 0, analyses: 0, slowestMs: 0, slowestCase: "" };

const fileUri = (rel: string) => pathToFileURL(path.join(dir, rel)).toString();

/** Fixture texts to mutate, read once. */
const FIXTURE_TEXTS = [
  ...["base.py", "production.py", "development.py"].map((f) => path.join(REPO, "examples", "mysite", "mysite", "settings", f)),
  path.join(REPO, "test", "fixtures", "layouts", "cookiecutter", "config", "settings", "production.py"),
  path.join(REPO, "test", "fixtures", "layouts", "broken", "settings", "production.py"),
].map((f) => fs.readFileSync(f));

/** Documents the fuzzer may touch: real settings modules, new ones, files outside every package, odd URIs. */
const URIS = (): string[] => [
  fileUri("proj/settings/base.py"),
  fileUri("proj/settings/production.py"),
  fileUri("proj/settings/development.py"),
  fileUri("proj/settings/new_module.py"),
  fileUri("proj/settings/local.py"),
  fileUri("manage.py"),
  fileUri("README.md"),
  fileUri("elsewhere/settings.py"),
  "untitled:Untitled-1",
  "file:///nonexistent-dsh-fuzz/dir/settings.py",
  "file:///%E0%A4%A/bad-escape.py",
  "vscode-notebook-cell:/x.ipynb#cell1",
];

type Content = { kind: "text"; text: string } | { kind: "tokens"; fixture: number; ops: Parameters<typeof mutateTokens>[1] } | { kind: "bytes"; fixture: number; ops: Parameters<typeof mutateBytes>[1] };

const content: fc.Arbitrary<Content> = fc.oneof(
  moduleBody.map((lines) => ({ kind: "text" as const, text: lines.join("\n") + "\n" })),
  fc.record({ kind: fc.constant("tokens" as const), fixture: fc.nat(), ops: tokenOps }),
  fc.record({ kind: fc.constant("bytes" as const), fixture: fc.nat(), ops: byteOps }),
  deepExpr.map((e) => ({ kind: "text" as const, text: `from .base import *\nDEEP = ${e}\n` })),
  fc.constantFrom(
    { kind: "text" as const, text: "" },
    { kind: "text" as const, text: "\u0000\u0001\u0002binary\u0000" },
    { kind: "text" as const, text: "\ufeffDEBUG = True\r\nSECRET_KEY = 'x'\r\n" },
    // 200 KB on one line, as words and as one run of letters (which once took the secrets scan 32 s).
    { kind: "text" as const, text: "X = '" + "ab cd ".repeat(35_000) + "'\n" },
    { kind: "text" as const, text: "X = '" + "a".repeat(200_000) + "'\n" },
    { kind: "text" as const, text: "\ud800\udfff\ud800 = 1\n" },
  ),
);

function materialize(c: Content): string {
  if (c.kind === "text") return c.text;
  const bytes = FIXTURE_TEXTS[c.fixture % FIXTURE_TEXTS.length];
  if (c.kind === "tokens") return mutateTokens(bytes.toString("utf8"), c.ops);
  // What an editor does with bytes that are not UTF-8: replacement characters.
  return Buffer.from(mutateBytes(bytes, c.ops)).toString("utf8");
}

const position = fc.record({ line: fc.oneof(fc.nat(40), fc.constant(1_000_000), fc.constant(-1)), character: fc.oneof(fc.nat(80), fc.constant(100_000)) });

type Op =
  | { op: "open"; uri: number; content: Content; version: number }
  | { op: "change"; uri: number; start: { line: number; character: number }; end: { line: number; character: number }; text: string; version: number }
  | { op: "replace"; uri: number; content: Content; version: number }
  | { op: "close"; uri: number }
  | { op: "save"; uri: number }
  | { op: "watched"; uri: number; type: number }
  | { op: "hover"; uri: number; at: { line: number; character: number } }
  | { op: "codeAction"; uri: number; at: { line: number; character: number }; only: boolean }
  | { op: "audit" }
  | { op: "unknown" }
  | { op: "disk"; content: Content };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ op: fc.constant("open" as const), uri: fc.nat(), content, version: fc.integer({ min: -5, max: 1000 }) }) },
  {
    weight: 6,
    arbitrary: fc.record({
      op: fc.constant("change" as const),
      uri: fc.nat(),
      start: position,
      end: position,
      text: fc.oneof(fc.constantFrom("", "X", "\n", "True", "False", "[", '"', "    ", "\r\n", "é😀", "from .base import *\n", "DEBUG = True\n"), fc.string({ maxLength: 20 })),
      version: fc.integer({ min: -5, max: 1000 }),
    }),
  },
  { weight: 2, arbitrary: fc.record({ op: fc.constant("replace" as const), uri: fc.nat(), content, version: fc.nat(1000) }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant("close" as const), uri: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant("save" as const), uri: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant("watched" as const), uri: fc.nat(), type: fc.integer({ min: 0, max: 4 }) }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant("hover" as const), uri: fc.nat(), at: position }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant("codeAction" as const), uri: fc.nat(), at: position, only: fc.boolean() }) },
  { weight: 1, arbitrary: fc.constant({ op: "audit" as const }) },
  { weight: 1, arbitrary: fc.constant({ op: "unknown" as const }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant("disk" as const), content }) },
);

function withTimeout<T>(p: Thenable<T>, what: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(`${what}: no answer within ${ANSWER_MS} ms`)), ANSWER_MS);
    p.then(
      (v) => (clearTimeout(t), resolve(v)),
      (e) => (clearTimeout(t), reject(e)),
    );
  });
}

/** A request at `at` is answered: with a result, or with InvalidParams when the position is not one (a negative line). */
async function answered(p: Thenable<unknown>, what: string, at: { line: number; character: number }): Promise<void> {
  if (at.line >= 0 && at.character >= 0) await withTimeout(p, what);
  else await assert.rejects(withTimeout(p, what), (e: { code?: number }) => e.code === -32602);
}

async function apply(o: Op): Promise<void> {
  const uris = URIS();
  const c = client.connection;
  stats.ops++;
  switch (o.op) {
    case "open":
      return c.sendNotification("textDocument/didOpen", { textDocument: { uri: uris[o.uri % uris.length], languageId: "python", version: o.version, text: materialize(o.content) } });
    case "change":
      return c.sendNotification("textDocument/didChange", { textDocument: { uri: uris[o.uri % uris.length], version: o.version }, contentChanges: [{ range: { start: o.start, end: o.end }, text: o.text }] });
    case "replace":
      return c.sendNotification("textDocument/didChange", { textDocument: { uri: uris[o.uri % uris.length], version: o.version }, contentChanges: [{ text: materialize(o.content) }] });
    case "close":
      return c.sendNotification("textDocument/didClose", { textDocument: { uri: uris[o.uri % uris.length] } });
    case "save":
      return c.sendNotification("textDocument/didSave", { textDocument: { uri: uris[o.uri % uris.length] } });
    case "watched":
      return c.sendNotification("workspace/didChangeWatchedFiles", { changes: [{ uri: uris[o.uri % uris.length], type: o.type }] });
    case "disk":
      // The file changes under the server, as a git checkout would; the watcher event follows.
      fs.writeFileSync(path.join(dir, "proj", "settings", "development.py"), materialize(o.content));
      return c.sendNotification("workspace/didChangeWatchedFiles", { changes: [{ uri: fileUri("proj/settings/development.py"), type: 2 }] });
    case "hover":
      stats.requests++;
      await answered(c.sendRequest("textDocument/hover", { textDocument: { uri: uris[o.uri % uris.length] }, position: o.at }), "hover", o.at);
      return;
    case "codeAction": {
      stats.requests++;
      const uri = uris[o.uri % uris.length];
      const range = { start: o.at, end: o.at };
      const diagnostics = (client.diagnostics.get(uri) ?? []).slice(0, 3);
      await answered(c.sendRequest("textDocument/codeAction", { textDocument: { uri }, range, context: { diagnostics, only: o.only ? ["source.fixAll"] : undefined } }), "codeAction", o.at);
      return;
    }
    case "audit":
      stats.requests++;
      await withTimeout(c.sendRequest("djangoSettingsHygiene/audit"), "audit");
      return;
    case "unknown":
      stats.requests++;
      // An unknown method must come back as an error response, not as silence or a crash.
      await assert.rejects(withTimeout(c.sendRequest("djangoSettingsHygiene/noSuchMethod", {}), "unknown method"), /Unhandled method|not found|MethodNotFound/i);
      return;
  }
}

before(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "dsh-lsp-fuzz-"));
  fs.mkdirSync(path.join(dir, "proj", "settings"), { recursive: true });
  fs.mkdirSync(path.join(dir, "elsewhere"), { recursive: true });
  fs.writeFileSync(path.join(dir, "manage.py"), 'import os\nos.environ.setdefault("DJANGO_SETTINGS_MODULE", "proj.settings.development")\n');
  fs.writeFileSync(path.join(dir, "proj", "settings", "__init__.py"), "");
  fs.writeFileSync(path.join(dir, "proj", "settings", "base.py"), GOOD_BASE);
  fs.writeFileSync(path.join(dir, "proj", "settings", "production.py"), GOOD_PRODUCTION);
  fs.writeFileSync(path.join(dir, "proj", "settings", "development.py"), "from .base import *\nDEBUG = True\n");
  client = startClient();
  client.child.on("exit", (code, signal) => (exited = `server exited (code ${code}, signal ${signal})\n${client.stderr().slice(-4000)}`));
  // An analysis that throws is caught by the server and logged: for the fuzzer that is an exception that escaped.
  client.connection.onNotification("window/logMessage", (p: { type: number; message: string }) => {
    if (p.type === 1) errors.push(p.message);
    if (/^analysed /.test(p.message)) stats.analyses++;
    if (process.env.DSH_FUZZ_LOG && /analysed/.test(p.message)) console.log(`  ${new Date().toISOString()} ${p.message}`);
  });
  await client.connection.sendRequest("initialize", {
    processId: process.pid,
    rootUri: pathToFileURL(dir).toString(),
    workspaceFolders: [{ uri: pathToFileURL(dir).toString(), name: "fuzz" }],
    capabilities: { workspace: { configuration: false } },
    initializationOptions: { debounceMs: 5 },
  });
  client.connection.sendNotification("initialized", {});
});

after(async () => {
  console.log(`lsp fuzz: ${RUNS} cases (seed ${SEED}), ${stats.ops} operations, ${stats.requests} requests, ${stats.analyses} analyses; slowest case ${stats.slowestMs.toFixed(0)} ms (${stats.slowestCase})`);
  if (!client || exited) return;
  await client.connection.sendRequest("shutdown");
  client.connection.sendNotification("exit");
  await new Promise((r) => client.child.on("exit", r));
  fs.rmSync(dir, { recursive: true, force: true });
});

test(`the server survives ${RUNS} random sessions and still answers`, async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(opArb, { minLength: 1, maxLength: 6 }), async (ops) => {
      const t0 = performance.now();
      if (process.env.DSH_FUZZ_LOG) console.log(JSON.stringify(ops, (k, v) => (typeof v === "string" && v.length > 200 ? `${v.slice(0, 200)}…(${v.length})` : v)));
      for (const o of ops) await apply(o);
      // Every case ends with requests: the audit forces an analysis of exactly this state (edits alone are debounced and
      // superseded), and the hover shows the server still reads and answers.
      await withTimeout(client.connection.sendRequest("djangoSettingsHygiene/audit"), "audit after the case");
      await withTimeout(client.connection.sendRequest("textDocument/hover", { textDocument: { uri: fileUri("proj/settings/base.py") }, position: { line: 0, character: 0 } }), "liveness hover");
      const ms = performance.now() - t0;
      if (ms > stats.slowestMs) [stats.slowestMs, stats.slowestCase] = [ms, ops.map((o) => o.op).join(",")];
      assert.equal(exited, undefined, exited);
      assert.deepEqual(errors, [], "analysis errors logged by the server");
    }),
    { numRuns: RUNS, seed: SEED },
  );

  // Back to a known state: the good files open, then a final edit whose diagnostics must be exactly right.
  for (const uri of URIS()) client.connection.sendNotification("textDocument/didClose", { textDocument: { uri } });
  fs.writeFileSync(path.join(dir, "proj", "settings", "development.py"), "from .base import *\nDEBUG = True\n");
  client.connection.sendNotification("workspace/didChangeWatchedFiles", { changes: [{ uri: fileUri("proj/settings/development.py"), type: 2 }] });
  const base = fileUri("proj/settings/base.py");
  client.connection.sendNotification("textDocument/didOpen", { textDocument: { uri: base, languageId: "python", version: 1, text: GOOD_BASE } });
  client.connection.sendNotification("textDocument/didOpen", { textDocument: { uri: fileUri("proj/settings/production.py"), languageId: "python", version: 1, text: GOOD_PRODUCTION } });
  client.connection.sendNotification("textDocument/didChange", {
    textDocument: { uri: base, version: 2 },
    contentChanges: [{ range: { start: { line: 2, character: 8 }, end: { line: 2, character: 12 } }, text: "False" }],
  });
  const diags = await client.waitFor(base, (d) => !d.some((x) => x.code === "debug-enabled") && d.some((x) => x.code === "weak-secret-key"), ANSWER_MS);
  assert.ok(diags.every((d) => d.range.start.line < 6), JSON.stringify(diags));
  const h = (await withTimeout(client.connection.sendRequest("textDocument/hover", { textDocument: { uri: base }, position: { line: 4, character: 3 } }), "final hover")) as Hover;
  assert.match((h.contents as { value: string }).value, /ALLOWED_HOSTS/);
  const { reports } = (await withTimeout(client.connection.sendRequest("djangoSettingsHygiene/audit"), "final audit")) as { reports: Array<{ environments: Array<{ name: string }> }> };
  assert.ok(reports.some((r) => r.environments.some((e) => e.name === "proj.settings.production")), JSON.stringify(reports).slice(0, 2000));
  assert.equal(exited, undefined, exited);
  assert.deepEqual(errors, []);
});
