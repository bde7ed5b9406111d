// GitLab code quality report (the Code Climate issue subset GitLab reads): one issue per place, for merge-request widgets.
import { findingFingerprint } from "../rules/fingerprint";
import type { JsonReport } from "../report/jsonReport";

/** GitLab's scale is info, minor, major, critical, blocker: a committed secret or a broken setting ranks above a warning. */
const SEVERITY: Record<string, "info" | "minor" | "major" | "critical"> = { error: "critical", warning: "major", information: "minor", hint: "info" };

export interface GitlabIssue {
  description: string;
  check_name: string;
  fingerprint: string;
  severity: "info" | "minor" | "major" | "critical" | "blocker";
  location: { path: string; lines: { begin: number; end?: number } };
}

/**
 * `report` paths must be relative to the repository root (GitLab places issues by them). GitLab shows only the first
 * issue of a fingerprint, so a fingerprint seen again (the same value written twice in one file) gets a counter.
 */
export function formatGitlab(report: JsonReport): string {
  const seen = new Map<string, number>();
  const issues: GitlabIssue[] = report.findings.map((f) => {
    const n = seen.get(f.fingerprint) ?? 0;
    seen.set(f.fingerprint, n + 1);
    return {
      description: `${f.message} [${f.environments.join(", ")}]`,
      check_name: f.djangoCheck ? `${f.rule} (${f.djangoCheck})` : f.rule,
      fingerprint: n === 0 ? f.fingerprint : findingFingerprint([f.fingerprint, String(n)]),
      severity: SEVERITY[f.severity],
      location: { path: f.file, lines: { begin: f.line, ...(f.endLine > f.line ? { end: f.endLine } : {}) } },
    };
  });
  return JSON.stringify(issues, null, 2) + "\n";
}
