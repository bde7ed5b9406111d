// The documented, stable JSON shape of an audit (schema version 2: one finding per place), shared by the CLI and the language server.
import * as path from "path";
import type { Project } from "../resolve/project";
import { formatVersion } from "../resolve/djangoVersion";
import type { Note } from "../resolve/namespace";
import type { Loc } from "../resolve/values";
import { SECRET_DIGEST, type CarriesSecretDigest } from "../rules/fingerprint";
import type { Finding } from "../rules/types";
import { groupByPlace, kindRank, type Problem } from "../session/problems";

export interface JsonLocation {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** One problem at one place, with every environment it hurts. */
export interface JsonFinding extends JsonLocation, CarriesSecretDigest {
  rule: string;
  djangoCheck: string | null;
  severity: Finding["severity"];
  /** Dotted module names, production first. */
  environments: string[];
  message: string;
  fixable: boolean;
  setting: string | null;
  /** Each environment's import that brings the value in, and the chain of imports after it. */
  related: Array<JsonLocation & { message: string }>;
  /** Stable across line moves and the same for every environment: rule, check, file, setting and a hash of the value. */
  fingerprint: string;
}

export interface JsonEnvironment {
  name: string;
  kind: string;
  module: string;
  files: string[];
  kindSource: string;
  /** True when the kind is a guess: nothing said which environment the module serves, or the evidence conflicted. */
  kindGuessed: boolean;
}

export interface JsonReport {
  version: 2;
  djangoVersion: string;
  djangoVersionSource: string;
  /** Production first, then staging, testing, development, base. */
  environments: JsonEnvironment[];
  findings: JsonFinding[];
  notes: Array<{ file: string; line: number | null; severity: Note["severity"]; message: string }>;
  /** With --baseline: how many findings the baseline accepted, and its entries that match nothing any more. */
  baseline?: { baselined: number; stale: Array<{ rule: string; environments?: string[]; setting: string | null; file: string; fingerprint: string }> };
}

/** A file as outputs name it: a POSIX path relative to `base` (the repository root for CI formats). */
export function relPath(base: string, file: string): string {
  const rel = path.relative(base, file);
  // A note about the audited folder itself (a symlink loop in the walk): "." rather than its name, which read as a
  // folder inside it ("plane/plane: note: ...").
  return (rel === "" ? "." : rel).split(path.sep).join("/");
}

export function jsonLocation(base: string, loc: Loc): JsonLocation {
  return {
    file: relPath(base, loc.file),
    line: loc.range.start.line + 1,
    column: loc.range.start.character + 1,
    endLine: loc.range.end.line + 1,
    endColumn: loc.range.end.character + 1,
  };
}

/** What one audited root contributes: its project, the problems to show, and the directory paths are relative to. */
export interface ReportPart {
  project: Pick<Project, "django" | "environments" | "notes">;
  problems: readonly Problem[];
  base: string;
}

export function toJsonReport(parts: readonly ReportPart[]): JsonReport {
  const first = parts[0]?.project;
  const report: JsonReport = {
    version: 2,
    djangoVersion: first ? formatVersion(first.django.version) : "",
    djangoVersionSource: first?.django.source ?? "default",
    environments: [],
    findings: [],
    notes: [],
  };
  for (const { project, problems, base } of parts) {
    const envs = [...project.environments].sort((a, b) => kindRank(a.kind) - kindRank(b.kind) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const env of envs) {
      report.environments.push({ name: env.name, kind: env.kind, module: relPath(base, env.file), files: env.files.map((f) => relPath(base, f)), kindSource: env.kindSource, kindGuessed: env.kindGuessed });
    }
    for (const p of problems) report.findings.push(toJsonFinding(base, p));
    const seen = new Set<string>();
    const allNotes = [...project.notes, ...project.environments.flatMap((e) => e.notes)];
    for (const n of allNotes) {
      const key = `${n.file}:${n.range?.startOffset}:${n.message}`;
      if (seen.has(key)) continue;
      seen.add(key);
      report.notes.push({ file: relPath(base, n.file), line: n.range ? n.range.start.line + 1 : null, severity: n.severity, message: n.message });
    }
  }
  return report;
}

/** One problem in the documented JSON shape, paths relative to `base`: the audit and the inventory report share it. */
export function toJsonFinding(base: string, p: Problem): JsonFinding {
  const related: JsonFinding["related"] = [];
  const seen = new Set<string>();
  for (const e of p.environments) {
    for (const r of e.related) {
      const loc = jsonLocation(base, r.loc);
      const key = `${loc.file}:${loc.line}:${loc.column}:${r.message}`;
      if (seen.has(key)) continue;
      seen.add(key);
      related.push({ ...loc, message: r.message });
    }
  }
  return {
    rule: p.rule,
    djangoCheck: p.djangoCheck,
    severity: p.severity,
    environments: p.environments.map((e) => e.name),
    ...jsonLocation(base, p.location),
    message: p.message,
    fixable: p.fixes.length > 0,
    setting: p.setting ?? null,
    related,
    fingerprint: p.fingerprint,
    ...(p[SECRET_DIGEST] ? { [SECRET_DIGEST]: p[SECRET_DIGEST] } : {}),
  };
}

/** Findings (of one environment's view, or the inventory's) as problems in the JSON shape. */
export function toJsonFindings(base: string, findings: readonly Finding[]): JsonFinding[] {
  return groupByPlace(findings).map((p) => toJsonFinding(base, p));
}
