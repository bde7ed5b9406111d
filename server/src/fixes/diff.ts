// Unified diffs of planned fixes, for `audit --diff`: what would change, with three lines of context, nothing written.

function splitLines(text: string): string[] {
  if (text === "") return [];
  const lines = text.split("\n");
  if (lines[lines.length - 1] === "") lines.pop();
  return lines;
}

type Op = { kind: " " | "-" | "+"; line: string; a: number; b: number };

/** Line operations from an LCS table; settings files are small, so the quadratic table is fine. */
function diffLines(a: string[], b: string[]): Op[] {
  const n = a.length;
  const m = b.length;
  const lcs: Uint32Array[] = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) for (let j = m - 1; j >= 0; j--) lcs[i][j] = a[i] === b[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
  const ops: Op[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) ops.push({ kind: " ", line: a[i], a: i++, b: j++ });
    // Deletions first when both are possible, as diff -u prints a changed line.
    else if (i < n && (j === m || lcs[i + 1][j] >= lcs[i][j + 1])) ops.push({ kind: "-", line: a[i], a: i++, b: j });
    else ops.push({ kind: "+", line: b[j], a: i, b: j++ });
  }
  return ops;
}

/**
 * `diff -u` output for one file; empty when nothing changes. `label` is the path shown after a/ and b/; a created
 * file is shown from /dev/null.
 */
export function unifiedDiff(before: string, after: string, label: string, created = false, context = 3): string {
  if (before === after && !created) return "";
  const a = splitLines(before);
  const b = splitLines(after);
  const ops = diffLines(a, b);
  // Relative paths get git's a/ and b/ prefixes; absolute ones (files outside the working directory) are shown as they are.
  const [from, to] = label.startsWith("/") ? [label, label] : ["a/" + label, "b/" + label];
  const out = [`--- ${created ? "/dev/null" : from}`, `+++ ${to}`];
  const changed = ops.map((o, k) => (o.kind !== " " ? k : -1)).filter((k) => k >= 0);
  let k = 0;
  while (k < changed.length) {
    const start = Math.max(0, changed[k] - context);
    let end = Math.min(ops.length - 1, changed[k] + context);
    while (k + 1 < changed.length && changed[k + 1] - context <= end + 1) {
      k++;
      end = Math.min(ops.length - 1, changed[k] + context);
    }
    const hunk = ops.slice(start, end + 1);
    const aStart = hunk[0].a;
    const bStart = hunk[0].b;
    const aLen = hunk.filter((o) => o.kind !== "+").length;
    const bLen = hunk.filter((o) => o.kind !== "-").length;
    out.push(`@@ -${aLen ? aStart + 1 : aStart},${aLen} +${bLen ? bStart + 1 : bStart},${bLen} @@`);
    for (const o of hunk) out.push(o.kind + o.line.replace(/\r$/, ""));
    k++;
  }
  return out.join("\n") + "\n";
}

/** One changed run of lines: `before.slice(start, end)` becomes `newText` (offsets into `before`). */
export interface LineHunk {
  start: number;
  end: number;
  newText: string;
}

/** Offsets where each line starts, plus the text's length: line i is text.slice(starts[i], starts[i + 1]). */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf("\n"); i >= 0 && i + 1 < text.length; i = text.indexOf("\n", i + 1)) starts.push(i + 1);
  starts.push(text.length);
  return text === "" ? [0] : starts;
}

/**
 * The smallest line-wise replacements that turn `before` into `after`: what an editor applies as separate edits, so
 * untouched lines (and the markers on them) stay where they are. Lines keep their own terminators.
 */
export function lineHunks(before: string, after: string): LineHunk[] {
  if (before === after) return [];
  const a = lineStarts(before);
  const b = lineStarts(after);
  // Lines with their terminators: a last line that gains a newline is a change too.
  const lines = (text: string, starts: number[]) => starts.slice(0, -1).map((s, i) => text.slice(s, starts[i + 1]));
  const ops = diffLines(lines(before, a), lines(after, b));
  const out: LineHunk[] = [];
  let k = 0;
  while (k < ops.length) {
    if (ops[k].kind === " ") {
      k++;
      continue;
    }
    const first = ops[k];
    while (k < ops.length && ops[k].kind !== " ") k++;
    const next = ops[k];
    const aEnd = next ? next.a : a.length - 1;
    const bEnd = next ? next.b : b.length - 1;
    out.push({ start: a[first.a], end: a[aEnd], newText: after.slice(b[first.b], b[bEnd]) });
  }
  return out;
}
