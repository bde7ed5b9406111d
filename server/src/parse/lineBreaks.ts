// LSP line rules for the parse layer: CRLF, LF and a lone CR each end a line, and tree-sitter is made to agree.

const LONE_CR = /\r(?!\n)/g;

/**
 * The text tree-sitter parses: every lone CR turned into an LF. Python's tokenizer and LSP both end a line at a lone CR,
 * tree-sitter's rows and tree-sitter-python's newline token do not; swapping one code unit for another keeps every
 * offset, and makes tree-sitter's rows and columns LSP's lines and characters. Most files hold no CR at all.
 */
export function treeSitterText(text: string): string {
  return hasLoneCr(text) ? text.replace(LONE_CR, "\n") : text;
}

/** includes() first: most files hold no CR and pay nothing more; a CRLF file pays one native regex scan. */
export function hasLoneCr(text: string): boolean {
  // Asked for every position computed in one text (16,000 fixes in one module asked 16,000 times): the last answer is
  // kept, and comparing the same string object is immediate.
  if (text === lastCrText) return lastCr;
  lastCr = text.includes("\r") && /\r(?!\n)/.test(text);
  lastCrText = text;
  return lastCr;
}

let lastCrText: string | undefined;
let lastCr = false;

/**
 * The LSP position of a UTF-16 offset, which is also the tree-sitter point of that offset in treeSitterText(text).
 * An offset between the CR and the LF of a CRLF still belongs to the line the CRLF ends, as vscode's TextDocument has it.
 */
export function positionAt(text: string, offset: number): { line: number; character: number } {
  let line = 0;
  let lineStart = 0;
  const end = Math.min(offset, text.length);
  if (!hasLoneCr(text)) {
    // Only LFs end lines then (a CRLF ends at its LF); indexOf scans far faster than a loop over code units, and this
    // runs on every keystroke in a large module.
    for (let i = text.indexOf("\n"); i !== -1 && i < end; i = text.indexOf("\n", i + 1)) {
      line++;
      lineStart = i + 1;
    }
    return { line, character: offset - lineStart };
  }
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, character: offset - lineStart };
}
