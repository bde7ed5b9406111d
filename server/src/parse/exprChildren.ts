// The direct sub-expressions of an Expr, for every walk over the IR (fix indexes, literal search), in one place.
import type { Expr } from "./model";

export function exprChildren(e: Expr): Expr[] {
  switch (e.t) {
    case "fstr":
      return e.parts.filter((p): p is Expr => typeof p !== "string");
    case "list":
    case "tuple":
    case "set":
      return e.items;
    case "dict":
      return e.entries.flatMap((en) => ("spread" in en ? [en.spread] : [en.k, en.v]));
    case "attr":
      return [e.obj];
    case "sub":
      return [e.obj, e.index];
    case "call":
      return [e.fn, ...e.args, ...e.kwargs.map((k) => k.value), ...(e.argSpreads?.map((s) => s.e) ?? [])];
    case "binop":
    case "boolop":
      return [e.l, e.r];
    case "unary":
      return [e.e];
    case "compare":
      return e.operands;
    case "cond":
      return [e.test, e.body, e.orelse];
    case "starred":
      return [e.e];
    case "walrus":
      return [e.value];
    case "comp":
      return [e.elt, ...(e.value ? [e.value] : []), ...e.clauses.map((c) => ("if" in c ? c.if : c.iter))];
    case "slice":
      return [e.lower, e.upper, e.step].filter((x): x is Expr => !!x);
    case "lambda":
      return [...e.params.flatMap((p) => (p.default ? [p.default] : [])), e.body];
    default:
      return [];
  }
}

/** `top` and every expression below it, depth first, except below those `stop` says not to enter (a lambda's body). */
export function subExprs(top: Expr, stop: (e: Expr) => boolean): Expr[] {
  const out: Expr[] = [];
  const stack = [top];
  while (stack.length) {
    const e = stack.pop()!;
    out.push(e);
    if (!stop(e)) for (const c of exprChildren(e)) stack.push(c);
  }
  return out;
}
