// An index over one module model: the expression written at a range, its parents, and the statement holding it.
import { exprChildren } from "../parse/exprChildren";
import type { Expr, ModuleModel, Range, Stmt } from "../parse/model";

export interface ExprIndex {
  /** The outermost expression whose range is exactly `start:end`. */
  at(range: Range): Expr | undefined;
  parent(e: Expr): Expr | undefined;
  /** Parents from the innermost outwards. */
  ancestors(e: Expr): Expr[];
  statement(e: Expr): Stmt | undefined;
}

// Models are immutable once parsed, so an index built once serves every rule and fix that asks.
const cache = new WeakMap<ModuleModel, ExprIndex>();

export function exprIndex(model: ModuleModel): ExprIndex {
  const hit = cache.get(model);
  if (hit) return hit;
  const byRange = new Map<number, Expr>();
  const parents = new Map<Expr, Expr | undefined>();
  const stmts = new Map<Expr, Stmt>();
  // A number rather than a "start:end" string: no allocation per node. Sources are capped at 5 MB, so this is exact.
  const key = (r: Range) => r.startOffset * 1e7 + r.endOffset;

  const visit = (e: Expr, parent: Expr | undefined, stmt: Stmt): void => {
    const k = key(e.range);
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
  block(model.statements);

  const index: ExprIndex = {
    at: (r) => byRange.get(key(r)),
    parent: (e) => parents.get(e),
    ancestors: (e) => {
      const out: Expr[] = [];
      for (let p = parents.get(e); p; p = parents.get(p)) out.push(p);
      return out;
    },
    statement: (e) => stmts.get(e),
  };
  cache.set(model, index);
  return index;
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
