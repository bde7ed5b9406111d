// File paths ↔ LSP URIs, and engine ranges ↔ LSP ranges.
import { fileURLToPath, pathToFileURL } from "url";
import type { Range as LspRange } from "vscode-languageserver";
import type { Range } from "../parse/model";

/**
 * Remembered per path: publishing converts every finding's file on every analysis, and pathToFileURL (a URL object,
 * percent-encoding) was a tenth of a keystroke's time in a workspace of a thousand settings modules. Cleared when full,
 * so a long session over many files cannot grow it without bound.
 */
const uris = new Map<string, string>();
const MAX_URIS = 20_000;

export function uriOf(file: string): string {
  let uri = uris.get(file);
  if (uri === undefined) {
    if (uris.size >= MAX_URIS) uris.clear();
    uri = pathToFileURL(file).toString();
    uris.set(file, uri);
  }
  return uri;
}

/** Only file: URIs map to paths; untitled and virtual documents have none. Remembered like uriOf: the overlay asks per load. */
const files = new Map<string, string | undefined>();

export function fileOf(uri: string): string | undefined {
  if (files.has(uri)) return files.get(uri);
  let file: string | undefined;
  if (uri.startsWith("file:")) {
    try {
      file = fileURLToPath(uri);
    } catch {
      file = undefined;
    }
  }
  if (files.size >= MAX_URIS) files.clear();
  files.set(uri, file);
  return file;
}

export function lspRange(r: Range): LspRange {
  return { start: { line: r.start.line, character: r.start.character }, end: { line: r.end.line, character: r.end.character } };
}
