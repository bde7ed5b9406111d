// File paths ↔ LSP URIs, and engine ranges ↔ LSP ranges.
import { fileURLToPath, pathToFileURL } from "url";
import type { Range as LspRange } from "vscode-languageserver";
import type { Range } from "../parse/model";

export function uriOf(file: string): string {
  return pathToFileURL(file).toString();
}

/** Only file: URIs map to paths; untitled and virtual documents have none. */
export function fileOf(uri: string): string | undefined {
  if (!uri.startsWith("file:")) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

export function lspRange(r: Range): LspRange {
  return { start: { line: r.start.line, character: r.start.character }, end: { line: r.end.line, character: r.end.character } };
}
