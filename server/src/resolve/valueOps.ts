// Operations on abstract values that the evaluator, the builtins and the env-read models share: iteration, str(),
// POSIX path arithmetic, and the shape of a call's arguments. Kept apart so those three need not import each other.
import type { Expr } from "../parse/model";
import { withEnv, type Loc, type Value } from "./values";

/** The items of a known sequence, as `list(x)` would produce them; a dict yields its keys and a str its characters. */
export function iterate(v: Value): Value[] | undefined {
  if (v.k === "list" || v.k === "tuple" || v.k === "set") return v.items;
  if (v.k === "dict") return v.entries.map(([k]) => k);
  if (v.k === "str") return [...v.v].map((c) => withEnv({ k: "str", v: c, loc: v.loc }, v));
  return undefined;
}

/** POSIX join as pathlib and os.path do it: an absolute right side replaces the left. */
export function joinPath(a: string, b: string): string {
  if (b.startsWith("/")) return normalizePath(b);
  return normalizePath(a.endsWith("/") ? a + b : a + "/" + b);
}

export function posixDirname(p: string): string {
  const n = normalizePath(p);
  const i = n.lastIndexOf("/");
  return i <= 0 ? (n.startsWith("/") ? "/" : ".") : n.slice(0, i);
}

/** Collapses `//`, `.` and `..` the way resolve() would for paths without symlinks. */
export function normalizePath(p: string): string {
  const abs = p.startsWith("/");
  const out: string[] = [];
  for (const part of p.split("/")) {
    if (part === "" || part === ".") continue;
    if (part === ".." && out.length && out[out.length - 1] !== "..") out.pop();
    else if (part !== ".." || !abs) out.push(part);
  }
  return (abs ? "/" : "") + out.join("/") || (abs ? "/" : ".");
}

/** `str(v)` as Python prints it; undefined for unknowns. */
export function pyStr(v: Value): string | undefined {
  switch (v.k) {
    case "str":
    case "path":
      return v.v;
    case "int":
      return String(v.v);
    case "float":
      return Number.isInteger(v.v) ? v.v.toFixed(1) : String(v.v);
    case "bool":
      return v.v ? "True" : "False";
    case "none":
      return "None";
    default:
      return undefined;
  }
}

export interface CallArgs {
  args: Value[];
  kwargs: Record<string, Value>;
  loc: Loc;
  expr: Expr & { t: "call" };
  self?: Value;
}
