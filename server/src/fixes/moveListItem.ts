// Moves one item of a list or tuple display to another index, keeping the list's layout (one item per line, or inline).
import type { Expr, ModuleModel } from "../parse/model";
import type { TextEdit } from "./edit";
import type { Loc } from "../resolve/values";
import { exprAt, rangeOfOffsets, textAt } from "./literal";

type Sequence = Expr & { t: "list" | "tuple" };

/**
 * Edits that move item `from` so that it ends up at index `to` of the same display (`to` counts positions in the
 * result). Undefined when the display is not written at `listLoc` as a bracketed literal, or when its layout mixes
 * items on shared lines with items on their own, where any rewrite would reflow the author's formatting.
 * `expectedCount` guards against a value that was extended after the literal was written.
 */
export function moveListItem(model: ModuleModel, listLoc: Loc | undefined, from: number, to: number, expectedCount?: number): TextEdit[] | undefined {
  if (!listLoc || listLoc.file !== model.file) return undefined;
  const e = exprAt(model, listLoc.range);
  if (!e || (e.t !== "list" && e.t !== "tuple")) return undefined;
  const seq = e as Sequence;
  const n = seq.items.length;
  if (expectedCount !== undefined && n !== expectedCount) return undefined;
  if (from < 0 || from >= n || to < 0 || to >= n || from === to) return undefined;
  if (!"[(".includes(model.text[seq.range.startOffset])) return undefined;
  if (seq.items.some((i) => i.t === "starred")) return undefined;
  const text = model.text;
  const lineOf = (offset: number) => text.slice(0, offset).split("\n").length - 1;
  const lines = seq.items.map((i) => lineOf(i.range.startOffset));
  const allOnOneLine = lines.every((l) => l === lines[0]) && lineOf(seq.items[n - 1].range.endOffset) === lines[0];
  if (allOnOneLine) {
    const parts = seq.items.map((i) => textAt(model, i.range));
    const [moved] = parts.splice(from, 1);
    parts.splice(to, 0, moved);
    const range = rangeOfOffsets(text, seq.items[0].range.startOffset, seq.items[n - 1].range.endOffset);
    return [{ file: model.file, range, newText: parts.join(", ") }];
  }
  const segments = seq.items.map((item) => lineSegment(text, item));
  if (segments.some((s) => !s)) return undefined;
  const segs = segments as Array<{ start: number; end: number; hasComma: boolean; commaAt: number }>;
  for (let i = 1; i < n; i++) if (segs[i].start < segs[i - 1].end) return undefined;
  const src = segs[from];
  let movedText = text.slice(src.start, src.end);
  // The last item may lack a trailing comma; anywhere else it needs one.
  if (!src.hasComma) {
    const cut = src.commaAt - src.start;
    movedText = movedText.slice(0, cut) + "," + movedText.slice(cut);
  }
  if (!movedText.endsWith("\n")) movedText += "\n";
  const anchor = segs[to];
  const insertAt = to < from ? anchor.start : anchor.end;
  const edits: TextEdit[] = [
    { file: model.file, range: rangeOfOffsets(text, src.start, src.end), newText: "" },
    { file: model.file, range: rangeOfOffsets(text, insertAt, insertAt), newText: movedText },
  ];
  // Moving below the last item, which has no comma: without one, the two strings would silently concatenate.
  if (to > from && !anchor.hasComma) edits.push({ file: model.file, range: rangeOfOffsets(text, anchor.commaAt, anchor.commaAt), newText: "," });
  // The item that becomes last keeps whatever comma it had: a trailing comma is valid Python.
  return edits;
}

/**
 * The whole line(s) an item occupies, when nothing else shares them: from the start of its first line to just after
 * the newline ending its last line (a comma and a comment may follow the item).
 */
function lineSegment(text: string, item: Expr): { start: number; end: number; hasComma: boolean; commaAt: number } | undefined {
  const start = text.lastIndexOf("\n", item.range.startOffset - 1) + 1;
  if (text.slice(start, item.range.startOffset).trim() !== "") return undefined;
  let j = item.range.endOffset;
  while (j < text.length && /[ \t]/.test(text[j])) j++;
  const hasComma = text[j] === ",";
  const commaAt = hasComma ? j : item.range.endOffset;
  if (hasComma) j++;
  while (j < text.length && /[ \t]/.test(text[j])) j++;
  if (text[j] === "#") while (j < text.length && text[j] !== "\n") j++;
  if (j < text.length && text[j] !== "\n") return undefined;
  return { start, end: Math.min(j + 1, text.length), hasComma, commaAt };
}
