// Evaluates the path expressions entry points put on sys.path (`os.path.join(BASE_DIR, "apps")`, `Path(__file__).parent / "src"`).
import * as path from "path";
import type { Expr } from "../parse/model";

/**
 * The absolute directory `e` names when `file` runs, or undefined when it depends on anything but `__file__`, literals
 * and names assigned from those (`assignments`, in source order: the last one before use wins, as it would at run time
 * for the usual top-of-file BASE_DIR).
 */
export function evaluatePath(e: Expr, file: string, assignments: ReadonlyArray<{ name: string; expr: Expr }>): string | undefined {
  const names = new Map<string, Expr>();
  for (const a of assignments) names.set(a.name, a.expr);
  const v = evaluate(e, file, names, 0);
  return typeof v === "string" && path.isAbsolute(v) ? path.normalize(v) : undefined;
}

type PathValue = string | undefined;

function evaluate(e: Expr, file: string, names: ReadonlyMap<string, Expr>, depth: number): PathValue {
  if (depth > 20) return undefined;
  const ev = (x: Expr) => evaluate(x, file, names, depth + 1);
  switch (e.t) {
    case "str":
      // A relative entry is relative to the working directory, which is where manage.py runs: its own directory.
      return path.isAbsolute(e.v) ? undefined : path.resolve(path.dirname(file), e.v);
    case "name": {
      if (e.id === "__file__") return file;
      const bound = names.get(e.id);
      return bound ? ev(bound) : undefined;
    }
    case "attr": {
      // Path(...).parent, .parent.parent; .resolve()/.absolute() arrive as calls below.
      if (e.attr === "parent") {
        const base = ev(e.obj);
        return base === undefined ? undefined : path.dirname(base);
      }
      return undefined;
    }
    case "binop": {
      if (e.op !== "/") return undefined;
      const base = ev(e.l);
      const more = e.r.t === "str" ? e.r.v : undefined;
      return base === undefined || more === undefined ? undefined : path.join(base, more);
    }
    case "call": {
      const fn = calleeName(e.fn);
      const args = e.args;
      switch (fn) {
        case "os.path.dirname":
        case "dirname":
          return args[0] ? mapDefined(ev(args[0]), path.dirname) : undefined;
        case "os.path.abspath":
        case "os.path.realpath":
        case "os.path.normpath":
        case "abspath":
        case "realpath":
        case "str":
        case "os.fspath":
        case "Path":
        case "pathlib.Path":
          return args[0] ? ev(args[0]) : undefined;
        case "os.path.join":
        case "join": {
          if (!args.length) return undefined;
          let base = ev(args[0]);
          for (const a of args.slice(1)) {
            if (base === undefined || a.t !== "str") return undefined;
            base = path.join(base, a.v);
          }
          return base;
        }
        default:
          // p.resolve(), p.absolute(), p.joinpath("x")
          if (e.fn.t === "attr" && (e.fn.attr === "resolve" || e.fn.attr === "absolute")) return ev(e.fn.obj);
          if (e.fn.t === "attr" && e.fn.attr === "joinpath") {
            let base = ev(e.fn.obj);
            for (const a of args) {
              if (base === undefined || a.t !== "str") return undefined;
              base = path.join(base, a.v);
            }
            return base;
          }
          return undefined;
      }
    }
    default:
      return undefined;
  }
}

function calleeName(e: Expr): string | undefined {
  if (e.t === "name") return e.id;
  if (e.t === "attr") {
    const base = calleeName(e.obj);
    return base === undefined ? undefined : `${base}.${e.attr}`;
  }
  return undefined;
}

function mapDefined(v: PathValue, f: (s: string) => string): PathValue {
  return v === undefined ? undefined : f(v);
}
