// An analysis overtaken by an edit while it waits for a new root's settings still brings the inventory's
// diagnostics (env-undocumented) without a save: the overtaken run hands its inventory to the next one.
import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { after, before, test } from "node:test";
import { pathToFileURL } from "node:url";
import { startClient, type TestClient } from "./client";

let dir: string;
let client: TestClient;
const production = () => path.join(dir, "proj", "settings", "production.py");

before(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "dsh-lsp-overtaken-"));
  fs.mkdirSync(path.join(dir, "proj", "settings"), { recursive: true });
  fs.writeFileSync(path.join(dir, "manage.py"), 'import os\nos.environ.setdefault("DJANGO_SETTINGS_MODULE", "proj.settings.production")\n');
  fs.writeFileSync(path.join(dir, "proj", "settings", "__init__.py"), "");
  fs.writeFileSync(production(), 'import os\nSECRET_KEY = os.environ["DJANGO_SECRET_KEY"]\nEMAIL_HOST_PASSWORD = os.environ["EMAIL_HOST_PASSWORD"]\nDEBUG = False\n');
  fs.writeFileSync(path.join(dir, ".env.example"), "DJANGO_SECRET_KEY=\n");
  client = startClient();
  let release!: () => void;
  const held = new Promise<void>((r) => (release = r));
  let asked = 0;
  // No workspace folder: opening the file makes its project a root, whose settings the server then asks for. That
  // answer is held back until an edit has arrived, so the edit overtakes the analysis waiting for it.
  client.connection.onRequest("workspace/configuration", async (p: { items: unknown[] }) => {
    if (++asked > 1) await held;
    return p.items.map(() => ({}));
  });
  await client.connection.sendRequest("initialize", { processId: process.pid, rootUri: null, workspaceFolders: null, capabilities: { workspace: { configuration: true } } });
  client.connection.sendNotification("initialized", {});
  await new Promise((r) => setTimeout(r, 500));
  const uri = pathToFileURL(production()).toString();
  const text = fs.readFileSync(production(), "utf8");
  client.connection.sendNotification("textDocument/didOpen", { textDocument: { uri, languageId: "python", version: 1, text } });
  await new Promise((r) => setTimeout(r, 300));
  client.connection.sendNotification("textDocument/didChange", { textDocument: { uri, version: 2 }, contentChanges: [{ text: text + "\n" }] });
  await new Promise((r) => setTimeout(r, 200));
  release();
});

after(async () => {
  await client?.connection.sendRequest("shutdown");
  client?.connection.sendNotification("exit");
  fs.rmSync(dir, { recursive: true, force: true });
});

test("env-undocumented arrives without a save when the first analysis is overtaken", async () => {
  const diagnostics = await client.waitFor(pathToFileURL(production()).toString(), (d) => d.some((x) => x.code === "env-undocumented"), 10_000);
  const undocumented = diagnostics.filter((d) => d.code === "env-undocumented");
  assert.equal(undocumented.length, 1, JSON.stringify(undocumented));
  assert.match(String(undocumented[0].message), /EMAIL_HOST_PASSWORD/);
});
