// The project model of one walk: entry points, the modules they name, the Python path roots, where settings may sit.
import * as path from "path";
import type { Parser } from "web-tree-sitter";
import { dottedPatternTokens, wildcardMatches } from "../parse/linearText";
import type { Note } from "../resolve/namespace";
import { isSettingsFileName, settingsLikeFiles, settingsPackageOf } from "../resolve/discover";
import { scanEntryPoints, type EntryRef, type ScanCache } from "./entryPoints";
import { importRootsFor, isInside } from "./roots";
import { walkProject, type Walk, type WalkLimits } from "./walk";

export interface NamedModule {
  /** The dotted name the entry points use for it. */
  dotted: string;
  refs: EntryRef[];
}

export interface ProjectModel {
  root: string;
  walk: Walk;
  refs: EntryRef[];
  /** Where absolute imports are looked for, in sys.path order: see importRootsFor. */
  importRoots: string[];
  /** The roots at which the modules entry points name were found: dotted names are taken from these first. */
  nameRoots: string[];
  /** Modules named by entry points (exactly or by a pattern), by absolute path. */
  named: Map<string, NamedModule>;
  /** Names no module answers to, for one note. */
  unresolved: EntryRef[];
  /** Modules looked at as possible environments beyond the named ones: settings-package siblings, or settings-like places. */
  candidates: string[];
  /** Modules of the settings packages around named modules, and their settings-named siblings. */
  packageMembers: Set<string>;
  /** Modules an entry point's computed name can select (`"awx.settings.%s" % MODE`): each may be what runs. */
  patterned: Set<string>;
  /** True when the candidates are the settings-like places of the whole tree (no entry point names a deployed or development module). */
  fallback: boolean;
  /** manage.py importing Django, when there is one. */
  djangoEntry?: string;
  notes: Note[];
}

export function buildProjectModel(parser: Parser, root: string, cache: ScanCache, limits?: WalkLimits, walked?: Walk): ProjectModel {
  const walk = walked ?? walkProject(root, limits);
  const scan = scanEntryPoints(parser, walk, cache);
  const notes: Note[] = walk.problems.map((message) => ({ file: root, severity: "information", message }));
  // sys.path as the entry points see it: manage.py's directory (where `python manage.py` runs), what they insert,
  // src/ layouts, the root itself.
  const importRoots = unique([...walk.manageDirs, ...scan.sysPath, ...walk.srcDirs, root]);
  const index = indexByBasename(walk.python);
  const named = new Map<string, NamedModule>();
  const nameRoots: string[] = [];
  const unresolved: EntryRef[] = [];
  for (const ref of scan.refs) {
    if (ref.pattern) continue;
    const hit = resolveDotted(ref.module, ref.file, importRoots, index);
    if (!hit) {
      unresolved.push(ref);
      continue;
    }
    if (!nameRoots.includes(hit.root)) nameRoots.push(hit.root);
    if (!importRoots.includes(hit.root)) importRoots.splice(importRoots.length - 1, 0, hit.root);
    const prev = named.get(hit.file);
    if (prev) prev.refs.push(ref);
    else named.set(hit.file, { dotted: ref.module, refs: [ref] });
  }
  // `f"proj.settings.{ENV}"`: every module the pattern can name under a root where it resolves is a candidate (which
  // one runs depends on the variable, so none is named by it).
  const patterned = new Set<string>();
  for (const ref of scan.refs) {
    if (!ref.pattern) continue;
    // Tokens, not `[\w.]*` per star in a RegExp: many holes in one f-string backtrack polynomially on long dotted names.
    const tokens = dottedPatternTokens(ref.module);
    let any = false;
    for (const r of nameRoots.length ? nameRoots : importRoots) {
      for (const f of walk.python) {
        if (!isInside(f, r)) continue;
        const dotted = dottedUnder(f, r);
        if (!dotted || !wildcardMatches(tokens, dotted)) continue;
        any = true;
        patterned.add(f);
      }
    }
    if (!any) unresolved.push(ref);
  }
  const servesApp = [...named.values()].some((n) => n.refs.some((r) => r.implies !== "testing" && r.implies !== "unspecified"));
  const candidates = new Set<string>(patterned);
  for (const file of [...named.keys(), ...patterned]) {
    const pkg = settingsPackageOf(file, root, walk.python);
    if (pkg) for (const f of walk.python) if (isInside(f, pkg)) candidates.add(f);
    // A lone settings.py: its settings-named siblings (settings_prod.py, test_settings.py) are candidates too.
    const dir = path.dirname(file);
    for (const f of index.get("*dir:" + dir) ?? []) if (isSettingsFileName(path.basename(f))) candidates.add(f);
  }
  const packageMembers = new Set(candidates);
  const fallback = !servesApp;
  if (fallback) for (const f of settingsLikeFiles(walk.python, root)) candidates.add(f);
  for (const f of named.keys()) candidates.delete(f);
  return {
    root,
    walk,
    refs: scan.refs,
    importRoots,
    nameRoots,
    named,
    unresolved,
    candidates: [...candidates].sort(),
    packageMembers,
    patterned,
    fallback,
    djangoEntry: scan.djangoEntry,
    notes,
  };
}

/** Basename → files, "*dir:<dir>" → the Python files of a directory, "*file:<file>" for membership. */
function indexByBasename(files: readonly string[]): Map<string, string[]> {
  const m = new Map<string, string[]>();
  const add = (k: string, f: string) => {
    let l = m.get(k);
    if (!l) m.set(k, (l = []));
    l.push(f);
  };
  for (const f of files) {
    add(path.basename(f), f);
    add("*dir:" + path.dirname(f), f);
    m.set("*file:" + f, []);
  }
  return m;
}

/**
 * The file a dotted name names, and the root it is found under: first under the import roots (those holding the naming
 * file deepest first), then anywhere in the tree whose path ends so (a Dockerfile in docker/ naming `app.settings` that
 * lives in backend/), nearest the naming file. The root found is then a Python path root of the project.
 */
export function resolveDotted(dotted: string, from: string, roots: readonly string[], index: ReadonlyMap<string, string[]>): { file: string; root: string } | undefined {
  const parts = dotted.split(".");
  const tails = [path.join(...parts) + ".py", path.join(...parts, "__init__.py")];
  const ordered = importRootsFor(from, roots);
  for (const r of ordered) {
    for (const tail of tails) {
      const f = path.join(r, tail);
      if (index.has("*file:" + f)) return { file: f, root: r };
    }
  }
  let best: { file: string; root: string; score: number } | undefined;
  for (const tail of tails) {
    for (const f of index.get(path.basename(tail)) ?? []) {
      if (!f.endsWith(path.sep + tail)) continue;
      const root = f.slice(0, f.length - tail.length - 1);
      const score = commonPrefix(root, path.dirname(from)) * 1000 - f.length;
      if (!best || score > best.score) best = { file: f, root, score };
    }
  }
  return best && { file: best.file, root: best.root };
}

/** "proj.settings.base" for <root>/proj/settings/base.py, undefined when a path part is not an identifier. */
export function dottedUnder(file: string, root: string): string | undefined {
  const rel = path.relative(root, file);
  if (!rel || rel.startsWith("..") || path.isAbsolute(rel)) return undefined;
  const parts = rel.replace(/\.py$/, "").split(path.sep);
  if (parts[parts.length - 1] === "__init__") parts.pop();
  if (!parts.length || !parts.every((p) => /^[A-Za-z_]\w*$/.test(p))) return undefined;
  return parts.join(".");
}

function commonPrefix(a: string, b: string): number {
  const x = a.split(path.sep);
  const y = b.split(path.sep);
  let i = 0;
  while (i < x.length && i < y.length && x[i] === y[i]) i++;
  return i;
}

function unique<T>(xs: T[]): T[] {
  return [...new Set(xs)];
}
