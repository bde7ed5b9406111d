#!/usr/bin/env node
// Command-line entry: runs the bundled CLI (built by `npm run build`).
const path = require("path");
const fs = require("fs");
const bundle = path.join(__dirname, "..", "dist", "cli.js");
if (!fs.existsSync(bundle)) {
  process.stderr.write("django-settings-hygiene: dist/cli.js is missing; run `npm run build` first\n");
  process.exit(2);
}
require(bundle).main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e) => {
    process.stderr.write(`django-settings-hygiene: internal error: ${(e && e.stack) || e}\n`);
    process.exitCode = 2;
  },
);
