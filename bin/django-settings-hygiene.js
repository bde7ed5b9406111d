#!/usr/bin/env node
// Command-line entry: runs the bundled CLI (built by `npm run build`).
const path = require("path");
const fs = require("fs");
const { loadBundle } = require("./loadBundle");
// Before any wasm is compiled, and before the code cache is read (V8 checks a cache against the flags it was written
// under): see parse/treeSitter.ts for why tree-sitter runs on V8's baseline wasm compiler.
require("v8").setFlagsFromString("--liftoff-only");
const isLsp = process.argv[2] === "lsp";
// The server sets this flag itself when it starts (lsp/heapPolicy.ts, for editors that run dist/server.js directly); set
// here first because V8 accepts a code cache only under the flags it was written with.
if (isLsp) require("v8").setFlagsFromString("--semi-space-growth-factor=1");
// scripts/codeCache.mjs sets this while it runs the bundle once at build time.
const writeCache = process.env.DSH_WRITE_CODE_CACHE === "1";
const bundle = path.join(__dirname, "..", "dist", isLsp ? "server.js" : "cli.js");
if (!fs.existsSync(bundle)) {
  process.stderr.write("django-settings-hygiene: dist/cli.js is missing; run `npm run build` first\n");
  process.exit(2);
}
if (isLsp) {
  // `lsp --stdio` (or --node-ipc / --socket=N): the transport flag is read by vscode-languageserver itself.
  loadBundle(bundle, { write: writeCache }).startServer();
} else {
  loadBundle(bundle, { write: writeCache }).main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e) => {
      process.stderr.write(`django-settings-hygiene: internal error: ${(e && e.stack) || e}\n`);
      process.exitCode = 2;
    },
  );
}
