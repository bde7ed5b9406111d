// One --fix run as a transaction: every pass staged in memory, every new content checked, then all files written at once.
import * as fs from "fs";
import * as path from "path";
import type { Parser } from "web-tree-sitter";
import { collectSyntaxErrors } from "../parse/syntaxErrors";
import { parsePython } from "../parse/treeSitter";
import type { ParseError } from "../parse/model";
import { isDotenvName } from "../secrets/dotenv";
import type { FileChange } from "./apply";
import { isEnvVarName } from "./envNames";
import { decodeFileText, encodeLike, keepLineEnds } from "../parse/fileText";
import { commitFiles, describeError, FixWriteError, type PreparedWrite, type WriteFs } from "./safeWrite";
import { resolveWriteTarget } from "./writeTarget";

/**
 * Holds what a run read (the bytes of each file the first time a fix needed it) and what its passes made of it. Passes
 * plan with `read`, stage their changes, and re-audit while the staged texts stand in for the files (whileStaged and
 * the engine's overlay); `commit` checks every new content and writes them all, or none.
 */
export class FixTransaction {
  private readonly originals = new Map<string, Buffer | undefined>();
  /** The text each changed file will have, by the path the fixes name. */
  readonly texts = new Map<string, string>();

  constructor(
    /** The audited roots: no file outside them is read for a fix or written (see resolveWriteTarget). */
    readonly roots: readonly string[],
    private readonly wfs: WriteFs = fs,
  ) {}

  /**
   * A reader for planFixes: the staged text, else the file's (decoded as the engine decodes it). A target that may not
   * be written, or that exists and cannot be read, fails the run here, before anything is planned on top of it: read
   * as missing, it would be planned as a file to create and replaced.
   */
  readonly read = (file: string): string | undefined => {
    const staged = this.texts.get(file);
    if (staged !== undefined) return staged;
    return this.originalText(file);
  };

  private originalText(file: string): string | undefined {
    if (!this.originals.has(file)) {
      const target = resolveWriteTarget(file, this.roots, this.wfs);
      if (!target.ok) throw new FixWriteError(file, `${target.reason}; no file was changed`, true);
      let bytes: Buffer | undefined;
      if (target.exists) {
        try {
          bytes = this.wfs.readFileSync(target.real);
        } catch (e) {
          throw new FixWriteError(file, `it cannot be read: ${describeError(e)}; no file was changed`);
        }
      }
      this.originals.set(file, bytes);
    }
    const bytes = this.originals.get(file);
    return bytes && decodeFileText(file, bytes);
  }

  /** Takes a pass's planned changes (made with `read`), in the line ends each file had. */
  stage(changes: readonly FileChange[]): void {
    for (const c of changes) this.texts.set(c.file, keepLineEnds(this.originalText(c.file) ?? "", c.after));
  }

  /** The files whose text the run changes, sorted. */
  changedFiles(): string[] {
    return [...this.texts.keys()].filter((f) => this.texts.get(f) !== this.originalText(f) || !this.originals.get(f)).sort();
  }

  /**
   * Checks every changed file's new text and encodes it as the file was. A Python module must parse with no more
   * syntax errors than it had (fixes are only offered for modules that parse, so: none); a dotenv file may gain only
   * blank lines, comments and `NAME=` lines with a valid name. `parser` is the engine's; without it (tests of the
   * write path alone) Python is not checked.
   */
  prepare(parser?: Parser): PreparedWrite[] {
    const out: PreparedWrite[] = [];
    for (const file of this.changedFiles()) {
      const text = this.texts.get(file)!;
      const original = this.originals.get(file);
      const before = this.originalText(file) ?? "";
      if (parser && file.endsWith(".py")) {
        const was = syntaxErrors(parser, before);
        const now = syntaxErrors(parser, text);
        if (now.length > was.length) {
          // The line only: the error's own message quotes source text, which may hold a secret.
          throw new FixWriteError(file, `the fixed text would have a syntax error at line ${now[0].range.start.line + 1}; no file was changed`);
        }
      }
      if (isDotenvName(path.basename(file))) {
        const bad = addedDotenvLine(before, text);
        if (bad !== undefined) throw new FixWriteError(file, `a fix would add line ${bad}, which is not a NAME= line with a valid variable name; no file was changed`, true);
      }
      const content = encodeLike(file, original, text);
      if (!content) {
        const why = file.endsWith(".py") ? "the fixed text has characters its Latin-1 encoding cannot hold" : "it is not UTF-8 text, and rewriting it would replace bytes no fix touches";
        throw new FixWriteError(file, `${why}; no file was changed`, true);
      }
      out.push({ file, original, content });
    }
    return out;
  }

  /** Checks, then writes every changed file or none (commitFiles); returns the files written. */
  commit(parser?: Parser): string[] {
    const writes = this.prepare(parser);
    if (writes.length) commitFiles(writes, this.roots, this.wfs);
    return writes.map((w) => w.file);
  }
}

function syntaxErrors(parser: Parser, text: string): ParseError[] {
  const tree = parsePython(parser, text);
  try {
    const out: ParseError[] = [];
    collectSyntaxErrors(tree.rootNode, out);
    return out.sort((a, b) => a.range.startOffset - b.range.startOffset);
  } finally {
    tree.delete();
  }
}

const DOTENV_ENTRY = /^[ \t]*(?:export[ \t]+)?([^=\s]+)[ \t]*=/;

/**
 * The 1-based number of the first line of `after` that `before` does not have and that is neither blank, a comment,
 * nor `NAME=...` with a valid name; undefined when there is none. What the fixes write there is names only: this is
 * the last check that nothing else (a line break smuggled in a name) gets through.
 */
export function addedDotenvLine(before: string, after: string): number | undefined {
  const had = new Map<string, number>();
  for (const l of before.split(/\r\n|\r|\n/)) had.set(l, (had.get(l) ?? 0) + 1);
  const lines = after.split(/\r\n|\r|\n/);
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    const n = had.get(l) ?? 0;
    if (n > 0) {
      had.set(l, n - 1);
      continue;
    }
    const t = l.trim();
    if (t === "" || t.startsWith("#")) continue;
    const m = DOTENV_ENTRY.exec(l);
    if (m && isEnvVarName(m[1])) continue;
    return i + 1;
  }
  return undefined;
}
