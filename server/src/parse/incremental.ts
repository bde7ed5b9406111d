// Re-parses a module after an edit: tree-sitter reuses unchanged subtrees, and the model keeps (shifting ranges)
// every top-level statement the edit did not touch, so a keystroke in a 3,000-line module costs little.
import type { Edit, Node, Parser } from "web-tree-sitter";
import { rangeOf } from "./expressions";
import type { Comment, ModuleModel, Range, Stmt } from "./model";
import { collectTrivia, importInsertOffset, parseModule, type ParsedModule } from "./parseModule";
import { childStatement } from "./statements";

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

/** Row and UTF-16 column of an offset, as tree-sitter reports them for a JS string. */
function pointAt(text: string, offset: number): { row: number; column: number } {
  let row = 0;
  let lineStart = 0;
  for (let i = text.indexOf("\n"); i !== -1 && i < offset; i = text.indexOf("\n", i + 1)) {
    row++;
    lineStart = i + 1;
  }
  return { row, column: offset - lineStart };
}

export function reparseModule(parser: Parser, prev: ParsedModule, text: string): ParsedModule {
  const change = diffTexts(prev.model.text, text);
  if (!change) return prev;
  const oldEndPoint = pointAt(prev.model.text, change.oldEnd);
  const startPoint = pointAt(text, change.start);
  const newEndPoint = pointAt(text, change.newEnd);
  const edit: Edit = {
    startIndex: change.start,
    oldEndIndex: change.oldEnd,
    newEndIndex: change.newEnd,
    startPosition: startPoint,
    oldEndPosition: oldEndPoint,
    newEndPosition: newEndPoint,
  };
  const edited = prev.tree.copy();
  edited.edit(edit);
  let fresh: ParsedModule;
  try {
    fresh = parseModule(parser, prev.model.file, text, edited, (root) => reuseModel(root, prev.model, text, change, oldEndPoint, newEndPoint));
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
  oldEndPoint: { row: number; column: number },
  newEndPoint: { row: number; column: number },
): ModuleModel {
  const delta = change.newEnd - change.oldEnd;
  const lineDelta = newEndPoint.row - oldEndPoint.row;
  const shift: Shift = (r) => {
    const pos = (p: Range["start"]) => ({
      line: p.line + lineDelta,
      character: p.line === oldEndPoint.row ? p.character + (newEndPoint.column - oldEndPoint.column) : p.character,
    });
    return { start: pos(r.start), end: pos(r.end), startOffset: r.startOffset + delta, endOffset: r.endOffset + delta };
  };
  const byStart = new Map<number, Stmt>();
  for (const st of old.statements) byStart.set(st.range.startOffset, st);
  const statements: Stmt[] = [];
  const comments: Comment[] = [];
  const syntaxErrors: Range[] = [];
  // The full parse walks the root first; keep the same order.
  if (root.type === "ERROR" || root.isMissing) syntaxErrors.push(rangeOf(root));
  for (const child of root.namedChildren) {
    if (!child) continue;
    const start = child.startIndex;
    const end = child.endIndex;
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
      if (candidate && candidate.range.endOffset + (moved ? delta : 0) === end) reused = moved ? (deepShift(candidate, shift) as Stmt) : candidate;
      if (reused) {
        const oldEnd = end - (moved ? delta : 0);
        for (const c of old.comments) {
          if (c.range.startOffset >= oldStart && c.range.endOffset <= oldEnd) comments.push(moved ? { ...c, line: c.line + lineDelta, range: shift(c.range) } : c);
        }
        for (const e of old.syntaxErrors) {
          if (e.startOffset >= oldStart && e.endOffset <= oldEnd) syntaxErrors.push(moved ? shift(e) : e);
        }
        statements.push(reused);
        continue;
      }
    }
    collectTrivia(child, comments, syntaxErrors);
    const stmt = childStatement(child);
    if (stmt) statements.push(stmt);
  }
  return {
    file: old.file,
    text,
    statements,
    comments,
    syntaxErrors,
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
