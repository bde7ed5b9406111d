// The documented, stable JSON shape of an audit (schema version 1), shared by the CLI and the language server.
import * as path from "path";
import type { Audit } from "../engine";
import { formatVersion } from "../resolve/djangoVersion";
import type { Note } from "../resolve/namespace";
import type { Loc } from "../resolve/values";
import type { Finding } from "../rules/types";

export interface JsonLocation {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export interface JsonFinding extends JsonLocation {
  rule: string;
  djangoCheck: string | null;
  severity: Finding["severity"];
  environment: string;
  message: string;
  fixable: boolean;
  setting: string | null;
  related: Array<JsonLocation & { message: string }>;
  /** Stable across line moves: rule, environment, setting and a hash of the value. */
  fingerprint: string;
}

export interface JsonReport {
  version: 1;
  djangoVersion: string;
  djangoVersionSource: string;
  environments: Array<{ name: string; kind: string; module: string; files: string[]; kindSource: string; kindGuessed: boolean }>;
  findings: JsonFinding[];
  notes: Array<{ file: string; line: number | null; severity: Note["severity"]; message: string }>;
  /** With --baseline: how many findings the baseline accepted, and its entries that match nothing any more. */
  baseline?: { baselined: number; stale: Array<{ rule: string; environment: string; setting: string | null; file: string; fingerprint: string }> };
}

export function relPath(root: string, file: string): string {
  const rel = path.relative(root, file);
  return (rel === "" ? path.basename(file) : rel).split(path.sep).join("/");
}

export function jsonLocation(root: string, loc: Loc): JsonLocation {
  return {
    file: relPath(root, loc.file),
    line: loc.range.start.line + 1,
    column: loc.range.start.character + 1,
    endLine: loc.range.end.line + 1,
    endColumn: loc.range.end.character + 1,
  };
}

export function toJsonReport(audits: Array<{ audit: Audit; base: string }>): JsonReport {
  const first = audits[0]?.audit.project;
  const report: JsonReport = {
    version: 1,
    djangoVersion: first ? formatVersion(first.django.version) : "",
    djangoVersionSource: first?.django.source ?? "default",
    environments: [],
    findings: [],
    notes: [],
  };
  for (const { audit, base } of audits) {
    for (const env of audit.project.environments) {
      report.environments.push({
        name: env.name,
        kind: env.kind,
        module: relPath(base, env.file),
        files: env.files.map((f) => relPath(base, f)),
        kindSource: env.kindSource,
        kindGuessed: env.kindGuessed,
      });
    }
    for (const f of audit.findings) {
      report.findings.push(toJsonFinding(base, f));
    }
    const seen = new Set<string>();
    const allNotes = [...audit.project.notes, ...audit.project.environments.flatMap((e) => e.notes)];
    for (const n of allNotes) {
      const key = `${n.file}:${n.range?.startOffset}:${n.message}`;
      if (seen.has(key)) continue;
      seen.add(key);
      report.notes.push({ file: relPath(base, n.file), line: n.range ? n.range.start.line + 1 : null, severity: n.severity, message: n.message });
    }
  }
  return report;
}

/** One finding in the documented JSON shape, paths relative to `base`: the audit and the inventory report share it. */
export function toJsonFinding(base: string, f: Finding): JsonFinding {
  return {
    rule: f.rule,
    djangoCheck: f.djangoCheck,
    severity: f.severity,
    environment: f.environment,
    ...jsonLocation(base, f.location),
    message: f.message,
    fixable: f.fix !== undefined,
    setting: f.setting ?? null,
    related: f.related.map((r) => ({ ...jsonLocation(base, r.loc), message: r.message })),
    fingerprint: f.fingerprint,
  };
}
