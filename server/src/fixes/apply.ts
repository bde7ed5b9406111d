// Applies prepared fixes to texts or files: whole fixes only, no overlapping edits, identical edits once, from the end.
import type { Fix, TextEdit } from "./edit";
import { readFromDisk } from "../parse/fileText";
import { FixTransaction } from "./fixTransaction";

export class OverlappingEditsError extends Error {}

function overlaps(a: TextEdit, b: TextEdit): boolean {
  const [as, ae, bs, be] = [a.range.startOffset, a.range.endOffset, b.range.startOffset, b.range.endOffset];
  if (as < be && bs < ae) return true;
  // An insertion strictly inside a replaced span would land in text that no longer exists.
  if (as === ae && bs < as && as < be) return true;
  if (bs === be && as < bs && bs < ae) return true;
  return false;
}

function same(a: TextEdit, b: TextEdit): boolean {
  return a.file === b.file && a.range.startOffset === b.range.startOffset && a.range.endOffset === b.range.endOffset && a.newText === b.newText;
}

/**
 * Applies edits (all to one text) from the end, so earlier offsets stay valid. Insertions at the same offset keep their
 * order. Throws OverlappingEditsError when two edits touch the same text.
 */
export function applyTextEdits(text: string, edits: readonly TextEdit[]): string {
  const unique: TextEdit[] = [];
  for (const e of edits) if (!unique.some((u) => same(u, e))) unique.push(e);
  for (let i = 0; i < unique.length; i++) {
    for (let j = i + 1; j < unique.length; j++) {
      if (overlaps(unique[i], unique[j])) throw new OverlappingEditsError(`overlapping edits at offsets ${unique[i].range.startOffset} and ${unique[j].range.startOffset}`);
    }
    const r = unique[i].range;
    if (r.startOffset < 0 || r.endOffset > text.length || r.startOffset > r.endOffset) throw new RangeError(`edit range ${r.startOffset}-${r.endOffset} is outside the text`);
  }
  const order = unique.map((e, i) => ({ e, i })).sort((a, b) => b.e.range.startOffset - a.e.range.startOffset || b.e.range.endOffset - a.e.range.endOffset || b.i - a.i);
  let out = text;
  for (const { e } of order) out = out.slice(0, e.range.startOffset) + e.newText + out.slice(e.range.endOffset);
  return out;
}

export interface FileChange {
  file: string;
  before: string;
  after: string;
  /** The file did not exist: the fix creates it (.env.example). */
  created: boolean;
}

export interface FixPlan {
  changes: FileChange[];
  applied: Fix[];
  /** Fixes left out because an edit clashed with an earlier fix's; a second round may apply them. */
  conflicting: Fix[];
}

export type ReadText = (file: string) => string | undefined;

export { readFromDisk };

/**
 * Plans `fixes` in order: a fix is taken whole or not at all, and not when any of its edits overlaps an edit already
 * taken (identical edits, such as the same `import os` from two fixes, are shared). Nothing is written.
 */
export function planFixes(fixes: readonly Fix[], read: ReadText = readFromDisk): FixPlan {
  const taken: TextEdit[] = [];
  const applied: Fix[] = [];
  const conflicting: Fix[] = [];
  for (const fix of fixes) {
    const fresh = fix.edits.filter((e) => !taken.some((t) => same(t, e)));
    const clash = fresh.some((e) => taken.some((t) => t.file === e.file && overlaps(t, e))) || fresh.some((e, i) => fresh.some((f, j) => i < j && e.file === f.file && (overlaps(e, f) || same(e, f))));
    if (clash) {
      conflicting.push(fix);
      continue;
    }
    taken.push(...fresh);
    applied.push(fix);
  }
  const byFile = new Map<string, TextEdit[]>();
  for (const e of taken) byFile.set(e.file, [...(byFile.get(e.file) ?? []), e]);
  const changes: FileChange[] = [];
  for (const [file, edits] of byFile) {
    const current = read(file);
    const before = current ?? "";
    const after = applyTextEdits(before, edits);
    if (after !== before || current === undefined) changes.push({ file, before, after, created: current === undefined });
  }
  changes.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  return { changes, applied, conflicting };
}

/**
 * Applies fixes to files on disk, all or nothing, and returns what changed. Files are written only under `roots` (see
 * resolveWriteTarget); a failure throws FixWriteError with every file as it was.
 */
export function applyFixesToFiles(fixes: readonly Fix[], roots: string | readonly string[]): FixPlan {
  const tx = new FixTransaction(typeof roots === "string" ? [roots] : roots);
  const plan = planFixes(fixes, tx.read);
  tx.stage(plan.changes);
  tx.commit();
  return plan;
}
