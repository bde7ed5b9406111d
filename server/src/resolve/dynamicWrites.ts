// Statements that write the module's namespace from outside the code: globals().update(...), exec, setattr on the module, dynaconf.
import type { Expr, Stmt } from "../parse/model";
import { keyOf, type Value } from "./values";

/**
 * A write the analysis recognises: `keys` when it knows exactly which names get which values (a literal dict, a known
 * key), otherwise every setting may have been replaced. `what` names the construct for the note.
 */
export interface DynamicWrite {
  what: string;
  keys?: Array<[string, Value | undefined]>;
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
    out.push([k.v, x]);
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
  return undefined;
}

/** `globals()[k] = v`. */
export function dynamicSetItem(s: Stmt & { kind: "setitem" }, value: (e: Expr) => Value): DynamicWrite | undefined {
  if (!isNamespace(s.obj)) return undefined;
  const what = `${spelled(s.obj)}[…] = …`;
  const k = value(s.index);
  return k.k === "str" ? { what, keys: [[k.v, value(s.value)]] } : { what };
}

/** dynaconf's Django extension loads settings from its files and the environment into the module it is given. */
const DYNACONF = new Set(["dynaconf.DjangoDynaconf", "dynaconf.contrib.DjangoDynaconf", "dynaconf.contrib.django_dynaconf.DjangoDynaconf", "dynaconf.Dynaconf", "dynaconf.LazySettings"]);

/** `settings = DjangoDynaconf(__name__)` / `settings = Dynaconf(...)`: an assignment whose value loads settings from outside. */
export function dynamicAssign(callee: Value | undefined): DynamicWrite | undefined {
  return callee && callee.k === "ref" && DYNACONF.has(callee.path) ? { what: `${callee.path.split(".").pop()}()` } : undefined;
}

/** A loop or block the interpreter does not follow that holds a dynamic write (`for k, v in cfg.items(): globals()[k] = v`). */
export function holdsDynamicWrite(stmts: Stmt[]): string | undefined {
  const none: Value = { k: "unknown", why: "" };
  for (const s of stmts) {
    if (s.kind === "setitem" && isNamespace(s.obj)) return `${spelled(s.obj)}[…] = …`;
    if (s.kind === "call") {
      const d = dynamicCall(s, () => none, none);
      if (d) return d.what;
    }
    const inner = s.kind === "if" ? s.branches.flatMap((b) => b.body) : s.kind === "try" ? [...s.body, ...s.handlers.flatMap((h) => h.body), ...s.orelse, ...s.finalbody] : s.kind === "opaque" ? s.body : [];
    const found = inner.length ? holdsDynamicWrite(inner) : undefined;
    if (found) return found;
  }
  return undefined;
}
