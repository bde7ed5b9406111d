#!/usr/bin/env node
// Command-line entry: runs the bundled CLI (built by `npm run build`).
const path = require("path");
const fs = require("fs");
const isLsp = process.argv[2] === "lsp";
const bundle = path.join(__dirname, "..", "dist", isLsp ? "server.js" : "cli.js");
if (!fs.existsSync(bundle)) {
  process.stderr.write("django-settings-hygiene: dist/cli.js is missing; run `npm run build` first\n");
  process.exit(2);
}
if (isLsp) {
  // `lsp --stdio` (or --node-ipc / --socket=N): the transport flag is read by vscode-languageserver itself.
  require(bundle).startServer();
} else {
  require(bundle).main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e) => {
      process.stderr.write(`django-settings-hygiene: internal error: ${(e && e.stack) || e}\n`);
      process.exitCode = 2;
    },
  );
}
