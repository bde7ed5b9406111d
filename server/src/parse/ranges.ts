// The model's Range of a tree-sitter node, in LSP terms: never starting or ending inside a CRLF.
import type { Node, Tree } from "web-tree-sitter";
import type { Range } from "./model";

/**
 * The text each tree holding a CR was parsed from, for rangeOf's CRLF check. Trees of CR-free text (most) have no entry,
 * so their ranges cost one failed lookup; a WeakMap lets a deleted, dropped tree take its text with it.
 */
const crTexts = new WeakMap<Tree, string>();

/** Called by parsePython with the text tree-sitter was given. */
export function rememberTreeText(tree: Tree, parsedText: string): void {
  if (parsedText.includes("\r")) crTexts.set(tree, parsedText);
}

/**
 * Rows and columns come from tree-sitter, which was parsed from treeSitterText (lone CRs as LFs), so they are LSP lines
 * and UTF-16 characters already. tree-sitter-python's comment token (`#.*`) takes a CRLF's CR with it, so a comment, and
 * every block or statement ending in one, would end between the CR and the LF: a character one past the line's end, and
 * an edit there would split the line break. Such an end (or start) moves back before the CR.
 */
export function rangeOf(node: Node): Range {
  const startPosition = node.startPosition;
  const endPosition = node.endPosition;
  let startOffset = node.startIndex;
  let endOffset = node.endIndex;
  let startCharacter = startPosition.column;
  let endCharacter = endPosition.column;
  const text = crTexts.get(node.tree);
  if (text !== undefined) {
    if (insideCrlf(text, startOffset)) {
      startOffset--;
      startCharacter--;
    }
    if (insideCrlf(text, endOffset)) {
      endOffset--;
      endCharacter--;
    }
  }
  return {
    start: { line: startPosition.row, character: startCharacter },
    end: { line: endPosition.row, character: endCharacter },
    startOffset,
    endOffset,
  };
}

function insideCrlf(text: string, offset: number): boolean {
  return offset > 0 && text.charCodeAt(offset - 1) === 13 && text.charCodeAt(offset) === 10;
}
