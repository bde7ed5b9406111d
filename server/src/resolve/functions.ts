// Bounded evaluation of the project's own helper functions: argument binding, limits, what a call returns.
import type { Expr, Param, Stmt } from "../parse/model";
import { unknown, withEnv, type Loc, type UserFunction, type Value } from "./values";
import { sameValue } from "./values";
import { commonView } from "./sequences";

/** Nested helper calls followed at most this deep (recursion included); deeper calls are unknown. */
export const MAX_CALL_DEPTH = 8;
/** Statements run by one outermost helper call, its nested calls and loops included; past it the call is unknown. */
export const MAX_CALL_STEPS = 2000;
/** Iterations of one `for` loop the interpreter unrolls; a longer loop is treated as not followed. */
export const MAX_LOOP_ITEMS = 200;
/**
 * Statements that helper calls and unrolled loops may run for one module and what it imports, all together: a helper
 * called in a loop, or loops nested three deep, stop here rather than multiplying; later calls and loops are unknown.
 */
export const MAX_RUN_STEPS = 20000;

/** Thrown when a call runs past MAX_CALL_STEPS, and caught by the outermost call, which becomes unknown. */
export class BudgetExceeded extends Error {}

/** Decorators that leave a function's result as it is; any other makes the function not followed. */
const TRANSPARENT_DECORATORS = new Set(["lru_cache", "cache", "functools.lru_cache", "functools.cache", "staticmethod", "wraps", "functools.wraps"]);

export function transparentDecorators(decorators: Expr[]): boolean {
  return decorators.every((d) => {
    const e = d.t === "call" ? d.fn : d;
    const name = e.t === "name" ? e.id : e.t === "attr" && e.obj.t === "name" ? `${e.obj.id}.${e.attr}` : undefined;
    return !!name && TRANSPARENT_DECORATORS.has(name);
  });
}

export function makeFunction(
  name: string,
  params: Param[],
  body: Stmt[] | { expr: Expr },
  file: string,
  defaults: Map<string, Value>,
  outer: (name: string) => Value | undefined,
  globals: string[],
  loc: Loc,
): Value {
  const fn: UserFunction = { name, params, body, file, defaults, outer, globals };
  return { k: "func", fn, loc };
}

/**
 * Python's binding of a call's arguments to parameters: positional in order, then keywords, then defaults; extra
 * positional arguments into *args, extra keywords into **kwargs. A string says why the call would raise TypeError.
 */
export function bindArguments(fn: UserFunction, args: Value[], kwargs: Record<string, Value>, loc: Loc): Map<string, Value> | string {
  const out = new Map<string, Value>();
  const positional = fn.params.filter((p) => p.kind === "plain" && !p.kwOnly);
  const varargs = fn.params.find((p) => p.kind === "varargs");
  const varkw = fn.params.find((p) => p.kind === "kwargs");
  positional.forEach((p, i) => {
    if (i < args.length) out.set(p.name, args[i]);
  });
  if (args.length > positional.length) {
    if (!varargs) return `${fn.name}() takes ${positional.length} positional arguments but ${args.length} were given`;
    out.set(varargs.name, { k: "tuple", items: args.slice(positional.length), loc });
  } else if (varargs) out.set(varargs.name, { k: "tuple", items: [], loc });
  const extra: Array<[Value, Value]> = [];
  for (const [k, v] of Object.entries(kwargs)) {
    const p = fn.params.find((x) => x.kind === "plain" && x.name === k);
    if (p) {
      if (out.has(k)) return `${fn.name}() got multiple values for argument '${k}'`;
      out.set(k, v);
    } else if (varkw) extra.push([{ k: "str", v: k, loc }, v]);
    else return `${fn.name}() got an unexpected keyword argument '${k}'`;
  }
  if (varkw) out.set(varkw.name, { k: "dict", entries: extra, loc });
  for (const p of fn.params) {
    if (p.kind !== "plain" || out.has(p.name)) continue;
    const d = fn.defaults.get(p.name);
    if (!d) return `${fn.name}() missing required argument '${p.name}'`;
    out.set(p.name, d);
  }
  return out;
}

/** What a call returns: the one value every path returns, else an unknown listing them (a list kept in part). */
export function returnedValue(fn: UserFunction, returns: Value[], raised: boolean, loc: Loc): Value {
  if (returns.length === 0) return unknown(raised ? `${fn.name}() raises` : `${fn.name}() does not return`, { loc });
  const first = returns[0];
  if (!raised && returns.every((r) => r === first || sameValue(r, first))) return withEnv(first, ...returns);
  const common = commonView(returns);
  const partial = common && { kind: common.kind, items: common.items, ...(common.gaps ? { gaps: common.gaps } : {}) };
  return withEnv(unknown(`${fn.name}() returns different values on paths the analysis cannot decide`, { loc, alternatives: returns, ...(partial ? { partial } : {}) }), ...returns);
}

/** True when a statement list holds a `return` (not inside a nested def or class). */
export function containsReturn(stmts: Stmt[]): boolean {
  for (const s of stmts) {
    if (s.kind === "return") return true;
    if (s.kind === "if" && s.branches.some((b) => containsReturn(b.body))) return true;
    if (s.kind === "try" && (containsReturn(s.body) || containsReturn(s.orelse) || containsReturn(s.finalbody) || s.handlers.some((h) => containsReturn(h.body)))) return true;
    if (s.kind === "opaque" && (containsReturn(s.body) || containsReturn(s.loop?.orelse ?? []))) return true;
  }
  return false;
}
