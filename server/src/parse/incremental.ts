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

/**
 * The model after `prev.model.text` became `text`. `prev` is consumed: the statements after the edit move into the
 * result with their ranges shifted in place, so `prev.model` must not be read afterwards (its tree stays the caller's).
 * In place, because a keystroke near the top of a 3,000-line module would otherwise copy ~90,000 objects, and because
 * statements that keep their identity keep what was computed from them (fixes/exprIndex.ts indexes per statement).
 */
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

type Shift = (r: Range) => void;

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
  const columnDelta = newEndPoint.column - oldEndPoint.column;
  // Positions on rows the edit did not touch are shared when no line was added or removed: most keystrokes.
  const pos = (p: Range["start"]) =>
    p.line === oldEndPoint.row ? { line: p.line + lineDelta, character: p.character + columnDelta } : lineDelta === 0 ? p : { line: p.line + lineDelta, character: p.character };
  const shift: Shift = (r) => {
    r.start = pos(r.start);
    r.end = pos(r.end);
    r.startOffset += delta;
    r.endOffset += delta;
  };
  const byStart = new Map<number, Stmt>();
  for (const st of old.statements) byStart.set(st.range.startOffset, st);
  // Comments and errors are in source order: a reused statement takes a contiguous run of them, found by a moving
  // cursor rather than a scan of every comment per statement (quadratic on a 3,000-line module).
  let commentAt = 0;
  let errorAt = 0;
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
      if (candidate && candidate.range.endOffset + (moved ? delta : 0) === end) {
        reused = candidate;
        if (moved) shiftRanges(candidate, shift);
      }
      if (reused) {
        const oldEnd = end - (moved ? delta : 0);
        while (commentAt < old.comments.length && old.comments[commentAt].range.startOffset < oldStart) commentAt++;
        for (; commentAt < old.comments.length && old.comments[commentAt].range.startOffset < oldEnd; commentAt++) {
          const c = old.comments[commentAt];
          if (c.range.endOffset > oldEnd) continue;
          if (moved) {
            c.line += lineDelta;
            shift(c.range);
          }
          comments.push(c);
        }
        while (errorAt < old.syntaxErrors.length && old.syntaxErrors[errorAt].startOffset < oldStart) errorAt++;
        for (; errorAt < old.syntaxErrors.length && old.syntaxErrors[errorAt].startOffset < oldEnd; errorAt++) {
          const e = old.syntaxErrors[errorAt];
          if (e.endOffset > oldEnd) continue;
          if (moved) shift(e);
          syntaxErrors.push(e);
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

/** Moves every Range inside a model object (statement, expression, target…) by `shift`. */
function shiftRanges(value: object, shift: Shift): void {
  if (Array.isArray(value)) {
    for (const v of value) if (v !== null && typeof v === "object") shiftRanges(v, shift);
    return;
  }
  const o = value as Record<string, unknown>;
  if (typeof o.startOffset === "number" && typeof o.endOffset === "number" && o.start && o.end) {
    shift(o as unknown as Range);
    return;
  }
  for (const k in o) {
    const v = o[k];
    // A plain target's name range is its whole range (parse/statements.ts toTarget): the one object the model shares.
    if (k === "nameRange" && v === o.range) continue;
    if (v !== null && typeof v === "object") shiftRanges(v, shift);
  }
}
