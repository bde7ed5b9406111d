// An index over one module model: the expression written at a range, its parents, and the statement holding it.
import { exprChildren } from "./exprChildren";
import type { Expr, ModuleModel, Range, Stmt } from "./model";

export interface ExprIndex {
  /** The outermost expression whose range is exactly `start:end`. */
  at(range: Range): Expr | undefined;
  parent(e: Expr): Expr | undefined;
  /** Parents from the innermost outwards. */
  ancestors(e: Expr): Expr[];
  statement(e: Expr): Stmt | undefined;
}

// One index per top-level statement, keyed by the statement object: an edit re-parses one statement and moves the
// others in place (parse/incremental.ts), so every other statement keeps its index from one keystroke to the next.
// Offsets are kept relative to the statement's start for that reason: a moved statement's index stays exact.
interface StatementIndex {
  byRange: Map<number, Expr>;
  parents: Map<Expr, Expr | undefined>;
  stmts: Map<Expr, Stmt>;
}
const perStatement = new WeakMap<Stmt, StatementIndex>();
const perModel = new WeakMap<ModuleModel, ExprIndex>();

/** A number rather than a "start:end" string: no allocation per lookup. Sources are capped at 5 MB, so this is exact. */
function key(r: Range, base: number): number {
  return (r.startOffset - base) * 1e7 + (r.endOffset - base);
}

export function exprIndex(model: ModuleModel): ExprIndex {
  const hit = perModel.get(model);
  if (hit) return hit;
  const top = model.statements;
  /** The top-level statement whose range holds `r`: a binary search, statements being in source order. */
  const holder = (r: Range): Stmt | undefined => {
    let lo = 0;
    let hi = top.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const s = top[mid];
      if (r.startOffset < s.range.startOffset) hi = mid - 1;
      else if (r.startOffset >= s.range.endOffset && s.range.endOffset > s.range.startOffset) lo = mid + 1;
      else return r.endOffset <= s.range.endOffset ? s : undefined;
    }
    return undefined;
  };
  const indexOf = (r: Range, s = holder(r)): StatementIndex | undefined => {
    if (!s) return undefined;
    let idx = perStatement.get(s);
    if (!idx) {
      idx = buildStatementIndex(s);
      perStatement.set(s, idx);
    }
    return idx;
  };
  const index: ExprIndex = {
    at: (r) => {
      const s = holder(r);
      return s ? indexOf(r, s)?.byRange.get(key(r, s.range.startOffset)) : undefined;
    },
    parent: (e) => indexOf(e.range)?.parents.get(e),
    ancestors: (e) => {
      const idx = indexOf(e.range);
      const out: Expr[] = [];
      for (let p = idx?.parents.get(e); p; p = idx?.parents.get(p)) out.push(p);
      return out;
    },
    statement: (e) => indexOf(e.range)?.stmts.get(e),
  };
  perModel.set(model, index);
  return index;
}

function buildStatementIndex(top: Stmt): StatementIndex {
  const base = top.range.startOffset;
  const byRange = new Map<number, Expr>();
  const parents = new Map<Expr, Expr | undefined>();
  const stmts = new Map<Expr, Stmt>();
  const visit = (e: Expr, parent: Expr | undefined, stmt: Stmt): void => {
    const k = key(e.range, base);
    if (!byRange.has(k)) byRange.set(k, e);
    parents.set(e, parent);
    stmts.set(e, stmt);
    for (const c of exprChildren(e)) visit(c, e, stmt);
  };
  const block = (list: Stmt[]): void => {
    for (const s of list) {
      switch (s.kind) {
        case "assign":
          for (const t of s.targets) for (const p of t.path) visit(p, undefined, s);
          visit(s.value, undefined, s);
          break;
        case "unpack":
          visit(s.value, undefined, s);
          break;
        case "augassign":
          for (const p of s.target.path) visit(p, undefined, s);
          visit(s.value, undefined, s);
          break;
        case "mutate":
          for (const p of s.target.path) visit(p, undefined, s);
          for (const a of s.args) visit(a, undefined, s);
          for (const k of s.kwargs) visit(k.value, undefined, s);
          break;
        case "del":
          for (const t of s.targets) for (const p of t.path) visit(p, undefined, s);
          break;
        case "if":
          for (const b of s.branches) {
            if (b.test) visit(b.test, undefined, s);
            block(b.body);
          }
          break;
        case "try":
          block(s.body);
          for (const h of s.handlers) block(h.body);
          block(s.orelse);
          block(s.finalbody);
          break;
        case "call":
          visit(s.call, undefined, s);
          break;
        case "opaque":
          block(s.body);
          break;
        default:
          break;
      }
    }
  };
  block([top]);
  return { byRange, parents, stmts };
}

/** The dotted name an expression spells (`os.environ.get`, `environ.Env`), or undefined for anything else. */
export function dottedName(e: Expr): string | undefined {
  if (e.t === "name") return e.id;
  if (e.t === "attr") {
    const base = dottedName(e.obj);
    return base === undefined ? undefined : `${base}.${e.attr}`;
  }
  return undefined;
}

export function contains(outer: Range, inner: Range): boolean {
  return inner.startOffset >= outer.startOffset && inner.endOffset <= outer.endOffset;
}
