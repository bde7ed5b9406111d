// .env files the settings load themselves (read_env, load_dotenv, read_dotenv, python-decouple's AutoConfig): keys provided for local runs.
import * as path from "path";
import type { Expr, Stmt } from "../parse/model";
import type { Environment } from "../resolve/environment";
import type { Project } from "../resolve/project";
import type { Loc } from "../resolve/values";
import { parseDecoupleIni, parseDotenv } from "./sources/dotenv";
import { LineIndex } from "./text";

export interface LocalEnvFile {
  /** Absolute path of the file the call loads (or would load). */
  file: string;
  exists: boolean;
  via: "read_env" | "load_dotenv" | "read_dotenv" | "decouple";
  /** The call, or for decouple the first config() read. */
  loadedAt: Loc;
  /** False when the path was guessed from the string literals of an expression the analysis cannot evaluate. */
  pathKnown: boolean;
  /** True when the load depends on a condition: inside an if/try, or skipped while the variables are unset. */
  conditional: boolean;
  keys: Array<{ variable: string; loc: Loc }>;
}

interface LoadCall {
  via: "read_env" | "load_dotenv" | "read_dotenv";
  stmt: Stmt;
  call: Expr & { t: "call" };
  nested: boolean;
}

/** Argument positions and keyword names of each loader's path parameter. */
const PATH_PARAM: Record<LoadCall["via"], string> = { read_env: "env_file", load_dotenv: "dotenv_path", read_dotenv: "dotenv" };

function loaderOf(fn: Expr): LoadCall["via"] | undefined {
  const name = fn.t === "attr" ? fn.attr : fn.t === "name" ? fn.id : undefined;
  return name === "read_env" || name === "load_dotenv" || name === "read_dotenv" ? name : undefined;
}

function findCalls(stmts: Stmt[], nested: boolean, out: LoadCall[]): LoadCall[] {
  for (const s of stmts) {
    if (s.kind === "call" || (s.kind === "assign" && s.value.t === "call")) {
      const call = (s.kind === "call" ? s.call : s.value) as Expr & { t: "call" };
      const via = loaderOf(call.fn);
      if (via) out.push({ via, stmt: s, call, nested });
    } else if (s.kind === "if") for (const b of s.branches) findCalls(b.body, true, out);
    else if (s.kind === "try") {
      findCalls(s.body, nested, out);
      for (const h of s.handlers) findCalls(h.body, true, out);
      findCalls(s.orelse, true, out);
      findCalls(s.finalbody, nested, out);
    } else if (s.kind === "opaque" && s.what === "with") findCalls(s.body, nested, out);
  }
  return out;
}

function literals(e: Expr, out: string[] = []): string[] {
  switch (e.t) {
    case "str":
      out.push(e.v);
      break;
    case "call":
      literals(e.fn, out);
      // `env.str("ENV_PATH", ".env.prod")`: the variable's name is not part of the path, its default is (DefectDojo
      // printed "dojo/settings/DD_ENV_PATH/.env.prod").
      e.args.forEach((a, i) => {
        if (!(i === 0 && a.t === "str" && /^[A-Z][A-Z0-9_]*$/.test(a.v))) literals(a, out);
      });
      for (const k of e.kwargs) literals(k.value, out);
      break;
    case "binop":
      literals(e.l, out);
      literals(e.r, out);
      break;
    case "attr":
      literals(e.obj, out);
      break;
    case "fstr":
      for (const p of e.parts) if (typeof p === "string") out.push(p.replace(/^\//, ""));
      else literals(p, out);
      break;
  }
  return out;
}

/** The directories from `dir` up to the root, nearest first: where caller-relative lookups search. */
function upwards(dir: string, root: string): string[] {
  const out: string[] = [];
  let cur = dir;
  for (;;) {
    out.push(cur);
    if (cur === root || !cur.startsWith(root) || path.dirname(cur) === cur) return out;
    cur = path.dirname(cur);
  }
}

function keysOf(file: string, text: string, ini: boolean): LocalEnvFile["keys"] {
  const lines = new LineIndex(text);
  return (ini ? parseDecoupleIni(text) : parseDotenv(text)).map((e) => ({ variable: e.key, loc: lines.loc(file, e.start, e.end) }));
}

/** The local .env files an environment's modules load, in the order the modules run. */
export function localEnvFiles(project: Project, env: Environment, read: (file: string) => string | undefined): LocalEnvFile[] {
  const root = project.root;
  const out: LocalEnvFile[] = [];
  const ownCalls = new Map(project.environments.map((e) => [e.file, e.calls]));
  for (const file of env.files) {
    const loaded = project.loader.load(file);
    if (!loaded.ok) continue;
    for (const c of findCalls(loaded.model.statements, false, [])) {
      const arg = c.call.args[0] ?? c.call.kwargs.find((k) => k.name === PATH_PARAM[c.via])?.value;
      const dir = path.dirname(file);
      let target: string;
      let pathKnown = true;
      if (!arg) {
        // read_env() and read_dotenv() look beside the calling module; load_dotenv() walks up from it (find_dotenv).
        const candidates = c.via === "load_dotenv" ? upwards(dir, root).map((d) => path.join(d, ".env")) : [path.join(dir, ".env")];
        target = candidates.find((f) => read(f) !== undefined) ?? candidates[0];
      } else if (arg.t === "str") {
        // A relative literal is relative to the working directory: the project root, where manage.py runs.
        target = path.resolve(root, arg.v);
      } else {
        const parts = literals(arg).filter((s) => s && s !== "/");
        if (parts.length === 0) continue;
        pathKnown = false;
        const rel = parts.join("/");
        const candidates = upwards(dir, root).map((d) => path.join(d, rel));
        target = candidates.find((f) => read(f) !== undefined) ?? path.join(root, rel);
      }
      // In an environment's own module the interpreter says whether the call ran with every variable unset.
      const calls = ownCalls.get(file);
      const ran = calls && c.stmt.kind === "call" ? calls.some((r) => r.range.startOffset === c.stmt.range.startOffset) : !c.nested;
      const text = read(target);
      out.push({
        file: target,
        exists: text !== undefined,
        via: c.via,
        loadedAt: { file, range: c.stmt.range },
        pathKnown,
        conditional: c.nested || !ran,
        keys: text === undefined ? [] : keysOf(target, text, false),
      });
    }
  }
  // python-decouple's config reads settings.ini or .env from the caller's directory or the nearest parent holding one.
  const decoupleFiles = new Map<string, Loc>();
  for (const r of env.result.envReads) if (r.via === "config" && !decoupleFiles.has(r.loc.file)) decoupleFiles.set(r.loc.file, r.loc);
  for (const [file, loc] of decoupleFiles) {
    for (const d of upwards(path.dirname(file), root)) {
      const ini = path.join(d, "settings.ini");
      const dotenv = path.join(d, ".env");
      const found = read(ini) !== undefined ? ini : read(dotenv) !== undefined ? dotenv : undefined;
      if (!found) continue;
      if (!out.some((f) => f.file === found && f.via === "decouple")) {
        out.push({ file: found, exists: true, via: "decouple", loadedAt: loc, pathKnown: true, conditional: false, keys: keysOf(found, read(found)!, found === ini) });
      }
      break;
    }
  }
  return out;
}
