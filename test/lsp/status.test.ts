// The server's status notification (Django version and environments, for the editor's status item) is sent when it changes, not per keystroke.
import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { test } from "node:test";
import { pathToFileURL } from "node:url";
import { STATUS_NOTIFICATION, type StatusPayload } from "../../server/src/protocol/protocol";
import { startClient } from "./client";

test("status is sent on the first analysis and when the environments change, not on every keystroke", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "dsh-lsp-status-"));
  const settings = path.join(dir, "proj", "settings");
  fs.mkdirSync(settings, { recursive: true });
  fs.writeFileSync(path.join(dir, "manage.py"), 'import os\nos.environ.setdefault("DJANGO_SETTINGS_MODULE", "proj.settings.production")\n');
  fs.writeFileSync(path.join(settings, "base.py"), 'SECRET_KEY = "x"\nDEBUG = False\n');
  const production = "from .base import *\nDEBUG = False\n";
  fs.writeFileSync(path.join(settings, "production.py"), production);
  const client = startClient();
  const statuses: StatusPayload[] = [];
  client.connection.onNotification(STATUS_NOTIFICATION, (p: unknown) => {
    statuses.push(p as StatusPayload);
  });
  const root = pathToFileURL(dir).toString();
  await client.connection.sendRequest("initialize", { processId: process.pid, rootUri: root, workspaceFolders: [{ uri: root, name: "w" }], capabilities: {} });
  client.connection.sendNotification("initialized", {});
  const uri = pathToFileURL(path.join(settings, "production.py")).toString();
  client.connection.sendNotification("textDocument/didOpen", { textDocument: { uri, languageId: "python", version: 1, text: production } });
  await client.waitFor(uri);
  const envNames = (p: StatusPayload | undefined) => (p?.roots ?? []).flatMap((r) => r.environments.map((e) => e.name)).sort();

  // Keystrokes that change the diagnostics (DEBUG flips) but not the environments.
  for (let version = 2; version <= 5; version++) {
    const debug = version % 2 === 0 ? "True" : "False";
    client.connection.sendNotification("textDocument/didChange", { textDocument: { uri, version }, contentChanges: [{ text: `from .base import *\nDEBUG = ${debug}\n` }] });
    await client.waitFor(uri, (d) => d.some((x) => (typeof x.message === "string" ? x.message : x.message.value).includes("DEBUG")) === (debug === "True"));
  }
  // The audit request waits for the analyses queued before it, so every status they would send has been sent.
  await client.connection.sendRequest("djangoSettingsHygiene/audit");
  assert.equal(statuses.length, 1, `status sent ${statuses.length} times`);
  // base.py is a part of production, not an environment of its own.
  assert.deepEqual(envNames(statuses[0]), ["proj.settings.production"]);

  // A new settings module is a new environment: the status changes and is sent again.
  fs.writeFileSync(path.join(settings, "development.py"), "from .base import *\nDEBUG = True\n");
  client.connection.sendNotification("workspace/didChangeWatchedFiles", { changes: [{ uri: pathToFileURL(path.join(settings, "development.py")).toString(), type: 1 }] });
  await client.connection.sendRequest("djangoSettingsHygiene/audit");
  assert.equal(statuses.length, 2, `status sent ${statuses.length} times`);
  assert.deepEqual(envNames(statuses[1]), ["proj.settings.development", "proj.settings.production"]);

  await client.connection.sendRequest("shutdown");
  client.connection.sendNotification("exit");
  await new Promise((r) => client.child.on("exit", r));
  fs.rmSync(dir, { recursive: true, force: true });
});
