// Reads a Python file's bytes into text the way Python would, refusing binary and oversized input with a reason.
import * as fs from "fs";

/** Files above this size are skipped with a note: no settings module is this large, and parsing one would stall the editor. */
export const MAX_SOURCE_BYTES = 5 * 1024 * 1024;

export type SourceResult = { ok: true; text: string; note?: string } | { ok: false; reason: string };

export function decodeSource(bytes: Uint8Array): SourceResult {
  if (bytes.length > MAX_SOURCE_BYTES) {
    return { ok: false, reason: `skipped: ${bytes.length} bytes is above the ${MAX_SOURCE_BYTES}-byte limit for a settings module` };
  }
  if (bytes.indexOf(0) !== -1) return { ok: false, reason: "skipped: the file holds NUL bytes, so it is not Python source" };
  let start = 0;
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) start = 3;
  const body = bytes.subarray(start);
  try {
    return { ok: true, text: new TextDecoder("utf-8", { fatal: true }).decode(body) };
  } catch {
    // Python 3 would refuse to import this file; read it as Latin-1 so the rest can still be analysed.
    return { ok: true, text: new TextDecoder("latin1").decode(body), note: "the file is not valid UTF-8; it was read as Latin-1" };
  }
}

export function readSource(file: string): SourceResult {
  try {
    const stat = fs.statSync(file);
    if (!stat.isFile()) return { ok: false, reason: "not a regular file" };
    if (stat.size > MAX_SOURCE_BYTES) {
      return { ok: false, reason: `skipped: ${stat.size} bytes is above the ${MAX_SOURCE_BYTES}-byte limit for a settings module` };
    }
    return decodeSource(fs.readFileSync(file));
  } catch (e) {
    return { ok: false, reason: `cannot be read: ${(e as NodeJS.ErrnoException).code ?? String(e)}` };
  }
}
