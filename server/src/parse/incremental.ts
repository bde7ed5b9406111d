// Re-parses a module after an edit: tree-sitter reuses unchanged subtrees, and the model keeps (shifting ranges)
// every top-level statement the edit did not touch, so a keystroke in a 3,000-line module costs little.
import type { Edit, Node, Parser } from "web-tree-sitter";
import { positionAt } from "./lineBreaks";
import type { Comment, ModuleModel, ParseError, Position, Range, Stmt } from "./model";
import { collectComments, importInsertOffset, parseModule, type ParsedModule } from "./parseModule";
import { rangeOf } from "./ranges";
import { childStatement } from "./statements";
import { collectSyntaxErrors, sortSyntaxErrors } from "./syntaxErrors";

/** The one contiguous change between two texts, in UTF-16 offsets: [start, oldEnd) became [start, newEnd). */
export interface TextChange {
  start: number;
  oldEnd: number;
  newEnd: number;
}

export function diffTexts(oldText: string, newText: string): TextChange | undefined {
  if (oldText === newText) return undefined;
  let start = 0;
  const max = Math.min(oldText.length, newText.length);
  while (start < max && oldText.charCodeAt(start) === newText.charCodeAt(start)) start++;
  let oldEnd = oldText.length;
  let newEnd = newText.length;
  while (oldEnd > start && newEnd > start && oldText.charCodeAt(oldEnd - 1) === newText.charCodeAt(newEnd - 1)) {
    oldEnd--;
    newEnd--;
  }
  return { start, oldEnd, newEnd };
}

export function reparseModule(parser: Parser, prev: ParsedModule, text: string): ParsedModule {
  const change = diffTexts(prev.model.text, text);
  if (!change) return prev;
  // Whether a CR is lone (a line break of its own, an LF to tree-sitter: see treeSitterText) depends on the code unit
  // after it, so a CR just before the change may read differently to tree-sitter although it did not change: it joins
  // the edit, or tree-sitter would keep the token that ended at it (and the start point would differ between the texts).
  if (change.start > 0 && text.charCodeAt(change.start - 1) === 13) change.start--;
  const oldEnd = positionAt(prev.model.text, change.oldEnd);
  const newEnd = positionAt(text, change.newEnd);
  // LSP positions are the tree-sitter points of the text tree-sitter parsed (see treeSitterText), as Edit needs.
  const point = (p: Position) => ({ row: p.line, column: p.character });
  const edit: Edit = {
    startIndex: change.start,
    oldEndIndex: change.oldEnd,
    newEndIndex: change.newEnd,
    startPosition: point(positionAt(text, change.start)),
    oldEndPosition: point(oldEnd),
    newEndPosition: point(newEnd),
  };
  const edited = prev.tree.copy();
  edited.edit(edit);
  let fresh: ParsedModule;
  try {
    fresh = parseModule(parser, prev.model.file, text, edited, (root) => reuseModel(root, prev.model, text, change, oldEnd, newEnd));
  } finally {
    edited.delete();
  }
  return fresh;
}

type Shift = (r: Range) => Range;

function reuseModel(
  root: Node,
  old: ModuleModel,
  text: string,
  change: TextChange,
  oldEnd: Position,
  newEnd: Position,
): ModuleModel {
  const delta = change.newEnd - change.oldEnd;
  const lineDelta = newEnd.line - oldEnd.line;
  const shift: Shift = (r) => {
    const pos = (p: Position) => ({
      line: p.line + lineDelta,
      character: p.line === oldEnd.line ? p.character + (newEnd.character - oldEnd.character) : p.character,
    });
    return { start: pos(r.start), end: pos(r.end), startOffset: r.startOffset + delta, endOffset: r.endOffset + delta };
  };
  const byStart = new Map<number, Stmt>();
  for (const st of old.statements) byStart.set(st.range.startOffset, st);
  const statements: Stmt[] = [];
  const comments: Comment[] = [];
  // Errors are found from the new tree, not kept from the old model: only broken paths are walked, so this is cheap, and
  // whether two statements share a line (a MISSING line break) depends on both, where keeping follows one.
  const syntaxErrors: ParseError[] = [];
  collectSyntaxErrors(root, syntaxErrors);
  for (const child of root.namedChildren) {
    if (!child) continue;
    const start = child.startIndex;
    const end = child.endIndex;
    // The model's range can stop short of the node (a CRLF's CR, see rangeOf); the reused statement is matched by it.
    const rangeEnd = rangeOf(child).endOffset;
    let reused: Stmt | undefined;
    let oldStart = -1;
    let moved = false;
    // A statement that merely touches the edit may have grown (typing at its end): only strictly clear ones are kept.
    if (end < change.start) oldStart = start;
    else if (start > change.newEnd) {
      oldStart = start - delta;
      moved = true;
    }
    if (oldStart >= 0) {
      const candidate = byStart.get(oldStart);
      if (candidate && candidate.range.endOffset + (moved ? delta : 0) === rangeEnd) reused = moved ? (deepShift(candidate, shift) as Stmt) : candidate;
      if (reused) {
        const oldStop = rangeEnd - (moved ? delta : 0);
        for (const c of old.comments) {
          if (c.range.startOffset >= oldStart && c.range.endOffset <= oldStop) comments.push(moved ? { ...c, line: c.line + lineDelta, range: shift(c.range) } : c);
        }
        statements.push(reused);
        continue;
      }
    }
    collectComments(child, comments);
    const stmt = childStatement(child);
    if (stmt) statements.push(stmt);
  }
  return {
    file: old.file,
    text,
    statements,
    comments,
    syntaxErrors: sortSyntaxErrors(syntaxErrors),
    importInsertOffset: importInsertOffset(root),
    importedModules: statements.flatMap((s) =>
      s.kind === "import" ? s.names.map((n) => n.module) : s.kind === "importFrom" || s.kind === "importStar" ? [".".repeat(s.module.level) + s.module.name] : [],
    ),
  };
}

/** A copy of a model object with every Range moved; other values are shared (they are never mutated). */
function deepShift(value: unknown, shift: Shift): unknown {
  if (Array.isArray(value)) return value.map((v) => deepShift(v, shift));
  if (value && typeof value === "object") {
    const o = value as Record<string, unknown>;
    if (typeof o.startOffset === "number" && typeof o.endOffset === "number" && o.start && o.end) return shift(o as unknown as Range);
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(o)) out[k] = deepShift(o[k], shift);
    return out;
  }
  return value;
}
