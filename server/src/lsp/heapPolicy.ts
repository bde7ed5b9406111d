// The language server's V8 young-generation policy: kept small for memory, let grow once a large document is open.
import * as v8 from "v8";

/**
 * Set when the server starts (and by bin/ before it loads the bundle, as V8 accepts a code cache only under the flags
 * it was written with). V8 grows the young generation up to 16 MiB a semi-space while a large first analysis
 * allocates, and keeps it for minutes: with 1,000 settings modules that was 30 of the server's 122 MiB
 * (bench/lsp-latency.mjs). At its initial size the server measured 92 MiB there, and a 300-line module's keystroke
 * was no slower.
 */
export const SERVER_V8_FLAGS = "--semi-space-growth-factor=1";

/**
 * From this many characters in one open document on, V8's default growth is back: a 3,000-line module (137 KB)
 * allocates enough per keystroke that a small young generation promotes much of it, 25 → 30 ms a keystroke here.
 */
export const LARGE_DOCUMENT_CHARS = 64_000;

let grown = false;

export function useSmallYoungGeneration(): void {
  v8.setFlagsFromString(SERVER_V8_FLAGS);
}

/** Called with each open document's length: the first large one lets the young generation grow for good. */
export function noteDocumentLength(chars: number): void {
  if (grown || chars < LARGE_DOCUMENT_CHARS) return;
  grown = true;
  v8.setFlagsFromString("--semi-space-growth-factor=2");
}
