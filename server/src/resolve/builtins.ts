// Python builtins and str/dict/list methods that settings commonly wrap around environment reads.
import { iterate, joinPath, pyStr, type CallArgs } from "./valueOps";
import { classAttr } from "./configurations";
import { callEnvMethod, castDefault, required, tagged } from "./envReads";
import { seqView, unordered, viewValue } from "./sequences";
import { dictGet, pyEquals, truthy, unknown, withEnv, type EnvRead, type Loc, type Value } from "./values";

export function callBuiltin(name: string, call: CallArgs): Value {
  const { args, kwargs, loc } = call;
  const x = args[0];
  const all = [...args, ...Object.values(kwargs)];
  const fail = (why = `${name}() of an unknown value`) => withEnv(unknown(why, { loc }), ...all);
  switch (name) {
    case "bool": {
      if (!x) return { k: "bool", v: false, loc };
      const t = truthy(x);
      return t === undefined ? fail() : withEnv({ k: "bool", v: t, loc }, x);
    }
    case "int": {
      if (!x) return { k: "int", v: 0, loc };
      if (x.k === "int") return withEnv({ ...x, loc }, x);
      if (x.k === "bool") return withEnv({ k: "int", v: x.v ? 1 : 0, loc }, x);
      if (x.k === "float") return withEnv({ k: "int", v: Math.trunc(x.v), loc }, x);
      if (x.k === "str") {
        const s = x.v.trim().replace(/_/g, "");
        // int("abc") raises ValueError at import time: the settings would not load, so the value is unknown.
        return /^[+-]?\d+$/.test(s) ? withEnv({ k: "int", v: Number(s), loc }, x) : fail(`int(${JSON.stringify(x.v)}) raises ValueError`);
      }
      return fail();
    }
    case "float": {
      if (!x) return { k: "float", v: 0, loc };
      if (x.k === "int" || x.k === "float") return withEnv({ k: "float", v: x.v, loc }, x);
      if (x.k === "str" && x.v.trim() !== "" && Number.isFinite(Number(x.v.trim()))) return withEnv({ k: "float", v: Number(x.v.trim()), loc }, x);
      return fail();
    }
    case "str": {
      if (!x) return { k: "str", v: "", loc };
      const s = pyStr(x);
      return s === undefined ? fail() : withEnv({ k: "str", v: s, loc }, x);
    }
    case "list":
    case "tuple":
    case "set":
    case "frozenset":
    case "sorted": {
      if (!x) return { k: name === "tuple" ? "tuple" : name === "set" || name === "frozenset" ? "set" : "list", items: [], loc };
      const items = iterate(x);
      const kind: "list" | "tuple" | "set" = name === "tuple" ? "tuple" : name === "set" || name === "frozenset" ? "set" : "list";
      if (!items) {
        // list(MIDDLEWARE) of a list known only in part keeps what is known of it; sorted() keeps membership only.
        const view = x.k === "unknown" ? seqView(x) : undefined;
        if (!view || x.k !== "unknown") return fail();
        const out = name === "sorted" || kind === "set" ? unordered(view, kind) : { ...view, kind };
        return viewValue(out, x.why, loc, x);
      }
      return withEnv({ k: kind, items, loc }, x);
    }
    case "dict": {
      const entries: Array<[Value, Value]> = [];
      if (x) {
        if (x.k !== "dict") return fail();
        entries.push(...x.entries);
      }
      for (const [k, v] of Object.entries(kwargs)) entries.push([{ k: "str", v: k, loc }, v]);
      return withEnv({ k: "dict", entries, loc }, ...all);
    }
    case "len": {
      const items = x && iterate(x);
      return items ? withEnv({ k: "int", v: items.length, loc }, x) : fail();
    }
    case "csv":
      return castDefault("csv", x ?? { k: "str", v: "", loc }, loc, call.self);
    case "getattr":
    case "hasattr":
      return attrOf(name, args, loc) ?? fail();
  }
  return fail(`${name}() is not modelled`);
}

/**
 * `getattr(configuration, "X", default)` on a configuration the deployment supplies: the default, judged like an env
 * read with a default (no default: required). On a project module or class: the attribute, or the default.
 */
function attrOf(fn: "getattr" | "hasattr", args: Value[], loc: Loc): Value | undefined {
  const [given, name, dflt] = args;
  if (!given || !name || name.k !== "str") return undefined;
  const obj = configurationRef(given) ?? given;
  if (obj.k === "ref" && obj.config) {
    const r: EnvRead = { variable: name.v, via: `${fn}(${obj.path})`, hasDefault: fn === "hasattr" || dflt !== undefined, default: fn === "hasattr" ? undefined : dflt, loc, configuration: obj.path };
    if (fn === "hasattr") return tagged({ k: "bool", v: false, loc }, r);
    return dflt ? tagged(withEnv(dflt), r) : required(r);
  }
  const got = obj.k === "module" ? obj.attr(name.v) : obj.k === "class" ? classAttr(obj.cls, name.v)?.value : undefined;
  if (obj.k !== "module" && obj.k !== "class") return undefined;
  if (fn === "hasattr") return { k: "bool", v: got !== undefined, loc };
  return got ?? dflt;
}

/**
 * The configuration module a value may be: the value itself, or one of the values a helper may return
 * (`load_configuration()` importing `netbox.configuration` on one path and a file on another). Every path loads the
 * deployment's configuration, so a getattr on it is "the default unless the configuration sets it".
 */
function configurationRef(v: Value, depth = 0): (Value & { k: "ref" }) | undefined {
  if (v.k === "ref") return v.config ? v : undefined;
  if (v.k !== "unknown" || v.dynamic || !v.alternatives || depth > 4) return undefined;
  for (const a of v.alternatives) {
    const r = configurationRef(a, depth + 1);
    if (r) return r;
  }
  return undefined;
}

export function callMethod(self: Value, name: string, call: CallArgs): Value {
  const { args, loc } = call;
  if (self.k === "envobj") return callEnvMethod(self, name, call);
  if (self.k === "path") {
    if (name === "resolve" || name === "absolute" || name === "expanduser") return withEnv({ ...self, loc }, self);
    if (name === "joinpath") {
      let v = self.v;
      for (const a of args) {
        const part = a.k === "str" || a.k === "path" ? a.v : undefined;
        if (part === undefined) return withEnv(unknown("joinpath with an unknown part", { loc }), self, ...args);
        v = joinPath(v, part);
      }
      return withEnv({ k: "path", v, loc }, self, ...args);
    }
    if (name === "as_posix") return withEnv({ k: "str", v: self.v, loc }, self);
  }
  const fail = () => withEnv(unknown(`.${name}() on a value the analysis cannot follow`, { loc }), self, ...args);
  if (self.k === "str") {
    const s = self.v;
    const a0 = args[0];
    const strArg = (v: Value | undefined) => (v && v.k === "str" ? v.v : undefined);
    switch (name) {
      case "lower":
        return withEnv({ k: "str", v: s.toLowerCase(), loc }, self);
      case "upper":
        return withEnv({ k: "str", v: s.toUpperCase(), loc }, self);
      case "strip":
      case "lstrip":
      case "rstrip": {
        if (a0 && a0.k !== "str" && a0.k !== "none") return fail();
        const chars = strArg(a0);
        return withEnv({ k: "str", v: stripChars(s, chars, name), loc }, self);
      }
      case "split": {
        const sep = strArg(a0);
        if (a0 && a0.k !== "str" && a0.k !== "none") return fail();
        const parts = sep === undefined ? s.split(/\s+/).filter((p) => p !== "") : sep === "" ? undefined : s.split(sep);
        if (!parts) return fail();
        return withEnv({ k: "list", items: parts.map((p) => ({ k: "str", v: p, loc })), loc }, self, a0);
      }
      case "startswith":
      case "endswith": {
        const p = strArg(a0);
        if (p === undefined) return fail();
        return withEnv({ k: "bool", v: name === "startswith" ? s.startsWith(p) : s.endsWith(p), loc }, self, a0);
      }
      case "replace": {
        const from = strArg(a0);
        const to = strArg(args[1]);
        if (from === undefined || to === undefined) return fail();
        return withEnv({ k: "str", v: s.split(from).join(to), loc }, self, a0, args[1]);
      }
      case "join": {
        const items = a0 && iterate(a0);
        if (!items || items.some((i) => i.k !== "str")) return fail();
        return withEnv({ k: "str", v: items.map((i) => (i as { v: string }).v).join(s), loc }, self, a0);
      }
      case "isdigit":
        return withEnv({ k: "bool", v: s.length > 0 && /^\d+$/.test(s), loc }, self);
      case "casefold":
        return withEnv({ k: "str", v: s.toLowerCase(), loc }, self);
    }
    return fail();
  }
  if (self.k === "dict" && name === "get") {
    const key = args[0];
    if (!key) return fail();
    const got = dictGet(self, key);
    if (got) return withEnv(got, self, key);
    return withEnv(args[1] ?? { k: "none", loc }, self, key);
  }
  if ((self.k === "list" || self.k === "dict" || self.k === "set") && name === "copy") return withEnv({ ...self, loc }, self);
  if (self.k === "unknown" && self.partial && name === "copy") return withEnv({ ...self, loc }, self);
  if ((self.k === "list" || self.k === "tuple") && (name === "index" || name === "count") && args[0]) {
    // MIDDLEWARE.index("…CommonMiddleware"): decided when every item up to the match compares.
    let count = 0;
    for (let i = 0; i < self.items.length; i++) {
      const e = pyEquals(self.items[i], args[0]);
      if (e === undefined) return fail();
      if (e && name === "index") return withEnv({ k: "int", v: i, loc }, self, args[0]);
      if (e) count++;
    }
    return name === "count" ? withEnv({ k: "int", v: count, loc }, self, args[0]) : fail();
  }
  if (self.k === "dict" && (name === "items" || name === "keys" || name === "values")) {
    const items = self.entries.map(([k, v]): Value => (name === "items" ? { k: "tuple", items: [k, v], loc } : name === "keys" ? k : v));
    return withEnv({ k: "list", items, loc }, self);
  }
  return fail();
}

function stripChars(s: string, chars: string | undefined, mode: string): string {
  const set = chars === undefined ? " \t\n\r\x0b\x0c" : chars;
  let a = 0;
  let b = s.length;
  if (mode !== "rstrip") while (a < b && set.includes(s[a])) a++;
  if (mode !== "lstrip") while (b > a && set.includes(s[b - 1])) b--;
  return s.slice(a, b);
}
