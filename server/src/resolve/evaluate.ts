// Evaluates one Expr to an abstract Value with Python's semantics, in the scenario where every env var is unset.
import { subExprs } from "../parse/exprChildren";
import type { Expr, Range } from "../parse/model";
import { callBuiltin, callMethod } from "./builtins";
import { callExternal, environContains, subscriptExternal } from "./envReads";
import { classAttr } from "./configurations";
import { iterate, joinPath, posixDirname, pyStr, type CallArgs } from "./valueOps";
import { concatViews, seqView, UNKNOWN_SEQ, viewValue, type SeqView } from "./sequences";
import {
  dictGet,
  isKnown,
  keyOf,
  pyContains,
  pyEquals,
  truthy,
  unknown,
  withEnv,
  type Loc,
  type Value,
} from "./values";

export interface EvalContext {
  file: string;
  /** The current value of a name in the module's namespace, or undefined when it is not bound. */
  lookup(name: string): Value | undefined;
  /** A lambda as a callable value (resolve/functions.ts); without it a lambda is unknown. */
  makeLambda?(e: Expr & { t: "lambda" }, loc: Loc): Value;
  /** Calls a function or class value the project defines (resolve/functions.ts); without it such a call is unknown. */
  callUser?(fn: Value, call: CallArgs): Value | undefined;
  /** An attribute of an instance of a project class (pydantic settings fields); undefined when not known. */
  instanceAttr?(obj: Value & { k: "instance" }, name: string, loc: Loc): Value | undefined;
  /**
   * Binds `name := value` where Python does: in the frame's namespace, at the moment the expression runs (so
   * `y + (y := 5)` reads the old y), and from inside a comprehension too, whose `:=` binds in the enclosing scope.
   */
  assign?(name: string, value: Value, range: Range): void;
}

const MAX_DEPTH = 120;

/**
 * The value of each literal expression (strings, numbers, and lists, tuples, sets and dicts of them only), which needs
 * no context: evaluated once per Expr object, which the parse layer keeps while its statement is untouched, so a
 * keystroke re-evaluates a 3,000-line module's literals no more, and the secrets scan can remember what it found in
 * them (secrets/scan.ts). Values are never mutated, so sharing one is safe; its range is the Expr's own, kept current.
 */
const literals = new WeakMap<Expr, Value>();
const literalValues = new WeakSet<Value>();

/** True for a value evaluate() made of a literal expression alone: the same object while its expression is unchanged. */
export function isLiteralValue(v: Value): boolean {
  return literalValues.has(v);
}

export function evaluate(e: Expr, ctx: EvalContext, depth = 0): Value {
  // Names, calls and operators are never literal: skipping the lookup for them saves most of a large module's.
  const literalKind = isLiteralKind(e.t);
  if (literalKind) {
    const known = literals.get(e);
    if (known && known.loc?.file === ctx.file) return known;
  }
  const loc: Loc = { file: ctx.file, range: e.range };
  if (depth > MAX_DEPTH) return unknown("expression nested too deeply", { loc });
  const v = evalInner(e, ctx, depth + 1, loc);
  const out = v.loc ? v : { ...v, loc };
  if (literalKind && isLiteral(e, out)) {
    literals.set(e, out);
    literalValues.add(out);
  }
  return out;
}

/** The expression kinds isLiteral() can accept. */
function isLiteralKind(t: Expr["t"]): boolean {
  switch (t) {
    case "str":
    case "num":
    case "bool":
    case "none":
    case "list":
    case "tuple":
    case "set":
    case "dict":
      return true;
    default:
      return false;
  }
}

function isLiteral(e: Expr, v: Value): boolean {
  switch (e.t) {
    case "str":
    case "num":
    case "bool":
    case "none":
      return v.loc?.range === e.range;
    case "list":
    case "tuple":
    case "set":
      return v.k === e.t && v.loc?.range === e.range && e.items.every((x) => x.t !== "starred") && v.items.every(isLiteralValue);
    case "dict":
      return v.k === "dict" && v.loc?.range === e.range && e.entries.every((x) => !("spread" in x)) && v.entries.every(([k, x]) => isLiteralValue(k) && isLiteralValue(x));
    default:
      return false;
  }
}

function evalInner(e: Expr, ctx: EvalContext, d: number, loc: Loc): Value {
  switch (e.t) {
    case "str":
      return { k: "str", v: e.v, loc };
    case "fstr": {
      let out = "";
      const deps: Value[] = [];
      for (const p of e.parts) {
        if (typeof p === "string") {
          out += p;
          continue;
        }
        const v = evaluate(p, ctx, d);
        deps.push(v);
        const s = pyStr(v);
        if (s === undefined) return withEnv(unknown("an f-string with an unknown part", { loc }), ...deps);
        out += s;
      }
      return withEnv({ k: "str", v: out, loc }, ...deps);
    }
    case "num":
      return e.float ? { k: "float", v: e.v, loc } : { k: "int", v: e.v, loc };
    case "bool":
      return { k: "bool", v: e.v, loc };
    case "none":
      return { k: "none", loc };
    case "list":
    case "tuple":
    case "set": {
      const items: Value[] = [];
      for (let i = 0; i < e.items.length; i++) {
        const item = e.items[i];
        if (item.t === "starred") {
          const inner = evaluate(item.e, ctx, d);
          const seq = iterate(inner);
          if (!seq) return spreadDisplay(e, i, items, inner, ctx, d, loc);
          items.push(...seq);
        } else {
          items.push(evaluate(item, ctx, d));
        }
      }
      return { k: e.t, items, loc };
    }
    case "dict": {
      const entries: Array<[Value, Value]> = [];
      for (const entry of e.entries) {
        if ("spread" in entry) {
          const inner = evaluate(entry.spread, ctx, d);
          if (inner.k !== "dict") return withEnv(unknown("unpacks an unknown mapping", { loc }), inner);
          entries.push(...inner.entries);
        } else {
          entries.push([evaluate(entry.k, ctx, d), evaluate(entry.v, ctx, d)]);
        }
      }
      return { k: "dict", entries: dedupeEntries(entries), loc };
    }
    case "name": {
      // __file__ is the one location a settings module knows about itself; BASE_DIR is built from it.
      if (e.id === "__file__") return { k: "str", v: ctx.file, loc };
      if (e.id === "__name__") return unknown("__name__ depends on how the module is imported", { loc });
      const v = ctx.lookup(e.id);
      if (v) return v;
      if (BUILTIN_NAMES.has(e.id)) return { k: "ref", path: "builtins." + e.id, loc };
      return unknown(`${e.id} is not defined in the settings`, { loc });
    }
    case "attr": {
      const obj = evaluate(e.obj, ctx, d);
      if (obj.k === "ref") return { k: "ref", path: obj.path + "." + e.attr, loc };
      if (obj.k === "module") return obj.attr(e.attr) ?? unknown(`${e.attr} is not defined in ${obj.file.split("/").pop()}`, { loc });
      if (obj.k === "class") return classAttr(obj.cls, e.attr)?.value ?? unknown(`${obj.cls.name}.${e.attr} is not defined in the project's classes`, { loc });
      if (obj.k === "instance") return ctx.instanceAttr?.(obj, e.attr, loc) ?? unknown(`an attribute of a ${obj.cls.name} object`, { loc });
      if (obj.k === "path" && e.attr === "parent") return withEnv({ k: "path", v: posixDirname(obj.v), loc }, obj);
      if (obj.k === "path" && (e.attr === "name" || e.attr === "stem")) {
        const base = obj.v.slice(obj.v.lastIndexOf("/") + 1);
        return withEnv({ k: "str", v: e.attr === "stem" && base.includes(".") ? base.slice(0, base.lastIndexOf(".")) : base, loc }, obj);
      }
      if (obj.k === "unknown") return withEnv(unknown(obj.why, { loc }), obj);
      return { k: "bound", self: obj, name: e.attr, loc };
    }
    case "sub": {
      const obj = evaluate(e.obj, ctx, d);
      if (e.index.t === "slice") return sliceOf(obj, e.index, ctx, d, loc);
      const index = evaluate(e.index, ctx, d);
      if (obj.k === "ref") return subscriptExternal(obj.path, index, loc);
      return subscript(obj, index, loc);
    }
    case "call": {
      const fn = evaluate(e.fn, ctx, d);
      const args = e.args.map((a) => evaluate(a, ctx, d));
      const kwargs: Record<string, Value> = {};
      for (const k of e.kwargs) kwargs[k.name] = evaluate(k.value, ctx, d);
      if (e.spread && !(e.kwSpreads && spreadKeywords(e.kwSpreads, kwargs, ctx, d))) return withEnv(unknown("a call with *args or **kwargs", { loc }), fn, ...args);
      const call = { args, kwargs, loc, expr: e };
      if (fn.k === "ref") {
        if (fn.path.startsWith("builtins.")) return callBuiltin(fn.path.slice(9), call);
        return callExternal(fn.path, call);
      }
      if (fn.k === "bound") return callMethod(fn.self, fn.name, call);
      if (fn.k === "envobj") return callExternal("environ.Env()", { ...call, self: fn });
      if (fn.k === "cast") return callBuiltin(fn.name, call);
      if ((fn.k === "func" || fn.k === "class") && ctx.callUser) {
        const r = ctx.callUser(fn, call);
        if (r) return r;
      }
      return withEnv(unknown("calls something the analysis does not model", { loc }), fn, ...args);
    }
    case "binop":
      return binop(e.op, evaluate(e.l, ctx, d), evaluate(e.r, ctx, d), loc);
    case "unary": {
      const v = evaluate(e.e, ctx, d);
      if (e.op === "not") {
        const t = truthy(v);
        return t === undefined ? withEnv(unknown("negates an unknown value", { loc }), v) : withEnv({ k: "bool", v: !t, loc }, v);
      }
      if (v.k === "int" || v.k === "float" || v.k === "bool") {
        const n = v.k === "bool" ? (v.v ? 1 : 0) : v.v;
        if (e.op === "-") return withEnv({ k: v.k === "float" ? "float" : "int", v: -n, loc }, v);
        if (e.op === "+") return withEnv({ k: v.k === "float" ? "float" : "int", v: n, loc }, v);
      }
      return withEnv(unknown("an operator on an unknown value", { loc }), v);
    }
    case "boolop": {
      // Python returns one of the operands, not a bool: `X or "default"` is "default" when X is falsy.
      const l = evaluate(e.l, ctx, d);
      const t = truthy(l);
      if (t === undefined) return withEnv(unknown("and/or on an unknown value", { loc }), l);
      if (e.op === "and") return t ? withEnv(evaluate(e.r, ctx, d), l) : l;
      return t ? l : withEnv(evaluate(e.r, ctx, d), l);
    }
    case "compare": {
      const vals = e.operands.map((o) => evaluate(o, ctx, d));
      let result = true;
      for (let i = 0; i < e.ops.length; i++) {
        const op = e.ops[i];
        const b = vals[i + 1];
        // `"X" in os.environ` is a read too: False while X is unset, and it makes nothing required.
        if ((op === "in" || op === "not in") && b.k === "ref") {
          const test = environContains(b.path, vals[i], loc);
          if (test) {
            vals[i + 1] = test;
            if ((op === "in") !== (test.k === "bool" && test.v)) {
              result = false;
              break;
            }
            continue;
          }
        }
        const r = compare(op, vals[i], b);
        if (r === undefined) return withEnv(unknown("a comparison with an unknown side", { loc }), ...vals);
        if (!r) {
          result = false;
          break;
        }
      }
      return withEnv({ k: "bool", v: result, loc }, ...vals);
    }
    case "cond": {
      const test = evaluate(e.test, ctx, d);
      const t = truthy(test);
      if (t === undefined) {
        return withEnv(
          unknown("a conditional expression on an unknown test", {
            loc,
            alternatives: [evaluate(e.body, ctx, d), evaluate(e.orelse, ctx, d)],
          }),
          test,
        );
      }
      return withEnv(evaluate(t ? e.body : e.orelse, ctx, d), test);
    }
    case "walrus": {
      const v = evaluate(e.value, ctx, d);
      ctx.assign?.(e.name, v, e.range);
      return v;
    }
    case "starred":
      return unknown("a starred expression", { loc });
    case "slice":
      return unknown("a slice outside a subscript", { loc });
    case "lambda":
      return ctx.makeLambda ? ctx.makeLambda(e, loc) : unknown("a lambda", { loc });
    case "comp":
      return comprehension(e, ctx, d, loc);
    case "other":
      return unknown(`the analysis does not model ${e.kind.replace(/_/g, " ")}`, { loc });
  }
}

/**
 * `f(A=1, **SCHEMA)` with SCHEMA a dict the analysis knows: its entries become keywords (added to `kwargs`). False
 * when any spread is not a dict of str keys, so the call's arity stays unknown.
 */
function spreadKeywords(spreads: Expr[], kwargs: Record<string, Value>, ctx: EvalContext, d: number): boolean {
  const more: Array<[string, Value]> = [];
  for (const x of spreads) {
    const v = evaluate(x, ctx, d);
    if (v.k !== "dict") return false;
    for (const [k, item] of v.entries) {
      if (k.k !== "str") return false;
      more.push([k.v, item]);
    }
  }
  for (const [k, v] of more) kwargs[k] = v;
  return true;
}

/**
 * The rest of a list display once a spread's items are not all known: `[*MIDDLEWARE, "x"]` keeps "x" as certainly
 * present. `(*X[:i], "silk", *X[i:])` with `i` unknown holds all of X and "silk", in an order not known.
 */
function spreadDisplay(e: Expr & { t: "list" | "tuple" | "set" }, at: number, before: Value[], first: Value, ctx: EvalContext, d: number, loc: Loc): Value {
  const kind = e.t;
  const deps: Value[] = [first];
  let view: SeqView = { kind, items: before, gaps: new Array(before.length + 1).fill(false), complete: true };
  let unorderedFrom = -1;
  for (let i = at; i < e.items.length; i++) {
    const item = e.items[i];
    if (item.t !== "starred") {
      view = concatViews(view, { kind, items: [evaluate(item, ctx, d)], gaps: [false, false], complete: true }, kind);
      continue;
    }
    const split = splitSlices(e.items, i);
    if (split) {
      // The two halves of one sequence cut at the same unknown place: all of it is there, the middle somewhere inside.
      const whole = evaluate(split.seq, ctx, d);
      deps.push(whole);
      const wv = seqView(whole) ?? UNKNOWN_SEQ;
      const middle: Value[] = e.items.slice(i + 1, split.end).map((x) => evaluate(x, ctx, d));
      view = concatViews(view, { kind, items: [...wv.items, ...middle], complete: wv.complete }, kind);
      unorderedFrom = 0;
      i = split.end;
      continue;
    }
    const inner = i === at ? first : evaluate(item.e, ctx, d);
    if (i !== at) deps.push(inner);
    const seq = iterate(inner);
    view = concatViews(view, seq ? { kind, items: seq, gaps: new Array(seq.length + 1).fill(false), complete: true } : seqView(inner) ?? UNKNOWN_SEQ, kind);
  }
  if (unorderedFrom >= 0) view = { ...view, gaps: undefined, complete: view.complete && kind === "set" };
  return viewValue(view, "unpacks a sequence known only in part", loc, ...deps);
}

/** `*X[:I]` at `i` and a later `*X[I:]` with the same X and I written alike: the index of the second and X. */
function splitSlices(items: Expr[], i: number): { end: number; seq: Expr } | undefined {
  const a = items[i];
  if (a.t !== "starred" || a.e.t !== "sub" || a.e.index.t !== "slice") return undefined;
  const s = a.e.index;
  if (s.lower || !s.upper || s.step) return undefined;
  for (let j = i + 1; j < items.length; j++) {
    const b = items[j];
    if (b.t !== "starred" || b.e.t !== "sub" || b.e.index.t !== "slice") continue;
    const t = b.e.index;
    if (!t.lower || t.upper || t.step) continue;
    if (sameExpr(a.e.obj, b.e.obj) && sameExpr(s.upper, t.lower)) return { end: j, seq: a.e.obj };
  }
  return undefined;
}

/** Two expressions written alike (names, attributes, literals, calls and operators of them), ranges aside. */
export function sameExpr(a: Expr, b: Expr, depth = 0): boolean {
  if (a.t !== b.t || depth > 20) return false;
  switch (a.t) {
    case "name":
      return a.id === (b as typeof a).id;
    case "num":
    case "str":
    case "bool":
      return a.v === (b as typeof a).v;
    case "none":
      return true;
    case "attr":
      return a.attr === (b as typeof a).attr && sameExpr(a.obj, (b as typeof a).obj, depth + 1);
    case "sub":
      return sameExpr(a.obj, (b as typeof a).obj, depth + 1) && sameExpr(a.index, (b as typeof a).index, depth + 1);
    case "binop":
      return a.op === (b as typeof a).op && sameExpr(a.l, (b as typeof a).l, depth + 1) && sameExpr(a.r, (b as typeof a).r, depth + 1);
    case "call": {
      const c = b as typeof a;
      return (
        sameExpr(a.fn, c.fn, depth + 1) &&
        a.args.length === c.args.length &&
        a.args.every((x, k) => sameExpr(x, c.args[k], depth + 1)) &&
        a.kwargs.length === c.kwargs.length &&
        a.kwargs.every((k, n) => k.name === c.kwargs[n].name && sameExpr(k.value, c.kwargs[n].value, depth + 1))
      );
    }
    default:
      return false;
  }
}

/** `X[a:b:c]` with Python's clamping; a known sequence cut at unknown places is unknown (its items may be cut off). */
function sliceOf(obj: Value, s: Expr & { t: "slice" }, ctx: EvalContext, d: number, loc: Loc): Value {
  const part = (x: Expr | undefined) => (x ? evaluate(x, ctx, d) : undefined);
  const lo = part(s.lower);
  const hi = part(s.upper);
  const st = part(s.step);
  const deps = [obj, lo, hi, st];
  const num = (v: Value | undefined): number | null | undefined => (v === undefined || v.k === "none" ? null : v.k === "int" ? v.v : v.k === "bool" ? Number(v.v) : undefined);
  const a = num(lo);
  const b = num(hi);
  const c = num(st);
  const seq = obj.k === "list" || obj.k === "tuple" ? obj.items : obj.k === "str" ? [...obj.v] : undefined;
  if (!seq || a === undefined || b === undefined || c === undefined || c === 0) return withEnv(unknown("a slice the analysis cannot resolve", { loc }), ...deps);
  const n = seq.length;
  const step = c ?? 1;
  const norm = (x: number | null, dflt: number) => (x === null ? dflt : x < 0 ? Math.max(x + n, step < 0 ? -1 : 0) : Math.min(x, step < 0 ? n - 1 : n));
  const start = norm(a, step < 0 ? n - 1 : 0);
  const stop = norm(b, step < 0 ? -1 : n);
  const picked: number[] = [];
  for (let i = start; step > 0 ? i < stop : i > stop; i += step) picked.push(i);
  if (obj.k === "str") return withEnv({ k: "str", v: picked.map((i) => obj.v[i]).join(""), loc }, ...deps);
  const items = picked.map((i) => (seq as Value[])[i]);
  return withEnv({ k: obj.k === "tuple" ? "tuple" : "list", items, loc }, ...deps);
}

/** Upper bound on the items a comprehension may produce before the analysis gives up on it. */
const MAX_COMPREHENSION_ITEMS = 10000;

function comprehension(e: Expr & { t: "comp" }, ctx: EvalContext, d: number, loc: Loc): Value {
  const items: Value[] = [];
  const entries: Array<[Value, Value]> = [];
  const deps: Value[] = [];
  let failed: Value | undefined;
  const run = (i: number, scope: Map<string, Value>): void => {
    if (failed) return;
    const inner: EvalContext = { ...ctx, lookup: (n) => scope.get(n) ?? ctx.lookup(n) };
    if (i === e.clauses.length) {
      if (e.kind === "dict") entries.push([evaluate(e.elt, inner, d), evaluate(e.value!, inner, d)]);
      else items.push(evaluate(e.elt, inner, d));
      if (items.length + entries.length > MAX_COMPREHENSION_ITEMS) failed = unknown("a comprehension too large to follow", { loc });
      return;
    }
    const clause = e.clauses[i];
    if ("if" in clause) {
      const test = evaluate(clause.if, inner, d);
      deps.push(test);
      const t = truthy(test);
      if (t === undefined) failed = withEnv(unknown("a comprehension filter the analysis cannot decide", { loc }), test);
      else if (t) run(i + 1, scope);
      return;
    }
    const iter = evaluate(clause.iter, inner, d);
    deps.push(iter);
    const seq = iterate(iter);
    if (!seq) {
      failed = withEnv(unknown("a comprehension over an unknown sequence", { loc }), iter);
      return;
    }
    for (const item of seq) {
      const next = new Map(scope);
      if (clause.for.length === 1) next.set(clause.for[0], item);
      else {
        const parts = item.k === "tuple" || item.k === "list" ? item.items : undefined;
        if (!parts || parts.length !== clause.for.length) {
          failed = unknown("a comprehension that unpacks values the analysis cannot split", { loc });
          return;
        }
        clause.for.forEach((n, j) => next.set(n, parts[j]));
      }
      run(i + 1, next);
      if (failed) return;
    }
  };
  run(0, new Map());
  if (failed) {
    // A `:=` inside binds in the enclosing scope, with a value the analysis did not follow to the end.
    if (ctx.assign) for (const w of walrusesIn(e)) ctx.assign(w.name, unknown(`${w.name} is bound by := inside a comprehension the analysis does not follow`, { loc }), w.range);
    return withEnv(failed, ...deps);
  }
  if (e.kind === "dict") return withEnv({ k: "dict", entries: dedupeEntries(entries), loc }, ...deps);
  // A generator is consumed by whatever wraps it (list(), tuple(), "".join()); a list stands in for it.
  return withEnv({ k: e.kind === "set" ? "set" : "list", items, loc }, ...deps);
}

function walrusesIn(top: Expr): Array<Expr & { t: "walrus" }> {
  return subExprs(top, (e) => e.t === "lambda").filter((e): e is Expr & { t: "walrus" } => e.t === "walrus");
}

const BUILTIN_NAMES = new Set(["bool", "int", "float", "str", "list", "tuple", "set", "dict", "len", "frozenset", "sorted", "getattr", "hasattr"]);

/** Later keys win, as in a Python dict display. */
function dedupeEntries(entries: Array<[Value, Value]>): Array<[Value, Value]> {
  const out: Array<[Value, Value]> = [];
  // Where each key sits in `out`: a literal of 16,000 entries searched `out` once per entry (quadratic).
  const at = new Map<string, number>();
  for (const [k, v] of entries) {
    const key = keyOf(k);
    const i = key === undefined ? undefined : at.get(key);
    if (i !== undefined) out[i] = [out[i][0], v];
    else {
      if (key !== undefined) at.set(key, out.length);
      out.push([k, v]);
    }
  }
  return out;
}

export function subscript(obj: Value, index: Value, loc: Loc): Value {
  if (obj.k === "dict") {
    const got = dictGet(obj, index);
    if (got) return withEnv(got, obj, index);
    return withEnv(unknown(isKnown(index) ? "a key the mapping does not hold" : "an unknown key", { loc }), obj, index);
  }
  if ((obj.k === "list" || obj.k === "tuple" || obj.k === "str") && (index.k === "int" || index.k === "bool")) {
    const n = index.k === "bool" ? (index.v ? 1 : 0) : index.v;
    const items = obj.k === "str" ? [...obj.v].map((c): Value => ({ k: "str", v: c, loc })) : obj.items;
    const i = n < 0 ? items.length + n : n;
    if (i >= 0 && i < items.length) return withEnv(items[i], obj, index);
  }
  return withEnv(unknown("an index the analysis cannot resolve", { loc }), obj, index);
}

function binop(op: string, l: Value, r: Value, loc: Loc): Value {
  const fail = () => withEnv(unknown(`${op} on values the analysis cannot combine`, { loc }), l, r);
  if (op === "/" && l.k === "path" && (r.k === "str" || r.k === "path")) return withEnv({ k: "path", v: joinPath(l.v, r.v), loc }, l, r);
  if (op === "+") {
    if (l.k === "str" && r.k === "str") return withEnv({ k: "str", v: l.v + r.v, loc }, l, r);
    if ((l.k === "list" && r.k === "list") || (l.k === "tuple" && r.k === "tuple")) {
      return withEnv({ k: l.k, items: [...l.items, ...r.items], loc }, l, r);
    }
    const partial = concatPartly(l, r, loc);
    if (partial) return partial;
  }
  if (op === "|" && l.k === "dict" && r.k === "dict") {
    return withEnv({ k: "dict", entries: dedupeEntries([...l.entries, ...r.entries]), loc }, l, r);
  }
  if (op === "|" && l.k === "set" && r.k === "set") return withEnv({ k: "set", items: [...l.items, ...r.items], loc }, l, r);
  if (op === "%" && l.k === "str") return percentFormat(l, r, loc) ?? fail();
  if (op === "*") {
    const seq = l.k === "list" || l.k === "tuple" || l.k === "str" ? l : r.k === "list" || r.k === "tuple" || r.k === "str" ? r : undefined;
    const times = seq === l ? r : l;
    if (seq && times.k === "int" && times.v >= 0 && times.v <= 10000) {
      if (seq.k === "str") return withEnv({ k: "str", v: seq.v.repeat(times.v), loc }, l, r);
      if (seq.k === "list" || seq.k === "tuple") {
        const items: Value[] = [];
        for (let i = 0; i < times.v; i++) items.push(...seq.items);
        return withEnv({ k: seq.k, items, loc }, l, r);
      }
    }
  }
  const a = l.k === "int" || l.k === "float" ? l.v : l.k === "bool" ? Number(l.v) : undefined;
  const b = r.k === "int" || r.k === "float" ? r.v : r.k === "bool" ? Number(r.v) : undefined;
  if (a === undefined || b === undefined) return fail();
  const isFloat = l.k === "float" || r.k === "float";
  let v: number | undefined;
  switch (op) {
    case "+":
      v = a + b;
      break;
    case "-":
      v = a - b;
      break;
    case "*":
      v = a * b;
      break;
    case "//":
      v = b === 0 ? undefined : Math.floor(a / b);
      break;
    case "/":
      return b === 0 ? fail() : withEnv({ k: "float", v: a / b, loc }, l, r);
    case "%":
      v = b === 0 ? undefined : ((a % b) + b) % b;
      break;
    case "**":
      v = a ** b;
      break;
  }
  if (v === undefined || !Number.isFinite(v)) return fail();
  return withEnv({ k: isFloat ? "float" : "int", v, loc }, l, r);
}

/**
 * `X + [...]` where one side is a list or tuple known only in part, or not known at all while the other is a known
 * list or tuple: the known items stay present (Python raises unless both sides are of one kind, so the kind is the
 * known side's).
 */
function concatPartly(l: Value, r: Value, loc: Loc): Value | undefined {
  const lv = seqView(l);
  const rv = seqView(r);
  if (!lv && !rv) return undefined;
  if ((lv && lv.kind === "set") || (rv && rv.kind === "set")) return undefined;
  if ((!lv && l.k !== "unknown") || (!rv && r.k !== "unknown")) return undefined;
  const kind = (lv ?? rv)!.kind;
  return viewValue(concatViews(lv ?? UNKNOWN_SEQ, rv ?? UNKNOWN_SEQ, kind), "joins a sequence known only in part", loc, l, r);
}

/** `"%s.py" % ENV` and `"%s/%s" % (a, b)`: only %s, %d and %% are modelled. */
function percentFormat(l: Value & { k: "str" }, r: Value, loc: Loc): Value | undefined {
  const args = r.k === "tuple" ? r.items : [r];
  let i = 0;
  let out = "";
  const s = l.v;
  for (let p = 0; p < s.length; p++) {
    if (s[p] !== "%") {
      out += s[p];
      continue;
    }
    const spec = s[p + 1];
    p++;
    if (spec === "%") out += "%";
    else if (spec === "s" || spec === "d" || spec === "r") {
      const arg = args[i++];
      const text = arg && (spec === "r" && arg.k === "str" ? `'${arg.v}'` : pyStr(arg));
      if (text === undefined) return undefined;
      out += text;
    } else return undefined;
  }
  if (i !== args.length) return undefined;
  return withEnv({ k: "str", v: out, loc }, l, r);
}

function compare(op: string, a: Value, b: Value): boolean | undefined {
  switch (op) {
    case "==":
      return pyEquals(a, b);
    case "!=": {
      const e = pyEquals(a, b);
      return e === undefined ? undefined : !e;
    }
    case "in":
      return pyContains(b, a);
    case "not in": {
      const c = pyContains(b, a);
      return c === undefined ? undefined : !c;
    }
    case "is":
    case "is not": {
      // Only singletons have a reliable identity: None, True, False.
      const single = (v: Value) => (v.k === "none" ? "None" : v.k === "bool" ? String(v.v) : undefined);
      const sa = single(a);
      const sb = single(b);
      let r: boolean | undefined;
      if (sa !== undefined && sb !== undefined) r = sa === sb;
      else if ((sa !== undefined && isKnown(b)) || (sb !== undefined && isKnown(a))) r = false;
      if (r === undefined) return undefined;
      return op === "is" ? r : !r;
    }
    case "<":
    case "<=":
    case ">":
    case ">=": {
      const x = a.k === "int" || a.k === "float" ? a.v : a.k === "bool" ? Number(a.v) : a.k === "str" ? a.v : undefined;
      const y = b.k === "int" || b.k === "float" ? b.v : b.k === "bool" ? Number(b.v) : b.k === "str" ? b.v : undefined;
      if (x === undefined || y === undefined || typeof x !== typeof y) return undefined;
      return op === "<" ? x < y : op === "<=" ? x <= y : op === ">" ? x > y : x >= y;
    }
  }
  return undefined;
}

export { truthy };
