// Loads web-tree-sitter and the Python grammar wasm once, from beside the bundle or from node_modules.
import * as fs from "fs";
import * as path from "path";
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
    await Parser.init({
      locateFile: () => locate("tree-sitter.wasm", "web-tree-sitter/tree-sitter.wasm"),
    });
    const language = await Language.load(locate("tree-sitter-python.wasm", "tree-sitter-python/tree-sitter-python.wasm"));
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
