// Parses dotenv files (.env.example, compose env_file, read_env targets) as python-dotenv does, keeping each key's position.
import { LineIndex, VARIABLE_NAME } from "../text";

export interface DotenvEntry {
  key: string;
  /** UTF-16 offsets of the key as written. */
  start: number;
  end: number;
  /** False for `KEY` or `KEY=` alone: the name is listed without a value. */
  hasValue: boolean;
}

/**
 * Keys in file order. Quoted values may span lines (python-dotenv and compose both allow it), so the parse walks the
 * text instead of splitting lines: a continuation line of a multi-line value is never mistaken for a key.
 */
export function parseDotenv(text: string): DotenvEntry[] {
  const out: DotenvEntry[] = [];
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const n = text.length;
  const skipToEol = () => {
    while (i < n && text[i] !== "\n") i++;
    if (i < n) i++;
  };
  while (i < n) {
    while (i < n && (text[i] === " " || text[i] === "\t" || text[i] === "\r")) i++;
    if (i >= n) break;
    if (text[i] === "\n") {
      i++;
      continue;
    }
    if (text[i] === "#") {
      skipToEol();
      continue;
    }
    if (text.startsWith("export", i) && /[ \t]/.test(text[i + 6] ?? "")) {
      i += 6;
      while (i < n && (text[i] === " " || text[i] === "\t")) i++;
    }
    // A key may be quoted in python-dotenv ('KEY'=value); the position recorded is the name's own.
    let quote = "";
    if (text[i] === "'" || text[i] === '"') quote = text[i++];
    const start = i;
    while (i < n && !/[=\s#]/.test(text[i]) && text[i] !== quote) i++;
    const end = i;
    if (quote && text[i] === quote) i++;
    const key = text.slice(start, end);
    while (i < n && (text[i] === " " || text[i] === "\t")) i++;
    if (!VARIABLE_NAME.test(key)) {
      skipToEol();
      continue;
    }
    if (text[i] !== "=") {
      // `KEY` alone (python-dotenv: a key without a value); anything else on the line is not dotenv.
      const rest = text.slice(i, text.indexOf("\n", i) < 0 ? n : text.indexOf("\n", i)).trim();
      if (rest === "" || rest.startsWith("#")) out.push({ key, start, end, hasValue: false });
      skipToEol();
      continue;
    }
    i++;
    while (i < n && (text[i] === " " || text[i] === "\t")) i++;
    const q = text[i];
    if (q === "'" || q === '"') {
      const valueStart = ++i;
      while (i < n && text[i] !== q) i += q === '"' && text[i] === "\\" ? 2 : 1;
      const valueEnd = Math.min(i, n);
      i++;
      out.push({ key, start, end, hasValue: valueEnd > valueStart });
      skipToEol();
      continue;
    }
    const lineEnd = text.indexOf("\n", i) < 0 ? n : text.indexOf("\n", i);
    const raw = text.slice(i, lineEnd).replace(/\r$/, "");
    const value = raw.replace(/\s+#.*$/, "").trim();
    out.push({ key, start, end, hasValue: value.length > 0 && !value.startsWith("#") });
    i = lineEnd + 1;
  }
  return out;
}

/** Reads the keys of an INI file's [settings] section: python-decouple's settings.ini. */
export function parseDecoupleIni(text: string): DotenvEntry[] {
  const out: DotenvEntry[] = [];
  const lines = new LineIndex(text);
  let inSettings = false;
  for (let line = 0; line < lines.lineCount; line++) {
    const t = lines.lineText(line);
    const offset = lines.lineStart(line);
    const section = /^\s*\[([^\]]+)\]/.exec(t);
    if (section) inSettings = section[1].trim() === "settings";
    else if (inSettings) {
      // The value is checked apart: `\s*[=:]\s*(.*)$` in one RegExp re-reads a long run of blanks from each of them
      // when a U+2028 (which `.` cannot cross) follows. A value is what `\s*(.*)$` would take: no line terminator left
      // once its leading blanks are gone.
      const m = /^(\s*)([A-Za-z_][A-Za-z0-9_.-]*)\s*[=:]/.exec(t);
      const value = m ? t.slice(m[0].length).trimStart() : "";
      if (m && !/[\n\r\u2028\u2029]/.test(value)) out.push({ key: m[2], start: offset + m[1].length, end: offset + m[1].length + m[2].length, hasValue: value.trim().length > 0 });
    }
  }
  return out;
}
