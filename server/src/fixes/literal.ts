// Small text edits on literals as written: find the expression behind a value's loc, replace it, rewrite a string, drop a list item.
import { exprChildren } from "../parse/exprChildren";
import { positionAt } from "../parse/lineBreaks";
import type { Expr, ModuleModel, Range, Stmt } from "../parse/model";
import type { TextEdit } from "./edit";
import type { Loc } from "../resolve/values";

export function textAt(model: ModuleModel, range: Range): string {
  return model.text.slice(range.startOffset, range.endOffset);
}

export function replaceRange(file: string, range: Range, newText: string): TextEdit {
  return { file, range, newText };
}

/** The Range of `[start, end)` in `text`, with LSP positions (a lone CR ends a line too) computed from the offsets. */
export function rangeOfOffsets(text: string, start: number, end: number): Range {
  return { start: positionAt(text, start), end: positionAt(text, end), startOffset: start, endOffset: end };
}

/** Every expression in the module, parents before children; `visit` returning true stops the walk. */
export function walkExprs(model: ModuleModel, visit: (e: Expr, parent: Expr | undefined) => boolean | void): void {
  let stopped = false;
  const expr = (e: Expr, parent: Expr | undefined): void => {
    if (stopped) return;
    if (visit(e, parent)) {
      stopped = true;
      return;
    }
    for (const c of exprChildren(e)) expr(c, e);
  };
  const stmts = (list: Stmt[]): void => {
    for (const s of list) {
      if (stopped) return;
      switch (s.kind) {
        case "assign":
          for (const t of s.targets) for (const p of t.path) expr(p, undefined);
          expr(s.value, undefined);
          break;
        case "unpack":
          expr(s.value, undefined);
          break;
        case "augassign":
          for (const p of s.target.path) expr(p, undefined);
          expr(s.value, undefined);
          break;
        case "mutate":
          for (const p of s.target.path) expr(p, undefined);
          for (const a of s.args) expr(a, undefined);
          for (const k of s.kwargs) expr(k.value, undefined);
          break;
        case "del":
          for (const t of s.targets) for (const p of t.path) expr(p, undefined);
          break;
        case "if":
          for (const b of s.branches) {
            if (b.test) expr(b.test, undefined);
            stmts(b.body);
          }
          break;
        case "try":
          stmts(s.body);
          for (const h of s.handlers) stmts(h.body);
          stmts(s.orelse);
          stmts(s.finalbody);
          break;
        case "call":
          expr(s.call, undefined);
          break;
        case "opaque":
          stmts(s.body);
          break;
        default:
          break;
      }
    }
  };
  stmts(model.statements);
}


/** The expression written exactly at `range` (the outermost one when several share it). */
export function exprAt(model: ModuleModel, range: Range): Expr | undefined {
  let found: Expr | undefined;
  walkExprs(model, (e) => {
    if (e.range.startOffset === range.startOffset && e.range.endOffset === range.endOffset) {
      found = e;
      return true;
    }
    return false;
  });
  return found;
}

/** The top-level (or nested) statement whose range is exactly `range`: a binding write's statement. */
export function statementAt(model: ModuleModel, range: Range): Stmt | undefined {
  const search = (list: Stmt[]): Stmt | undefined => {
    for (const s of list) {
      if (s.range.startOffset === range.startOffset && s.range.endOffset === range.endOffset) return s;
      if (s.range.startOffset > range.startOffset || s.range.endOffset < range.endOffset) continue;
      const inner =
        s.kind === "if"
          ? s.branches.flatMap((b) => b.body)
          : s.kind === "try"
            ? [...s.body, ...s.handlers.flatMap((h) => h.body), ...s.orelse, ...s.finalbody]
            : s.kind === "opaque"
              ? s.body
              : [];
      const hit = search(inner);
      if (hit) return hit;
    }
    return undefined;
  };
  return search(model.statements);
}

/** Literal forms a fix may rewrite in place; anything else (a name, a call, an env read) is left alone. */
export type LiteralKind = "bool" | "none" | "num" | "str";

export function literalKindOf(e: Expr | undefined): LiteralKind | undefined {
  if (!e) return undefined;
  if (e.t === "bool") return "bool";
  if (e.t === "none") return "none";
  if (e.t === "num") return "num";
  if (e.t === "str") return "str";
  if (e.t === "unary" && e.op === "-" && e.e.t === "num") return "num";
  return undefined;
}

/**
 * Replaces the literal a value was written as (`True`, `None`, `0`, `"x"`) with `newText`. Undefined when the value
 * was not written as a plain literal in `model` — a name, an env read or a computed value is the author's to change.
 */
export function replaceLiteral(model: ModuleModel, loc: Loc | undefined, newText: string, kinds?: LiteralKind[]): TextEdit | undefined {
  if (!loc || loc.file !== model.file) return undefined;
  const kind = literalKindOf(exprAt(model, loc.range));
  if (!kind || (kinds && !kinds.includes(kind))) return undefined;
  return replaceRange(model.file, loc.range, newText);
}

/** A Python string literal for `value`, quoted with `quote`. */
export function pyString(value: string, quote: '"' | "'" = '"'): string {
  let out = "";
  for (const ch of value) {
    if (ch === "\\") out += "\\\\";
    else if (ch === quote) out += "\\" + quote;
    else if (ch === "\n") out += "\\n";
    else if (ch === "\r") out += "\\r";
    else if (ch === "\t") out += "\\t";
    else out += ch;
  }
  return quote + out + quote;
}

/** Rewrites a single (not implicitly concatenated) string literal to hold `value`, keeping its quote style. */
export function rewriteString(model: ModuleModel, loc: Loc | undefined, value: string): TextEdit | undefined {
  if (!loc || loc.file !== model.file) return undefined;
  const e = exprAt(model, loc.range);
  if (!e || e.t !== "str") return undefined;
  // One literal only: `"a" "b"` (implicit concatenation) is two, and rewriting it would lose the author's split.
  const single = /^[rRuU]?("""[\s\S]*"""|'''[\s\S]*'''|"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')$/;
  if (!single.test(e.raw) || e.raw.length !== loc.range.endOffset - loc.range.startOffset) return undefined;
  const quote = e.raw.replace(/^[rRuU]?/, "").startsWith("'") ? "'" : '"';
  return replaceRange(model.file, loc.range, pyString(value, quote));
}

/** The list, tuple or set display holding an item written exactly at `itemRange`, and the item's index in it. */
export function sequenceHolding(model: ModuleModel, itemRange: Range): { seq: Expr & { t: "list" | "tuple" | "set" }; index: number } | undefined {
  let found: { seq: Expr & { t: "list" | "tuple" | "set" }; index: number } | undefined;
  walkExprs(model, (e) => {
    if (e.t !== "list" && e.t !== "tuple" && e.t !== "set") return false;
    const i = e.items.findIndex((it) => it.range.startOffset === itemRange.startOffset && it.range.endOffset === itemRange.endOffset);
    if (i < 0) return false;
    found = { seq: e, index: i };
    return true;
  });
  return found;
}

/**
 * Removes one item from a list/tuple/set display, with its separating comma: `["*", "a"]` → `["a"]`.
 * An item alone on its line takes the whole line with it, so multi-line lists stay tidy.
 */
export function removeItem(model: ModuleModel, itemLoc: Loc | undefined): TextEdit | undefined {
  if (!itemLoc || itemLoc.file !== model.file) return undefined;
  const hit = sequenceHolding(model, itemLoc.range);
  if (!hit) return undefined;
  const { seq, index } = hit;
  const text = model.text;
  const item = seq.items[index];
  // A tuple display without brackets (`X = "a", "b"`) has no delimiters to keep: leave it to the author.
  const open = text[seq.range.startOffset];
  if (!"[({".includes(open)) return undefined;
  if (seq.t === "tuple" && seq.items.length === 2) {
    // `("*", "a")` → `("a",)`: a one-item tuple keeps a comma or it stops being a tuple.
    const keep = seq.items[1 - index];
    const first = seq.items[0];
    const second = seq.items[1];
    let k = second.range.endOffset;
    while (k < seq.range.endOffset && /\s/.test(text[k])) k++;
    const trailing = text[k] === ",";
    return replaceRange(model.file, rangeOfOffsets(text, first.range.startOffset, second.range.endOffset), textAt(model, keep.range) + (trailing ? "" : ","));
  }
  let start = item.range.startOffset;
  let end = item.range.endOffset;
  // The comma right after the item, if any.
  let after = end;
  while (after < seq.range.endOffset && /[ \t]/.test(text[after])) after++;
  const hasComma = text[after] === ",";
  if (hasComma) end = after + 1;
  const lineStart = text.lastIndexOf("\n", start - 1) + 1;
  const onlyOnLine = text.slice(lineStart, start).trim() === "" && (() => {
    let j = end;
    while (j < text.length && /[ \t]/.test(text[j])) j++;
    return text[j] === "\n" || text[j] === "#" || j >= text.length;
  })();
  if (onlyOnLine && hasComma) {
    let j = end;
    while (j < text.length && text[j] !== "\n") j++;
    // A comment on the item's line described the item: it goes with it.
    return replaceRange(model.file, rangeOfOffsets(text, lineStart, Math.min(j + 1, text.length)), "");
  }
  if (hasComma) {
    // `"*", "a"` → `"a"`: also take the spaces that followed the comma.
    while (end < seq.range.endOffset && /[ \t]/.test(text[end])) end++;
  } else if (index > 0) {
    // The last item: take the comma (and spaces) before it instead.
    const prev = seq.items[index - 1];
    start = prev.range.endOffset;
    while (start < item.range.startOffset && text[start] !== ",") start++;
    if (onlyOnLine) {
      // `    "a",\n    "*"\n]` → `    "a",\n]`: keep the previous comma, drop the line.
      return replaceRange(model.file, rangeOfOffsets(text, lineStart, text.indexOf("\n", item.range.endOffset) + 1 || text.length), "");
    }
  }
  return replaceRange(model.file, rangeOfOffsets(text, start, end), "");
}
