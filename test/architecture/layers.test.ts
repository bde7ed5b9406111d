// The import structure, read with ts-morph: every server folder imports only folders below it in the data flow, no
// two files import each other in a circle, and the VS Code client imports nothing of the server but the protocol.
import { strict as assert } from "node:assert";
import * as path from "node:path";
import { test } from "node:test";
import { Project, type SourceFile } from "ts-morph";

const REPO = path.resolve(__dirname, "..", "..", "..");

/**
 * The layers of server/src, lowest first; a folder may import its own layer's files and any lower layer. Shared types
 * sit with the lowest layer that needs them: the edit types in fixes/, the finding types in rules/.
 */
const LAYERS: readonly string[][] = [
  ["protocol"], // request names and payloads shared with the client; imports nothing
  ["parse"], // text → tree-sitter tree → one module's model
  ["resolve", "project"], // modules → environments with provenance; the project model (which modules are settings, their kinds, roots)
  ["secrets"], // what a string is: secret shapes, placeholders, masking
  ["fixes"], // text edits built from the model
  ["rules"], // one file per rule, the catalogue, waivers, the runner
  ["inventory", "config"], // environment variables against their documentation; pyproject.toml
  ["(engine)"], // engine.ts: the one entry every adapter calls
  ["session"], // one root's configuration, caches, policy and fix plan
  ["report", "docs"], // the JSON report, the audit report, rule docs pages
  ["cli", "lsp"], // the adapters
];

const RANK = new Map(LAYERS.flatMap((names, i) => names.map((n) => [n, i] as const)));

function folderOf(file: string): string {
  const rel = path.relative(path.join(REPO, "server", "src"), file).split(path.sep);
  return rel.length === 1 ? "(engine)" : rel[0];
}

interface Edge {
  from: string;
  to: string;
  typeOnly: boolean;
}

function edges(files: SourceFile[]): Edge[] {
  const out: Edge[] = [];
  for (const sf of files) {
    for (const d of [...sf.getImportDeclarations(), ...sf.getExportDeclarations()]) {
      const target = d.getModuleSpecifierSourceFile();
      if (!target || target.getFilePath().includes("/node_modules/")) continue;
      const clause = "getImportClause" in d ? d.getImportClause() : undefined;
      const named = clause?.getNamedImports() ?? [];
      const typeOnly = d.isTypeOnly() || (!!clause && !clause.getDefaultImport() && !clause.getNamespaceImport() && named.length > 0 && named.every((n) => n.isTypeOnly()));
      out.push({ from: sf.getFilePath(), to: target.getFilePath(), typeOnly });
    }
  }
  return out;
}

const project = new Project({ tsConfigFilePath: path.join(REPO, "tsconfig.json"), skipAddingFilesFromTsConfig: true });
const server = project.addSourceFilesAtPaths(path.join(REPO, "server", "src", "**", "*.ts"));
const client = project.addSourceFilesAtPaths(path.join(REPO, "client", "src", "**", "*.ts"));
const rel = (f: string) => path.relative(REPO, f);

test("every server folder has a layer", () => {
  const unknown = [...new Set(server.map((f) => folderOf(f.getFilePath())))].filter((f) => !RANK.has(f));
  assert.deepEqual(unknown, [], "add the folder to LAYERS in test/architecture/layers.test.ts");
});

test("no import runs back up the layers (types included)", () => {
  const up = edges(server)
    .filter((e) => {
      const a = RANK.get(folderOf(e.from));
      const b = RANK.get(folderOf(e.to));
      return a !== undefined && b !== undefined && b > a;
    })
    .map((e) => `${rel(e.from)} → ${rel(e.to)}${e.typeOnly ? " (types)" : ""}`);
  assert.deepEqual(up, []);
});

test("no two server files import each other in a circle (at run time)", () => {
  const graph = new Map<string, string[]>();
  for (const e of edges(server)) if (!e.typeOnly) graph.set(e.from, [...(graph.get(e.from) ?? []), e.to]);
  // Tarjan's strongly connected components: any with more than one file is a cycle.
  let index = 0;
  const stack: string[] = [];
  const on = new Set<string>();
  const idx = new Map<string, number>();
  const low = new Map<string, number>();
  const cycles: string[][] = [];
  const visit = (v: string) => {
    idx.set(v, index);
    low.set(v, index++);
    stack.push(v);
    on.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!idx.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (on.has(w)) low.set(v, Math.min(low.get(v)!, idx.get(w)!));
    }
    if (low.get(v) === idx.get(v)) {
      const scc: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        on.delete(w);
        scc.push(rel(w));
      } while (w !== v);
      if (scc.length > 1) cycles.push(scc.sort());
    }
  };
  for (const v of graph.keys()) if (!idx.has(v)) visit(v);
  assert.deepEqual(cycles, []);
});

test("the client imports nothing of the server but protocol/", () => {
  const reaching = edges(client)
    .filter((e) => e.to.startsWith(path.join(REPO, "server")) && folderOf(e.to) !== "protocol")
    .map((e) => `${rel(e.from)} → ${rel(e.to)}`);
  assert.deepEqual(reaching, []);
});

test("the layer check sees imports: it finds the engine importing rules", () => {
  // A guard against a check that passes because it reads nothing.
  const all = edges(server);
  assert.ok(all.length > 300, `only ${all.length} imports read`);
  assert.ok(all.some((e) => folderOf(e.from) === "(engine)" && folderOf(e.to) === "rules"));
});
