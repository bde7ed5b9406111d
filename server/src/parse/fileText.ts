// Files' text as the engine indexes it, as a --fix run has staged it before writing, and encoded back as the file was.
import * as fs from "fs";
import { decodeSource } from "./source";

/**
 * The texts a fix run has prepared but not yet written (see FixTransaction). While a run re-audits, every reader of
 * a file a fix can change (.env.example, .gitignore, .env files, through readFromDisk) sees them, so each pass plans
 * against the text the previous passes left, and nothing touches the disk until every pass is prepared and checked.
 */
let staged: ReadonlyMap<string, string> | undefined;

/** Runs `fn` with `texts` standing in for the files they name. */
export function whileStaged<T>(texts: ReadonlyMap<string, string>, fn: () => T): T {
  const previous = staged;
  staged = texts;
  try {
    return fn();
  } finally {
    staged = previous;
  }
}

/**
 * Bytes as text, the way the engine indexes the file, so the offsets of findings and fixes agree: a Python module as
 * the module loader decodes it (a UTF-8 BOM dropped, Latin-1 when it is not UTF-8); any other file as UTF-8, as every
 * reader of .env, .env.example and .gitignore files reads it (a BOM kept as U+FEFF, a byte that is not UTF-8 as
 * U+FFFD, which encodeLike then refuses to write back).
 */
export function decodeFileText(file: string, bytes: Uint8Array): string {
  if (file.endsWith(".py")) {
    const src = decodeSource(bytes);
    if (src.ok) return src.text;
  }
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("utf8");
}

/**
 * A file's text as the engine indexed it (see decodeFileText), or as a fix run has staged it; undefined when it does
 * not exist or is not a regular file (a FIFO would block the read).
 */
export function readFromDisk(file: string): string | undefined {
  const s = staged?.get(file);
  if (s !== undefined) return s;
  try {
    if (!fs.statSync(file).isFile()) return undefined;
    return decodeFileText(file, fs.readFileSync(file));
  } catch {
    return undefined;
  }
}

/** Line ends a text uses throughout, or undefined when it mixes them or has none. */
function uniformLineEnd(text: string): "\r\n" | "\r" | "\n" | undefined {
  let crlf = 0;
  let cr = 0;
  let lf = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) {
        crlf++;
        i++;
      } else cr++;
    } else if (c === 10) lf++;
  }
  if (crlf && !cr && !lf) return "\r\n";
  if (cr && !crlf && !lf) return "\r";
  if (lf && !cr && !crlf) return "\n";
  return undefined;
}

/**
 * `after` with the line ends `before` uses throughout: fixes insert "\n", which in a CRLF file would leave it mixed.
 * Python reads every line end alike (a triple-quoted string holds "\n" whatever the file has), so this changes nothing
 * the settings mean. A file with mixed line ends, or none yet, keeps what the edits wrote.
 */
export function keepLineEnds(before: string, after: string): string {
  const eol = uniformLineEnd(before);
  if (!eol || eol === "\n" || !/\r\n|\r|\n/.test(after)) return after;
  return after.replace(/\r\n|\r|\n/g, eol);
}

/** What TextDecoder("latin1") (parse/source.ts's decoder for a module that is not UTF-8) makes of each byte, reversed. */
let byteOfChar: Map<number, number> | undefined;
function decodedByte(code: number): number | undefined {
  if (!byteOfChar) {
    byteOfChar = new Map();
    const chars = new TextDecoder("latin1").decode(Uint8Array.from({ length: 256 }, (_, i) => i));
    for (let i = 0; i < 256; i++) byteOfChar.set(chars.charCodeAt(i), i);
  }
  return byteOfChar.get(code);
}

/**
 * `text` encoded as `original` was: a Python module keeps its UTF-8 BOM, and one that was not UTF-8 (decoded as
 * Latin-1, see parse/source.ts) is encoded back byte for byte. Undefined when that cannot be done: the text holds
 * a character the module's encoding cannot, or the file is not a Python module and not UTF-8 (its reader saw U+FFFD
 * for some bytes, and writing the text would replace them). A fix never adds such characters: what it writes is ASCII.
 */
export function encodeLike(file: string, original: Uint8Array | undefined, text: string): Buffer | undefined {
  if (!original) return Buffer.from(text, "utf8");
  const py = file.endsWith(".py");
  const bom = py && original.length >= 3 && original[0] === 0xef && original[1] === 0xbb && original[2] === 0xbf;
  const body = bom ? original.subarray(3) : original;
  let utf8 = true;
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(body);
  } catch {
    utf8 = false;
  }
  let out: Buffer;
  if (utf8) out = Buffer.from(text, "utf8");
  else if (!py) return undefined;
  else {
    out = Buffer.alloc(text.length);
    for (let i = 0; i < text.length; i++) {
      const byte = decodedByte(text.charCodeAt(i));
      if (byte === undefined) return undefined;
      out[i] = byte;
    }
  }
  return bom ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), out]) : out;
}
