// Builds the .vsix with @vscode/vsce: the bundles, plus the client's runtime packages (scripts/clientRuntime.mjs) in
// node_modules, and prints its size and what it holds.
import { createVSIX } from "@vscode/vsce";
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { dirname, join } from "path";
import { fileURLToPath } from "url";
import { runtimePackageDirs } from "./clientRuntime.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
const out = join(root, `${pkg.name}-${pkg.version}.vsix`);

// vsce lists the production dependencies (npm list) and filters their files through the ignore file: .vscodeignore
// drops everything, and these lines take back the runtime packages' code, manifests and licences (no maps, no types).
const dirs = runtimePackageDirs(root);
const keep = dirs.flatMap((d) => [`!${d}/**/*.js`, `!${d}/**/package.json`, `!${d}/LICENSE*`, `!${d}/License*`, `!${d}/license*`]);
const tmp = mkdtempSync(join(tmpdir(), "dsh-vsix-"));
try {
  const ignoreFile = join(tmp, ".vscodeignore");
  writeFileSync(ignoreFile, `${readFileSync(join(root, ".vscodeignore"), "utf8")}\n${keep.join("\n")}\n`);
  await createVSIX({ cwd: root, packagePath: out, dependencies: true, ignoreFile, allowMissingRepository: true });
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
const bytes = statSync(out).size;
console.log(`${out}: ${(bytes / 1024).toFixed(1)} KiB, with ${dirs.length} runtime packages (${dirs.map((d) => d.replace(/^.*node_modules\//, "")).join(", ")})`);
