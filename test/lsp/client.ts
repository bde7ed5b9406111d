// A minimal LSP client over stdio for tests and benchmarks: spawns the built server and speaks JSON-RPC to it.
import { spawn, type ChildProcess } from "node:child_process";
import { after } from "node:test";
import * as path from "node:path";
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
} from "vscode-languageserver-protocol/node";

export const REPO = path.resolve(__dirname, "..", "..", "..");

export interface TestClient {
  connection: ProtocolConnection;
  child: ChildProcess;
  /** The latest diagnostics per URI. */
  diagnostics: Map<string, PublishDiagnosticsParams["diagnostics"]>;
  /** How many times diagnostics were published per URI. */
  publishCounts: Map<string, number>;
  /** What the server asked to register (client/registerCapability), in order. */
  registrations: Array<{ method: string; registerOptions?: unknown }>;
  /** Resolves with the next diagnostics for `uri` that satisfy `accept`. */
  waitFor(uri: string, accept?: (d: PublishDiagnosticsParams["diagnostics"]) => boolean, timeoutMs?: number): Promise<PublishDiagnosticsParams["diagnostics"]>;
  stderr(): string;
}

// A test that fails before it shuts its server down would leave the child holding the test file open until CI's
// deadline: a server still running 30 s after the file's tests are done is killed. (Not at once: this hook runs before
// the test files' own, which shut their servers down properly; the timer does not keep the process alive by itself.)
const running = new Set<ChildProcess>();
after(() => {
  if (running.size) setTimeout(() => running.forEach((c) => c.kill()), 30_000).unref();
});

export function startClient(args: string[] = [path.join(REPO, "bin", "django-settings-hygiene.js"), "lsp", "--stdio"]): TestClient {
  const child = spawn(process.execPath, args, { stdio: ["pipe", "pipe", "pipe"] });
  running.add(child);
  child.on("exit", () => running.delete(child));
  let err = "";
  child.stderr!.on("data", (d: Buffer) => (err += d.toString()));
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const diagnostics = new Map<string, PublishDiagnosticsParams["diagnostics"]>();
  const publishCounts = new Map<string, number>();
  const waiters: Array<{ uri: string; accept: (d: PublishDiagnosticsParams["diagnostics"]) => boolean; resolve: (d: PublishDiagnosticsParams["diagnostics"]) => void }> = [];
  connection.onNotification("textDocument/publishDiagnostics", (p: PublishDiagnosticsParams) => {
    diagnostics.set(p.uri, p.diagnostics);
    publishCounts.set(p.uri, (publishCounts.get(p.uri) ?? 0) + 1);
    for (const w of [...waiters]) {
      if (w.uri === p.uri && w.accept(p.diagnostics)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(p.diagnostics);
      }
    }
  });
  connection.onRequest("workspace/configuration", () => [null]);
  const registrations: TestClient["registrations"] = [];
  connection.onRequest("client/registerCapability", (p: { registrations: TestClient["registrations"] }) => {
    registrations.push(...p.registrations);
    return null;
  });
  connection.onRequest("window/showDocument", () => ({ success: true }));
  connection.listen();
  return {
    connection,
    child,
    diagnostics,
    publishCounts,
    registrations,
    stderr: () => err,
    waitFor(uri, accept = () => true, timeoutMs = 10000) {
      const now = diagnostics.get(uri);
      if (now && accept(now)) return Promise.resolve(now);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no matching diagnostics for ${uri} within ${timeoutMs} ms; last: ${JSON.stringify(diagnostics.get(uri))}`)), timeoutMs);
        waiters.push({ uri, accept, resolve: (d) => (clearTimeout(timer), resolve(d)) });
      });
    },
  };
}
