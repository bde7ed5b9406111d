// Inserts a new top-level statement at the end of a settings module: where an environment's own override belongs.
import type { ModuleModel } from "../parse/model";
import type { TextEdit } from "./edit";
import { rangeOfOffsets } from "./literal";

/**
 * An edit appending `statement` (one or more lines, no trailing newline needed) after everything else in the module.
 * The end of the module is the one place where a new assignment is sure to win over star-imports and earlier writes.
 */
export function insertSetting(model: ModuleModel, statement: string): TextEdit {
  const text = model.text;
  const end = text.length;
  const body = statement.replace(/\n+$/, "") + "\n";
  // Keep the file's own line endings, and never glue the new statement onto a last line without a newline.
  const eol = text.includes("\r\n") ? "\r\n" : "\n";
  const lead = end === 0 || text.endsWith("\n") ? "" : eol;
  return { file: model.file, range: rangeOfOffsets(text, end, end), newText: lead + body.replace(/\n/g, eol) };
}

/** True when the module already assigns `name` at top level, so an insertion would only shadow that write. */
export function assignsAtTopLevel(model: ModuleModel, name: string): boolean {
  return model.statements.some((s) => (s.kind === "assign" && s.targets.some((t) => t.name === name && t.path.length === 0)) || (s.kind === "augassign" && s.target.name === name));
}
