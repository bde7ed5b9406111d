// Dotenv files: their syntax (as python-dotenv reads it), which names are dotenv files or templates, and where they are.
import * as fs from "fs";
import * as path from "path";
import { trimEndWhere } from "../parse/linearText";
import type { GitView } from "./gitTracked";

export interface DotenvEntry {
  key: string;
  /** The value as python-dotenv returns it (quotes removed, escapes decoded in double quotes). */
  value: string;
  line: number;
  /** Offsets of the value as written, inside its quotes when quoted. */
  valueStart: number;
  valueEnd: number;
  quoted: "" | '"' | "'";
  /** An inline comment on the line (after an unquoted value or after the closing quote), for waivers. */
  comment?: { text: string; start: number };
}

const DECODE: Record<string, string> = { n: "\n", r: "\r", t: "\t", '"': '"', "\\": "\\", $: "$" };

/** Parses dotenv text the way python-dotenv does: comments, `export`, `KEY=value`, quotes (multi-line too), inline comments. */
export function parseDotenv(text: string): { entries: DotenvEntry[]; comments: Array<{ text: string; start: number; line: number }> } {
  const entries: DotenvEntry[] = [];
  const comments: Array<{ text: string; start: number; line: number }> = [];
  let pos = 0;
  let line = 0;
  const lineEnd = (from: number) => {
    const nl = text.indexOf("\n", from);
    return nl < 0 ? text.length : nl;
  };
  while (pos < text.length) {
    const end = lineEnd(pos);
    const raw = text.slice(pos, end);
    const startLine = line;
    const m = /^([ \t]*)(?:export[ \t]+)?([A-Za-z_][A-Za-z0-9_.-]*)[ \t]*=[ \t]*/.exec(raw);
    const trimmed = raw.trimStart();
    if (trimmed.startsWith("#")) {
      comments.push({ text: raw.slice(raw.length - trimmed.length).replace(/\r$/, ""), start: pos + raw.length - trimmed.length, line });
    }
    if (!m || trimmed.startsWith("#")) {
      pos = end + 1;
      line++;
      continue;
    }
    const vStart = pos + m[0].length;
    const q = text[vStart];
    if (q === '"' || q === "'") {
      // Find the closing quote, across lines if need be; a backslash escapes inside double quotes.
      let i = vStart + 1;
      let value = "";
      while (i < text.length && text[i] !== q) {
        if (q === '"' && text[i] === "\\" && i + 1 < text.length) {
          value += DECODE[text[i + 1]] ?? "\\" + text[i + 1];
          i += 2;
          continue;
        }
        if (text[i] === "\n") line++;
        value += text[i];
        i++;
      }
      const closing = i;
      const after = lineEnd(Math.min(closing + 1, text.length));
      const rest = text.slice(Math.min(closing + 1, text.length), after);
      const hash = rest.indexOf("#");
      entries.push({
        key: m[2],
        value,
        line: startLine,
        valueStart: vStart + 1,
        valueEnd: closing,
        quoted: q,
        ...(hash >= 0 ? { comment: { text: rest.slice(hash).replace(/\r$/, ""), start: closing + 1 + hash } } : {}),
      });
      if (hash >= 0) comments.push({ text: rest.slice(hash).replace(/\r$/, ""), start: closing + 1 + hash, line });
      pos = after + 1;
      line++;
      continue;
    }
    // Unquoted: up to an inline comment (a # after whitespace), trailing spaces trimmed.
    const body = text.slice(vStart, end).replace(/\r$/, "");
    const cm = /(^|[ \t])#/.exec(body);
    // Trimmed by a scan: `/[ \t]+$/` retries a long inner run of blanks from each of them.
    const valueText = trimEndWhere(cm ? body.slice(0, cm.index) : body, (c) => c === " " || c === "\t");
    entries.push({
      key: m[2],
      value: valueText,
      line: startLine,
      valueStart: vStart,
      valueEnd: vStart + valueText.length,
      quoted: "",
      ...(cm ? { comment: { text: body.slice(cm.index + cm[1].length), start: vStart + cm.index + cm[1].length } } : {}),
    });
    if (cm) comments.push({ text: body.slice(cm.index + cm[1].length), start: vStart + cm.index + cm[1].length, line: startLine });
    pos = end + 1;
    line++;
  }
  return { entries, comments };
}

/** `.env`, `.env.production`, `prod.env`; not `.envrc` (direnv's shell script). */
export function isDotenvName(name: string): boolean {
  return name === ".env" || (name.startsWith(".env.") && name !== ".env.py") || (name.endsWith(".env") && name.length > 4);
}

/** Templates are committed on purpose; they must hold placeholders only. */
export function isTemplateName(name: string): boolean {
  return /\.(example|sample|template|tmpl|tpl|dist|defaults?|schema)$/i.test(name) || /^(example|sample|template)\.env$/i.test(name);
}

const SKIP_DIRS = new Set([".git", "node_modules", "__pycache__", ".venv", "venv", ".tox", ".nox", ".mypy_cache", ".pytest_cache", ".ruff_cache", "site-packages", ".cache", ".idea", ".vscode"]);
const MAX_DEPTH = 6;

/** Dotenv files under the root, skipping virtualenvs, caches and directories git ignores. */
export function findDotenvFiles(root: string, git: GitView): string[] {
  const out: string[] = [];
  const walk = (dir: string, depth: number) => {
    let names: fs.Dirent[];
    try {
      names = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const d of names.sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const abs = path.join(dir, d.name);
      if (d.isDirectory()) {
        if (depth >= MAX_DEPTH || SKIP_DIRS.has(d.name) || fs.existsSync(path.join(abs, "pyvenv.cfg")) || git.ignoredDir(abs)) continue;
        walk(abs, depth + 1);
      } else if (d.isFile() && isDotenvName(d.name)) {
        out.push(abs);
      }
    }
  };
  walk(root, 0);
  return out;
}

