// The properties every audit must keep, whatever the input: ranges inside their documents, fixes that still parse.
import * as fs from "node:fs";
import type { Parser } from "web-tree-sitter";
import type { Audit } from "../../server/src/engine";
import { applyTextEdits } from "../../server/src/fixes/apply";
import type { ParseError, Range } from "../../server/src/parse/model";
import { collectSyntaxErrors } from "../../server/src/parse/syntaxErrors";
import { parsePython } from "../../server/src/parse/treeSitter";
import { readSource } from "../../server/src/parse/source";

/** Start offsets of each line as LSP counts lines (CRLF, CR and LF all end one), since clients place ranges that way. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    } else if (c === 10) starts.push(i + 1);
  }
  return starts;
}

function lineLength(text: string, starts: number[], line: number): number {
  const end = line + 1 < starts.length ? starts[line + 1] : text.length;
  let len = end - starts[line];
  // The line's own text excludes its terminator.
  if (len > 0 && text.charCodeAt(starts[line] + len - 1) === 10) {
    len--;
    if (len > 0 && text.charCodeAt(starts[line] + len - 1) === 13) len--;
  } else if (len > 0 && text.charCodeAt(starts[line] + len - 1) === 13 && line + 1 < starts.length) len--;
  return len;
}

/**
 * Every way `r` can fail to describe a span of `text`; empty when it is a proper range. A position between the CR and
 * the LF of a CRLF is one: its character is past the line's end, and an edit there would split the line break.
 */
export function rangeProblems(r: Range, text: string, starts = lineStarts(text)): string[] {
  const out: string[] = [];
  if (!(r.startOffset >= 0 && r.startOffset <= r.endOffset && r.endOffset <= text.length)) {
    out.push(`offsets ${r.startOffset}-${r.endOffset} outside 0-${text.length}`);
  }
  for (const [name, p, offset] of [["start", r.start, r.startOffset], ["end", r.end, r.endOffset]] as const) {
    if (!(p.line >= 0 && p.line < starts.length)) {
      out.push(`${name} line ${p.line} outside 0-${starts.length - 1}`);
      continue;
    }
    const len = lineLength(text, starts, p.line);
    if (!(p.character >= 0 && p.character <= len)) out.push(`${name} ${p.line}:${p.character} beyond the line's ${len} characters`);
    else if (starts[p.line] + p.character !== offset) out.push(`${name} ${p.line}:${p.character} is offset ${starts[p.line] + p.character}, not ${offset}`);
  }
  if (r.start.line > r.end.line || (r.start.line === r.end.line && r.start.character > r.end.character)) out.push("start after end");
  return out;
}

/**
 * The text a file's offsets index when no editor has it open: a Python module decoded as the loader decodes it (BOM
 * dropped, Latin-1 fallback); any other file (.env, .env.example) as its readers and fixes/apply.ts read it, raw UTF-8.
 */
export function diskText(file: string): string {
  if (file.endsWith(".py")) {
    const src = readSource(file);
    if (src.ok) return src.text;
  }
  try {
    return fs.readFileSync(file, file.endsWith(".py") ? "latin1" : "utf8");
  } catch {
    return "";
  }
}

const errorCounts = new Map<string, number>();

/**
 * How many syntax errors `text` has, as parseModule reports them; -1 when tree-sitter flags the tree as broken and none
 * is listed (a MISSING token no visible node shows once hid one, and a fix was offered in a broken file). Memoised: most
 * cases fix files the mutation did not touch, so the same fixed text comes back thousands of times.
 */
function syntaxErrorCount(parser: Parser, text: string): number {
  let n = errorCounts.get(text);
  if (n === undefined) {
    const tree = parsePython(parser, text);
    const errors: ParseError[] = [];
    collectSyntaxErrors(tree.rootNode, errors);
    n = tree.rootNode.hasError && errors.length === 0 ? -1 : errors.length;
    tree.delete();
    if (errorCounts.size > 4000) errorCounts.clear();
    errorCounts.set(text, n);
  }
  return n;
}

export interface CheckStats {
  ranges: number;
  fixes: number;
  /** Documents holding a lone CR, whose lines (LSP's) tree-sitter's rows do not count by themselves. */
  loneCrDocuments: number;
}

/**
 * Checks one audit: every finding, related, anchor, fix edit and note range against its document, and every distinct
 * fix applied and re-parsed. Returns the problems found (empty when the audit is sound).
 */
export function checkAudit(parser: Parser, audit: Audit, overlay: (file: string) => string | undefined, stats?: CheckStats): string[] {
  const problems: string[] = [];
  const texts = new Map<string, { text: string; starts: number[] }>();
  const doc = (file: string) => {
    let d = texts.get(file);
    if (!d) {
      const text = overlay(file) ?? diskText(file);
      if (stats && /\r(?!\n)/.test(text)) stats.loneCrDocuments++;
      d = { text, starts: lineStarts(text) };
      texts.set(file, d);
    }
    return d;
  };
  const check = (what: string, file: string, r: Range | undefined) => {
    if (!r) return;
    if (stats) stats.ranges++;
    const d = doc(file);
    for (const p of rangeProblems(r, d.text, d.starts)) problems.push(`${what} in ${file}: ${p} ${JSON.stringify(r)}`);
  };
  for (const f of audit.findings) {
    const what = `${f.rule} (${f.environment})`;
    check(what, f.location.file, f.location.range);
    if (f.anchor) check(`${what} anchor`, f.anchor.file, f.anchor.range);
    for (const rel of f.related) check(`${what} related`, rel.loc.file, rel.loc.range);
    for (const e of f.fix?.edits ?? []) check(`${what} fix edit`, e.file, e.range);
  }
  const notes = [...audit.project.notes, ...audit.project.environments.flatMap((e) => e.notes)];
  for (const n of notes) check(`note "${n.message}"`, n.file, n.range);
  if (problems.length) return problems;

  const seen = new Set<string>();
  for (const f of audit.findings) {
    if (!f.fix) continue;
    const key = JSON.stringify(f.fix.edits);
    if (seen.has(key)) continue;
    seen.add(key);
    if (stats) stats.fixes++;
    const byFile = new Map<string, typeof f.fix.edits>();
    for (const e of f.fix.edits) byFile.set(e.file, [...(byFile.get(e.file) ?? []), e]);
    for (const [file, edits] of byFile) {
      const text = doc(file).text;
      let after: string;
      try {
        after = applyTextEdits(text, edits);
      } catch (e) {
        problems.push(`fix "${f.fix.title}" (${f.rule}) cannot be applied to ${file}: ${(e as Error).message}`);
        continue;
      }
      if (!file.endsWith(".py")) continue;
      const errorsBefore = syntaxErrorCount(parser, text);
      const errorsAfter = syntaxErrorCount(parser, after);
      for (const [which, n, t] of [["before", errorsBefore, text], ["after", errorsAfter, after]] as const) {
        if (n < 0) problems.push(`tree-sitter flags ${file} as broken ${which} fix "${f.fix.title}" (${f.rule}), and no syntax error is listed:\n${t}`);
      }
      // "Still parseable": a clean file stays clean, and a broken one gets no more broken.
      if ((errorsBefore === 0 && errorsAfter > 0) || errorsAfter > errorsBefore) {
        problems.push(`fix "${f.fix.title}" (${f.rule}) leaves ${file} with ${errorsAfter} syntax error(s), ${errorsBefore} before:\n--- before\n${text}\n--- after\n${after}`);
      }
    }
  }
  return problems;
}
