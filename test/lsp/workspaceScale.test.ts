// A workspace of several projects: a keystroke re-sends only what changed, files on disk are re-read on watcher events, and a closed buffer reverts to disk.
import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { after, before, test } from "node:test";
import { pathToFileURL } from "node:url";
import { startClient, type TestClient } from "./client";
import { tempDir } from "../helpers/tempDirs";

const SITES = 4;
const BASE = 'SECRET_KEY = "short"\nALLOWED_HOSTS = ["example.com"]\nMIDDLEWARE = ["django.middleware.security.SecurityMiddleware"]\n';
const PRODUCTION = "from .base import *\nDEBUG = True\n";

let dir: string;
let client: TestClient;
const uri = (rel: string) => pathToFileURL(path.join(dir, rel)).toString();
const production = (site: number) => uri(`site${site}/settings/production.py`);
const debugOn = (d: Array<{ code?: string | number }>) => d.some((x) => x.code === "debug-enabled");

function open(rel: string, version = 1): void {
  const text = fs.readFileSync(path.join(dir, rel), "utf8");
  client.connection.sendNotification("textDocument/didOpen", { textDocument: { uri: uri(rel), languageId: "python", version, text } });
}

/** Replaces line 2 (`DEBUG = …`) of an open module. */
function replaceLine1(rel: string, version: number, text: string): void {
  client.connection.sendNotification("textDocument/didChange", {
    textDocument: { uri: uri(rel), version },
    contentChanges: [{ range: { start: { line: 1, character: 0 }, end: { line: 2, character: 0 } }, text: `${text}\n` }],
  });
}

before(async () => {
  dir = tempDir("dsh-lsp-scale-");
  for (let i = 0; i < SITES; i++) {
    fs.mkdirSync(path.join(dir, `site${i}`, "settings"), { recursive: true });
    fs.writeFileSync(path.join(dir, `site${i}`, "settings", "base.py"), BASE);
    fs.writeFileSync(path.join(dir, `site${i}`, "settings", "production.py"), PRODUCTION);
  }
  client = startClient();
  await client.connection.sendRequest("initialize", {
    processId: process.pid,
    rootUri: pathToFileURL(dir).toString(),
    workspaceFolders: [{ uri: pathToFileURL(dir).toString(), name: "sites" }],
    capabilities: { workspace: { configuration: false } },
  });
  client.connection.sendNotification("initialized", {});
  open("site0/settings/production.py");
  for (let i = 0; i < SITES; i++) await client.waitFor(production(i), debugOn);
});

after(async () => {
  if (!client) return;
  await client.connection.sendRequest("shutdown");
  client.connection.sendNotification("exit");
  await new Promise((resolve) => client.child.on("exit", resolve));
});

test("a keystroke in one project re-sends that file's diagnostics only", async () => {
  const before = new Map(client.publishCounts);
  replaceLine1("site0/settings/production.py", 2, "DEBUG = False");
  await client.waitFor(production(0), (d) => !debugOn(d));
  // Let any stray publish of the same analysis arrive before counting.
  await new Promise((r) => setTimeout(r, 200));
  const resent = [...client.publishCounts].filter(([u, n]) => n !== before.get(u)).map(([u]) => path.relative(dir, new URL(u).pathname));
  assert.deepEqual(resent, ["site0/settings/production.py"]);
});

test("a file changed on disk is read again after the watcher's event, and stays read after later keystrokes", async () => {
  const rel = "site1/settings/production.py";
  fs.writeFileSync(path.join(dir, rel), "from .base import *\nDEBUG = False\n");
  client.connection.sendNotification("workspace/didChangeWatchedFiles", { changes: [{ uri: uri(rel), type: 2 }] });
  await client.waitFor(production(1), (d) => !debugOn(d));
  replaceLine1("site0/settings/production.py", 3, "DEBUG = True");
  await client.waitFor(production(0), debugOn);
  assert.ok(!debugOn(client.diagnostics.get(production(1)) ?? []), "site1 went back to its old text");
});

test("closing an edited, unsaved buffer reverts its diagnostics to the file on disk", async () => {
  const rel = "site2/settings/production.py";
  open(rel);
  replaceLine1(rel, 2, "DEBUG = False");
  await client.waitFor(production(2), (d) => !debugOn(d));
  client.connection.sendNotification("textDocument/didClose", { textDocument: { uri: uri(rel) } });
  await client.waitFor(production(2), debugOn);
});

test("a file opened after a keystroke analysis is read from the editor, not from the last disk read", async () => {
  const rel = "site3/settings/production.py";
  replaceLine1("site0/settings/production.py", 4, "DEBUG = False");
  await client.waitFor(production(0), (d) => !debugOn(d));
  client.connection.sendNotification("textDocument/didOpen", {
    textDocument: { uri: uri(rel), languageId: "python", version: 1, text: "from .base import *\nDEBUG = False\n" },
  });
  await client.waitFor(production(3), (d) => !debugOn(d));
});
