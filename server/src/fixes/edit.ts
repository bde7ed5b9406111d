// The shape of a fix: text edits and their safety. The fixes layer builds them; rules attach them to findings.

import type { Range } from "../parse/model";

/** One text change in one file; `range` offsets index the file's current text. A missing file is created. */
export interface TextEdit {
  file: string;
  range: Range;
  newText: string;
}

/**
 * A prepared fix, in the spirit of ruff's fix safety: "safe" keeps the program's behaviour for a correct deployment,
 * "unsafe" changes it (an env read without a default makes the variable required) and is applied only on request.
 */
export interface Fix {
  title: string;
  safety: "safe" | "unsafe";
  edits: TextEdit[];
}
