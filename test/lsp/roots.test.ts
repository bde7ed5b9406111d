// Which roots the language server analyses: a workspace folder's project, never /tmp for a scratch file, nothing in a non-Django project.
import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { test } from "node:test";
import { pathToFileURL } from "node:url";
import { writeProject } from "../helpers/project";
import { startClient, type TestClient } from "./client";

async function session(folders: string[]): Promise<TestClient> {
  const client = startClient();
  const uris = folders.map((f) => pathToFileURL(f).toString());
  await client.connection.sendRequest("initialize", { processId: process.pid, rootUri: uris[0] ?? null, workspaceFolders: uris.map((uri) => ({ uri, name: "w" })), capabilities: {} });
  client.connection.sendNotification("initialized", {});
  return client;
}

async function close(client: TestClient): Promise<void> {
  await client.connection.sendRequest("shutdown");
  client.connection.sendNotification("exit");
  await new Promise((r) => client.child.on("exit", r));
}

function open(client: TestClient, file: string, text: string): string {
  const uri = pathToFileURL(file).toString();
  client.connection.sendNotification("textDocument/didOpen", { textDocument: { uri, languageId: "python", version: 1, text } });
  return uri;
}

const PROJECT = {
  "requirements.txt": "Django==4.2\n",
  "manage.py": 'import os\nos.environ.setdefault("DJANGO_SETTINGS_MODULE", "proj.settings.production")\n',
  "proj/__init__.py": "",
  "proj/settings/__init__.py": "",
  "proj/settings/base.py": 'INSTALLED_APPS = ["django.contrib.auth"]\nSECRET_KEY = "x"\n',
  "proj/settings/production.py": "from .base import *\nDEBUG = True\n",
};

test("a workspace folder opened inside a project is analysed as that project", async () => {
  const dir = writeProject(PROJECT);
  const folder = path.join(dir, "proj", "settings");
  const client = await session([folder]);
  const production = path.join(folder, "production.py");
  const uri = open(client, production, PROJECT["proj/settings/production.py"]);
  const diagnostics = await client.waitFor(uri, (d) => d.length > 0);
  assert.ok(diagnostics.some((d) => d.code === "debug-enabled"));
  const reports = ((await client.connection.sendRequest("djangoSettingsHygiene/audit")) as { reports: Array<{ root: string; djangoVersion: string; environments: Array<{ name: string }> }> }).reports;
  // The whole project, its Django version and dotted names, not a root at the settings package.
  assert.deepEqual(
    reports.map((r) => [r.root, r.djangoVersion, r.environments.map((e) => e.name)]),
    [[dir, "4.2", ["proj.settings.production"]]],
  );
  await close(client);
});

test("a scratch file opened from the temporary directory gets no root and nothing is walked", async () => {
  const scratch = path.join(os.tmpdir(), `dsh-scratch-${process.pid}-${Date.now()}.py`);
  fs.writeFileSync(scratch, 'INSTALLED_APPS = ["django.contrib.auth"]\nDEBUG = True\n');
  const client = await session([]);
  const uri = open(client, scratch, fs.readFileSync(scratch, "utf8"));
  const reports = ((await client.connection.sendRequest("djangoSettingsHygiene/audit")) as { reports: unknown[] }).reports;
  assert.deepEqual(reports, []);
  assert.equal(client.diagnostics.get(uri)?.length ?? 0, 0);
  await close(client);
  fs.rmSync(scratch, { force: true });
});

test("a project that is not Django's gets no diagnostics", async () => {
  const dir = writeProject({ "scrapy.cfg": "[settings]\ndefault = crawler.settings\n", "crawler/__init__.py": "", "crawler/settings.py": 'BOT_NAME = "crawler"\nDEBUG = True\nSECRET_KEY = "abc"\n' });
  const client = await session([dir]);
  const uri = open(client, path.join(dir, "crawler", "settings.py"), 'BOT_NAME = "crawler"\nDEBUG = True\nSECRET_KEY = "abc"\n');
  const reports = ((await client.connection.sendRequest("djangoSettingsHygiene/audit")) as { reports: Array<{ environments: unknown[] }> }).reports;
  assert.deepEqual(reports.map((r) => r.environments.length), [0]);
  assert.equal(client.diagnostics.get(uri)?.length ?? 0, 0);
  await close(client);
});
