// One timed process for bench/throughput.mjs: ruff's npm wasm build over a tree, or the least a Node process can do with a parser.
//
//   node bench/floor.mjs ruff TREE          ruff check (its wasm build, rules E4 E7 E9 F S) on every .py file
//   node bench/floor.mjs wasm-parse TREE    web-tree-sitter (the CLI's parser, --liftoff-only as bin/ runs it): parse only
//   node bench/floor.mjs wasm-visit TREE    ... and visit every named node once, reading its type and end offset
//   node bench/floor.mjs native-parse TREE  the native tree-sitter binding (prebuilt from the npm registry): parse only
//   node bench/floor.mjs native-visit TREE  ... and the same visit
//
// The parse and visit modes do less than any analysis can: the CLI must at least parse every module and look at most
// of its nodes to build the model. Timed as whole processes (start-up included), beside the CLI and bandit, they show
// how far below a target the parser alone already is. Exit 3 when the tool is not installed (a devDependency).
import { readdirSync, readFileSync } from "fs";
import { createRequire } from "module";
import { join } from "path";

const require = createRequire(import.meta.url);
const [mode, tree] = process.argv.slice(2);
if (!mode || !tree) {
  process.stderr.write("usage: node bench/floor.mjs ruff|wasm-parse|wasm-visit|native-parse|native-visit TREE\n");
  process.exit(2);
}

function pythonFiles(dir, out = []) {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) pythonFiles(p, out);
    else if (e.name.endsWith(".py")) out.push(p);
  }
  return out;
}

function load(name) {
  try {
    return require(name);
  } catch (e) {
    process.stderr.write(`${name} is not installed (${e.code ?? e.message}): npm ci installs it as a devDependency\n`);
    process.exit(3);
  }
}

/** Every named node once: what building a model needs at the least (its kind and its extent). */
function visit(node) {
  let n = 1;
  void node.type;
  void node.endIndex;
  const count = node.namedChildCount;
  for (let i = 0; i < count; i++) n += visit(node.namedChild(i));
  return n;
}

const files = pythonFiles(tree);
let summary;
if (mode === "ruff") {
  const { Workspace, PositionEncoding } = load("@astral-sh/ruff-wasm-nodejs");
  const ws = new Workspace({ lint: { select: ["E4", "E7", "E9", "F", "S"] } }, PositionEncoding.Utf16);
  let diagnostics = 0;
  for (const f of files) diagnostics += ws.check(readFileSync(f, "utf8")).length;
  summary = `ruff ${Workspace.version()} (wasm): ${files.length} files, ${diagnostics} diagnostics`;
} else if (mode === "wasm-parse" || mode === "wasm-visit") {
  require("v8").setFlagsFromString("--liftoff-only");
  const { Parser, Language } = load("web-tree-sitter");
  await Parser.init();
  const language = await Language.load(readFileSync(require.resolve("tree-sitter-python/tree-sitter-python.wasm")));
  const parser = new Parser();
  parser.setLanguage(language);
  let nodes = 0;
  for (const f of files) {
    const t = parser.parse(readFileSync(f, "utf8"));
    if (mode === "wasm-visit") nodes += visit(t.rootNode);
    t.delete();
  }
  summary = `web-tree-sitter: ${files.length} files parsed${mode === "wasm-visit" ? `, ${nodes} named nodes visited` : ""}`;
} else if (mode === "native-parse" || mode === "native-visit") {
  const Parser = load("tree-sitter");
  const parser = new Parser();
  parser.setLanguage(load("tree-sitter-python"));
  let nodes = 0;
  for (const f of files) {
    const t = parser.parse(readFileSync(f, "utf8"));
    if (mode === "native-visit") nodes += visit(t.rootNode);
  }
  summary = `native tree-sitter: ${files.length} files parsed${mode === "native-visit" ? `, ${nodes} named nodes visited` : ""}`;
} else {
  process.stderr.write(`unknown mode ${mode}\n`);
  process.exit(2);
}
process.stderr.write(summary + "\n");
