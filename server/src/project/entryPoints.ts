// Every place in a project that names a settings module, with what each implies and where it is (file:line).
import * as fs from "fs";
import * as path from "path";
import type { Parser } from "web-tree-sitter";
import { scanPythonEntry } from "../parse/settingsModuleDefaults";
import { decodeSource } from "../parse/source";
import { pythonProfile, type EntryFileProfile, type EntryFileType, type Implies } from "./entryFiles";
import { evaluatePath } from "./pathExpr";
import { isInside } from "./roots";
import { scanTextEntry } from "./textEntries";
import type { Walk } from "./walk";

/** One reference to a settings module. */
export interface EntryRef {
  /** The dotted name as written, or a pattern with `*` where the entry point computes it. */
  module: string;
  pattern: boolean;
  implies: Implies;
  how: "default" | "set" | "argument";
  /** Absolute path of the file that names it, and the 1-based line. */
  file: string;
  line: number;
  /** The file's kind, for messages: "manage.py", "Dockerfile", "CI workflow". */
  what: string;
  /** What sort of file it is: python entry points and configuration files say more than CI jobs and scripts. */
  type: EntryFileType;
}

/** What one file said, kept while its size and mtime stay the same (the language server re-scans on open and save). */
export interface FileScan {
  mtimeMs: number;
  size: number;
  refs: EntryRef[];
  /** Directories a Python entry point puts on sys.path. */
  sysPath: string[];
  importsDjango: boolean;
}

export type ScanCache = Map<string, FileScan>;

export interface EntryScan {
  refs: EntryRef[];
  /** sys.path additions of manage.py and the deployed entry points, inside the root. */
  sysPath: string[];
  /** A manage.py (or other entry point) imports Django: evidence that this is a Django project. */
  djangoEntry?: string;
}

/** Files above this size are not entry points (a generated module, a data file). */
const MAX_ENTRY_BYTES = 1024 * 1024;
const MENTIONS = /DJANGO_SETTINGS_MODULE|--settings|sys\.path/;

export function scanEntryPoints(parser: Parser, walk: Walk, cache: ScanCache): EntryScan {
  const out: EntryScan = { refs: [], sysPath: [] };
  const root = walk.root;
  const visit = (file: string, profile: EntryFileProfile, python: boolean) => {
    const scan = scanFile(parser, file, profile, python, cache);
    if (!scan) return;
    out.refs.push(...scan.refs);
    for (const d of scan.sysPath) if (isInside(d, root) && !out.sysPath.includes(d)) out.sysPath.push(d);
    if (scan.importsDjango && !out.djangoEntry && path.basename(file) === "manage.py") out.djangoEntry = file;
  };
  for (const file of walk.python) {
    const profile = pythonProfile(path.relative(root, file));
    if (profile) visit(file, profile, true);
  }
  for (const { file, profile } of walk.entryFiles) visit(file, profile, false);
  return out;
}

function scanFile(parser: Parser, file: string, profile: EntryFileProfile, python: boolean, cache: ScanCache): FileScan | undefined {
  let st: fs.Stats;
  try {
    st = fs.statSync(file);
  } catch {
    return undefined;
  }
  if (!st.isFile() || st.size > MAX_ENTRY_BYTES) return undefined;
  const hit = cache.get(file);
  if (hit && hit.mtimeMs === st.mtimeMs && hit.size === st.size) return hit;
  const scan: FileScan = { mtimeMs: st.mtimeMs, size: st.size, refs: [], sysPath: [], importsDjango: false };
  cache.set(file, scan);
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch {
    return scan;
  }
  const src = decodeSource(bytes);
  if (!src.ok) return scan;
  const text = src.text;
  const isManage = path.basename(file) === "manage.py";
  if (python) {
    if (!MENTIONS.test(text) && !isManage) return scan;
    const py = scanPythonEntry(parser, text);
    scan.importsDjango = py.importsDjango || (isManage && /DJANGO_SETTINGS_MODULE/.test(text));
    for (const m of py.mentions) scan.refs.push({ module: m.module, pattern: m.pattern, implies: m.how === "argument" && profile.implies === "unspecified" ? "unspecified" : profile.implies, how: m.how, file, line: m.line, what: profile.what, type: profile.type });
    // Only what runs Django adds to its sys.path: manage.py, wsgi/asgi and the like (not a docs build or a script).
    if (isManage || profile.implies === "production" || profile.implies === "staging") {
      for (const p of py.sysPath) {
        const dir = evaluatePath(p.expr, file, py.assignments);
        if (dir && !scan.sysPath.includes(dir)) scan.sysPath.push(dir);
      }
    }
    return scan;
  }
  for (const m of scanTextEntry(profile, text)) scan.refs.push({ module: m.module, pattern: false, implies: m.implies, how: m.how, file, line: m.line, what: profile.what, type: profile.type });
  return scan;
}
