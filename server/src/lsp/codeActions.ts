// Code actions: the engine's prepared fixes, waivers for the line or the file, the rule's docs, and
// source.fixAll.djangoSettingsHygiene for the safe fixes (fix-on-save limited to this extension).
import * as fs from "fs";
import * as path from "path";
import {
  CodeActionKind,
  type CodeAction,
  type CodeActionParams,
  type Diagnostic,
  type TextDocumentEdit,
  type WorkspaceEdit,
  type CreateFile,
} from "vscode-languageserver";
import type { TextDocument } from "vscode-languageserver-textdocument";
import { resolveWriteTarget } from "../fixes/writeTarget";
import type { Fix, TextEdit } from "../rules/types";
import type { DiagnosticData } from "./diagnostics";
import { addMissingVariablesAction } from "./envInventory";
import { COMMANDS, DIAGNOSTIC_SOURCE, FIX_ALL_KIND, HARDEN_KIND } from "../protocol/protocol";
import { hardenAction } from "./harden";
import { parseWaivers } from "../rules/waivers";
import { fileOf, lspRange, uriOf } from "./uris";
import type { WorkspaceState } from "./workspace";

const WAIVER = "django-settings-hygiene: ignore";
const FILE_WAIVER = "django-settings-hygiene: ignore-file";

export function codeActions(params: CodeActionParams, doc: TextDocument | undefined, state: WorkspaceState): CodeAction[] {
  const out: CodeAction[] = [];
  const only = params.context.only;
  const wants = (kind: string) => !only || only.some((k) => kind === k || kind.startsWith(k + "."));
  for (const d of params.context.diagnostics) {
    if (!d.source?.startsWith(DIAGNOSTIC_SOURCE)) continue;
    const data = d.data as DiagnosticData | undefined;
    const rule = data?.rule ?? String(d.code ?? "");
    if (!rule) continue;
    // Two rules on one place may carry the same fix (weak-secret-key and hardcoded-secret-key on a committed key): once.
    const offered = data?.fix ? out.find((a) => a.kind === CodeActionKind.QuickFix && a.title === data.fix!.title && JSON.stringify(a.edit) === JSON.stringify(toWorkspaceEdit([data.fix!]))) : undefined;
    if (offered) offered.diagnostics?.push(d);
    else if (data?.fix && wants(CodeActionKind.QuickFix)) {
      const refused = refusal(data.fix, state);
      out.push(
        refused
          ? { title: data.fix.title, kind: CodeActionKind.QuickFix, diagnostics: [d], disabled: { reason: refused } }
          : { title: data.fix.title, kind: CodeActionKind.QuickFix, diagnostics: [d], isPreferred: data.fix.safety === "safe", edit: toWorkspaceEdit([data.fix]) },
      );
    }
    // Waivers are Python comments; a .env, YAML or JSON file gets none (JSON has no comments at all). An echo of an
    // inherited problem gets none either: the waiver must sit where the value is set, which has its own diagnostic.
    if (doc && wants(CodeActionKind.QuickFix) && rule !== "unused-waiver" && doc.uri.endsWith(".py") && !data?.inherited) {
      out.push({ title: `Ignore ${rule} on this line`, kind: CodeActionKind.QuickFix, diagnostics: [d], edit: waiverEdit(doc, d, rule) });
      out.push({ title: `Ignore ${rule} in this file`, kind: CodeActionKind.QuickFix, diagnostics: [d], edit: fileWaiverEdit(doc, rule) });
    }
    if (wants(CodeActionKind.QuickFix)) {
      out.push({ title: `Show documentation for ${rule}`, kind: CodeActionKind.QuickFix, diagnostics: [d], command: { title: `Show documentation for ${rule}`, command: COMMANDS.showRuleDocs, arguments: [rule] } });
    }
  }
  if (wants(CodeActionKind.QuickFix)) {
    for (const audit of state.audits.values()) {
      const add = addMissingVariablesAction(params.textDocument.uri, audit, doc?.getText());
      if (add) out.push(add);
    }
  }
  // Source actions only when asked for (the lightbulb does not list them): `source`, `source.fixAll` or our own kind.
  if (only && wants(FIX_ALL_KIND)) {
    const fixes = safeFixesFor(params.textDocument.uri, state);
    if (fixes.length) out.push({ title: "Fix all safe Django settings problems", kind: FIX_ALL_KIND, edit: toWorkspaceEdit(fixes) });
  }
  if (only && wants(HARDEN_KIND)) {
    const harden = hardenAction(params.textDocument.uri, state);
    if (harden) out.push(harden);
  }
  return out;
}

/** Every safe fix whose finding is in this document, once each. */
function safeFixesFor(uri: string, state: WorkspaceState): Fix[] {
  const file = fileOf(uri);
  const fixes: Fix[] = [];
  for (const audit of state.audits.values()) {
    for (const f of audit.findings) {
      if (f.location.file === file && f.fix?.safety === "safe" && !fixes.some((x) => sameFix(x, f.fix!)) && !refusal(f.fix, state)) fixes.push(f.fix);
    }
  }
  return fixes;
}

/**
 * Why the editor must not be handed this fix: an edit whose file is outside the workspace roots or reached through a
 * symlink that leaves them (a .env.example linked to ~/.bashrc), which the editor would write through.
 */
function refusal(fix: Fix, state: WorkspaceState): string | undefined {
  for (const e of fix.edits) {
    const t = resolveWriteTarget(e.file, state.roots);
    if (!t.ok) return `refusing to write ${path.basename(e.file)}: ${t.reason}`;
  }
  return undefined;
}

function sameFix(a: Fix, b: Fix): boolean {
  return JSON.stringify(a.edits) === JSON.stringify(b.edits);
}

/** Groups edits by file, drops ones overlapping an earlier edit, and creates files that do not exist yet (.env.example). */
export function toWorkspaceEdit(fixes: Fix[]): WorkspaceEdit {
  const byFile = new Map<string, TextEdit[]>();
  for (const fix of fixes) {
    for (const e of fix.edits) {
      const list = byFile.get(e.file) ?? [];
      const overlaps = list.some((x) => e.range.startOffset < x.range.endOffset && x.range.startOffset < e.range.endOffset);
      const duplicate = list.some((x) => x.range.startOffset === e.range.startOffset && x.range.endOffset === e.range.endOffset && x.newText === e.newText);
      if (!overlaps && !duplicate) list.push(e);
      byFile.set(e.file, list);
    }
  }
  const documentChanges: Array<TextDocumentEdit | CreateFile> = [];
  for (const [file, edits] of byFile) {
    const uri = uriOf(file);
    if (!fs.existsSync(file)) documentChanges.push({ kind: "create", uri, options: { ignoreIfExists: true } });
    documentChanges.push({ textDocument: { uri, version: null }, edits: edits.map((e) => ({ range: lspRange(e.range), newText: e.newText })) });
  }
  return { documentChanges };
}

/** Adds the rule to an existing waiver comment on the line, or appends a new one. */
function waiverEdit(doc: TextDocument, d: Diagnostic, rule: string): WorkspaceEdit {
  const line = d.range.start.line;
  const text = doc.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } }).replace(/\r?\n$/, "");
  const at = text.indexOf(WAIVER + "[");
  let edit;
  if (at >= 0) {
    const close = text.indexOf("]", at);
    const pos = { line, character: close };
    edit = { range: { start: pos, end: pos }, newText: `, ${rule}` };
  } else {
    const pos = { line, character: text.length };
    edit = { range: { start: pos, end: pos }, newText: `  # ${WAIVER}[${rule}]` };
  }
  return { changes: { [doc.uri]: [edit] } };
}

/**
 * Adds the rule to a file-level waiver comment (one on a line of its own), or inserts one at the top: below a shebang
 * and an encoding declaration, which must stay on the first two lines.
 */
function fileWaiverEdit(doc: TextDocument, rule: string): WorkspaceEdit {
  const lines = doc.getText().split(/\r\n|\r|\n/);
  for (let line = 0; line < lines.length; line++) {
    const text = lines[line];
    const lead = text.length - text.trimStart().length;
    if (!text.trimStart().startsWith("#")) continue;
    const waiver = parseWaivers("", text, { text: text.slice(lead), startOffset: lead, line }).find((w) => w.scope === "file");
    if (!waiver) continue;
    if (waiver.ids.some((i) => i.id === rule)) return { changes: {} };
    const pos = { line, character: waiver.end - 1 };
    return { changes: { [doc.uri]: [{ range: { start: pos, end: pos }, newText: `${waiver.ids.length ? ", " : ""}${rule}` }] } };
  }
  let at = 0;
  if (lines[at]?.startsWith("#!")) at++;
  if (at < 2 && /^[ \t\f]*#.*coding[:=]/.test(lines[at] ?? "")) at++;
  const pos = { line: at, character: 0 };
  const eol = doc.getText().match(/\r\n|\r|\n/)?.[0] ?? "\n";
  return { changes: { [doc.uri]: [{ range: { start: pos, end: pos }, newText: `# ${FILE_WAIVER}[${rule}]${eol}` }] } };
}
