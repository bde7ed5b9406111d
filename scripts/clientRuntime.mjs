// The packages the VS Code client loads from node_modules at run time instead of bundling (scripts/bundle.mjs), and
// the files of them, with their dependencies, that the .vsix must carry (scripts/package.mjs).
import { readFileSync } from "fs";
import { join } from "path";

/** Left out of dist/extension.js by esbuild (`vscode` is the editor's own and never shipped). */
export const CLIENT_EXTERNALS = ["vscode-languageclient"];

/**
 * Every package folder (relative to the root, e.g. node_modules/semver) the externals need, resolved in
 * package-lock.json the way node resolves them: a nested node_modules first, then each folder further up.
 */
export function runtimePackageDirs(root) {
  const lock = JSON.parse(readFileSync(join(root, "package-lock.json"), "utf8")).packages;
  const out = new Set();
  const visit = (dir) => {
    if (out.has(dir)) return;
    const entry = lock[dir];
    if (!entry) throw new Error(`${dir} is not in package-lock.json: run npm install`);
    out.add(dir);
    for (const name of Object.keys({ ...entry.dependencies, ...entry.optionalDependencies })) {
      let base = dir;
      for (;;) {
        const candidate = `${base}/node_modules/${name}`;
        if (lock[candidate]) {
          visit(candidate);
          break;
        }
        const up = base.lastIndexOf("/node_modules/");
        if (up < 0) {
          if (lock[`node_modules/${name}`]) visit(`node_modules/${name}`);
          else if (!entry.optionalDependencies?.[name]) throw new Error(`${name} (needed by ${dir}) is not installed`);
          break;
        }
        base = base.slice(0, up);
      }
    }
  };
  for (const name of CLIENT_EXTERNALS) visit(`node_modules/${name}`);
  return [...out].sort();
}
