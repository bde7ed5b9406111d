// GitHub Actions workflow-command annotations: one ::error/::warning/::notice line per place, paths relative to the repository.
import type { JsonReport } from "../report/jsonReport";

const COMMAND: Record<string, string> = { error: "error", warning: "warning", information: "notice", hint: "notice" };

/** Workflow commands need %, CR and LF escaped in the message, and also ',' and ':' in properties. */
function escapeData(s: string): string {
  return s.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, "%3A").replace(/,/g, "%2C");
}

/** `report` paths must be relative to the repository root: GitHub places annotations by the checkout's paths. */
export function formatGithub(report: JsonReport): string {
  const lines = report.findings.map((f) => {
    const title = f.djangoCheck ? `${f.rule} (${f.djangoCheck})` : f.rule;
    const props = [`file=${escapeProperty(f.file)}`, `line=${f.line}`, `col=${f.column}`, `endLine=${f.endLine}`, `endColumn=${f.endColumn}`, `title=${escapeProperty(title)}`];
    return `::${COMMAND[f.severity]} ${props.join(",")}::${escapeData(`${f.message} [${f.environments.join(", ")}]`)}`;
  });
  return lines.join("\n") + (lines.length ? "\n" : "");
}
