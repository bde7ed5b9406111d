// Builds the .vsix with @vscode/vsce (bundles only, no node_modules) and prints its size and contents count.
import { createVSIX } from "@vscode/vsce";
import { readFileSync, statSync } from "fs";
import { dirname, join } from "path";
import { fileURLToPath } from "url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
const out = join(root, `${pkg.name}-${pkg.version}.vsix`);
await createVSIX({ cwd: root, packagePath: out, dependencies: false, allowMissingRepository: true });
const bytes = statSync(out).size;
console.log(`${out}: ${(bytes / 1024).toFixed(1)} KiB`);
