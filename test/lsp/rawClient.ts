// A raw JSON-RPC client over stdio for hostile-message tests: writes any bytes as a frame, reads every frame back.
import { spawn, type ChildProcess } from "node:child_process";
import * as path from "node:path";

export const REPO = path.resolve(__dirname, "..", "..", "..");

export interface Frame {
  id?: number | string | null;
  method?: string;
  params?: unknown;
  result?: unknown;
  error?: { code: number; message: string };
}

export interface RawClient {
  child: ChildProcess;
  frames: Frame[];
  /** Sends `body` (a value to serialise, or raw text) with a correct Content-Length header. */
  send(body: unknown, raw?: boolean): void;
  /** Sends a request and resolves with its response (result or error); rejects after `ms`. */
  request(method: string, params?: unknown, ms?: number): Promise<Frame>;
  /** Resolves with the response to a request already sent with this id. */
  response(id: number | string, ms?: number): Promise<Frame>;
  /** Resolves with the first frame from now on that satisfies `accept`. */
  next(accept: (f: Frame) => boolean, ms?: number): Promise<Frame>;
  stderr(): string;
}

/**
 * Spawns the built server. Requests from the server are answered: workspace/configuration with `configuration`
 * (whatever it is, hostile on purpose in some tests), every other one with null.
 */
export function startRawClient(configuration: unknown = null): RawClient {
  const child = spawn(process.execPath, [path.join(REPO, "bin", "django-settings-hygiene.js"), "lsp", "--stdio"], { stdio: ["pipe", "pipe", "pipe"] });
  let err = "";
  child.stderr!.on("data", (d: Buffer) => (err += d.toString()));
  const frames: Frame[] = [];
  const waiters: Array<{ accept: (f: Frame) => boolean; resolve: (f: Frame) => void }> = [];
  let buf = Buffer.alloc(0);
  const send = (body: unknown, raw = false) => {
    const bytes = Buffer.from(raw ? String(body) : JSON.stringify(body), "utf8");
    child.stdin!.write(Buffer.concat([Buffer.from(`Content-Length: ${bytes.length}\r\n\r\n`, "ascii"), bytes]));
  };
  child.stdout!.on("data", (chunk: Buffer) => {
    buf = Buffer.concat([buf, chunk]);
    for (;;) {
      const end = buf.indexOf("\r\n\r\n");
      if (end < 0) return;
      const m = /Content-Length: (\d+)/i.exec(buf.subarray(0, end).toString("ascii"));
      const length = Number(m?.[1] ?? 0);
      if (buf.length < end + 4 + length) return;
      const frame = JSON.parse(buf.subarray(end + 4, end + 4 + length).toString("utf8")) as Frame;
      buf = buf.subarray(end + 4 + length);
      frames.push(frame);
      if (frame.method && frame.id !== undefined) send({ jsonrpc: "2.0", id: frame.id, result: frame.method === "workspace/configuration" ? [configuration] : null });
      for (const w of [...waiters]) {
        if (w.accept(frame)) {
          waiters.splice(waiters.indexOf(w), 1);
          w.resolve(frame);
        }
      }
    }
  });
  const next = (accept: (f: Frame) => boolean, ms = 15_000): Promise<Frame> =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no matching message within ${ms} ms (exit code ${child.exitCode})\n${err.slice(-2000)}`)), ms);
      waiters.push({ accept, resolve: (f) => (clearTimeout(timer), resolve(f)) });
    });
  let nextId = 1_000_000;
  const response = (id: number | string, ms?: number) => {
    const done = frames.find((f) => f.id === id && f.method === undefined);
    return done ? Promise.resolve(done) : next((f) => f.id === id && f.method === undefined, ms);
  };
  return {
    child,
    frames,
    send,
    next,
    response,
    request(method, params, ms) {
      const id = nextId++;
      const p = response(id, ms);
      send({ jsonrpc: "2.0", id, method, ...(params === undefined ? {} : { params }) });
      return p;
    },
    stderr: () => err,
  };
}
