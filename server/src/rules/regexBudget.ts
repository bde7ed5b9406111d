// Runs a regex taken from the checkout on a few fixed probes within a time budget, in a worker that can be stopped.
import { Worker } from "worker_threads";

/**
 * A quantified group (`(…)*`, `(…)+`, `(…){2,}`) is what lets a backtracking engine try exponentially many ways on a
 * short probe (`(a+)+$`, `(.*.*)*x`). Patterns without one cannot hang on 25-character probes and run in place.
 */
const QUANTIFIED_GROUP = /\)(?:[*+]|\{\d*,)/;

/** Long enough for any sane pattern on short probes, short enough not to stall an audit. */
export const REGEX_BUDGET_MS = 1000;
const WORKER_START_MS = 10_000;

/** Blocks while the flag holds `state`, until `deadline`. */
function waitWhile(flag: Int32Array, state: number, deadline: number): void {
  while (Atomics.load(flag, 0) === state) {
    const left = deadline - Date.now();
    if (left <= 0) return;
    Atomics.wait(flag, 0, state, left);
  }
}

const WORKER_SOURCE = `
const { workerData } = require("worker_threads");
const flag = new Int32Array(workerData.shared);
Atomics.store(flag, 0, 2);
Atomics.notify(flag, 0);
let found = -1;
try {
  const re = new RegExp(workerData.source, workerData.flags);
  found = workerData.probes.findIndex((p) => re.test(p));
} catch {
  found = -2;
}
Atomics.store(flag, 1, found);
Atomics.store(flag, 0, 1);
Atomics.notify(flag, 0);
`;

/**
 * The index of the first probe the regex matches, -1 when none does, or "timeout" when it ran past the budget (it is
 * then stopped). Throws the RegExp's SyntaxError for a pattern JavaScript cannot compile, as `new RegExp` does.
 */
export function firstProbeMatched(source: string, flags: string, probes: readonly string[], budgetMs = REGEX_BUDGET_MS): number | "timeout" {
  const re = new RegExp(source, flags);
  if (!QUANTIFIED_GROUP.test(source)) return probes.findIndex((p) => re.test(p));
  // The caller is synchronous (a rule), so it blocks on a shared flag the worker sets: Atomics.wait is allowed on
  // Node's main thread, and a worker keeps running while its parent waits.
  const shared = new SharedArrayBuffer(8);
  const flag = new Int32Array(shared);
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { source, flags, probes: [...probes], shared } });
  worker.unref();
  // The budget is the regex's, counted once the worker runs: starting a worker on a loaded machine can itself take
  // a while, and must not make a sane pattern look catastrophic.
  waitWhile(flag, 0, Date.now() + WORKER_START_MS);
  waitWhile(flag, 2, Date.now() + budgetMs);
  const done = Atomics.load(flag, 0) === 1;
  void worker.terminate();
  if (!done) return "timeout";
  return Math.max(-1, Atomics.load(flag, 1));
}
