// Lists an environment variable's name (never its value) in the project's .env.example, creating the file when absent.
import * as path from "path";
import type { TextEdit } from "./edit";
import { readFromDisk } from "../parse/fileText";
import { isEnvVarName } from "./envNames";
import { rangeOfOffsets } from "./literal";

export const ENV_EXAMPLE = ".env.example";

/** Where the project keeps its example: beside the audited root. */
export function envExamplePath(root: string): string {
  return path.join(root, ENV_EXAMPLE);
}

/** Whether a dotenv text already lists `variable` (`NAME=`, `export NAME=…`, or a commented-out `# NAME=`). */
export function listsVariable(text: string, variable: string): boolean {
  const escaped = variable.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return new RegExp(`^[ \\t]*(?:#[ \\t]*)?(?:export[ \\t]+)?${escaped}[ \\t]*=`, "m").test(text);
}

/**
 * The edit adding `NAME=` to .env.example, or undefined when the file already lists the name or `variable` is not a
 * variable name (isEnvVarName): callers check first and offer no fix for such a name, and this check makes sure that
 * only a name, and so exactly one line, is ever written here. A TextEdit on a file that does not exist means "create
 * it" (see TextEdit). `current` overrides the file's text on disk, for callers that have edits of their own pending.
 */
export function envExampleEdit(root: string, variable: string, current?: string): TextEdit | undefined {
  if (!isEnvVarName(variable)) return undefined;
  const file = envExamplePath(root);
  const text = current ?? readFromDisk(file);
  if (text === undefined) return { file, range: rangeOfOffsets("", 0, 0), newText: `${variable}=\n` };
  if (listsVariable(text, variable)) return undefined;
  const eol = text.includes("\r\n") ? "\r\n" : "\n";
  const lead = text.length === 0 || text.endsWith("\n") ? "" : eol;
  return { file, range: rangeOfOffsets(text, text.length, text.length), newText: `${lead}${variable}=${eol}` };
}
