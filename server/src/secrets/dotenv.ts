// .env hygiene: dotenv files git would commit that hold secret-looking values, as project-level findings the engine adds to the audit.
import * as fs from "fs";
import * as path from "path";
import { readFromDisk } from "../fixes/apply";
import { rangeOfOffsets } from "../fixes/literal";
import type { Range } from "../parse/model";
import type { Project } from "../resolve/project";
import { dotenvSecretTracked } from "../rules/secrets/dotenvSecretTracked";
import type { RunOptions } from "../rules/run";
import type { Finding, Fix, TextEdit } from "../rules/types";
import { applyWaivers, parseWaivers, UNUSED_WAIVER, type ExtraWaivers, type Waiver } from "../rules/waivers";
import { activeRuleIds, ALL_RULE_IDS } from "../rules/catalogue";
import { findingFingerprint } from "../rules/fingerprint";
import { classify, type PathSeg } from "./classify";
import { gitView, type GitView } from "./gitTracked";

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
    const valueText = (cm ? body.slice(0, cm.index) : body).replace(/[ \t]+$/, "");
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

/** Findings that belong to the project rather than an environment: about a dotenv file (its check, or a waiver in it). */
export function isProjectLevel(f: Finding): boolean {
  return f.rule === dotenvSecretTracked.id || (f.rule === UNUSED_WAIVER && isDotenvName(path.basename(f.location.file)));
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

/** Names of settings the variable usually feeds, so the settings heuristics apply: DJANGO_SECRET_KEY is a SECRET_KEY. */
function sitePath(key: string): PathSeg[] {
  if (/(^|_)SECRET_KEY$/.test(key) && !/AWS|S3|STRIPE|RECAPTCHA/.test(key)) return ["SECRET_KEY"];
  return [key];
}

/** `.gitignore` gains a line for the file: the safe fix for a dotenv file git would otherwise commit. */
function gitignoreFix(git: GitView, file: string): Fix {
  const ignoreFile = path.join(git.top, ".gitignore");
  const text = readFromDisk(ignoreFile);
  const rel = path.relative(git.top, file).split(path.sep).join("/");
  const entry = rel.includes("/") ? rel : path.basename(file);
  const current = text ?? "";
  const eol = current.includes("\r\n") ? "\r\n" : "\n";
  const lead = current.length === 0 || current.endsWith("\n") ? "" : eol;
  const edit: TextEdit = { file: ignoreFile, range: rangeOfOffsets(current, current.length, current.length), newText: `${lead}${entry}${eol}` };
  return { title: `Add ${entry} to .gitignore`, safety: "safe", edits: [edit] };
}

/**
 * The dotenv findings of a project: one per secret-looking value in a dotenv file git tracks or would track, located
 * at the value. Waivers in the file's comments apply as in settings modules.
 */
export function dotenvFindings(project: Project, options: RunOptions = {}, collect?: ExtraWaivers): Finding[] {
  const rule = dotenvSecretTracked;
  if (options.disabled?.includes(rule.id)) return [];
  // Waivers in a .env file may name any rule (env-unused is reported in .env.example too); a disabled one is not used.
  const active = activeRuleIds(options);
  const git = gitView(project.root);
  const environment = path.basename(project.root);
  const out: Finding[] = [];
  const waivers: Waiver[] = [];
  const texts = new Map<string, string>();
  for (const file of findDotenvFiles(project.root, git)) {
    const name = path.basename(file);
    const template = isTemplateName(name);
    const status = git.status(file);
    if (status === "ignored") continue;
    let text: string;
    try {
      const st = fs.statSync(file);
      if (st.size > 1024 * 1024) continue;
      // Read as the fix applier reads it, so the offsets of findings and fixes agree.
      text = readFromDisk(file) ?? "";
    } catch {
      continue;
    }
    texts.set(file, text);
    const parsed = parseDotenv(text);
    for (const c of parsed.comments) waivers.push(...parseWaivers(file, text, { text: c.text, startOffset: c.start, line: c.line }));
    const rel = path.relative(project.root, file).split(path.sep).join("/") || name;
    for (const e of parsed.entries) {
      const c = classify({ path: sitePath(e.key), value: e.value, names: [e.key] });
      if (!c) continue;
      const range: Range = rangeOfOffsets(text, e.valueStart, e.valueEnd);
      let message: string;
      let fix: Fix | undefined;
      if (template) {
        message = `${e.key} in ${rel} is ${c.what} (${c.masked}), and templates like ${name} are committed on purpose: leave the value empty`;
        fix = { title: `Empty the value of ${e.key} in ${name}`, safety: "safe", edits: [{ file, range, newText: "" }] };
      } else if (status === "tracked") {
        message = `${e.key} in ${rel} is ${c.what} (${c.masked}), and git tracks ${name}: remove it from the index (git rm --cached) and rotate the secret`;
      } else {
        message = `${e.key} in ${rel} is ${c.what} (${c.masked}), and no .gitignore rule keeps git from committing ${name}: add it to .gitignore`;
        fix = gitignoreFix(git, file);
      }
      out.push({
        rule: rule.id,
        djangoCheck: null,
        severity: options.severities?.[rule.id] ?? rule.severity,
        environment,
        environmentKind: "base",
        message,
        location: { file, range },
        related: [],
        // Never a hash of the value: a weak password could be recovered from it by guessing.
        fingerprint: findingFingerprint([rule.id, rel, e.key, c.masked]),
        ...(fix ? { fix } : {}),
      });
    }
  }
  // The engine collects these waivers into its one pass over every finding (a .env.example waiver may name env-unused).
  if (collect) {
    collect.waivers.push(...waivers);
    for (const [f, text] of texts) collect.texts.set(f, text);
    return out;
  }
  if (waivers.length === 0) return out;
  return applyWaivers(out, waivers, {
    known: new Set(ALL_RULE_IDS),
    active,
    root: project.root,
    severity: options.severities?.[UNUSED_WAIVER],
    text: (f) => texts.get(f),
    environmentOf: () => ({ name: environment, kind: "base" }),
  });
}
