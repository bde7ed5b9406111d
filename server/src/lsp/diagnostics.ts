// Problems → LSP diagnostics per file: one diagnostic per place, and in each environment's module one summary of what it inherits.
import { DiagnosticSeverity, DiagnosticTag, type Diagnostic, type DiagnosticRelatedInformation } from "vscode-languageserver";
import { catalogueEntry, docsUrl } from "../rules/catalogue";
import type { Fix } from "../rules/types";
import type { Note } from "../resolve/namespace";
import type { Loc } from "../resolve/values";
import { environmentsSuffix, inheritedByEnvironment, shortEnvironmentName, sourceFiles, type Problem } from "../session/problems";
import { DIAGNOSTIC_SOURCE } from "../protocol/protocol";
import { messageParts } from "../report/messageParts";
import { lspRange, uriOf } from "./uris";

const SEVERITY: Record<Problem["severity"], DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** What a code action needs back from a diagnostic. */
export interface DiagnosticData {
  /** Absent on an inherited-problems summary, which is about no one rule. */
  rule?: string;
  environments: string[];
  /** The first of `fixes`, for clients that read one. */
  fix?: Fix;
  fixes?: Fix[];
  /**
   * The summary in an environment's own module of problems written elsewhere: no waiver or fix belongs here (a waiver
   * works only where the value is set), so code actions offer none.
   */
  inherited?: boolean;
}

/** Where each problem's diagnostic goes, and each environment's summary: the files whose diagnostics they make. */
export function diagnosticFiles(problems: readonly Problem[]): Map<string, Problem[]> {
  const out = new Map<string, Problem[]>();
  const add = (file: string, p: Problem) => {
    const list = out.get(file);
    if (list) list.push(p);
    else out.set(file, [p]);
  };
  for (const p of problems) {
    add(p.location.file, p);
    for (const e of p.environments) if (e.anchor && e.anchor.file !== p.location.file) add(e.anchor.file, p);
  }
  return out;
}

/**
 * The diagnostics of `file`: the problems written there, each once with the environments it hurts when they are not
 * all of those that load `file`, and for each environment whose module `file` is, one information diagnostic listing what it
 * inherits from other files.
 */
export function toDiagnostics(
  file: string,
  problems: readonly Problem[],
  notes: readonly Note[],
  allEnvironments: readonly string[],
  /** The environments that load `file`: a problem hurting all of them needs no "(in …)" (default: all). */
  loading: readonly string[] = allEnvironments,
): Diagnostic[] {
  const out: Diagnostic[] = [];
  const here = problems.filter((p) => p.location.file === file);
  for (const p of here) out.push(problemDiagnostic(p, allEnvironments, loading));
  const inherited = inheritedByEnvironment(problems.filter((p) => p.location.file !== file));
  for (const { environment, problems: list } of inherited.values()) {
    const anchors = list.flatMap((p) => p.environments.filter((e) => e.name === environment.name && e.anchor?.file === file).map((e) => e.anchor!));
    if (anchors.length === 0) continue;
    const first = anchors.reduce((a, b) => (b.range.startOffset < a.range.startOffset ? b : a));
    const n = list.length;
    out.push({
      range: lspRange(first.range),
      severity: DiagnosticSeverity.Information,
      source: DIAGNOSTIC_SOURCE,
      message: `${shortEnvironmentName(environment.name, allEnvironments)} inherits ${n} problem${n === 1 ? "" : "s"} from ${sourceFiles(list)}`,
      relatedInformation: list.slice(0, 50).map((p) => related(p.location, `${p.rule}: ${p.message}`)),
      data: { environments: [environment.name], inherited: true } satisfies DiagnosticData,
    });
  }
  for (const n of notes) {
    if (!n.range || n.file !== file) continue;
    if (out.some((d) => d.message === n.message && d.range.start.line === n.range!.start.line)) continue;
    out.push({
      range: lspRange(n.range),
      severity: n.severity === "error" ? DiagnosticSeverity.Warning : DiagnosticSeverity.Information,
      source: DIAGNOSTIC_SOURCE,
      message: n.message,
    });
  }
  return out;
}

function problemDiagnostic(p: Problem, allEnvironments: readonly string[], loading: readonly string[]): Diagnostic {
  const rule = catalogueEntry(p.rule);
  const tags: DiagnosticTag[] = [];
  if (p.rule.includes("deprecated")) tags.push(DiagnosticTag.Deprecated);
  if (p.rule === "unused-waiver" || p.rule === "env-unused") tags.push(DiagnosticTag.Unnecessary);
  const rel: DiagnosticRelatedInformation[] = [];
  // The headline is the message; why it matters and what to do come first among the related lines.
  const { headline, detail } = messageParts(p.message);
  if (detail) rel.push(related(p.location, detail));
  for (const e of p.environments) for (const r of e.related) rel.push(related(r.loc, r.message));
  const data: DiagnosticData = { rule: p.rule, environments: p.environments.map((e) => e.name), ...(p.fixes.length ? { fix: p.fixes[0], fixes: p.fixes } : {}) };
  return {
    range: lspRange(p.location.range),
    severity: SEVERITY[p.severity],
    code: p.rule,
    codeDescription: rule ? { href: docsUrl(rule) } : undefined,
    source: p.djangoCheck ? `${DIAGNOSTIC_SOURCE} (${p.djangoCheck})` : DIAGNOSTIC_SOURCE,
    message: headline + environmentsSuffix(p, allEnvironments, loading),
    relatedInformation: rel.length ? rel : undefined,
    tags: tags.length ? tags : undefined,
    data,
  };
}

function related(loc: Loc, message: string): DiagnosticRelatedInformation {
  return { location: { uri: uriOf(loc.file), range: lspRange(loc.range) }, message };
}
