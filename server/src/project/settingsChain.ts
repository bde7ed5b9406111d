// A settings module's own chain: what it star-imports and includes, transitively; the modules it only takes names from are not in it.
import type { ModuleModel, Stmt } from "../parse/model";
import type { ModuleLoader } from "../resolve/moduleLoader";

interface StarImport {
  stmt: Stmt & { kind: "importStar" };
  /** Inside an `if`: a module that picks one of several (`if ENV == "production": from .production import *`). */
  selected: boolean;
}

/** The star-imports written in a module, branches and try blocks included, in source order (kept per parse). */
const starTargets = new WeakMap<ModuleModel, StarImport[]>();

function starImports(model: ModuleModel): StarImport[] {
  let out = starTargets.get(model);
  if (out) return out;
  const list: StarImport[] = [];
  const visit = (stmts: Stmt[], selected: boolean) => {
    for (const s of stmts) {
      if (s.kind === "importStar") list.push({ stmt: s, selected });
      else if (s.kind === "if") for (const b of s.branches) visit(b.body, true);
      else if (s.kind === "try") {
        visit(s.body, selected);
        for (const h of s.handlers) visit(h.body, selected);
        visit(s.orelse, selected);
        visit(s.finalbody, selected);
      } else if (s.kind === "opaque" && s.what === "with") visit(s.body, selected);
    }
  };
  visit(model.statements, false);
  starTargets.set(model, (out = list));
  return out;
}

export interface SettingsChain {
  /** `file` and every project module it reaches through star-imports and includes, transitively: settings modules all. */
  all: string[];
  /**
   * Those that are parts of it: reached without passing through an `if`. A module an `if` picks (a settings package's
   * __init__.py choosing production or development by an environment variable) stays an environment of its own.
   */
  parts: string[];
}

/**
 * `file` and every project module it reaches through star-imports and through includes (`included`: the files the
 * interpreter ran as django-split-settings fragments of it), transitively. These are settings modules; a module read
 * only for a name (`from .core.languages import LANGUAGES`) is not.
 */
/** Each module's star-import targets, resolved once per analysis and shared by every chain walked in it. */
export type StarEdgeList = Array<{ file: string; selected: boolean }>;
export type StarEdges = Map<string, StarEdgeList>;

function edgesOf(f: string, loader: ModuleLoader, edges: StarEdges): Array<{ file: string; selected: boolean }> {
  let out = edges.get(f);
  if (out) return out;
  out = [];
  const loaded = loader.load(f);
  if (loaded.ok) {
    for (const s of starImports(loaded.model)) {
      const res = loader.resolve(f, s.stmt.module);
      if ("file" in res) out.push({ file: res.file, selected: s.selected });
    }
  }
  edges.set(f, out);
  return out;
}

export function settingsChain(file: string, loader: ModuleLoader, included: ReadonlySet<string>, edges: StarEdges = new Map()): SettingsChain {
  const all = [file];
  const parts: string[] = [];
  const partOf = new Set<string>();
  const seen = new Set(all);
  const queue: Array<{ f: string; part: boolean }> = [{ f: file, part: true }];
  for (const f of included) {
    if (seen.has(f)) continue;
    seen.add(f);
    all.push(f);
    queue.push({ f, part: true });
  }
  for (let i = 0; i < queue.length; i++) {
    const { f, part } = queue[i];
    if (part && f !== file && !partOf.has(f)) {
      partOf.add(f);
      parts.push(f);
    }
    // A chain per candidate module walks the whole star-import graph: with the edges shared, 200 modules that all
    // import each other cost 8 million array steps instead of as many resolutions.
    for (const res of edgesOf(f, loader, edges)) {
      const asPart = part && !res.selected;
      if (!seen.has(res.file)) {
        seen.add(res.file);
        all.push(res.file);
        queue.push({ f: res.file, part: asPart });
      } else if (asPart && !partOf.has(res.file) && res.file !== file) queue.push({ f: res.file, part: true });
    }
  }
  return { all, parts };
}

/** True when a module's top level could make it settings: an uppercase assignment, a star-import, an include(), a class setting them. */
export function mayHoldSettings(model: ModuleModel): boolean {
  const visit = (stmts: Stmt[]): boolean =>
    stmts.some((s) => {
      switch (s.kind) {
        case "assign":
          return s.targets.some((t) => /^[A-Z][A-Z0-9_]*$/.test(t.name));
        case "augassign":
        case "mutate":
          return /^[A-Z][A-Z0-9_]*$/.test(s.target.name);
        case "importStar":
          return true;
        case "call":
          return s.call.fn.t === "name" ? s.call.fn.id === "include" : s.call.fn.t === "attr" && s.call.fn.attr === "include";
        case "if":
          return s.branches.some((b) => visit(b.body));
        case "try":
          return visit(s.body) || s.handlers.some((h) => visit(h.body)) || visit(s.orelse);
        // `with suppress(ImportError): from .local import *`, a `for` over setting names.
        case "opaque":
          return visit(s.body);
        // A django-configurations class: its settings are class attributes (resolve/configurations.ts).
        case "class":
          return s.bases.length > 0 && visit(s.body);
        default:
          return false;
      }
    });
  return visit(model.statements);
}

/** A pytest module (test functions or Test classes at the top): never a settings module, whatever its name. */
export function isTestModule(model: ModuleModel): boolean {
  return model.statements.some((s) => s.kind === "opaque" && s.binds.some((n) => /^test_|^Test[A-Z]/.test(n)));
}
