// Offsets ↔ engine ranges for documentation files (dotenv, YAML, JSON, TOML), so their findings locate like Python ones.
import type { Range } from "../parse/model";
import type { Loc } from "../resolve/values";

/** Line starts of a text, for turning UTF-16 offsets into 0-based line/character pairs. */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(readonly text: string) {
    for (let i = 0; i < text.length; i++) {
      if (text.charCodeAt(i) === 10) this.starts.push(i + 1);
    }
  }

  position(offset: number): { line: number; character: number } {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: offset - this.starts[lo] };
  }

  range(startOffset: number, endOffset: number): Range {
    return { start: this.position(startOffset), end: this.position(endOffset), startOffset, endOffset };
  }

  loc(file: string, startOffset: number, endOffset: number): Loc {
    return { file, range: this.range(startOffset, endOffset) };
  }

  lineStart(line: number): number {
    return this.starts[line] ?? this.text.length;
  }

  /** The text of a 0-based line, without its line break. */
  lineText(line: number): string {
    const start = this.starts[line] ?? this.text.length;
    const next = this.starts[line + 1] ?? this.text.length;
    return this.text.slice(start, next).replace(/\r?\n$/, "");
  }

  get lineCount(): number {
    return this.starts.length;
  }
}

/** Environment variable names as shells and Kubernetes accept them; anything else in a key position is not a variable. */
export const VARIABLE_NAME = /^[A-Za-z_][A-Za-z0-9_.-]*$/;
