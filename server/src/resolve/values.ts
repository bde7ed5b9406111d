// The abstract value domain: Python values as the settings would hold them when every environment variable is unset.
import type { Expr, Param, Range, Stmt } from "../parse/model";
import type { UserClass } from "./configurations";

export interface Loc {
  file: string;
  range: Range;
}

/** One read of an environment variable, with what the code falls back to when the variable is unset. */
export interface EnvRead {
  variable: string;
  /** How it was read: "os.environ[]", "os.environ.get", "os.getenv", "env.bool", "config", "dj_database_url.config"… */
  via: string;
  /** False when an unset variable makes the settings fail to load (KeyError, ImproperlyConfigured). */
  hasDefault: boolean;
  /** The default as written (before any cast), when there is one. */
  default?: Value;
  cast?: string;
  /** Where the read is written; `defaultLoc` is the default's own span, for fixes that remove it. */
  loc: Loc;
  defaultLoc?: Loc;
  /**
   * Not an environment variable but a name in a configuration the deployment supplies: the module of
   * `getattr(configuration, "X", default)`, a configparser section, or an example file. Judged like an env read with a
   * default; left out of the environment-variable inventory.
   */
  configuration?: string;
}

/**
 * A list, tuple or set of which some items are known to be present: `[*MIDDLEWARE, "x"]` with MIDDLEWARE unknown, the
 * items every undecided branch keeps, `X.extend(get_plugins())`. `items` are certainly present (one entry per certain
 * occurrence). `gaps`, when the order is known, has items.length + 1 entries: gaps[i] is true when unknown items may sit
 * just before items[i] (gaps[items.length]: after the last); without `gaps` only membership is known.
 */
export interface PartialSeq {
  kind: "list" | "tuple" | "set";
  items: Value[];
  gaps?: boolean[];
}

interface ValueBase {
  /** Where the expression that produced this value is written. */
  loc?: Loc;
  /** Environment reads this value depends on: it is what it is only while those variables are unset. */
  env?: EnvRead[];
}

export type Value = ValueBase &
  (
    | { k: "str"; v: string }
    | { k: "int"; v: number }
    | { k: "float"; v: number }
    | { k: "bool"; v: boolean }
    | { k: "none" }
    | { k: "list" | "tuple" | "set"; items: Value[] }
    | { k: "dict"; entries: Array<[Value, Value]> }
    /**
     * Not known statically: `why` says why; `alternatives` lists the candidates when it depends on an unknown branch;
     * `partial` what is known of a list, tuple or set that is known only in part (resolve/sequences.ts); `dynamic`
     * where something outside the code may have replaced it (`globals().update(yaml_config)`).
     */
    | { k: "unknown"; why: string; alternatives?: Value[]; partial?: PartialSeq; dynamic?: Loc }
    /**
     * Something outside the project: a module, class or function by its dotted name (`os.environ`, `environ.Env`).
     * `config` marks a module the deployment supplies (`importlib.import_module(os.environ.get("X", "app.configuration"))`).
     */
    | { k: "ref"; path: string; config?: boolean }
    /** An `environ.Env(...)` instance and the defaults its scheme declares. */
    | { k: "envobj"; scheme: Record<string, { cast?: string; default?: Value }>; prefix: string }
    /** A cast object such as decouple's `Csv()`. */
    | { k: "cast"; name: string; of?: string }
    /**
     * A pathlib.Path, or a str path built with os.path, as computed on this machine from the settings file's own
     * location (`Path(__file__).resolve().parent.parent / "static"`): good for comparing paths with each other.
     */
    | { k: "path"; v: string }
    /** A method looked up on a value, waiting to be called: `env.bool`, `"x".lower`. */
    | { k: "bound"; self: Value; name: string }
    /** A function the project defines (a def or lambda), evaluated when called (resolve/functions.ts). */
    | { k: "func"; fn: UserFunction }
    /** A class the project defines (resolve/configurations.ts), and an instance of one (`settings = Settings()`). */
    | { k: "class"; cls: UserClass }
    | { k: "instance"; cls: UserClass; /** Attributes `__init__` copies from its arguments (`self.name = name`). */ attrs?: Map<string, Value> }
    /** A project module imported by name (`from . import utils`): its attributes are what it defines. */
    | { k: "module"; file: string; attr(name: string): Value | undefined }
  );

/** A def or lambda as the interpreter can call it: parameters with their defaults, the body, the module it sees. */
export interface UserFunction {
  name: string;
  params: Param[];
  /** Parameter defaults, evaluated where the def ran (as Python does). */
  defaults: Map<string, Value>;
  body: Stmt[] | { expr: Expr };
  file: string;
  /** A name as the function's body sees it outside its locals: the defining module's namespace at call time. */
  outer(name: string): Value | undefined;
  /** Names the body declares `global`: calling it may rebind them in its module. */
  globals: string[];
}

export type Known = Exclude<Value, { k: "unknown" | "ref" | "envobj" | "cast" | "bound" | "func" | "module" | "class" | "instance" }>;

export function unknown(why: string, extra: Partial<ValueBase> & { alternatives?: Value[]; partial?: PartialSeq; dynamic?: Loc } = {}): Value {
  return { k: "unknown", why, ...extra };
}

export function str(v: string, loc?: Loc): Value {
  return { k: "str", v, loc };
}

export function isKnown(v: Value | undefined): v is Known & ValueBase {
  return !!v && v.k !== "unknown" && v.k !== "ref" && v.k !== "envobj" && v.k !== "cast" && v.k !== "bound" && v.k !== "func" && v.k !== "module" && v.k !== "class" && v.k !== "instance";
}

/** Python truthiness; undefined when the value is not known. */
export function truthy(v: Value): boolean | undefined {
  switch (v.k) {
    case "str":
      return v.v.length > 0;
    case "int":
    case "float":
      return v.v !== 0;
    case "bool":
      return v.v;
    case "none":
      return false;
    case "list":
    case "tuple":
    case "set":
      return v.items.length > 0;
    case "dict":
      return v.entries.length > 0;
    case "path":
      return true;
    case "envobj":
    case "cast":
    case "bound":
    case "func":
    case "module":
    case "class":
      return true;
    // A sequence known to hold an item is not empty.
    case "unknown":
      return v.partial && v.partial.items.length > 0 ? true : undefined;
    // A name from outside the project (`from company_conf import DEBUG`) may be a module or a constant such as
    // False; isKnown() already treats it as not known, so its truthiness is not known either.
    case "ref":
    default:
      return undefined;
  }
}

function numeric(v: Value): number | undefined {
  if (v.k === "int" || v.k === "float") return v.v;
  if (v.k === "bool") return v.v ? 1 : 0;
  return undefined;
}

/** Python `==`; undefined when either side is not known. */
export function pyEquals(a: Value, b: Value): boolean | undefined {
  if (!isKnown(a) || !isKnown(b)) return undefined;
  const na = numeric(a);
  const nb = numeric(b);
  if (na !== undefined || nb !== undefined) return na !== undefined && nb !== undefined ? na === nb : false;
  if (a.k === "str" || b.k === "str") return a.k === "str" && b.k === "str" && a.v === b.v;
  if (a.k === "path" || b.k === "path") return a.k === "path" && b.k === "path" && a.v === b.v;
  if (a.k === "none" || b.k === "none") return a.k === b.k;
  if ((a.k === "list" && b.k === "list") || (a.k === "tuple" && b.k === "tuple")) {
    if (a.items.length !== b.items.length) return false;
    let all: boolean | undefined = true;
    for (let i = 0; i < a.items.length; i++) {
      const e = pyEquals(a.items[i], b.items[i]);
      if (e === false) return false;
      if (e === undefined) all = undefined;
    }
    return all;
  }
  if (a.k === "set" && b.k === "set") {
    const sa = a.items.map(keyOf);
    const sb = b.items.map(keyOf);
    if (sa.includes(undefined) || sb.includes(undefined)) return undefined;
    const A = new Set(sa);
    const B = new Set(sb);
    return A.size === B.size && [...A].every((x) => B.has(x));
  }
  if (a.k === "dict" && b.k === "dict") {
    if (a.entries.length !== b.entries.length) return false;
    for (const [k, v] of a.entries) {
      const other = dictGet(b, k);
      if (other === undefined) return false;
      const e = pyEquals(v, other);
      if (e !== true) return e;
    }
    return true;
  }
  return a.k === b.k ? undefined : false;
}

/** A string key for hashable known values, so sets and dict keys can be compared; undefined for unknowns. */
export function keyOf(v: Value): string | undefined {
  switch (v.k) {
    case "str":
      return "s:" + v.v;
    case "int":
    case "float":
      return "n:" + v.v;
    case "bool":
      return "n:" + (v.v ? 1 : 0);
    case "none":
      return "None";
    case "path":
      return "p:" + v.v;
    case "tuple": {
      const parts = v.items.map(keyOf);
      return parts.includes(undefined) ? undefined : "t:(" + parts.join(",") + ")";
    }
    default:
      return undefined;
  }
}

/** `d[k]` for a known dict: the value, or undefined when the key is absent or cannot be decided. */
export function dictGet(d: Value & { k: "dict" }, key: Value | string): Value | undefined {
  const want = typeof key === "string" ? "s:" + key : keyOf(key);
  if (want === undefined) return undefined;
  for (let i = d.entries.length - 1; i >= 0; i--) {
    if (keyOf(d.entries[i][0]) === want) return d.entries[i][1];
  }
  return undefined;
}

/** Python `x in container`; undefined when it cannot be decided. A str container means a substring test. */
export function pyContains(container: Value, x: Value, depth = 0): boolean | undefined {
  if (container.k === "str") return x.k === "str" ? container.v.includes(x.v) : undefined;
  if (container.k === "list" || container.k === "tuple" || container.k === "set") {
    let undecided = false;
    for (const item of container.items) {
      const e = pyEquals(item, x);
      if (e === true) return true;
      if (e === undefined) undecided = true;
    }
    return undecided ? undefined : false;
  }
  if (container.k === "unknown" && (container.partial || container.alternatives?.length) && !container.dynamic) {
    // Items known to be present answer "yes"; branches that all agree answer for them; anything else may be among
    // the items not known.
    for (const item of container.partial?.items ?? []) if (pyEquals(item, x) === true) return true;
    const alts = container.alternatives;
    // Bounded: alternatives nest (an elif chain inside an elif chain), and each level multiplies the work.
    if (alts && alts.length && alts.length <= 16 && depth < 3) {
      const first = pyContains(alts[0], x, depth + 1);
      if (first !== undefined && alts.every((a) => pyContains(a, x, depth + 1) === first)) return first;
    }
    return undefined;
  }
  if (container.k === "dict") {
    const k = keyOf(x);
    if (k === undefined) return undefined;
    let undecided = false;
    for (const [ek] of container.entries) {
      const kk = keyOf(ek);
      if (kk === k) return true;
      if (kk === undefined) undecided = true;
    }
    return undecided ? undefined : false;
  }
  return undefined;
}

/** Structural equality of two abstract values, used to merge the outcomes of an undecided `if`. */
export function sameValue(a: Value, b: Value): boolean {
  if (a.k !== b.k) return false;
  if (a.k === "unknown" || b.k === "unknown") return false;
  if (a.k === "ref" && b.k === "ref") return a.path === b.path;
  if (!isKnown(a)) return a === b;
  return pyEquals(a, b) === true && a.k === b.k;
}

/** Every environment read that this value, or anything inside it, depends on. */
export function envReadsOf(v: Value | undefined, out: EnvRead[] = [], depth = 0, seen?: Set<Value>): EnvRead[] {
  if (!v || depth > 50) return out;
  for (const r of v.env ?? []) if (!out.includes(r)) out.push(r);
  if (v.k === "list" || v.k === "tuple" || v.k === "set") for (const i of v.items) envReadsOf(i, out, depth + 1, seen);
  if (v.k === "dict") for (const [, x] of v.entries) envReadsOf(x, out, depth + 1, seen);
  if (v.k === "unknown" && (v.alternatives || v.partial)) {
    // Candidates are shared between merged values: walk each once, or a chain of merges is walked exponentially.
    const s = seen ?? new Set<Value>();
    if (s.has(v)) return out;
    s.add(v);
    for (const x of v.alternatives ?? []) envReadsOf(x, out, depth + 1, s);
    for (const x of v.partial?.items ?? []) envReadsOf(x, out, depth + 1, s);
  }
  return out;
}

export function withEnv<T extends Value>(v: T, ...from: Array<Value | undefined>): T {
  // Called for nearly every value evaluated: allocate only when some read is added, which is rare.
  let added: EnvRead[] | undefined;
  for (const f of from) {
    const env = f?.env;
    if (!env) continue;
    for (const r of env) if (!v.env?.includes(r) && !added?.includes(r)) (added ??= []).push(r);
  }
  return added ? { ...v, env: v.env ? [...v.env, ...added] : added } : v;
}

/** Python's repr of a value, for messages and reports; long values are shortened. Secrets are masked by callers. */
export function pyRepr(v: Value, depth = 0): string {
  if (depth > 4) return "…";
  switch (v.k) {
    case "str":
      return JSON.stringify(v.v).replace(/^"|"$/g, "'").replace(/\\"/g, '"');
    case "int":
    case "float":
      return String(v.v) + (v.k === "float" && Number.isInteger(v.v) ? ".0" : "");
    case "bool":
      return v.v ? "True" : "False";
    case "none":
      return "None";
    case "list":
      return "[" + v.items.map((i) => pyRepr(i, depth + 1)).join(", ") + "]";
    case "tuple":
      return "(" + v.items.map((i) => pyRepr(i, depth + 1)).join(", ") + (v.items.length === 1 ? ",)" : ")");
    case "set":
      return v.items.length ? "{" + v.items.map((i) => pyRepr(i, depth + 1)).join(", ") + "}" : "set()";
    case "dict":
      return "{" + v.entries.map(([k, x]) => pyRepr(k, depth + 1) + ": " + pyRepr(x, depth + 1)).join(", ") + "}";
    case "path":
      return `Path('${v.v}')`;
    case "ref":
      return `<${v.path}>`;
    case "envobj":
      return "<environ.Env>";
    case "cast":
      return `<${v.name}>`;
    case "bound":
      return `<method ${v.name}>`;
    case "func":
      return `<function ${v.fn.name}>`;
    case "module":
      return `<module ${v.file.split("/").pop()}>`;
    case "class":
      return `<class ${v.cls.name}>`;
    case "instance":
      return `<${v.cls.name} object>`;
    case "unknown":
      return "<unknown>";
  }
}
