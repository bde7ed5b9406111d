// Entry point of the parse layer: text in, the module model out (statements, comments, syntax errors, import anchor).
import type { Edit, Node, Parser, Tree } from "web-tree-sitter";
import type { Comment, ModuleModel, ParseError } from "./model";
import { rangeOf } from "./ranges";
import { toStatements } from "./statements";
import { collectSyntaxErrors, sortSyntaxErrors } from "./syntaxErrors";
import { parsePython } from "./treeSitter";

export interface ParsedModule {
  model: ModuleModel;
  tree: Tree;
  /** Edits made since `tree` was parsed (parse/incremental.ts re-parses small slices without it); oldest first. */
  pendingEdits?: Edit[];
}

export function parseModule(parser: Parser, file: string, text: string, oldTree?: Tree, build?: (root: Node) => ModuleModel): ParsedModule {
  const tree = parsePython(parser, text, oldTree);
  const root = tree.rootNode;
  if (build) return { model: build(root), tree };
  const comments: Comment[] = [];
  collectComments(root, comments, text);
  const syntaxErrors: ParseError[] = [];
  collectSyntaxErrors(root, syntaxErrors);
  const model: ModuleModel = {
    file,
    text,
    statements: toStatements(root),
    comments,
    syntaxErrors: sortSyntaxErrors(syntaxErrors),
    importInsertOffset: importInsertOffset(root),
    importedModules: importedModules(root),
  };
  return { model, tree };
}

/**
 * With `text` (the whole module's, `root` its tree's root), comments are looked up where a `#` is written instead of
 * walking every node: a settings module has a few dozen comments among thousands of nodes, and the walk cost a quarter
 * of parsing. A `#` inside a string (or a comment's second `#`) finds no new comment there, and a comment inside a
 * string (an f-string's replacement field) is left out, as the walk leaves it.
 */
export function collectComments(root: Node, comments: Comment[], text?: string): void {
  if (text !== undefined) {
    let end = 0;
    for (let at = text.indexOf("#"); at >= 0; at = text.indexOf("#", Math.max(at + 1, end))) {
      // [at, at + 1]: a node that ends right at the `#` (`x = 1# c`) does not span it.
      const n = root.descendantForIndex(at, at + 1);
      if (!n || n.type !== "comment" || n.startIndex !== at) continue;
      end = n.endIndex;
      if (insideString(n)) continue;
      pushComment(n, comments);
    }
    return;
  }
  // A cursor walk allocates no Node wrapper per step (they dominate the cost on large files) and needs no recursion,
  // so a 200-deep nested expression cannot exhaust the stack.
  const cursor = root.walk();
  try {
    for (;;) {
      const type = cursor.nodeType;
      if (type === "comment") pushComment(cursor.currentNode, comments);
      if (type !== "comment" && type !== "string" && cursor.gotoFirstChild()) continue;
      while (!cursor.gotoNextSibling()) {
        if (!cursor.gotoParent()) return;
      }
    }
  } finally {
    cursor.delete();
  }
}

function pushComment(n: Node, comments: Comment[]): void {
  const range = rangeOf(n);
  // The range may stop short of the node (a CRLF's CR, see rangeOf): the text is what the range covers.
  const text = n.text.slice(0, range.endOffset - range.startOffset);
  comments.push({ line: range.start.line, text, range });
}

function insideString(n: Node): boolean {
  for (let p = n.parent; p; p = p.parent) if (p.type === "string") return true;
  return false;
}

export function importInsertOffset(root: Node): number {
  let offset = 0;
  for (const c of root.namedChildren) {
    if (!c || c.type === "comment") continue;
    const isDocstring = c.type === "expression_statement" && c.namedChildren[0]?.type === "string" && offset === 0;
    if (isDocstring || c.type === "future_import_statement") {
      offset = c.endIndex;
      continue;
    }
    break;
  }
  return offset;
}

function importedModules(root: Node): string[] {
  const out: string[] = [];
  for (const c of root.namedChildren) {
    if (!c) continue;
    if (c.type === "import_statement") {
      for (const n of c.childrenForFieldName("name")) if (n) out.push((n.childForFieldName("name") ?? n).text);
    } else if (c.type === "import_from_statement") {
      const m = c.childForFieldName("module_name");
      if (m) out.push(m.text);
    }
  }
  return out;
}
