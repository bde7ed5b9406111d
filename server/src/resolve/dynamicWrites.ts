// Statements that write the module's namespace from outside the code: globals().update(...), exec, setattr on the module, dynaconf.
import type { Expr, Stmt } from "../parse/model";
import { keyOf, withEnv, type Loc, type Value } from "./values";

/**
 * A write the analysis recognises: `keys` when it knows exactly which names get which values (a literal dict, a known
 * key), otherwise every setting may have been replaced. `what` names the construct for the note.
 */
export interface DynamicWrite {
  what: string;
  keys?: Array<[string, Value | undefined]>;
  /** Keys not known one by one but bounded by a guard (`if k.startswith("SWIFT_"):`): only these names may change. */
  scope?: NameScope;
}

/** The names a guarded write can reach: those with one of the prefixes, or one of the names. */
export interface NameScope {
  prefixes: string[];
  names: string[];
}

/** Where a write from outside the code happened, what it was, and which names it reaches (all, without a scope). */
export interface DynamicMark {
  loc: Loc;
  what: string;
  scope?: NameScope;
}

/** The last write that can have set `name`; undefined when none reaches it. */
export function markFor(marks: readonly DynamicMark[] | undefined, name: string): DynamicMark | undefined {
  if (!marks) return undefined;
  for (let i = marks.length - 1; i >= 0; i--) if (inScope(marks[i].scope, name)) return marks[i];
  return undefined;
}

/** `SWIFT_*, BANNER_TOP` for a note. */
export function describeScope(scope: NameScope): string {
  const parts = [...scope.prefixes.map((p) => `${p}*`), ...scope.names];
  return parts.length > 6 ? `${parts.slice(0, 6).join(", ")} and ${parts.length - 6} more` : parts.join(", ");
}

/** Whether a write bounded by `scope` (none: any name) can replace `name`. */
export function inScope(scope: NameScope | undefined, name: string): boolean {
  return !scope || scope.names.includes(name) || scope.prefixes.some((p) => name.startsWith(p));
}

/** The scope two guarded writes reach together; none when either is unbounded. */
export function unionScope(a: NameScope | undefined, b: NameScope | undefined): NameScope | undefined {
  return a && b ? { prefixes: [...new Set([...a.prefixes, ...b.prefixes])], names: [...new Set([...a.names, ...b.names])] } : undefined;
}

function sameExpr(a: Expr, b: Expr): boolean {
  if (a.t === "name" && b.t === "name") return a.id === b.id;
  if (a.t === "attr" && b.t === "attr") return a.attr === b.attr && sameExpr(a.obj, b.obj);
  return false;
}

/** The strings a known str, or a known sequence/dict of strs, holds; undefined when any is not known. */
function strsOf(v: Value): string[] | undefined {
  if (v.k === "str") return [v.v];
  const items = v.k === "list" || v.k === "tuple" || v.k === "set" ? v.items : v.k === "dict" ? v.entries.map(([k]) => k) : undefined;
  if (!items) return undefined;
  const out: string[] = [];
  for (const i of items) {
    if (i.k !== "str") return undefined;
    out.push(i.v);
  }
  return out;
}

/**
 * What a test assumed true says about `key`: `key.startswith("P")` (or a tuple of prefixes), `key in ("A", "B")`,
 * `key == "A"`; either side of an `and`. Undefined when it says nothing the analysis can use (`key.isupper()`).
 */
function guardScope(key: Expr, test: Expr, value: (e: Expr) => Value): NameScope | undefined {
  if (test.t === "boolop" && test.op === "and") return guardScope(key, test.l, value) ?? guardScope(key, test.r, value);
  if (test.t === "call" && test.fn.t === "attr" && test.fn.attr === "startswith" && test.args.length === 1 && !test.spread && sameExpr(test.fn.obj, key)) {
    const prefixes = strsOf(value(test.args[0]));
    return prefixes && prefixes.every((p) => p.length > 0) ? { prefixes, names: [] } : undefined;
  }
  if (test.t === "compare" && test.ops.length === 1 && (test.ops[0] === "in" || test.ops[0] === "==")) {
    const [l, r] = test.operands;
    const other = sameExpr(l, key) ? r : test.ops[0] === "==" && sameExpr(r, key) ? l : undefined;
    if (!other) return undefined;
    const v = value(other);
    const names = test.ops[0] === "==" ? (v.k === "str" ? [v.v] : undefined) : strsOf(v);
    return names ? { prefixes: [], names } : undefined;
  }
  return undefined;
}

/** The narrowest scope any of the guards gives `key`; undefined when none bounds it. */
export function guardsScope(key: Expr, guards: readonly Expr[] | undefined, value: (e: Expr) => Value): NameScope | undefined {
  for (const g of guards ?? []) {
    const s = guardScope(key, g, value);
    if (s) return s;
  }
  return undefined;
}

/** `globals()`, `locals()`, `vars()`, `vars(sys.modules[__name__])`, `sys.modules[__name__].__dict__`: the module's namespace. */
function isNamespace(e: Expr): boolean {
  if (e.t === "call" && e.fn.t === "name" && (e.fn.id === "globals" || e.fn.id === "locals" || e.fn.id === "vars")) {
    return e.args.length === 0 || (e.fn.id === "vars" && e.args.length === 1 && isThisModule(e.args[0]));
  }
  return e.t === "attr" && e.attr === "__dict__" && isThisModule(e.obj);
}

/** `sys.modules[__name__]`. */
function isThisModule(e: Expr): boolean {
  return e.t === "sub" && e.index.t === "name" && e.index.id === "__name__" && e.obj.t === "attr" && e.obj.attr === "modules" && e.obj.obj.t === "name" && e.obj.obj.id === "sys";
}

function spelled(e: Expr): string {
  if (e.t === "name") return e.id;
  if (e.t === "attr") return `${spelled(e.obj)}.${e.attr}`;
  if (e.t === "call") return `${spelled(e.fn)}()`;
  if (e.t === "sub") return `${spelled(e.obj)}[…]`;
  return "…";
}

/** The names and values a known dict writes; undefined when any key is not a known str. */
function dictKeys(v: Value): Array<[string, Value | undefined]> | undefined {
  if (v.k !== "dict") return undefined;
  const out: Array<[string, Value | undefined]> = [];
  for (const [k, x] of v.entries) {
    if (k.k !== "str" || keyOf(k) === undefined) return undefined;
    // `vars().update(env.email_url("EMAIL_URL", default=...))`: each setting depends on the variable the dict came from.
    out.push([k.v, v.env?.length ? withEnv(x, v) : x]);
  }
  return out;
}

/** A bare call statement that writes the namespace: `globals().update(cfg)`, `exec(...)`, `setattr(sys.modules[__name__], k, v)`, `ns.update_globals()`. */
export function dynamicCall(s: Stmt & { kind: "call" }, value: (e: Expr) => Value, callee: Value): DynamicWrite | undefined {
  const c = s.call;
  if (c.fn.t === "attr" && c.fn.attr === "update" && isNamespace(c.fn.obj)) {
    const what = `${spelled(c.fn.obj)}.update()`;
    if (c.spread || c.args.length > 1) return { what };
    const keys = c.args[0] ? dictKeys(value(c.args[0])) : [];
    if (!keys) return { what };
    for (const k of c.kwargs) keys.push([k.name, value(k.value)]);
    return { what, keys };
  }
  if (c.fn.t === "name" && (c.fn.id === "exec" || c.fn.id === "execfile") && callee.k !== "func") return { what: `${c.fn.id}()` };
  if (c.fn.t === "name" && c.fn.id === "setattr" && c.args.length === 3 && isThisModule(c.args[0])) {
    const k = value(c.args[1]);
    return k.k === "str" ? { what: "setattr(sys.modules[__name__], …)", keys: [[k.v, value(c.args[2])]] } : { what: "setattr(sys.modules[__name__], …)" };
  }
  if (c.fn.t === "attr" && c.fn.attr === "update_globals") return { what: `${spelled(c.fn)}()` };
  if (callee.k === "ref" && DYNACONF.has(callee.path)) return { what: `${callee.path.split(".").pop()}()` };
  // Handed the module itself, code the analysis does not follow can write any of its names: readthedocs'
  // `DockerBaseSettings.load_settings(__name__)` copies a class's attributes in, django-heroku's
  // `django_heroku.settings(locals())` sets DATABASES, ALLOWED_HOSTS and more.
  if (callee.k !== "func" && !READS_ONLY.has(lastName(c.fn))) {
    const handed = [...c.args, ...c.kwargs.map((k) => k.value)].find(isModuleHandle);
    if (handed) return { what: `${spelled(c.fn)}(${handed.t === "name" ? "__name__" : spelled(handed)})` };
  }
  return undefined;
}

/** Calls that take the module's name or namespace only to print or log it (`logging.getLogger(__name__)`). */
const READS_ONLY = new Set(["print", "pprint", "pp", "getLogger", "debug", "info", "warning", "warn", "error", "exception", "critical", "log", "filterwarnings", "simplefilter", "repr", "str", "len", "sorted", "list", "dict", "deepcopy", "copy"]);

function lastName(e: Expr): string {
  return e.t === "name" ? e.id : e.t === "attr" ? e.attr : "";
}

/** `__name__`, `sys.modules[__name__]`, `globals()`, `locals()`, `vars()`: what lets a callee reach this module's names. */
function isModuleHandle(e: Expr): boolean {
  return (e.t === "name" && e.id === "__name__") || isThisModule(e) || isNamespace(e);
}

/** `globals()[k] = v`; `guards` are the tests the enclosing undecided branches assume true. */
export function dynamicSetItem(s: Stmt & { kind: "setitem" }, value: (e: Expr) => Value, guards?: readonly Expr[]): DynamicWrite | undefined {
  if (!isNamespace(s.obj)) return undefined;
  const what = `${spelled(s.obj)}[…] = …`;
  const k = value(s.index);
  if (k.k === "str") return { what, keys: [[k.v, value(s.value)]] };
  const scope = guardsScope(s.index, guards, value);
  return scope ? { what, scope } : { what };
}

/** dynaconf's Django extension loads settings from its files and the environment into the module it is given. */
const DYNACONF = new Set(["dynaconf.DjangoDynaconf", "dynaconf.contrib.DjangoDynaconf", "dynaconf.contrib.django_dynaconf.DjangoDynaconf", "dynaconf.Dynaconf", "dynaconf.LazySettings"]);

/** `settings = DjangoDynaconf(__name__)` / `settings = Dynaconf(...)`: an assignment whose value loads settings from outside. */
export function dynamicAssign(callee: Value | undefined): DynamicWrite | undefined {
  return callee && callee.k === "ref" && DYNACONF.has(callee.path) ? { what: `${callee.path.split(".").pop()}()` } : undefined;
}

/**
 * The dynamic writes in a loop or block the interpreter does not follow (`for k, v in cfg.items(): globals()[k] = v`),
 * as one write: scoped when every one is bounded by the `if` tests around it (`if k.startswith("SOCIAL_AUTH_"):`).
 * Undefined when the block holds none.
 */
export function holdsDynamicWrite(stmts: Stmt[], value: (e: Expr) => Value = () => NOTHING, guards: readonly Expr[] = []): DynamicWrite | undefined {
  let found: DynamicWrite | undefined;
  const add = (d: DynamicWrite): void => {
    found = found ? { what: found.what, scope: unionScope(found.scope, d.scope) } : { what: d.what, scope: d.scope };
  };
  for (const s of stmts) {
    if (s.kind === "setitem" && isNamespace(s.obj)) {
      // Only a literal key: a name here may be the loop's own variable, which the outer namespace does not hold.
      add({ what: `${spelled(s.obj)}[…] = …`, scope: s.index.t === "str" ? { prefixes: [], names: [s.index.v] } : guardsScope(s.index, guards, value) });
    }
    if (s.kind === "call") {
      const d = dynamicCall(s, () => NOTHING, NOTHING);
      if (d) add({ what: d.what, scope: d.keys ? { prefixes: [], names: d.keys.map(([k]) => k) } : undefined });
    }
    const blocks: Array<{ body: Stmt[]; guards: readonly Expr[] }> =
      s.kind === "if"
        ? s.branches.map((b) => ({ body: b.body, guards: b.test ? [...guards, b.test] : guards }))
        : s.kind === "try"
          ? [...s.body, ...s.handlers.flatMap((h) => h.body), ...s.orelse, ...s.finalbody].map((x) => ({ body: [x], guards }))
          : s.kind === "opaque"
            ? [{ body: s.body, guards }]
            : [];
    for (const b of blocks) {
      const inner = b.body.length ? holdsDynamicWrite(b.body, value, b.guards) : undefined;
      if (inner) add(inner);
    }
  }
  return found;
}

const NOTHING: Value = { k: "unknown", why: "" };
