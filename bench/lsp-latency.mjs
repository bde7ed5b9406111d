// Prints the language server's cold start, keystroke→diagnostics latency (median, p95) and resident memory (after the first analysis and at rest), over stdio.
import { spawn } from "child_process";
import { readFileSync } from "fs";
import { createRequire } from "module";
import { dirname, join } from "path";
import { fileURLToPath, pathToFileURL } from "url";
import { manyModules, workspace } from "./generated.mjs";

const require = createRequire(import.meta.url);
const { createProtocolConnection, StreamMessageReader, StreamMessageWriter } = require("vscode-languageserver-protocol/node");
const repo = join(dirname(fileURLToPath(import.meta.url)), "..");
const EDITS = Number(process.env.BENCH_EDITS ?? 60);
// Edits made and awaited before measuring: V8 compiles the hot paths during the first ones, as it would during the
// first seconds of typing; they are reported separately, so the warm-up cost stays visible.
const WARMUP = Number(process.env.BENCH_WARMUP ?? 20);
// After those, V8 is still tiering the hot paths up for a few dozen keystrokes (the first 80 edits of the 300-line module
// run at about twice the cost of later ones here), so a second window is measured once STEADY_AFTER more edits are done:
// the latency of someone who has been typing for a minute. BENCH_STEADY_EDITS=0 skips it.
const STEADY_AFTER = Number(process.env.BENCH_STEADY_AFTER ?? 100);
const STEADY_EDITS = Number(process.env.BENCH_STEADY_EDITS ?? 100);
// Extra node/V8 flags for the server process, to compare engine settings (`BENCH_NODE_ARGS="--cpu-prof"`).
const NODE_ARGS = (process.env.BENCH_NODE_ARGS ?? "").split(" ").filter(Boolean);

function rssMiB(pid) {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
  return m ? Number(m[1]) / 1024 : NaN;
}

/** The process's private memory: resident anonymous pages, without node's executable and libraries (shared, file-backed). */
function anonymousMiB(pid) {
  try {
    const m = /^Anonymous:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, "utf8"));
    return m ? Number(m[1]) / 1024 : NaN;
  } catch {
    return NaN;
  }
}

// How long to watch the memory of an idle server after its first analysis: V8 returns the pages a large first analysis
// grew only after a while (70 s with 1,000 modules here). BENCH_REST_S=0 skips it.
const REST_S = Number(process.env.BENCH_REST_S ?? 90);

/** The server's settings for a run: `{}` is what a user gets; BENCH_DEBOUNCE=0 compares an explicit zero wait. */
let INIT = {};

async function start(dir) {
  const t0 = performance.now();
  const child = spawn(process.execPath, [...NODE_ARGS, join(repo, "bin", "django-settings-hygiene.js"), "lsp", "--stdio"], { stdio: ["pipe", "pipe", "inherit"] });
  const conn = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const listeners = [];
  conn.onNotification("textDocument/publishDiagnostics", (p) => {
    for (const l of [...listeners]) {
      if (l.uri !== p.uri) continue;
      listeners.splice(listeners.indexOf(l), 1);
      l.resolve(performance.now());
    }
  });
  // "analysed N root(s) in X ms" after every analysis: when the diagnostics do not change, nothing is published, and
  // this is when the edit's analysis was done.
  const analysed = [];
  conn.onNotification("window/logMessage", (p) => {
    if (!/^analysed /.test(p.message)) return;
    for (const l of analysed.splice(0)) l(performance.now());
  });
  conn.onRequest("workspace/configuration", () => [null]);
  conn.onRequest("client/registerCapability", () => null);
  conn.listen();
  const next = (uri) => new Promise((resolve) => listeners.push({ uri, resolve }));
  const nextAnalysis = () => new Promise((resolve) => analysed.push(resolve));
  await conn.sendRequest("initialize", { processId: process.pid, rootUri: pathToFileURL(dir).href, workspaceFolders: [{ uri: pathToFileURL(dir).href, name: "w" }], capabilities: {}, initializationOptions: INIT });
  conn.sendNotification("initialized", {});
  return { child, conn, next, nextAnalysis, t0 };
}

async function stop(s) {
  await s.conn.sendRequest("shutdown");
  s.conn.sendNotification("exit");
  await new Promise((r) => s.child.on("exit", r));
}

function pct(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))];
}

/**
 * Keystroke → diagnostics in `file` (by default production.py of a fresh `lines`-line workspace), whose line `line`
 * reads `DEBUG = False`. With `changing`, each edit turns DEBUG on or off, so the diagnostics change and are published;
 * otherwise it adds or removes a trailing space, the diagnostics stay, and the edit counts until its analysis is done.
 */
async function latency(label, lines, dir = workspace(lines), file = join(dir, "proj", "settings", "production.py"), line = 3, changing = true) {
  const uri = pathToFileURL(file).href;
  const s = await start(dir);
  const first = s.next(uri);
  const text = readFileSync(file, "utf8");
  s.conn.sendNotification("textDocument/didOpen", { textDocument: { uri, languageId: "python", version: 1, text } });
  const cold = (await first) - s.t0;
  const times = [];
  const warm = [];
  const steady = [];
  const total = WARMUP + EDITS + (STEADY_EDITS > 0 ? STEADY_AFTER + STEADY_EDITS : 0);
  for (let i = 0; i < total; i++) {
    const value = changing ? (i % 2 === 0 ? "True " : "False") : i % 2 === 0 ? "False " : "False";
    const done = changing ? s.next(uri) : s.nextAnalysis();
    const t = performance.now();
    s.conn.sendNotification("textDocument/didChange", {
      textDocument: { uri, version: i + 2 },
      contentChanges: [{ range: { start: { line, character: 8 }, end: { line, character: changing || i % 2 === 0 ? 13 : 14 } }, text: value }],
    });
    const took = (await done) - t;
    if (i < WARMUP) warm.push(took);
    else if (i < WARMUP + EDITS) times.push(took);
    else if (i >= WARMUP + EDITS + STEADY_AFTER) steady.push(took);
  }
  for (const list of [times, warm, steady]) list.sort((a, b) => a - b);
  console.log(`${label.padEnd(26)} cold start→first diagnostics ${cold.toFixed(0).padStart(5)} ms   edit→diagnostics median ${pct(times, 50).toFixed(1).padStart(6)} ms  p95 ${pct(times, 95).toFixed(1).padStart(6)} ms  (${EDITS} edits after ${WARMUP} warm-up edits, whose median was ${warm.length ? pct(warm, 50).toFixed(1) : "–"} ms)  RSS ${rssMiB(s.child.pid).toFixed(1)} MiB`);
  if (steady.length) {
    const from = WARMUP + EDITS + STEADY_AFTER + 1;
    console.log(`${"".padEnd(26)} steady typing (edits ${from}–${from + steady.length - 1})     edit→diagnostics median ${pct(steady, 50).toFixed(1).padStart(6)} ms  p95 ${pct(steady, 95).toFixed(1).padStart(6)} ms`);
  }
  await stop(s);
}

async function memory(label, dir, openFile) {
  const s = await start(dir);
  const uri = pathToFileURL(openFile).href;
  const first = s.next(uri);
  s.conn.sendNotification("textDocument/didOpen", { textDocument: { uri, languageId: "python", version: 1, text: readFileSync(openFile, "utf8") } });
  const t = (await first) - s.t0;
  await new Promise((r) => setTimeout(r, 300));
  const pid = s.child.pid;
  console.log(`${label.padEnd(26)} first diagnostics after ${t.toFixed(0)} ms, resident memory ${rssMiB(pid).toFixed(1)} MiB (private ${anonymousMiB(pid).toFixed(1)} MiB)`);
  if (REST_S > 0) {
    // Polled every 5 s; the lowest reading and when it was first seen.
    let low = { rss: rssMiB(pid), anon: anonymousMiB(pid), at: 0 };
    for (let at = 5; at <= REST_S; at += 5) {
      await new Promise((r) => setTimeout(r, 5000));
      const rss = rssMiB(pid);
      if (rss < low.rss - 0.5) low = { rss, anon: anonymousMiB(pid), at };
    }
    console.log(`${"".padEnd(26)} at rest (idle, polled every 5 s for ${REST_S} s): resident memory ${low.rss.toFixed(1)} MiB (private ${low.anon.toFixed(1)} MiB), reached after ${low.at} s`);
  }
  await stop(s);
}

/** Spawn → first diagnostics for `openFile`, `runs` fresh servers in a row: the median and the fastest. */
async function coldStart(label, dir, openFile, runs) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const s = await start(dir);
    const uri = pathToFileURL(openFile).href;
    const first = s.next(uri);
    s.conn.sendNotification("textDocument/didOpen", { textDocument: { uri, languageId: "python", version: 1, text: readFileSync(openFile, "utf8") } });
    times.push((await first) - s.t0);
    await stop(s);
  }
  times.sort((a, b) => a - b);
  console.log(`${label.padEnd(26)} cold start→first diagnostics median ${pct(times, 50).toFixed(0)} ms, fastest ${times[0].toFixed(0)} ms (${runs} servers)`);
}

const DEBOUNCES = (process.env.BENCH_DEBOUNCE ?? "default,0").split(",");
const settingsLabel = (d) => (d === "default" ? "default settings" : `debounceMs ${d}`);
console.log(`node ${process.version}; server: dist/server.js over stdio; ${DEBOUNCES.map(settingsLabel).join(", then ")}`);
const COLD_RUNS = Number(process.env.BENCH_COLD_RUNS ?? 7);
{
  const dir = workspace(300);
  await coldStart("300-line production.py", dir, join(dir, "proj", "settings", "production.py"), COLD_RUNS);
}
await coldStart("examples/mysite", join(repo, "examples", "mysite"), join(repo, "examples", "mysite", "mysite", "settings", "production.py"), COLD_RUNS);
const many = manyModules(1000);
for (const d of DEBOUNCES) {
  INIT = d === "default" ? {} : { debounceMs: Number(d) };
  console.log(`-- ${settingsLabel(d)}`);
  for (const changing of [true, false]) {
    const kind = changing ? "changing" : "unchanged";
    await latency(`300 lines, ${kind}`, 300, undefined, undefined, 3, changing);
    await latency(`3,000 lines, ${kind}`, 3000, undefined, undefined, 3, changing);
    await latency(`among 1,000, ${kind}`, 0, many, join(many, "site0", "settings", "production.py"), 1, changing);
  }
}
INIT = {};
await memory("examples/mysite", join(repo, "examples", "mysite"), join(repo, "examples", "mysite", "mysite", "settings", "production.py"));
await memory("1,000 settings modules", many, join(many, "site0", "settings", "production.py"));
