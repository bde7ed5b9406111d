// Loads a dist/ bundle with V8's code cache when one was written for this exact bundle and node, and can write one.
"use strict";
const fs = require("fs");
const path = require("path");
const vm = require("vm");
const Module = require("module");

// Why a cache at all: a CLI run in CI or pre-commit is short, and compiling the bundle's functions the first time they
// run costs about as much as the analysis of a small project. The cache carries the bytecode of every function the
// build's own run of the bundle compiled (scripts/codeCache.mjs), so a run starts with them ready.
// Why the sidecar: V8 checks a cache against the source's length only, so a rebuilt bundle of the same length would be
// handed stale bytecode; the sidecar names the bundle's size and mtime and the node that wrote the cache.
function sidecarOf(bundle) {
  return `${bundle}.cache.json`;
}

function identity(bundle) {
  const st = fs.statSync(bundle);
  return { size: st.size, mtimeMs: st.mtimeMs, node: process.version, arch: process.arch };
}

function usableCache(bundle) {
  try {
    const want = identity(bundle);
    const have = JSON.parse(fs.readFileSync(sidecarOf(bundle), "utf8"));
    if (have.size !== want.size || have.mtimeMs !== want.mtimeMs || have.node !== want.node || have.arch !== want.arch) return undefined;
    return fs.readFileSync(`${bundle}.cache`);
  } catch {
    return undefined;
  }
}

/**
 * Requires `bundle` as CommonJS. With `write`, the cache is written when the process exits (by then the run has
 * compiled the functions it needed); a failure to write is ignored, the next run just compiles again.
 */
function loadBundle(bundle, { write = false } = {}) {
  const cachedData = write ? undefined : usableCache(bundle);
  // For tests and benchmarks: whether V8 took the cache (it silently compiles from source when the flags differ).
  const report = (what) => process.env.DSH_REPORT_CODE_CACHE === "1" && process.stderr.write(`code cache ${what}: ${bundle}\n`);
  if (!cachedData && !write) {
    report("absent");
    return require(bundle);
  }
  const source = fs.readFileSync(bundle, "utf8");
  const script = new vm.Script(Module.wrap(source), { filename: bundle, cachedData });
  if (cachedData) report(script.cachedDataRejected ? "rejected" : "accepted");
  const mod = new Module(bundle, module);
  mod.filename = bundle;
  mod.paths = Module._nodeModulePaths(path.dirname(bundle));
  const localRequire = (id) => mod.require(id);
  localRequire.resolve = (id, options) => Module._resolveFilename(id, mod, false, options);
  script.runInThisContext().call(mod.exports, mod.exports, localRequire, mod, bundle, path.dirname(bundle));
  mod.loaded = true;
  if (write) {
    process.on("exit", () => {
      try {
        fs.writeFileSync(`${bundle}.cache`, script.createCachedData());
        fs.writeFileSync(sidecarOf(bundle), JSON.stringify(identity(bundle)));
      } catch {
        // A read-only install: nothing to remember, nothing lost.
      }
    });
  }
  return mod.exports;
}

module.exports = { loadBundle };
