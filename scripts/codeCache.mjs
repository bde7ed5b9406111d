// Writes V8 code caches for dist/cli.js and dist/server.js by running each once on the example project (see bin/loadBundle.js).
import { spawn, spawnSync } from "child_process";
import { existsSync, readFileSync, rmSync } from "fs";
import { createRequire } from "module";
import { dirname, join } from "path";
import { fileURLToPath, pathToFileURL } from "url";

const require = createRequire(import.meta.url);
const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const bin = join(root, "bin", "django-settings-hygiene.js");
const example = join(root, "examples", "mysite");
const env = { ...process.env, DSH_WRITE_CODE_CACHE: "1" };
for (const b of ["cli.js", "server.js"]) for (const ext of [".cache", ".cache.json"]) rmSync(join(root, "dist", b + ext), { force: true });

// The cache is an optimisation: when it cannot be written (no example project, no dev dependencies, a server that
// does not answer), the build goes on and the bundles load without one.
try {
  if (!existsSync(example)) throw new Error(`${example} is missing`);
  writeCliCache();
  await writeServerCache();
} catch (e) {
  for (const b of ["cli.js", "server.js"]) for (const ext of [".cache", ".cache.json"]) rmSync(join(root, "dist", b + ext), { force: true });
  console.warn(`code cache not written (the bundles still work, start-up is slower): ${e instanceof Error ? e.message : e}`);
}

// The CLI: one audit with every rule, the inventory and the JSON report, the path a CI run takes.
function writeCliCache() {
  const r = spawnSync(process.execPath, [bin, "audit", example, "--format", "json"], { env, stdio: ["ignore", "ignore", "inherit"], timeout: 60_000 });
  if (r.status !== 0 && r.status !== 1) throw new Error(`the CLI run exited with ${r.status ?? r.signal}`);
}

// The server: open a settings module, wait for its diagnostics, hover, shut down.
async function writeServerCache() {
  const { createProtocolConnection, StreamMessageReader, StreamMessageWriter } = require("vscode-languageserver-protocol/node");
  const child = spawn(process.execPath, [bin, "lsp", "--stdio"], { env, stdio: ["pipe", "pipe", "inherit"] });
  const conn = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const file = join(example, "mysite", "settings", "production.py");
  const uri = pathToFileURL(file).href;
  const published = new Promise((resolve) => conn.onNotification("textDocument/publishDiagnostics", (p) => p.uri === uri && resolve()));
  conn.onRequest("workspace/configuration", () => [null]);
  conn.onRequest("client/registerCapability", () => null);
  conn.listen();
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error("the server did not answer within 60 s")), 60_000);
  });
  try {
    await Promise.race([
      (async () => {
        await conn.sendRequest("initialize", { processId: process.pid, rootUri: pathToFileURL(example).href, capabilities: {}, initializationOptions: { debounceMs: 0 } });
        conn.sendNotification("initialized", {});
        conn.sendNotification("textDocument/didOpen", { textDocument: { uri, languageId: "python", version: 1, text: readFileSync(file, "utf8") } });
        await published;
        await conn.sendRequest("textDocument/hover", { textDocument: { uri }, position: { line: 0, character: 0 } });
        await conn.sendRequest("shutdown");
        const exited = new Promise((resolve) => child.on("exit", resolve));
        conn.sendNotification("exit");
        await exited;
      })(),
      timeout,
    ]);
  } finally {
    clearTimeout(timer);
    conn.dispose();
    child.kill();
  }
}
