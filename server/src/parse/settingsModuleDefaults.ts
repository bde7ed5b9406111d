// What a Python entry point (manage.py, wsgi/asgi, gunicorn.conf.py, conftest.py…) says about settings, from its tree.
import type { Node, Parser } from "web-tree-sitter";
import { toExpr } from "./expressions";
import type { Expr } from "./model";
import { parsePython } from "./treeSitter";

/** A settings module an entry point names: a dotted name, or a pattern with `*` where the name is computed. */
export interface SettingsMention {
  module: string;
  pattern: boolean;
  /** 1-based. */
  line: number;
  /** `setdefault` is a fallback the environment may override; `set` assigns it; `argument` is `--settings=`. */
  how: "default" | "set" | "argument";
}

export interface PythonEntryScan {
  mentions: SettingsMention[];
  /** The path arguments of `sys.path.insert(i, p)` / `sys.path.append(p)`, and the assignments before each (for names). */
  sysPath: Array<{ expr: Expr; line: number }>;
  /** Every `name = expr` in source order, at any depth: what BASE_DIR-style names in sys.path arguments hold. */
  assignments: Array<{ name: string; expr: Expr }>;
  /** `import django…` / `from django… import`: the file is Django's. */
  importsDjango: boolean;
}

const DSM = "DJANGO_SETTINGS_MODULE";
const DOTTED = /^[A-Za-z_]\w*(\.[A-Za-z_]\w*)*$/;
const ENV_STRING = /(?:^|[\s"'])DJANGO_SETTINGS_MODULE=([A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*)/;
const SETTINGS_ARG = /(?:^|[\s"'])--(?:settings|ds)[=\s]+([A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*)/;

/**
 * `os.environ.setdefault("DJANGO_SETTINGS_MODULE", …)`, `os.environ["DJANGO_SETTINGS_MODULE"] = …`,
 * `os.environ.update(DJANGO_SETTINGS_MODULE=…)`, `os.putenv(…)`, `"--settings=…"` literals, anywhere in the file
 * (manage.py does it inside main()), `"DJANGO_SETTINGS_MODULE=…"` strings; values may be literals, env reads with a default, f-strings or concatenations.
 */
export function scanPythonEntry(parser: Parser, text: string): PythonEntryScan {
  const tree = parsePython(parser, text);
  try {
    const out: PythonEntryScan = { mentions: [], sysPath: [], assignments: [], importsDjango: false };
    const stack: Node[] = [tree.rootNode];
    while (stack.length) {
      const n = stack.pop()!;
      const line = n.startPosition.row + 1;
      // A docstring that shows an example (`DJANGO_SETTINGS_MODULE=proj.settings.ddt`) names nothing.
      if (n.type === "expression_statement" && n.namedChildCount === 1 && n.namedChild(0)?.type === "string") continue;
      if (n.type === "call") call(toExpr(n), line, out);
      else if (n.type === "assignment") {
        const left = n.childForFieldName("left");
        const right = n.childForFieldName("right");
        if (left && right) {
          const l = toExpr(left);
          const r = toExpr(right);
          if (l.t === "sub" && l.index.t === "str" && l.index.v === DSM) mention(r, line, "set", out);
          else if (l.t === "name") out.assignments.push({ name: l.id, expr: r });
        }
      } else if (n.type === "import_statement" || n.type === "import_from_statement") {
        if (/^\s*(import|from)\s+django\b/.test(n.text)) out.importsDjango = true;
      } else if (n.type === "string") {
        const m = SETTINGS_ARG.exec(n.text);
        if (m) out.mentions.push({ module: m[1], pattern: false, line, how: "argument" });
        // gunicorn.conf.py's `raw_env = ["DJANGO_SETTINGS_MODULE=…"]`, an env string handed to a subprocess.
        const env = ENV_STRING.exec(n.text);
        if (env) out.mentions.push({ module: env[1], pattern: false, line, how: "set" });
      }
      for (let i = n.namedChildCount - 1; i >= 0; i--) {
        const c = n.namedChild(i);
        if (c) stack.push(c);
      }
    }
    out.mentions.sort((a, b) => a.line - b.line);
    out.sysPath.sort((a, b) => a.line - b.line);
    return out;
  } finally {
    tree.delete();
  }
}

function call(e: Expr, line: number, out: PythonEntryScan): void {
  if (e.t !== "call" || e.fn.t !== "attr") return;
  const fn = e.fn;
  const isDsm = (a: Expr | undefined) => a?.t === "str" && a.v === DSM;
  if ((fn.attr === "setdefault" || fn.attr === "putenv") && isDsm(e.args[0]) && e.args[1]) mention(e.args[1], line, fn.attr === "setdefault" ? "default" : "set", out);
  else if (fn.attr === "update") {
    for (const k of e.kwargs) if (k.name === DSM) mention(k.value, line, "set", out);
    const d = e.args[0];
    if (d?.t === "dict") for (const entry of d.entries) if ("k" in entry && isDsm(entry.k)) mention(entry.v, line, "set", out);
  } else if ((fn.attr === "insert" || fn.attr === "append") && fn.obj.t === "attr" && fn.obj.attr === "path" && fn.obj.obj.t === "name" && fn.obj.obj.id === "sys") {
    const arg = fn.attr === "insert" ? e.args[1] : e.args[0];
    if (arg) out.sysPath.push({ expr: arg, line });
  }
}

/** Records what `value` can name: literals exactly, computed names as patterns, env reads by their default. */
function mention(value: Expr, line: number, how: SettingsMention["how"], out: PythonEntryScan): void {
  for (const v of namesOf(value, 0)) {
    const pattern = v.includes("*");
    if (pattern ? /^[A-Za-z_*][\w.*]*$/.test(v) && v.replace(/[*.]/g, "") !== "" : DOTTED.test(v)) out.mentions.push({ module: v, pattern, line, how: how === "set" && value.t !== "str" ? "default" : how });
  }
}

function namesOf(e: Expr, depth: number): string[] {
  if (depth > 8) return [];
  switch (e.t) {
    case "str":
      return [e.v];
    case "fstr":
      return [e.parts.map((p) => (typeof p === "string" ? p : "*")).join("")];
    case "binop":
      if (e.op === "+") {
        const l = namesOf(e.l, depth + 1);
        const r = namesOf(e.r, depth + 1);
        return [(l[0] ?? "*") + (r[0] ?? "*")];
      }
      if (e.op === "%" && e.l.t === "str") return [e.l.v.replace(/%[sdr]/g, "*")];
      return [];
    case "cond":
      return [...namesOf(e.body, depth + 1), ...namesOf(e.orelse, depth + 1)];
    case "boolop":
      return e.op === "or" ? [...namesOf(e.l, depth + 1), ...namesOf(e.r, depth + 1)] : [];
    case "call": {
      // `"proj.settings.{}".format(env)`
      if (e.fn.t === "attr" && e.fn.attr === "format" && e.fn.obj.t === "str") return [e.fn.obj.v.replace(/\{[^}]*\}/g, "*")];
      // os.environ.get("X", "proj.settings"), os.getenv(...), env.str(..., default=...), config(..., default=...)
      const def = e.kwargs.find((k) => k.name === "default")?.value ?? e.args[1];
      return def ? namesOf(def, depth + 1) : [];
    }
    default:
      return [];
  }
}
