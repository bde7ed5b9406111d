// Adds an import where it belongs: after the module docstring and `from __future__` imports, else after the header comments.
import type { ModuleModel } from "../parse/model";
import type { TextEdit } from "./edit";
import { rangeOfOffsets } from "./literal";

function eolOf(text: string): string {
  // One answer per text: every fix that adds an import to the same module asks (see hasLoneCr).
  if (text !== lastEolText) {
    lastEol = text.includes("\r\n") ? "\r\n" : "\n";
    lastEolText = text;
  }
  return lastEol;
}

let lastEolText: string | undefined;
let lastEol = "\n";

/** Offset of the start of the line after the one holding `offset` (or the end of the text). */
function nextLineStart(text: string, offset: number): number {
  const nl = text.indexOf("\n", offset);
  return nl < 0 ? text.length : nl + 1;
}

function lineAt(text: string, start: number): string {
  const nl = text.indexOf("\n", start);
  return text.slice(start, nl < 0 ? text.length : nl).replace(/\r$/, "");
}

const IMPORT_LINE = /^(import|from)\s/;

/**
 * An edit inserting `statement` (one line, such as `import os`) at module level. It goes after the docstring and the
 * `from __future__` imports (ModuleModel.importInsertOffset); in a module with neither, after the leading comment
 * block, so a shebang, an encoding line or a header comment stays first. A blank line separates it from code that is
 * not an import, as isort would leave it.
 */
export function importEdit(model: ModuleModel, statement: string): TextEdit {
  const text = model.text;
  const eol = eolOf(text);
  let at: number;
  if (model.importInsertOffset > 0) {
    at = nextLineStart(text, model.importInsertOffset);
    if (at === text.length && !text.endsWith("\n")) {
      return { file: model.file, range: rangeOfOffsets(text, text.length, text.length), newText: eol + eol + statement + eol };
    }
    const next = lineAt(text, at);
    if (next.trim() === "") {
      const after = nextLineStart(text, at);
      // `"""Doc."""\n\nimport sys` → join the existing imports; `"""Doc."""\n\nDEBUG = …` → a paragraph of its own.
      if (IMPORT_LINE.test(lineAt(text, after))) return { file: model.file, range: rangeOfOffsets(text, after, after), newText: statement + eol };
      return { file: model.file, range: rangeOfOffsets(text, at, at), newText: eol + statement + eol };
    }
    if (IMPORT_LINE.test(next)) return { file: model.file, range: rangeOfOffsets(text, at, at), newText: statement + eol };
    return { file: model.file, range: rangeOfOffsets(text, at, at), newText: eol + statement + eol + eol };
  }
  // No docstring: skip the leading comment block (shebang, coding line, header) and the blank lines after it.
  at = 0;
  let sawComment = false;
  while (at < text.length) {
    const line = lineAt(text, at);
    if (line.trimStart().startsWith("#")) sawComment = true;
    else if (!(line.trim() === "" && sawComment)) break;
    at = nextLineStart(text, at);
  }
  if (at >= text.length) {
    const lead = text.length > 0 && !text.endsWith("\n") ? eol : "";
    const gap = text.trim() === "" ? "" : eol;
    return { file: model.file, range: rangeOfOffsets(text, text.length, text.length), newText: lead + gap + statement + eol };
  }
  const next = lineAt(text, at);
  const newText = IMPORT_LINE.test(next) ? statement + eol : statement + eol + eol;
  return { file: model.file, range: rangeOfOffsets(text, at, at), newText };
}
