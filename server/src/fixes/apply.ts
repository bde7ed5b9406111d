// Applies prepared fixes to texts or files: whole fixes only, no overlapping edits, identical edits once, from the end.
import * as fs from "fs";
import * as path from "path";
import { decodeSource } from "../parse/source";
import type { Fix, TextEdit } from "../rules/types";

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

/**
 * A file's text as the engine indexed it. A Python module is decoded as the module loader decodes it (a UTF-8 BOM
 * dropped, Latin-1 when it is not UTF-8), so its models' offsets hold; other files (.env.example, .gitignore) are read
 * as UTF-8, as their readers read them.
 */
export function readFromDisk(file: string): string | undefined {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch {
    return undefined;
  }
  if (file.endsWith(".py")) {
    const src = decodeSource(bytes);
    if (src.ok) return src.text;
  }
  return bytes.toString("utf8");
}

/** Writes `text` back in the file's own encoding: a Python module keeps its BOM, and stays Latin-1 if it was. */
function writeText(file: string, text: string): void {
  if (!file.endsWith(".py") || !fs.existsSync(file)) {
    fs.writeFileSync(file, text);
    return;
  }
  const old = fs.readFileSync(file);
  const bom = old.length >= 3 && old[0] === 0xef && old[1] === 0xbb && old[2] === 0xbf;
  const src = decodeSource(old);
  const latin1 = src.ok && src.note !== undefined && [...text].every((c) => c.charCodeAt(0) <= 0xff);
  const body = latin1 ? Buffer.from(text, "latin1") : Buffer.from(text, "utf8");
  fs.writeFileSync(file, bom ? Buffer.concat([old.subarray(0, 3), body]) : body);
}

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

/** Writes planned changes, creating directories and files as needed. */
export function writeChanges(changes: readonly FileChange[]): void {
  for (const c of changes) {
    if (c.created) fs.mkdirSync(path.dirname(c.file), { recursive: true });
    writeText(c.file, c.after);
  }
}

/** Applies fixes to files on disk and returns what changed. */
export function applyFixesToFiles(fixes: readonly Fix[]): FixPlan {
  const plan = planFixes(fixes, readFromDisk);
  writeChanges(plan.changes);
  return plan;
}
