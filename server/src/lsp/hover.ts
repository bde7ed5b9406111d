// Hover on a setting's name: its effective value in every environment that reads this file, and where it was set.
import * as path from "path";
import type { Hover, Position } from "vscode-languageserver";
import type { TextDocument } from "vscode-languageserver-textdocument";
import { isSettingName } from "../resolve/namespace";
import { envReadsOf } from "../resolve/values";
import { displayValue } from "../secrets/display";
import { fileOf } from "./uris";
import type { WorkspaceState } from "./workspace";

export function hover(doc: TextDocument, pos: Position, state: WorkspaceState): Hover | null {
  const file = fileOf(doc.uri);
  if (!file) return null;
  const line = doc.getText({ start: { line: pos.line, character: 0 }, end: { line: pos.line + 1, character: 0 } });
  let a = pos.character;
  let b = pos.character;
  while (a > 0 && /\w/.test(line[a - 1])) a--;
  while (b < line.length && /\w/.test(line[b])) b++;
  const name = line.slice(a, b);
  if (!name || !isSettingName(name)) return null;
  const rows: string[] = [];
  for (const audit of state.audits.values()) {
    for (const env of audit.project.environments) {
      if (!env.files.includes(file)) continue;
      const s = env.get(name);
      if (s.isDefault && s.value.k === "unknown") continue;
      const last = s.binding?.writes[s.binding.writes.length - 1];
      const where = last ? `${path.basename(last.file)}:${last.range.start.line + 1}` : "Django default";
      const vars = [...new Set(envReadsOf(s.value).map((r) => r.variable))];
      const unset = vars.length ? ` — while ${vars.join(", ")} ${vars.length === 1 ? "is" : "are"} unset` : "";
      rows.push(`| ${env.kind} | \`${env.name}\` | \`${displayValue(name, s.value).replace(/\|/g, "\\|")}\`${unset} | ${where} |`);
    }
  }
  if (rows.length === 0) return null;
  const value = [`**${name}** in each environment`, "", "| Environment | Module | Effective value | Set at |", "|---|---|---|---|", ...rows].join("\n");
  return { contents: { kind: "markdown", value }, range: { start: { line: pos.line, character: a }, end: { line: pos.line, character: b } } };
}
