// Lists known only in part: which items are certainly present and what is known of their order (values.PartialSeq).
import { keyOf, unknown, withEnv, type Loc, type PartialSeq, type Value } from "./values";

type SeqKind = PartialSeq["kind"];

/**
 * What is known of a sequence value: every item with no gaps for a known list or tuple (a set has no order), the
 * partial description of a partly known one, undefined when nothing is known. `complete` says no other item exists.
 */
export interface SeqView {
  kind: SeqKind;
  items: Value[];
  gaps?: boolean[];
  complete: boolean;
}

/** Sizes above which merging branches keeps membership only: the order merge is quadratic in the items. */
const MAX_ORDER_MERGE = 400;

export function seqView(v: Value): SeqView | undefined {
  if (v.k === "list" || v.k === "tuple") return { kind: v.k, items: v.items, gaps: new Array(v.items.length + 1).fill(false), complete: true };
  if (v.k === "set") return { kind: "set", items: v.items, complete: true };
  if (v.k === "unknown" && v.partial) return { ...v.partial, complete: false };
  return undefined;
}

/** A view of nothing known: zero or more items of any kind. */
export const UNKNOWN_SEQ: SeqView = { kind: "list", items: [], gaps: [true], complete: false };

/** The items certainly present in a value: all of a known list, tuple or set, those known of a partial one, else none. */
export function presentItems(v: Value | undefined): Value[] {
  if (!v) return [];
  if (v.k === "list" || v.k === "tuple" || v.k === "set") return v.items;
  if (v.k === "unknown" && v.partial) return v.partial.items;
  return [];
}

/** `a` then `b`, as `[*a, *b]` or `a + b` lay them out. */
export function concatViews(a: SeqView, b: SeqView, kind: SeqKind = a.kind): SeqView {
  const items = [...a.items, ...b.items];
  let gaps: boolean[] | undefined;
  if (a.gaps && b.gaps && kind !== "set") {
    gaps = [...a.gaps.slice(0, -1), a.gaps[a.gaps.length - 1] || b.gaps[0], ...b.gaps.slice(1)];
  }
  return { kind, items, gaps, complete: a.complete && b.complete };
}

/** A view made into a value: a known sequence when complete, an unknown with `partial` otherwise (or plain unknown). */
export function viewValue(view: SeqView, why: string, loc: Loc, ...deps: Array<Value | undefined>): Value {
  if (view.complete) return withEnv({ k: view.kind, items: view.items, loc }, ...deps);
  if (view.items.length === 0) return withEnv(unknown(why, { loc }), ...deps);
  const partial: PartialSeq = { kind: view.kind, items: view.items, ...(view.gaps && view.kind !== "set" ? { gaps: view.gaps } : {}) };
  return withEnv(unknown(why, { loc, partial }), ...deps);
}

/** `view` with `x` appended (`.append`, `.add`). */
export function appendItem(view: SeqView, x: Value): SeqView {
  return concatViews(view, { kind: view.kind, items: [x], gaps: [false, false], complete: true });
}

/** The view with one occurrence of an item removed: the certainly present one equal to `x`, when there is one. */
export function removeItem(view: SeqView, index: number): SeqView {
  const items = view.items.filter((_, j) => j !== index);
  // The removed occurrence may have been another equal item among the unknown ones: its neighbours are not known to
  // meet, so the place it leaves is a gap.
  const gaps = view.gaps && [...view.gaps.slice(0, index), true, ...view.gaps.slice(index + 2)];
  return { kind: view.kind, items, gaps, complete: false };
}

/** Membership only: the same items in no known order (`.insert(i, x)` at an unknown place, a set). */
export function unordered(view: SeqView, kind: SeqKind = view.kind): SeqView {
  return { kind, items: view.items, complete: view.complete && kind === "set", gaps: undefined };
}

/**
 * What every alternative of an undecided branch certainly holds: the items present in all of them (as often as in the
 * one that has fewest), in a known order when the alternatives agree on it. Undefined when one alternative is not a
 * sequence the analysis can see into.
 */
export function commonView(alternatives: Value[]): SeqView | undefined {
  const views: SeqView[] = [];
  for (const a of alternatives) {
    const v = seqView(a);
    if (!v) return undefined;
    views.push(v);
  }
  if (views.length === 0) return undefined;
  let acc = views[0];
  for (let i = 1; i < views.length; i++) acc = mergeTwo(acc, views[i]);
  return acc.items.length ? acc : undefined;
}

function mergeTwo(a: SeqView, b: SeqView): SeqView {
  const kind = a.kind === b.kind ? a.kind : "list";
  const ka = a.items.map(keyOf);
  const kb = b.items.map(keyOf);
  const ordered = a.gaps && b.gaps && kind !== "set" && a.items.length * b.items.length <= MAX_ORDER_MERGE * MAX_ORDER_MERGE / 4;
  if (ordered) {
    const common = lcs(ka, kb);
    const inBoth = multisetIntersection(ka, kb);
    if (common.length === inBoth.size) return orderedMerge(a, b, common, kind);
  }
  // Membership only: each key as many times as the alternative with fewer of it holds it.
  const counts = new Map<string, number>();
  for (const k of kb) if (k !== undefined) counts.set(k, (counts.get(k) ?? 0) + 1);
  const items: Value[] = [];
  a.items.forEach((item, i) => {
    const k = ka[i];
    const n = k === undefined ? 0 : counts.get(k) ?? 0;
    if (n > 0) {
      items.push(item);
      counts.set(k!, n - 1);
    }
  });
  return { kind, items, complete: false };
}

/** Keys of items present in both, counted with multiplicity (the total size only matters). */
function multisetIntersection(a: Array<string | undefined>, b: Array<string | undefined>): { size: number } {
  const counts = new Map<string, number>();
  for (const k of b) if (k !== undefined) counts.set(k, (counts.get(k) ?? 0) + 1);
  let size = 0;
  for (const k of a) {
    if (k === undefined) continue;
    const n = counts.get(k) ?? 0;
    if (n > 0) {
      size++;
      counts.set(k, n - 1);
    }
  }
  return { size };
}

/** Index pairs of a longest common subsequence of two key lists (unknown keys never match). */
function lcs(a: Array<string | undefined>, b: Array<string | undefined>): Array<[number, number]> {
  const n = a.length;
  const m = b.length;
  const t: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      t[i][j] = a[i] !== undefined && a[i] === b[j] ? t[i + 1][j + 1] + 1 : Math.max(t[i + 1][j], t[i][j + 1]);
    }
  }
  const out: Array<[number, number]> = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] !== undefined && a[i] === b[j]) {
      out.push([i, j]);
      i++;
      j++;
    } else if (t[i + 1][j] >= t[i][j + 1]) i++;
    else j++;
  }
  return out;
}

/** The common items in order; a gap wherever either side has anything (an item or a gap) between two of them. */
function orderedMerge(a: SeqView, b: SeqView, common: Array<[number, number]>, kind: SeqKind): SeqView {
  const items: Value[] = [];
  const gaps: boolean[] = [];
  let pa = 0;
  let pb = 0;
  const between = (v: SeqView, from: number, to: number) => to > from || v.gaps![from];
  for (const [i, j] of common) {
    gaps.push(between(a, pa, i) || between(b, pb, j));
    items.push(a.items[i]);
    pa = i + 1;
    pb = j + 1;
  }
  gaps.push(between(a, pa, a.items.length) || between(b, pb, b.items.length));
  return { kind, items, gaps, complete: false };
}
