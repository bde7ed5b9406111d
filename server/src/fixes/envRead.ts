// Fixes that move a committed value into the environment: literal → env read, drop a committed default, DATABASES → env.db().
import type { Expr, ModuleModel } from "../parse/model";
import type { EnvRead, Loc } from "../resolve/values";
import type { Fix, TextEdit } from "./edit";
import { envExampleEdit } from "./envExample";
import { isEnvVarName, toEnvVarName } from "./envNames";
import { envStyle, readExpr, type EnvStyle, type LoadModel } from "./envStyle";
import { dottedName, exprIndex } from "../parse/exprIndex";
import { importEdit } from "./imports";
import { rangeOfOffsets } from "./literal";
import type { EnvironmentView } from "./sharedSecretKey";

export interface FixContext {
  /** The audited root, where .env.example lives. */
  root: string;
  module: LoadModel;
  /** The project's environments, for a fix that must keep each of them loading (a SECRET_KEY base.py shares). */
  environments?: readonly EnvironmentView[];
}

/** Calls a literal may sit in and still be replaced: not env reads (their defaults are removed instead) nor `environ.Env(...)`. */
const ENV_CALL = /(^|\.)(get|getenv|setdefault|config|Env|FileAwareEnv|env|str|bool|int|float|list|tuple|dict|json|url|db|db_url|cache|cache_url|email|email_url|search_url|path)$/;

function quoteOf(e: Expr & { t: "str" }): '"' | "'" {
  const m = /^[rRuUfFbB]*("|')/.exec(e.raw);
  return m && m[1] === "'" ? "'" : '"';
}

/** Whether the literal sits where an expression can replace it: the value of an assignment, possibly inside displays or a plain call. */
/**
 * A dict literal's entries by their key and value expressions, built once: asked for each of a literal's values (a
 * DATABASES of 16,000 aliases has as many passwords, and a scan of the entries per password was quadratic).
 */
const entriesByExpr = new WeakMap<Expr, { keys: Set<Expr>; byValue: Map<Expr, Expr> }>();

function entryIndex(dict: Expr & { t: "dict" }): { keys: Set<Expr>; byValue: Map<Expr, Expr> } {
  let out = entriesByExpr.get(dict);
  if (!out) {
    out = { keys: new Set(), byValue: new Map() };
    for (const en of dict.entries) {
      if ("spread" in en) continue;
      out.keys.add(en.k);
      if (!out.byValue.has(en.v)) out.byValue.set(en.v, en.k);
    }
    entriesByExpr.set(dict, out);
  }
  return out;
}

function replaceable(model: ModuleModel, e: Expr): boolean {
  const idx = exprIndex(model);
  let child = e;
  for (const a of idx.ancestors(e)) {
    if (a.t === "dict") {
      if (entryIndex(a).keys.has(child)) return false;
    } else if (a.t === "call") {
      const fn = dottedName(a.fn);
      if (!fn || ENV_CALL.test(fn) || child === a.fn) return false;
    } else if (a.t !== "list" && a.t !== "tuple" && a.t !== "set") {
      return false;
    }
    child = a;
  }
  const stmt = idx.statement(e);
  return !!stmt && (stmt.kind === "assign" || stmt.kind === "call" || stmt.kind === "mutate" || stmt.kind === "augassign");
}

function withSupport(edits: TextEdit[], model: ModuleModel, style: EnvStyle, ctx: FixContext, variable: string): TextEdit[] {
  const out = [...edits];
  if (style.kind === "os" && style.importOs) out.push(importEdit(model, "import os"));
  const example = envExampleEdit(ctx.root, variable);
  if (example) out.push(example);
  return out;
}

/**
 * Replaces the string literal at `loc` with a read of `variable` in the module's own style, adding `import os` when the
 * module lacks it and the name to .env.example. Unsafe: the variable has no default, so the settings require it.
 */
export function literalToEnvRead(ctx: FixContext, loc: Loc, variable: string, label: string): Fix | undefined {
  if (!isEnvVarName(variable)) return undefined;
  const model = ctx.module(loc.file);
  if (!model) return undefined;
  const e = exprIndex(model).at(loc.range);
  if (!e || e.t !== "str" || !replaceable(model, e)) return undefined;
  const style = envStyle(model, ctx.module, ctx.root);
  const expr = readExpr(style, variable, quoteOf(e));
  return {
    title: `Read ${label} from the environment: ${expr} (unsafe: ${variable} becomes required)`,
    safety: "unsafe",
    edits: withSupport([{ file: model.file, range: loc.range, newText: expr }], model, style, ctx, variable),
  };
}

/** The arguments of a call in source order, positional and keyword alike, with their spans. */
function argumentSpans(call: Expr & { t: "call" }): Array<{ start: number; end: number; keyword?: string }> {
  return [
    ...call.args.map((a) => ({ start: a.range.startOffset, end: a.range.endOffset })),
    ...call.kwargs.map((k) => ({ start: k.range.startOffset, end: k.range.endOffset, keyword: k.name })),
  ].sort((a, b) => a.start - b.start);
}

/**
 * Deletes a read's committed default with its separating comma, leaving the read: `env("K", default="…")` →
 * `env("K")`. Unsafe: django-environ and decouple then require the variable, and `os.environ.get` returns None.
 */
export function removeEnvDefault(ctx: FixContext, read: EnvRead, label: string): Fix | undefined {
  if (!read.defaultLoc || read.via === "os.environ.setdefault") return undefined;
  // The name comes from the code as written: one that is no variable name (a line break in it, say) gets no fix, since
  // the fix would list it in .env.example.
  if (!isEnvVarName(read.variable)) return undefined;
  const model = ctx.module(read.loc.file);
  if (!model || read.defaultLoc.file !== read.loc.file) return undefined;
  const call = exprIndex(model).at(read.loc.range);
  if (!call || call.t !== "call" || call.spread) return undefined;
  const spans = argumentSpans(call);
  const i = spans.findIndex((s) => s.start === read.defaultLoc!.range.startOffset && s.end === read.defaultLoc!.range.endOffset);
  if (i < 0) return undefined;
  // A positional default followed by more positional arguments cannot go without shifting them.
  if (!spans[i].keyword && spans.slice(i + 1).some((s) => !s.keyword)) return undefined;
  let start: number;
  let end: number;
  if (i > 0) {
    start = spans[i - 1].end;
    end = spans[i].end;
  } else {
    start = spans[i].start;
    end = i + 1 < spans.length ? spans[i + 1].start : spans[i].end;
  }
  const text = model.text;
  const returnsNone = read.via === "os.environ.get" || read.via === "os.getenv";
  const consequence = returnsNone
    ? `${label} becomes None when ${label === read.variable ? "the variable" : read.variable} is unset`
    : `${read.variable} becomes required`;
  const edits: TextEdit[] = [{ file: model.file, range: rangeOfOffsets(text, start, end), newText: "" }];
  const example = envExampleEdit(ctx.root, read.variable);
  if (example) edits.push(example);
  return { title: `Remove the committed default of ${read.variable} (unsafe: ${consequence})`, safety: "unsafe", edits };
}

/** Keys a database URL can carry; a dict with anything else (OPTIONS, TEST, CONN_MAX_AGE) keeps its literal form. */
const URL_KEYS = new Set(["ENGINE", "NAME", "USER", "PASSWORD", "HOST", "PORT"]);

/**
 * Where django-environ is in use, replaces a `DATABASES` alias written as a literal dict of URL-expressible keys with
 * `env.db("DATABASE_URL")`. `passwordLoc` is the PASSWORD literal the finding is about.
 */
function keyIsAlias(k: Expr | undefined, alias: string): boolean {
  return !!k && k.t === "str" && k.v === alias;
}

export function databaseToEnvDb(ctx: FixContext, passwordLoc: Loc, alias: string): Fix | undefined {
  const model = ctx.module(passwordLoc.file);
  if (!model) return undefined;
  const idx = exprIndex(model);
  const pw = idx.at(passwordLoc.range);
  const dict = pw && idx.parent(pw);
  if (!pw || !dict || dict.t !== "dict") return undefined;
  for (const en of dict.entries) {
    if ("spread" in en || en.k.t !== "str" || !URL_KEYS.has(en.k.v)) return undefined;
  }
  const outer = idx.parent(dict);
  const stmt = idx.statement(dict);
  if (!stmt || stmt.kind !== "assign") return undefined;
  const target = stmt.targets[0];
  const placed = outer
    ? outer.t === "dict" && !idx.parent(outer) && target.name === "DATABASES" && target.path.length === 0 && keyIsAlias(entryIndex(outer).byValue.get(dict), alias)
    : target.name === "DATABASES" && target.path.length === 1 && target.path[0].t === "str" && target.path[0].v === alias;
  if (!placed) return undefined;
  const style = envStyle(model, ctx.module, ctx.root);
  if (style.kind !== "environ") return undefined;
  const variable = alias === "default" ? "DATABASE_URL" : toEnvVarName(`${alias.toUpperCase().replace(/[^A-Z0-9]+/g, "_")}_DATABASE_URL`);
  const expr = `${style.obj}.db(${quoteOf(pw as Expr & { t: "str" })}${variable}${quoteOf(pw as Expr & { t: "str" })})`;
  const edits: TextEdit[] = [{ file: model.file, range: dict.range, newText: expr }];
  const example = envExampleEdit(ctx.root, variable);
  if (example) edits.push(example);
  return {
    title: `Read DATABASES['${alias}'] from ${variable}: ${expr} (unsafe: ${variable} becomes required and must carry the engine, name, user, host and port)`,
    safety: "unsafe",
    edits,
  };
}
