// The human-readable audit: `path:line:col: severity rule message [environment]`, grouped by file, with a summary.
import type { JsonReport } from "../report/jsonReport";

const COLORS = { error: "\x1b[31m", warning: "\x1b[33m", information: "\x1b[36m", hint: "\x1b[2m", dim: "\x1b[2m", bold: "\x1b[1m", reset: "\x1b[0m" };

export function formatText(report: JsonReport, color: boolean): string {
  const c = (code: keyof typeof COLORS, s: string) => (color ? COLORS[code] + s + COLORS.reset : s);
  const lines: string[] = [];
  lines.push(c("bold", `Django ${report.djangoVersion}`) + c("dim", ` (${report.djangoVersionSource === "default" ? "assumed: newest LTS, nothing in the project pins it" : "from " + report.djangoVersionSource})`));
  for (const e of report.environments) lines.push(`  ${e.kind.padEnd(11)} ${e.name}` + c("dim", `  ${e.module}`));
  lines.push("");
  for (const n of report.notes) {
    lines.push(`${n.file}${n.line ? ":" + n.line : ""}: ${c(n.severity === "error" ? "error" : "dim", "note")}: ${n.message}`);
  }
  if (report.notes.length) lines.push("");
  let lastFile = "";
  for (const f of report.findings) {
    if (f.file !== lastFile && lastFile) lines.push("");
    lastFile = f.file;
    const check = f.djangoCheck ? ` (${f.djangoCheck})` : "";
    lines.push(`${f.file}:${f.line}:${f.column}: ${c(f.severity, f.severity)} ${c("bold", f.rule)}${check} ${f.message} ${c("dim", `[${f.environment}]`)}`);
    for (const r of f.related) lines.push(c("dim", `    ${r.file}:${r.line}:${r.column}: ${r.message}`));
  }
  if (report.findings.length) lines.push("");
  const count = (s: string) => report.findings.filter((f) => f.severity === s).length;
  const envs = new Set(report.findings.map((f) => f.environment)).size;
  if (report.findings.length === 0) lines.push(c("bold", `No problems in ${report.environments.length} environment(s).`));
  else {
    const parts = (["error", "warning", "information", "hint"] as const).filter((s) => count(s)).map((s) => `${count(s)} ${s === "information" ? "info" : s}${count(s) === 1 || s === "information" ? "" : "s"}`);
    lines.push(c("bold", `${report.findings.length} problem${report.findings.length === 1 ? "" : "s"} (${parts.join(", ")}) in ${envs} of ${report.environments.length} environment(s).`));
  }
  return lines.join("\n") + "\n";
}
