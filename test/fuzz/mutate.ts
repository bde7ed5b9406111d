// Token- and byte-level mutations of real settings files, driven by fast-check so failures shrink and replay by seed.
import fc from "fast-check";

/** Python-ish tokens: whitespace, comments, names, numbers, one-line strings, operators, then any single character. */
const TOKEN = /\s+|#[^\n]*|[A-Za-z_][A-Za-z0-9_]*|\d[\d_.eEjJxXoObB]*|"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|\*\*=?|\/\/=?|[<>=!+\-*/%|&^@]=|->|:=|[\s\S]/gu;

export function tokenize(text: string): string[] {
  return text.match(TOKEN) ?? [];
}

/** Tokens worth splicing in: the ones that change structure (brackets, quotes, indentation, keywords, env reads). */
const SPLICE = [
  "(", ")", "[", "]", "{", "}", ":", ",", "=", "==", ".", "*", "**", "\\", "\n", "\r\n", "\r", "\t", "    ", "\n    ", '"', "'", '"""', "f'", "#",
  "if", "else", "elif", "try", "except", "import", "from", "del", "lambda", "not", "and", "or", "in", "is", "None", "True", "False",
  "DEBUG", "SECRET_KEY", "MIDDLEWARE", "ALLOWED_HOSTS", "os.environ[", "os.environ.get(", "env(", "env.bool(", "from .base import *",
  "from .local import *", "\ufeff", "\u0000", "é", "😀", "\ud800", "\u2028", "0x", "1e", "_", "@", "$", "?", "!",
];

export type TokenOp =
  | { op: "delete"; at: number; n: number }
  | { op: "duplicate"; at: number; n: number }
  | { op: "swap"; at: number; with: number }
  | { op: "replace"; at: number; token: string }
  | { op: "insert"; at: number; token: string }
  | { op: "move"; at: number; to: number };

export const tokenOps: fc.Arbitrary<TokenOp[]> = fc.array(
  fc.oneof(
    fc.record({ op: fc.constant("delete" as const), at: fc.nat(), n: fc.integer({ min: 1, max: 6 }) }),
    fc.record({ op: fc.constant("duplicate" as const), at: fc.nat(), n: fc.integer({ min: 1, max: 12 }) }),
    fc.record({ op: fc.constant("swap" as const), at: fc.nat(), with: fc.nat() }),
    fc.record({ op: fc.constant("replace" as const), at: fc.nat(), token: fc.constantFrom(...SPLICE) }),
    fc.record({ op: fc.constant("insert" as const), at: fc.nat(), token: fc.constantFrom(...SPLICE) }),
    fc.record({ op: fc.constant("move" as const), at: fc.nat(), to: fc.nat() }),
  ),
  { minLength: 1, maxLength: 8 },
);

export function mutateTokens(text: string, ops: readonly TokenOp[]): string {
  const toks = tokenize(text);
  for (const o of ops) {
    const n = toks.length;
    const at = n ? o.at % (n + 1) : 0;
    switch (o.op) {
      case "delete":
        toks.splice(at, o.n);
        break;
      case "duplicate":
        toks.splice(at, 0, ...toks.slice(at, at + o.n));
        break;
      case "swap": {
        if (n < 2) break;
        const a = at % n;
        const b = o.with % n;
        [toks[a], toks[b]] = [toks[b], toks[a]];
        break;
      }
      case "replace":
        if (n) toks[at % n] = o.token;
        else toks.push(o.token);
        break;
      case "insert":
        toks.splice(at, 0, o.token);
        break;
      case "move": {
        if (n < 2) break;
        const [t] = toks.splice(at % n, 1);
        toks.splice(o.to % n, 0, t);
        break;
      }
    }
  }
  return toks.join("");
}

/** Bytes that change how a file decodes: NUL, invalid UTF-8 leads and continuations, CR, BOM parts, quotes, backslash. */
const INTERESTING = [0x00, 0xff, 0xfe, 0x80, 0xbf, 0xc0, 0xc3, 0xe2, 0xed, 0xf0, 0xf4, 0xef, 0xbb, 0x0d, 0x0a, 0x09, 0x0c, 0x22, 0x27, 0x5c, 0x23, 0x3a, 0x20, 0x7f];

export type ByteOp =
  | { op: "flip"; at: number; bit: number }
  | { op: "set"; at: number; byte: number }
  | { op: "insert"; at: number; bytes: number[] }
  | { op: "delete"; at: number; n: number }
  | { op: "duplicate"; at: number; n: number }
  | { op: "truncate"; at: number }
  | { op: "bom" }
  | { op: "newlines"; to: "\r\n" | "\r" };

const someByte = fc.oneof(fc.constantFrom(...INTERESTING), fc.integer({ min: 0, max: 255 }));

export const byteOps: fc.Arbitrary<ByteOp[]> = fc.array(
  fc.oneof(
    { weight: 3, arbitrary: fc.record({ op: fc.constant("flip" as const), at: fc.nat(), bit: fc.nat(7) }) },
    { weight: 3, arbitrary: fc.record({ op: fc.constant("set" as const), at: fc.nat(), byte: someByte }) },
    { weight: 2, arbitrary: fc.record({ op: fc.constant("insert" as const), at: fc.nat(), bytes: fc.array(someByte, { minLength: 1, maxLength: 8 }) }) },
    { weight: 2, arbitrary: fc.record({ op: fc.constant("delete" as const), at: fc.nat(), n: fc.integer({ min: 1, max: 64 }) }) },
    { weight: 1, arbitrary: fc.record({ op: fc.constant("duplicate" as const), at: fc.nat(), n: fc.integer({ min: 1, max: 256 }) }) },
    { weight: 1, arbitrary: fc.record({ op: fc.constant("truncate" as const), at: fc.nat() }) },
    { weight: 1, arbitrary: fc.constant({ op: "bom" as const }) },
    { weight: 1, arbitrary: fc.record({ op: fc.constant("newlines" as const), to: fc.constantFrom("\r\n" as const, "\r" as const) }) },
  ),
  { minLength: 1, maxLength: 6 },
);

export function mutateBytes(input: Uint8Array, ops: readonly ByteOp[]): Uint8Array {
  let b = Array.from(input);
  for (const o of ops) {
    const n = b.length;
    switch (o.op) {
      case "flip":
        if (n) b[o.at % n] ^= 1 << o.bit;
        break;
      case "set":
        if (n) b[o.at % n] = o.byte;
        break;
      case "insert":
        b.splice(o.at % (n + 1), 0, ...o.bytes);
        break;
      case "delete":
        b.splice(o.at % (n + 1), o.n);
        break;
      case "duplicate": {
        const at = o.at % (n + 1);
        b.splice(at, 0, ...b.slice(at, at + o.n));
        break;
      }
      case "truncate":
        b = b.slice(0, o.at % (n + 1));
        break;
      case "bom":
        b = [0xef, 0xbb, 0xbf, ...b];
        break;
      case "newlines": {
        const out: number[] = [];
        const rep = o.to === "\r\n" ? [0x0d, 0x0a] : [0x0d];
        for (const x of b) if (x === 0x0a) out.push(...rep);
        else out.push(x);
        b = out;
        break;
      }
    }
  }
  return Uint8Array.from(b);
}
