// Settings per workspace folder (workspace/configuration with a scopeUri per root) and a broken pyproject.toml section
// shown as a diagnostic on pyproject.toml and in the status, cleared once fixed.
import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { after, before, test } from "node:test";
import { pathToFileURL } from "node:url";
import { STATUS_NOTIFICATION, type StatusPayload } from "../../server/src/protocol/protocol";
import { startClient, type TestClient } from "./client";

let dir: string;
let client: TestClient;
/** disabledRules per folder name, as the client answers them; what the server asked, per request. */
const disabled: Record<string, string[]> = { alpha: ["debug-enabled"], beta: [] };
const asked: Array<Array<string | undefined>> = [];
const statuses: StatusPayload[] = [];

const folder = (name: string) => path.join(dir, name);
const uri = (name: string, rel: string) => pathToFileURL(path.join(folder(name), rel)).toString();

function project(name: string, pyproject?: string): void {
  const settings = path.join(folder(name), "proj", "settings");
  fs.mkdirSync(settings, { recursive: true });
  fs.writeFileSync(path.join(folder(name), "manage.py"), 'import os\nos.environ.setdefault("DJANGO_SETTINGS_MODULE", "proj.settings.production")\n');
  fs.writeFileSync(path.join(settings, "production.py"), 'SECRET_KEY = "x9!Kq2@Lm4#Zp7$Rt1%Vb6^Nc3&Hd8*Jf5(Gs0)Wy-Ue=Io+Pa[Sl]Dk;Fj:Gh"\nDEBUG = True\nALLOWED_HOSTS = ["example.com"]\n');
  if (pyproject !== undefined) fs.writeFileSync(path.join(folder(name), "pyproject.toml"), pyproject);
}

const hasDebug = (d: Array<{ code?: unknown }>) => d.some((x) => x.code === "debug-enabled");

before(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "dsh-lsp-folders-"));
  project("alpha");
  project("beta");
  project("gamma", '[project]\nname = "gamma"\n\n[tool.django-settings-hygiene]\nunknown-key = 1\n');
  client = startClient();
  client.connection.onRequest("workspace/configuration", (p: { items: Array<{ scopeUri?: string; section?: string }> }) => {
    asked.push(p.items.map((i) => i.scopeUri));
    return p.items.map((i) => {
      const name = Object.keys(disabled).find((n) => i.scopeUri === pathToFileURL(folder(n)).toString());
      return name ? { disabledRules: disabled[name] } : {};
    });
  });
  client.connection.onNotification(STATUS_NOTIFICATION, (p: StatusPayload) => void statuses.push(p));
  const folders = ["alpha", "beta", "gamma"].map((n) => ({ uri: pathToFileURL(folder(n)).toString(), name: n }));
  await client.connection.sendRequest("initialize", { processId: process.pid, rootUri: null, workspaceFolders: folders, capabilities: { workspace: { configuration: true, workspaceFolders: true } } });
  client.connection.sendNotification("initialized", {});
});

after(async () => {
  await client?.connection.sendRequest("shutdown");
  client?.connection.sendNotification("exit");
  fs.rmSync(dir, { recursive: true, force: true });
});

test("each folder is analysed with its own settings, asked for with the folder as scopeUri", async () => {
  await client.waitFor(uri("beta", "proj/settings/production.py"), hasDebug);
  const alpha = await client.waitFor(uri("alpha", "proj/settings/production.py"), (d) => d.length > 0);
  assert.ok(!hasDebug(alpha), "alpha disables debug-enabled");
  assert.ok(asked.some((items) => items.includes(pathToFileURL(folder("alpha")).toString()) && items.includes(pathToFileURL(folder("beta")).toString())), JSON.stringify(asked));
});

test("a configuration change is read again per folder", async () => {
  disabled.alpha = [];
  disabled.beta = ["debug-enabled"];
  client.connection.sendNotification("workspace/didChangeConfiguration", { settings: null });
  await client.waitFor(uri("alpha", "proj/settings/production.py"), hasDebug);
  await client.waitFor(uri("beta", "proj/settings/production.py"), (d) => d.length > 0 && !hasDebug(d));
});

test("a broken [tool.django-settings-hygiene] is an error on its header in pyproject.toml and in the status", async () => {
  const pyproject = uri("gamma", "pyproject.toml");
  const [d] = await client.waitFor(pyproject, (ds) => ds.length === 1);
  assert.equal(d.severity, 1);
  assert.match(String(d.message), /unknown key "unknown-key"/);
  assert.deepEqual(d.range, { start: { line: 3, character: 0 }, end: { line: 3, character: "[tool.django-settings-hygiene]".length } });
  // The rest of gamma is still analysed, without the section.
  await client.waitFor(uri("gamma", "proj/settings/production.py"), hasDebug);
  await client.connection.sendRequest("djangoSettingsHygiene/audit");
  const gamma = statuses.at(-1)!.roots.find((r) => r.root === folder("gamma"))!;
  assert.match(gamma.configError?.message ?? "", /unknown key/);
  assert.equal(gamma.configError?.file, path.join(folder("gamma"), "pyproject.toml"));
  assert.ok(statuses.at(-1)!.roots.filter((r) => r.root !== folder("gamma")).every((r) => !r.configError));
});

test("invalid TOML is reported at the mistake; a fixed file clears the diagnostic and the status", async () => {
  const file = path.join(folder("gamma"), "pyproject.toml");
  const pyproject = uri("gamma", "pyproject.toml");
  fs.writeFileSync(file, '[project]\nname = "gamma"\nversion = = 1\n');
  client.connection.sendNotification("workspace/didChangeWatchedFiles", { changes: [{ uri: pyproject, type: 2 }] });
  const [d] = await client.waitFor(pyproject, (ds) => ds.length === 1 && /not valid TOML/.test(String(ds[0].message)));
  assert.equal(d.range.start.line, 2);
  fs.writeFileSync(file, '[project]\nname = "gamma"\n\n[tool.django-settings-hygiene]\ndisable = ["debug-enabled"]\n');
  client.connection.sendNotification("workspace/didChangeWatchedFiles", { changes: [{ uri: pyproject, type: 2 }] });
  await client.waitFor(pyproject, (ds) => ds.length === 0);
  await client.waitFor(uri("gamma", "proj/settings/production.py"), (ds) => ds.length > 0 && !hasDebug(ds));
  await client.connection.sendRequest("djangoSettingsHygiene/audit");
  assert.ok(statuses.at(-1)!.roots.every((r) => !r.configError), JSON.stringify(statuses.at(-1)));
});
