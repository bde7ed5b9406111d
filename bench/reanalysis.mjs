// Prints the engine's CPU time and allocation per keystroke re-analysis, in one process and without the language server around it.
// Needs `npm run build` (it loads the compiled engine from out/). The server benchmark (lsp-latency.mjs) measures what an
// editor waits for; this one measures the engine alone, with the caches the server keeps, in CPU time rather than wall
// time, which makes A/B comparisons of engine changes far less sensitive to a shared host's neighbours.
import { readFileSync } from "fs";
import { Session } from "inspector";
import { createRequire } from "module";
import { dirname, join } from "path";
import { fileURLToPath } from "url";
import { manyModules, workspace } from "./generated.mjs";

const require = createRequire(import.meta.url);
const repo = join(dirname(fileURLToPath(import.meta.url)), "..");
const { Engine } = require(join(repo, "out", "server", "src", "engine.js"));
const { Session: EngineSession } = require(join(repo, "out", "server", "src", "session", "session.js"));
const EDITS = Number(process.env.BENCH_EDITS ?? 400);
// The first edits run while V8 is still compiling the engine's hot paths; they are left out of the median.
const WARMUP = Math.min(100, Math.floor(EDITS / 4));

const session = new Session();
session.connect();
const post = (method, params) => new Promise((resolve, reject) => session.post(method, params, (e, r) => (e ? reject(e) : resolve(r))));

/** Edits `file` (an open document) `EDITS` times, toggling `DEBUG = False` / `DEBUG = True ` on `line`, as the server would. */
async function measure(label, root, file, text) {
  const overlay = new Map([[file, text]]);
  const engine = await Engine.create();
  // What the language server keeps between keystrokes (lsp/workspace.ts auditRoot): one engine Session per root; the
  // first audit is the open.
  const s = new EngineSession(engine, root, { overlay: { get: (f) => overlay.get(f) }, keepTrees: true });
  s.audit({ inventory: true });
  const cpu = [];
  let findings = 0;
  const edit = (i) => {
    text = text.replace(/^DEBUG = (True |False)/m, i % 2 ? "DEBUG = False" : "DEBUG = True ");
    overlay.set(file, text);
    findings = s.audit({ inventory: false, keepDiskReads: true }).problems.length;
  };
  for (let i = 0; i < EDITS; i++) {
    const c0 = process.cpuUsage();
    edit(i);
    const c = process.cpuUsage(c0);
    if (i >= WARMUP) cpu.push((c.user + c.system) / 1000);
  }
  // Allocation, sampled every 2 KiB (collected objects included) over as many more edits, in a second pass: the
  // sampling slows allocation down, so it must not run while CPU time is measured.
  await post("HeapProfiler.enable");
  await post("HeapProfiler.startSampling", { samplingInterval: 2048, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true });
  const sampledEdits = EDITS - WARMUP;
  for (let i = 0; i < sampledEdits; i++) edit(EDITS + i);
  const { profile } = await post("HeapProfiler.stopSampling");
  let sampled = 0;
  const walk = (n) => {
    sampled += n.selfSize;
    for (const child of n.children) walk(child);
  };
  walk(profile.head);
  cpu.sort((a, b) => a - b);
  const at = (p) => cpu[Math.min(cpu.length - 1, Math.floor(cpu.length * p))];
  console.log(
    `${label.padEnd(28)} CPU per re-analysis median ${at(0.5).toFixed(2).padStart(6)} ms  p95 ${at(0.95).toFixed(2).padStart(6)} ms  ` +
      `allocated ~${(sampled / sampledEdits / 1024 / 1024).toFixed(2)} MiB  (${cpu.length} edits after ${WARMUP}; ${findings} problems)`,
  );
}

console.log(`node ${process.version}; engine session from out/, in process; CPU time (user + system) of each keystroke's audit`);
for (const lines of [300, 3000]) {
  const dir = workspace(lines);
  const file = join(dir, "proj", "settings", "production.py");
  await measure(`${lines.toLocaleString("en")}-line production.py`, dir, file, readFileSync(file, "utf8"));
}
{
  const dir = manyModules(1000);
  await measure("production.py among 1,000", dir, join(dir, "site0", "settings", "production.py"), "from .base import *\nDEBUG = False\n");
}
