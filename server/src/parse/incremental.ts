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

/**
 * The model after `prev.model.text` became `text`. `prev` is consumed: the statements after the edit move into the
 * result with their ranges shifted in place, so `prev.model` must not be read afterwards (its tree stays the caller's).
 * In place, because a keystroke near the top of a 3,000-line module would otherwise copy ~90,000 objects, and because
 * statements that keep their identity keep what was computed from them (fixes/exprIndex.ts indexes per statement).
 * The returned tree can lag behind `text` (see reparseSlice); `pendingEdits` say how, and the next re-parse applies them.
 */
export function reparseModule(parser: Parser, prev: ParsedModule, text: string, options: { currentTree?: boolean } = {}): ParsedModule {
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
  const pending = [...(prev.pendingEdits ?? []), edit];
  // `currentTree`: the caller needs the tree itself to be of `text` (tests of tree-sitter's own incremental parse).
  if (pending.length <= MAX_PENDING_EDITS && !options.currentTree) {
    const model = reparseSlice(parser, prev.model, text, change, oldEnd, newEnd);
    if (model) return { model, tree: prev.tree, pendingEdits: pending };
  }
  const edited = prev.tree.copy();
  for (const e of pending) edited.edit(e);
  let fresh: ParsedModule;
  try {
    fresh = parseModule(parser, prev.model.file, text, edited, (root) => reuseModel(root, prev.model, text, change, oldEnd, newEnd));
  } finally {
    edited.delete();
  }
  return fresh;
}

/**
 * After this many edits handled by re-parsing a slice, the next one brings the syntax tree up to date: tree-sitter
 * applies the remembered edits to the old tree and re-parses incrementally, so the tree never lags far behind.
 */
const MAX_PENDING_EDITS = 64;

/**
 * The fast path of a keystroke: re-parse only the top-level statements the edit touches, as a module of their own.
 * Sound when both the old module and the slice parse without errors: the slice then starts and ends at top-level
 * statement boundaries with no bracket, string or block open, which is the state a full parse would be in there. A
 * slice that does not stand alone (an `else:` whose `if` is outside it, an unclosed bracket or string, a decorator
 * without its definition, an indented first line) has a syntax error, and the caller re-parses with the whole tree.
 */
function reparseSlice(
  parser: Parser,
  old: ModuleModel,
  text: string,
  change: TextChange,
  oldEnd: Position,
  newEnd: Position,
): ModuleModel | undefined {
  if (old.syntaxErrors.length > 0) return undefined;
  const top = old.statements;
  // The slice starts at the last statement starting before the edit (it may have been edited at its end or in a
  // trailing comment) and ends where the first statement clear of the edit starts.
  let lo = 0;
  let hi = top.length - 1;
  let first = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (top[mid].range.startOffset < change.start) {
      first = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  const sliceStart = first >= 0 ? top[first].range.startOffset : 0;
  if (first < 0) first = 0;
  let next = first;
  while (next < top.length && top[next].range.startOffset <= change.oldEnd) next++;
  const delta = change.newEnd - change.oldEnd;
  const oldSliceEnd = next < top.length ? top[next].range.startOffset : old.text.length;
  const newSliceEnd = oldSliceEnd + delta;
  // Both ends at column 0: tree-sitter accepts a stray indented line as a statement of its own without an error, and
  // such a line after the slice could join a block the edit opened (or, first in the slice, one that precedes it).
  if (sliceStart > 0 && top[first].range.start.character !== 0) return undefined;
  if (next < top.length && top[next].range.start.character !== 0) return undefined;
  // A run of docstring and `from __future__` imports that reaches the slice could continue into it.
  if (sliceStart > 0 && old.importInsertOffset > 0 && first > 0 && top[first - 1].range.endOffset >= old.importInsertOffset) return undefined;

  const parsed = parseModule(parser, old.file, text.slice(sliceStart, newSliceEnd));
  const broken = parsed.tree.rootNode.hasError;
  parsed.tree.delete();
  const slice = parsed.model;
  if (broken || slice.syntaxErrors.length > 0) return undefined;

  // The slice's ranges are relative to its own start: move them to the module's offsets, rows and (on the slice's
  // first row, which may begin mid-line after a `;`) columns.
  const origin = sliceStart === 0 ? { line: 0, character: 0 } : top[first].range.start;
  const toModule = (p: Range["start"]) => (p.line === 0 ? { line: origin.line, character: origin.character + p.character } : { line: p.line + origin.line, character: p.character });
  const place: Shift = (r) => {
    r.start = toModule(r.start);
    r.end = toModule(r.end);
    r.startOffset += sliceStart;
    r.endOffset += sliceStart;
  };
  for (const st of slice.statements) shiftRanges(st, place);
  for (const c of slice.comments) {
    c.line += origin.line;
    place(c.range);
  }

  const lineDelta = newEnd.line - oldEnd.line;
  // Statements after the slice start on later rows than the edit's end, so only their rows move, never their columns.
  const pos = (p: Range["start"]) => (lineDelta === 0 ? p : { line: p.line + lineDelta, character: p.character });
  const shift: Shift = (r) => {
    r.start = pos(r.start);
    r.end = pos(r.end);
    r.startOffset += delta;
    r.endOffset += delta;
  };
  const after = top.slice(next);
  if (delta !== 0 || lineDelta !== 0) for (const st of after) shiftRanges(st, shift);
  // Comments stay in source order: those before the slice, the slice's own, then those after it (moved).
  const comments: Comment[] = [];
  for (const c of old.comments) if (c.range.startOffset < sliceStart) comments.push(c);
  comments.push(...slice.comments);
  for (const c of old.comments) {
    if (c.range.startOffset < oldSliceEnd) continue;
    if (delta !== 0 || lineDelta !== 0) {
      c.line += lineDelta;
      shift(c.range);
    }
    comments.push(c);
  }
  const statements = [...top.slice(0, first), ...slice.statements, ...after];
  return {
    file: old.file,
    text,
    statements,
    comments,
    syntaxErrors: [],
    importInsertOffset: sliceStart === 0 ? slice.importInsertOffset : old.importInsertOffset,
    importedModules: importedModulesOf(statements),
  };
}

function importedModulesOf(statements: Stmt[]): string[] {
  return statements.flatMap((s) =>
    s.kind === "import" ? s.names.map((n) => n.module) : s.kind === "importFrom" || s.kind === "importStar" ? [".".repeat(s.module.level) + s.module.name] : [],
  );
}

type Shift = (r: Range) => void;

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
  const columnDelta = newEnd.character - oldEnd.character;
  // Positions on rows the edit did not touch are shared when no line was added or removed: most keystrokes.
  const pos = (p: Position) =>
    p.line === oldEnd.line ? { line: p.line + lineDelta, character: p.character + columnDelta } : lineDelta === 0 ? p : { line: p.line + lineDelta, character: p.character };
  const shift: Shift = (r) => {
    r.start = pos(r.start);
    r.end = pos(r.end);
    r.startOffset += delta;
    r.endOffset += delta;
  };
  const byStart = new Map<number, Stmt>();
  for (const st of old.statements) byStart.set(st.range.startOffset, st);
  // Comments are in source order: a reused statement takes a contiguous run of them, found by a moving cursor rather
  // than a scan of every comment per statement (quadratic on a 3,000-line module).
  let commentAt = 0;
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
    // Same span is not same statement where errors are involved: text that was swallowed by an ERROR node can parse
    // cleanly once the error moves, and the other way round, with identical start and end.
    if (oldStart >= 0 && !child.hasError) {
      const candidate = byStart.get(oldStart);
      if (candidate && candidate.range.endOffset + (moved ? delta : 0) === rangeEnd && !(candidate.kind === "opaque" && candidate.what === "syntax-error")) {
        reused = candidate;
        if (moved) shiftRanges(candidate, shift);
      }
      if (reused) {
        const oldStop = rangeEnd - (moved ? delta : 0);
        while (commentAt < old.comments.length && old.comments[commentAt].range.startOffset < oldStart) commentAt++;
        for (; commentAt < old.comments.length && old.comments[commentAt].range.startOffset < oldStop; commentAt++) {
          const c = old.comments[commentAt];
          if (c.range.endOffset > oldStop) continue;
          if (moved) {
            c.line += lineDelta;
            shift(c.range);
          }
          comments.push(c);
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
    importedModules: importedModulesOf(statements),
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
