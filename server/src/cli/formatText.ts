// The human-readable audit: `path:line:col: severity rule headline [environments]` and the detail below, one entry per
// place, grouped by file, with a summary.
import * as path from "path";
import type { JsonReport } from "../report/jsonReport";
import { messageParts } from "../report/messageParts";
import { shortEnvironmentName } from "../session/problems";

const COLORS = { error: "\x1b[31m", warning: "\x1b[33m", information: "\x1b[36m", hint: "\x1b[2m", dim: "\x1b[2m", bold: "\x1b[1m", reset: "\x1b[0m" };

/**
 * `report` paths are relative to `base` (the repository root); the text shows them relative to `cwd`, so a terminal
 * can open them, as compilers and linters print theirs.
 */
export function formatText(report: JsonReport, color: boolean, base = process.cwd(), cwd = process.cwd()): string {
  const c = (code: keyof typeof COLORS, s: string) => (color ? COLORS[code] + s + COLORS.reset : s);
  const shown = (file: string) => {
    const rel = path.relative(cwd, path.resolve(base, file));
    return (rel.startsWith("..") || path.isAbsolute(rel) ? path.resolve(base, file) : rel || ".").split(path.sep).join("/");
  };
  const lines: string[] = [];
  lines.push(c("bold", `Django ${report.djangoVersion}`) + c("dim", ` (${report.djangoVersionSource === "default" ? "assumed: newest LTS, nothing in the project pins it" : "from " + report.djangoVersionSource})`));
  for (const e of report.environments) lines.push(`  ${e.kind.padEnd(11)} ${e.name}` + c("dim", `  ${shown(e.module)}`));
  lines.push("");
  for (const n of report.notes) {
    lines.push(`${shown(n.file)}${n.line ? ":" + n.line : ""}: ${c(n.severity === "error" ? "error" : "dim", "note")}: ${n.message}`);
  }
  if (report.notes.length) lines.push("");
  let lastFile = "";
  const allNames = report.environments.map((e) => e.name);
  for (const f of report.findings) {
    if (f.file !== lastFile && lastFile) lines.push("");
    lastFile = f.file;
    const check = f.djangoCheck ? ` (${f.djangoCheck})` : "";
    // The headline on the finding's line, why and what to do indented below it, as compilers print their notes.
    const { headline, detail } = messageParts(f.message);
    const envs = f.environments.length ? " " + c("dim", `[${f.environments.map((e) => shortEnvironmentName(e, allNames)).join(", ")}]`) : "";
    lines.push(`${shown(f.file)}:${f.line}:${f.column}: ${c(f.severity, f.severity)} ${c("bold", f.rule)}${check} ${headline}${envs}`);
    if (detail) lines.push(`    ${detail}`);
    for (const r of f.related) lines.push(c("dim", `    ${shown(r.file)}:${r.line}:${r.column}: ${r.message}`));
  }
  if (report.findings.length) lines.push("");
  lines.push(c("bold", summaryLine(report)));
  return lines.join("\n") + "\n";
}

/** "5 problems (2 errors, 3 warnings) in 2 of 4 environments." counting places, and only environments the report lists. */
export function summaryLine(report: JsonReport): string {
  const total = report.environments.length;
  const envWord = (n: number) => `environment${n === 1 ? "" : "s"}`;
  if (report.findings.length === 0) return `No problems in ${total} ${envWord(total)}.`;
  const count = (s: string) => report.findings.filter((f) => f.severity === s).length;
  const parts = (["error", "warning", "information", "hint"] as const).filter((s) => count(s)).map((s) => `${count(s)} ${s === "information" ? "info" : s}${count(s) === 1 || s === "information" ? "" : "s"}`);
  const listed = new Set(report.environments.map((e) => e.name));
  const hurt = new Set(report.findings.flatMap((f) => f.environments).filter((e) => listed.has(e))).size;
  const problems = `${report.findings.length} problem${report.findings.length === 1 ? "" : "s"} (${parts.join(", ")})`;
  // Project-wide findings (.env files) hurt no listed environment; say nothing about environments then, rather than "0 of 3".
  return hurt === 0 ? `${problems}.` : `${problems} in ${hurt} of ${total} ${envWord(total)}.`;
}
