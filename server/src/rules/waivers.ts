// Inline waivers: `# django-settings-hygiene: ignore[rule-id, …]` (or `# dsh: ignore[…]`) on a finding's line suppresses it,
// `ignore-file[…]` anywhere in a file suppresses the rule throughout that file; useless waivers are reported.
import { findingFingerprint } from "./fingerprint";
import * as path from "path";
import { trimEndWhere } from "../parse/linearText";
import type { Comment, Range } from "../parse/model";
import type { EnvKind } from "../resolve/classify";
import type { Project } from "../resolve/project";
import { rangeOfOffsets } from "../fixes/literal";
import type { Finding, Fix, Severity } from "./types";

export const UNUSED_WAIVER = "unused-waiver";

/**
 * The long form is self-explanatory in review; the short one fits beside a long line. Both take a comma-separated list,
 * after `ignore` (this line) or `ignore-file` (the whole file, as ruff's file-level `# ruff: noqa: F401`).
 */
const WAIVER_RE = /(django-settings-hygiene|dsh)\s*:\s*ignore(-file)?\[([^\]]*)\]/g;

export interface WaiverId {
  id: string;
  /** The id's own span, where an unused-waiver finding points. */
  range: Range;
}

export interface Waiver {
  file: string;
  /** Zero-based line of the comment: the line the waiver applies to, unless it waives the whole file. */
  line: number;
  /** "file" for `ignore-file[…]`: every finding of the named rules located in `file`. */
  scope: "line" | "file";
  ids: WaiverId[];
  /** Offsets of the whole `name: ignore[...]` text and of the comment holding it, for the fix that removes it. */
  start: number;
  end: number;
  comment: { start: number; end: number };
}

/** Every waiver in one comment (normally one). `text` is the whole file, for positions. */
export function parseWaivers(file: string, text: string, comment: { text: string; startOffset: number; line: number }): Waiver[] {
  const out: Waiver[] = [];
  // Every match ends at a `]`: past the last one, starts can only fail, each after reading to the end (quadratic on a
  // comment of repeated `dsh:ignore[`). Before it, each start that reaches its `[` succeeds at the next `]`.
  for (const m of comment.text.slice(0, comment.text.lastIndexOf("]") + 1).matchAll(WAIVER_RE)) {
    const start = comment.startOffset + (m.index ?? 0);
    const listStart = start + m[0].indexOf("[") + 1;
    const ids: WaiverId[] = [];
    let offset = 0;
    for (const raw of m[3].split(",")) {
      const lead = raw.length - raw.trimStart().length;
      const id = raw.trim();
      if (id) ids.push({ id, range: rangeOfOffsets(text, listStart + offset + lead, listStart + offset + lead + id.length) });
      offset += raw.length + 1;
    }
    out.push({ file, line: comment.line, scope: m[2] ? "file" : "line", ids, start, end: start + m[0].length, comment: { start: comment.startOffset, end: comment.startOffset + comment.text.length } });
  }
  return out;
}

export function waiversInComments(file: string, text: string, comments: readonly Comment[]): Waiver[] {
  return comments.flatMap((c) => parseWaivers(file, text, { text: c.text, startOffset: c.range.startOffset, line: c.line }));
}

export interface WaiverOptions {
  /** Every rule id a waiver may name. */
  known: ReadonlySet<string>;
  /** Rules that actually ran: a waiver for a disabled rule is neither used nor reported. */
  active: ReadonlySet<string>;
  /** Where an unused-waiver finding is filed: the first environment that reads the file. */
  environmentOf(file: string): { name: string; kind: EnvKind };
  text(file: string): string | undefined;
  severity?: Severity;
  /** Shown in messages and fingerprints instead of absolute paths. */
  root: string;
}

/** Drops the findings a waiver covers and adds an unused-waiver finding for each id that names no rule or covers nothing. */
export function applyWaivers(findings: Finding[], waivers: readonly Waiver[], options: WaiverOptions): Finding[] {
  const used = new Set<WaiverId>();
  const kept = findings.filter((f) => {
    const line = f.location.range.start.line;
    let waived = false;
    for (const w of waivers) {
      if (w.file !== f.location.file || (w.scope === "line" && w.line !== line)) continue;
      for (const id of w.ids) {
        if (id.id === f.rule) {
          used.add(id);
          waived = true;
        }
      }
    }
    return !waived;
  });
  if (!options.active.has(UNUSED_WAIVER)) return kept;
  for (const w of waivers) {
    const unused = w.ids.filter((id) => !used.has(id) && (!options.known.has(id.id) || options.active.has(id.id)));
    if (unused.length === 0) continue;
    const text = options.text(w.file);
    const allUnused = unused.length === w.ids.length;
    for (const id of unused) {
      const env = options.environmentOf(w.file);
      const message = options.known.has(id.id)
        ? `the ${w.scope === "file" ? "file-level waiver" : "waiver"} for ${id.id} suppresses nothing ${w.scope === "file" ? "in this file" : "on this line"}; remove it`
        : `the waiver names ${JSON.stringify(id.id)}, which is not a rule; remove it or fix the id`;
      const fix = text === undefined ? undefined : removalFix(w, id, allUnused, text);
      kept.push({
        rule: UNUSED_WAIVER,
        djangoCheck: null,
        severity: options.severity ?? "warning",
        environment: env.name,
        environmentKind: env.kind,
        message,
        location: { file: w.file, range: id.range },
        related: [],
        fingerprint: findingFingerprint([UNUSED_WAIVER, path.relative(options.root, w.file), id.id, text?.slice(w.comment.start, w.comment.end) ?? ""]),
        ...(fix ? { fix } : {}),
      });
    }
  }
  return kept;
}

/**
 * Removes one id from the list, or the whole waiver when none of its ids is used (every such finding then carries the
 * same edit, which appliers merge). A comment left holding nothing goes too, with the spaces before it; a line left
 * empty goes entirely.
 */
function removalFix(w: Waiver, id: WaiverId, whole: boolean, text: string): Fix {
  if (!whole) {
    const list = w.ids;
    const i = list.indexOf(id);
    let start: number;
    let end: number;
    if (i < list.length - 1) {
      start = id.range.startOffset;
      end = list[i + 1].range.startOffset;
    } else {
      start = list[i - 1].range.endOffset;
      end = id.range.endOffset;
    }
    return { title: `Remove ${id.id} from the waiver`, safety: "safe", edits: [{ file: w.file, range: rangeOfOffsets(text, start, end), newText: "" }] };
  }
  let start = w.start;
  let end = w.end;
  // What else the comment says, once the waiver is gone: `# noqa: F403  # dsh: ignore[x]` keeps `# noqa: F403`.
  const before = trimEndWhere(text.slice(w.comment.start, w.start), (c) => c === "#" || /\s/.test(c));
  const after = text.slice(w.end, w.comment.end).trim();
  if (before.replace(/^#\s*/, "") === "" && after === "") {
    start = w.comment.start;
    end = w.comment.end;
  } else if (before.replace(/^#\s*/, "") === "") {
    // `# dsh: ignore[x] -- reason` → `# -- reason`: the comment must keep its `#`.
    while (end < w.comment.end && /\s/.test(text[end])) end++;
    return { title: "Remove the unused waiver", safety: "safe", edits: [{ file: w.file, range: rangeOfOffsets(text, start, end), newText: "" }] };
  } else {
    while (start > w.comment.start && /[#\s]/.test(text[start - 1])) start--;
  }
  while (start > 0 && (text[start - 1] === " " || text[start - 1] === "\t")) start--;
  const lineStart = text.lastIndexOf("\n", start - 1) + 1;
  let lineEnd = text.indexOf("\n", end);
  if (lineEnd < 0) lineEnd = text.length;
  if (start === lineStart && text.slice(end, lineEnd).trim() === "") {
    // The waiver was alone on its line: the line goes.
    end = Math.min(lineEnd + 1, text.length);
  }
  return { title: "Remove the unused waiver", safety: "safe", edits: [{ file: w.file, range: rangeOfOffsets(text, start, end), newText: "" }] };
}

/** Waivers written in other files' comments (.env files, compose and Kubernetes YAML), with their texts. */
export interface ExtraWaivers {
  waivers: Waiver[];
  texts: Map<string, string>;
}

/**
 * Waivers in a file that is not Python: each `#` comment on `lines` (zero-based), so a YAML or Procfile line that
 * documents a variable can waive the finding on it. A `#` inside a quoted value is taken as a comment too: harmless,
 * since only the waiver syntax itself counts.
 */
export function lineWaivers(file: string, text: string, lines: Iterable<number>): Waiver[] {
  const out: Waiver[] = [];
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === "\n") starts.push(i + 1);
  for (const line of new Set(lines)) {
    if (line >= starts.length) continue;
    const start = starts[line];
    const end = line + 1 < starts.length ? starts[line + 1] - 1 : text.length;
    const hash = text.indexOf("#", start);
    if (hash < 0 || hash >= end) continue;
    out.push(...parseWaivers(file, text, { text: text.slice(hash, end).replace(/\r$/, ""), startOffset: hash, line }));
  }
  return out;
}

/**
 * The one waiver pass: the project's waivers in settings modules, and `extra` ones from other files, applied to every
 * finding of the audit (rule findings and the project-wide checks' alike), so a waiver anywhere may name any rule and
 * an unused one is reported once.
 */
export function applyProjectWaivers(project: Project, findings: Finding[], known: ReadonlySet<string>, active: ReadonlySet<string>, severity?: Severity, extra?: ExtraWaivers): Finding[] {
  const files = new Set<string>();
  for (const env of project.environments) for (const f of env.files) files.add(f);
  for (const f of project.modules) files.add(f);
  const texts = new Map<string, string>(extra?.texts ?? []);
  const waivers: Waiver[] = [...(extra?.waivers ?? [])];
  for (const file of [...files].sort()) {
    const r = project.loader.load(file);
    if (!r.ok) continue;
    texts.set(file, r.model.text);
    waivers.push(...waiversInComments(file, r.model.text, r.model.comments));
  }
  if (waivers.length === 0) return findings;
  return applyWaivers(findings, waivers, {
    known,
    active,
    root: project.root,
    severity,
    text: (f) => texts.get(f),
    environmentOf: (file) => {
      const env = project.environments.find((e) => e.files.includes(file));
      return env ? { name: env.name, kind: env.kind } : { name: path.basename(project.root), kind: "base" };
    },
  });
}
