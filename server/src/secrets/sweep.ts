// Strings written in a module's statements that the resolved settings never hold: branches the analysis decided against,
// lower-case names, attribute writes (`stripe.api_key = …`) and environment writes (`os.environ["X"] = …`).
import type { Expr, ModuleModel, Stmt, Target } from "../parse/model";
import type { Loc } from "../resolve/values";
import type { PathSeg } from "./classify";

/** One string expression found by the sweep, with the path that names it. */
export interface SweepSite {
  loc: Loc;
  /** The string: a literal's value, or the text of literal pieces joined (holes, where a piece is not literal, as HOLE). */
  literal: string;
  /** `loc` is a plain string literal, so a fix may replace it. */
  isLiteral: boolean;
  /** What the string is assigned to: `["_tok"]`, `["stripe.api_key"]`, `["os.environ", "X"]`, `["HEADERS", "Authorization"]`. */
  path: PathSeg[];
  /** Part of the string is not written in the code (`f"postgres://u:pw@{HOST}/db"`): only its shape can be judged. */
  holes: boolean;
}

/** Stands for a piece of an f-string or concatenation that is not a literal; it ends any token or URL part it meets. */
export const HOLE = "\u0000";

/** Nesting followed into a value (dicts in lists in dicts…) and into statement bodies: far beyond real settings. */
const MAX_DEPTH = 12;
/** Sites kept per statement: a dict with 16k entries is still swept, but bounded. */
const MAX_SITES = 4096;

const byStmt = new WeakMap<Stmt, SweepSite[]>();

/**
 * Every candidate string of the module, remembered per statement: incremental parsing keeps untouched statements, so a
 * keystroke sweeps only what it changed.
 */
export function sweepModule(model: ModuleModel): SweepSite[] {
  const out: SweepSite[] = [];
  for (const s of model.statements) {
    let sites = byStmt.get(s);
    if (!sites) {
      sites = [];
      stmt(s, model.file, sites, 0);
      byStmt.set(s, sites);
    }
    for (const x of sites) out.push(x);
  }
  return out;
}

function stmt(s: Stmt, file: string, out: SweepSite[], depth: number): void {
  if (depth > MAX_DEPTH || out.length >= MAX_SITES) return;
  switch (s.kind) {
    case "assign":
      for (const t of s.targets) value(s.value, targetPath(t), file, out, 0);
      return;
    case "augassign":
      value(s.value, targetPath(s.target), file, out, 0);
      return;
    case "setattr":
      if (s.target.path.length === 0) value(s.value, [`${s.target.name}.${s.attr}`], file, out, 0);
      return;
    case "setitem": {
      const obj = dotted(s.obj);
      const key = s.index.t === "str" ? s.index.v : undefined;
      if (obj && key !== undefined) value(s.value, [obj, key], file, out, 0);
      return;
    }
    case "call": {
      // os.environ.setdefault("X", "…") and os.putenv("X", "…") write an environment variable the code then reads.
      const callee = dotted(s.call.fn);
      const [name, v] = s.call.args;
      if ((callee === "os.environ.setdefault" || callee === "os.putenv") && name?.t === "str" && v) value(v, ["os.environ", name.v], file, out, 0);
      return;
    }
    case "if":
      for (const b of s.branches) for (const x of b.body) stmt(x, file, out, depth + 1);
      return;
    case "try":
      for (const x of [...s.body, ...s.handlers.flatMap((h) => h.body), ...s.orelse, ...s.finalbody]) stmt(x, file, out, depth + 1);
      return;
    case "opaque":
      for (const x of [...s.body, ...(s.loop?.orelse ?? [])]) stmt(x, file, out, depth + 1);
      return;
    // Class and function bodies are not the module's settings (configuration classes are environments of their own and
    // are walked as such); in the helper modules settings import they hold event names and URL patterns, not secrets.
    default:
      return;
  }
}

function targetPath(t: Target): PathSeg[] {
  return [t.name, ...t.path.map((p): PathSeg => (p.t === "str" ? p.v : p.t === "num" && Number.isInteger(p.v) ? p.v : "?"))];
}

/** `os.environ`, `stripe`: a name or an attribute chain of names; undefined for anything else. */
function dotted(e: Expr): string | undefined {
  if (e.t === "name") return e.id;
  if (e.t === "attr") {
    const o = dotted(e.obj);
    return o && `${o}.${e.attr}`;
  }
  return undefined;
}

function value(e: Expr, path: PathSeg[], file: string, out: SweepSite[], depth: number): void {
  if (depth > MAX_DEPTH || out.length >= MAX_SITES) return;
  switch (e.t) {
    case "str":
      out.push({ loc: { file, range: e.range }, literal: e.v, isLiteral: true, path, holes: false });
      return;
    case "fstr":
    case "binop": {
      const text = template(e, 0);
      if (text === undefined) return;
      out.push({ loc: { file, range: e.range }, literal: text, isLiteral: false, path, holes: text.includes(HOLE) });
      return;
    }
    case "list":
    case "tuple":
    case "set":
      e.items.forEach((x, i) => value(x, [...path, i], file, out, depth + 1));
      return;
    case "dict":
      for (const en of e.entries) {
        if ("spread" in en) continue;
        const k: PathSeg = en.k.t === "str" ? en.k.v : en.k.t === "num" && Number.isInteger(en.k.v) ? en.k.v : "?";
        value(en.v, [...path, k], file, out, depth + 1);
      }
      return;
    case "cond":
      value(e.body, path, file, out, depth + 1);
      value(e.orelse, path, file, out, depth + 1);
      return;
    case "boolop":
      value(e.l, path, file, out, depth + 1);
      value(e.r, path, file, out, depth + 1);
      return;
    case "call": {
      // The default of an env read in a branch decided against (`if "DATABASE_HOST" in os.environ:` while it is unset)
      // is committed all the same (bakerydemo, healthchecks); so is one inside int(...)/str(...).
      const fn = dotted(e.fn);
      if (!fn) return;
      if (WRAPPERS.has(fn) && e.args.length === 1) return value(e.args[0], path, file, out, depth + 1);
      const def = ENV_READS.has(fn) ? e.args[1] : KEYWORD_DEFAULT_READS.test(fn) ? e.kwargs.find((k) => k.name === "default")?.value : undefined;
      if (def) value(def, path, file, out, depth + 1);
      return;
    }
    default:
      return;
  }
}

const WRAPPERS = new Set(["int", "str", "bool", "float"]);
/** Reads whose default is the second positional argument. */
const ENV_READS = new Set(["os.environ.get", "os.getenv", "getenv", "environ.get", "os.environ.setdefault"]);
/** django-environ's `env(...)`/`env.str(...)` and decouple's `config(...)`: the default is a keyword. */
const KEYWORD_DEFAULT_READS = /^(env|config|decouple\.config)(\.(str|bool|int|float|list|tuple|dict|url|db|db_url|cache|cache_url|email|email_url|json|path))?$/;

/**
 * The text of an f-string or `+` concatenation with a HOLE for each piece that is not a literal; undefined when no piece
 * is a literal (nothing written there to judge) or the expression is not string-building.
 */
function template(e: Expr, depth: number): string | undefined {
  if (depth > MAX_DEPTH) return HOLE;
  if (e.t === "str") return e.v;
  if (e.t === "fstr") {
    let s = "";
    let literal = false;
    for (const p of e.parts) {
      if (typeof p === "string") {
        s += p;
        literal ||= p.length > 0;
      } else {
        const inner = p.t === "str" ? p.v : HOLE;
        s += inner;
        literal ||= inner !== HOLE;
      }
    }
    return literal ? s : undefined;
  }
  if (e.t === "binop" && e.op === "+") {
    const l = template(e.l, depth + 1) ?? HOLE;
    const r = template(e.r, depth + 1) ?? HOLE;
    const s = l + r;
    return s.replace(new RegExp(HOLE, "g"), "").length > 0 ? s : undefined;
  }
  return undefined;
}
