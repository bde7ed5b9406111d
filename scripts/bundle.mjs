// Bundles the CLI, the language server and the VS Code client with esbuild, and copies the tree-sitter wasm files beside them.
import { build } from "esbuild";
import { copyFileSync, existsSync, mkdirSync } from "fs";
import { createRequire } from "module";
import { dirname, join } from "path";
import { fileURLToPath } from "url";
import { CLIENT_EXTERNALS } from "./clientRuntime.mjs";

const require = createRequire(import.meta.url);
const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const dist = join(root, "dist");
mkdirSync(dist, { recursive: true });

// web-tree-sitter's ESM build reads import.meta.url, which a CommonJS bundle lacks: use its .cjs build.
const alias = { "web-tree-sitter": join(root, "node_modules/web-tree-sitter/tree-sitter.cjs") };
const common = { bundle: true, platform: "node", format: "cjs", target: "node20", sourcemap: true, alias, logLevel: "warning" };

const entries = [
  { in: "server/src/cli/main.ts", out: "cli.js" },
  { in: "server/src/lsp/server.ts", out: "server.js" },
];
for (const e of entries) {
  if (!existsSync(join(root, e.in))) continue;
  await build({ ...common, entryPoints: [join(root, e.in)], outfile: join(dist, e.out) });
}
if (existsSync(join(root, "client/src/extension.ts"))) {
  // vscode-languageclient alone bundles to ~450 KB minified: it stays a runtime dependency that the .vsix carries in
  // node_modules (scripts/package.mjs), which keeps the client's own bundle small (test/lsp/thinClient.test.ts).
  await build({
    ...common,
    entryPoints: [join(root, "client/src/extension.ts")],
    outfile: join(dist, "extension.js"),
    external: ["vscode", ...CLIENT_EXTERNALS],
  });
}
copyFileSync(require.resolve("web-tree-sitter/tree-sitter.wasm"), join(dist, "tree-sitter.wasm"));
copyFileSync(require.resolve("tree-sitter-python/tree-sitter-python.wasm"), join(dist, "tree-sitter-python.wasm"));
