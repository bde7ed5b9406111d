// The VS Code client stays thin: it compiles only its own sources and the shared protocol file, and its bundle,
// with vscode-languageclient left to node_modules, stays under 100 KB.
import { strict as assert } from "node:assert";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { test } from "node:test";
import * as ts from "typescript";
import { REPO } from "./client";

const PROTOCOL = "server/src/protocol/protocol.ts";
const BUNDLE_LIMIT = 100_000;

/** The repository files (relative, POSIX) a tsconfig's program holds, following every import: `tsc --listFilesOnly`. */
function programFiles(project: string): string[] {
  const tsc = path.join(REPO, "node_modules", "typescript", "bin", "tsc");
  const r = spawnSync(process.execPath, [tsc, "-p", path.join(REPO, project), "--listFilesOnly"], { encoding: "utf8" });
  assert.equal(r.status, 0, `tsc -p ${project} --listFilesOnly failed:\n${r.stdout}\n${r.stderr}`);
  return r.stdout
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l && !l.includes("/node_modules/"))
    .map((l) => path.relative(REPO, l).split(path.sep).join("/"));
}

test("the client's program holds client/src and the shared protocol file, nothing else of server/", () => {
  const files = programFiles("client");
  assert.ok(files.includes("client/src/extension.ts"), files.join("\n"));
  assert.ok(files.includes(PROTOCOL), files.join("\n"));
  const foreign = files.filter((f) => !f.startsWith("client/src/") && f !== PROTOCOL);
  assert.deepEqual(foreign, [], "the client compiles server or test files");
});

test("the server's program holds no client or test file", () => {
  const foreign = programFiles("server").filter((f) => !f.startsWith("server/src/"));
  assert.deepEqual(foreign, []);
});

test("the shared protocol file imports nothing", () => {
  const info = ts.preProcessFile(fs.readFileSync(path.join(REPO, PROTOCOL), "utf8"), true, true);
  assert.deepEqual(info.importedFiles.map((f) => f.fileName), []);
});

test(`dist/extension.js is at most ${BUNDLE_LIMIT} bytes and loads vscode-languageclient from node_modules`, () => {
  const bundle = path.join(REPO, "dist", "extension.js");
  const size = fs.statSync(bundle).size;
  assert.ok(size <= BUNDLE_LIMIT, `dist/extension.js is ${size} bytes`);
  const text = fs.readFileSync(bundle, "utf8");
  assert.match(text, /require\("vscode-languageclient\/node"\)/);
  // esbuild marks each bundled module with a `// path` comment: only client files and the protocol file may appear.
  const modules = [...text.matchAll(/^\/\/ (\S+\.ts)$/gm)].map((m) => m[1]);
  assert.ok(modules.includes("client/src/extension.ts"), modules.join("\n"));
  assert.deepEqual(modules.filter((m) => !m.startsWith("client/src/") && m !== PROTOCOL), []);
});
