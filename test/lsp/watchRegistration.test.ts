// The server asks a client that can watch files to send it file events (keystroke analyses rely on them for the disk), unless the client watches already.
import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { test } from "node:test";
import { pathToFileURL } from "node:url";
import { WATCHED_FILES_GLOB } from "../../server/src/protocol/protocol";
import { startClient, type TestClient } from "./client";
import { tempDir } from "../helpers/tempDirs";

/** Starts a server on an empty project with these client capabilities and options; returns once it has analysed. */
async function registrationsFor(capabilities: object, initializationOptions?: object): Promise<TestClient["registrations"]> {
  const dir = tempDir("dsh-lsp-watch-");
  fs.writeFileSync(path.join(dir, "settings.py"), "DEBUG = False\n");
  fs.writeFileSync(path.join(dir, "requirements.txt"), "django\n"); // evidence of Django, without which nothing is published
  const client = startClient();
  try {
    await client.connection.sendRequest("initialize", { processId: process.pid, rootUri: pathToFileURL(dir).toString(), capabilities, initializationOptions });
    client.connection.sendNotification("initialized", {});
    // The first analysis publishes after onInitialized has registered whatever it registers.
    await client.waitFor(pathToFileURL(path.join(dir, "settings.py")).toString());
    return [...client.registrations];
  } finally {
    await client.connection.sendRequest("shutdown");
    client.connection.sendNotification("exit");
  }
}

const watched = (r: TestClient["registrations"]) => r.filter((x) => x.method === "workspace/didChangeWatchedFiles");

test("a client with dynamic registration is asked to watch the settings and documentation files", async () => {
  const r = await registrationsFor({ workspace: { didChangeWatchedFiles: { dynamicRegistration: true } } });
  assert.deepEqual(watched(r).map((x) => x.registerOptions), [{ watchers: [{ globPattern: WATCHED_FILES_GLOB }] }]);
});

test("a client that watches the files itself, or cannot register, is not asked", async () => {
  assert.deepEqual(watched(await registrationsFor({ workspace: { didChangeWatchedFiles: { dynamicRegistration: true } } }, { clientWatchesFiles: true })), []);
  assert.deepEqual(watched(await registrationsFor({ workspace: {} })), []);
});
