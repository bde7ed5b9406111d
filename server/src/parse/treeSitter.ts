// Loads web-tree-sitter and the Python grammar wasm once, from beside the bundle or from node_modules.
import * as fs from "fs";
import * as path from "path";
import * as v8 from "v8";
import { Language, Parser, type Tree } from "web-tree-sitter";
import { treeSitterText } from "./lineBreaks";
import { rememberTreeText } from "./ranges";

let ready: Promise<Parser> | undefined;

/** Finds a wasm file: next to the running bundle first (packaged extension, CLI), then in node_modules (tests). */
function locate(file: string, packagePath: string): string {
  const beside = path.join(__dirname, file);
  if (fs.existsSync(beside)) return beside;
  return require.resolve(packagePath);
}

/** Resolves to the shared Python parser; later calls reuse the same instance. */
export function pythonParser(): Promise<Parser> {
  ready ??= (async () => {
    // V8's optimising wasm tier recompiles tree-sitter's hot functions in the background, and the main thread then
    // waits for it at the next task: 60–120 ms of idle after the first analysis, in a CLI run that takes 0.3 s, and
    // 15–20 MiB more memory. The baseline tier parses at 3–4 MB/s here (2.5 MB/s is plenty for settings modules).
    // Compile-time flag: it must be set before the grammar is compiled; bin/ sets it even earlier, for its code cache.
    v8.setFlagsFromString("--liftoff-only");
    await Parser.init({
      locateFile: () => locate("tree-sitter.wasm", "web-tree-sitter/tree-sitter.wasm"),
    });
    // Bytes rather than a path: web-tree-sitter would load a path through a dynamic import(), which code run from V8's
    // code cache (bin/loadBundle.js) cannot perform.
    const language = await Language.load(fs.readFileSync(locate("tree-sitter-python.wasm", "tree-sitter-python/tree-sitter-python.wasm")));
    const parser = new Parser();
    parser.setLanguage(language);
    return parser;
  })();
  return ready;
}

/**
 * Parses Python source; with an old tree and its edits applied, tree-sitter reuses unchanged subtrees. The tree is of
 * treeSitterText(text): its offsets are the text's, its nodes' text shows a lone CR as the LF Python reads it as.
 */
export function parsePython(parser: Parser, text: string, oldTree?: Tree): Tree {
  const parsed = treeSitterText(text);
  const tree = parser.parse(parsed, oldTree ?? null);
  if (!tree) throw new Error("tree-sitter returned no tree");
  rememberTreeText(tree, parsed);
  return tree;
}
