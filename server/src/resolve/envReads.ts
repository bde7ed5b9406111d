// Environment reads: os.environ/getenv, django-environ, python-decouple and dj-database-url, with each library's own default and cast rules.
import { joinPath, normalizePath, posixDirname, pyStr, type CallArgs } from "./valueOps";
import { truthy, unknown, withEnv, type EnvRead, type Loc, type Value } from "./values";

type Call = CallArgs;

function argOrKw(call: Call, index: number, name: string): Value | undefined {
  return call.args[index] ?? call.kwargs[name];
}

/** The Expr range of a positional or keyword argument, so fixes can remove exactly the default. */
function argLoc(call: Call, index: number, name: string): Loc | undefined {
  const e = call.expr.args[index] ?? call.expr.kwargs.find((k) => k.name === name);
  if (!e) return undefined;
  return { file: call.loc.file, range: e.range };
}

function read(call: Call, variable: string, via: string, def: Value | undefined, defIndex: number, defName: string, cast?: string): EnvRead {
  return {
    variable,
    via,
    hasDefault: def !== undefined,
    default: def,
    cast,
    loc: call.loc,
    defaultLoc: def !== undefined ? argLoc(call, defIndex, defName) : undefined,
  };
}

/** Where reads go while a module runs (set by the interpreter), so a read whose value is then dropped still counts. */
let recorder: EnvRead[] | undefined;

/** Runs `body` with every env read it makes appended to `into`; nested calls record into their own list. */
export function recordEnvReads<T>(into: EnvRead[], body: () => T): T {
  const outer = recorder;
  recorder = into;
  try {
    return body();
  } finally {
    recorder = outer;
  }
}

/** A read the settings cannot survive while unset: the value is unknown and depends on the variable. */
export function required(r: EnvRead): Value {
  recorder?.push(r);
  return { k: "unknown", why: `required environment variable ${r.variable}`, env: [r], loc: r.loc };
}

export function tagged(v: Value, r: EnvRead): Value {
  recorder?.push(r);
  return { ...v, env: [r, ...(v.env ?? [])], loc: r.loc };
}

/** `key in os.environ`: False, and recorded as a read with nothing required; undefined for any other container. */
export function environContains(path: string, key: Value, loc: Loc): Value | undefined {
  if (path !== "os.environ" && path !== "environ.environ") return undefined;
  if (key.k !== "str") return undefined;
  const r: EnvRead = { variable: key.v, via: "in os.environ", hasDefault: true, loc };
  return tagged({ k: "bool", v: false, loc }, r);
}

export function subscriptExternal(path: string, index: Value, loc: Loc): Value {
  if (path === "os.environ" && index.k === "str") {
    const r: EnvRead = { variable: index.v, via: "os.environ[]", hasDefault: false, loc };
    return required(r);
  }
  return unknown(`${path}[…] is outside the settings`, { loc });
}

export function callExternal(path: string, call: Call): Value {
  const p = normalize(path);
  const { loc } = call;
  const name = argOrKw(call, 0, "key");
  switch (p) {
    case "os.environ.get":
    case "os.getenv": {
      if (!name || name.k !== "str") return withEnv(unknown("reads an environment variable whose name is not known", { loc }), name);
      const def = argOrKw(call, 1, "default");
      const r = read(call, name.v, p, def, 1, "default");
      // An absent default is None, and None is a real value the settings then hold.
      return tagged(def ?? { k: "none", loc }, { ...r, hasDefault: true, default: def ?? { k: "none", loc } });
    }
    case "os.environ.setdefault": {
      if (!name || name.k !== "str") return unknown("reads an environment variable whose name is not known", { loc });
      const def = argOrKw(call, 1, "value");
      if (!def) return unknown("os.environ.setdefault without a value", { loc });
      return tagged(def, read(call, name.v, p, def, 1, "value"));
    }
    case "environ.Env":
    case "environ.FileAwareEnv":
      return envObject(call);
    case "environ.Env()":
      return call.self && call.self.k === "envobj" ? envCall(call.self, "__call__", call) : unknown("env()", { loc });
    case "environ.Env.read_env":
    case "environ.Env.read_env()":
      return { k: "none", loc };
    case "decouple.config":
      return decoupleConfig(call);
    case "decouple.AutoConfig":
    case "decouple.Config":
      return { k: "ref", path: "decouple.config", loc };
    case "decouple.Csv":
      return { k: "cast", name: "csv", of: castName(call.kwargs.cast), loc };
    case "decouple.Choices":
      return { k: "cast", name: "choices", loc };
    case "dj_database_url.config": {
      const envName = call.kwargs.env;
      const variable = envName && envName.k === "str" ? envName.v : "DATABASE_URL";
      const def = call.kwargs.default;
      const r = read(call, variable, "dj_database_url.config", def, 99, "default");
      if (!def || def.k === "none") return tagged({ k: "dict", entries: [], loc }, { ...r, hasDefault: true });
      return tagged(withEnv(databaseFromUrl(def, loc, call.kwargs, true), def), r);
    }
    case "dj_database_url.parse": {
      const url = argOrKw(call, 0, "url");
      return url ? withEnv(databaseFromUrl(url, loc, call.kwargs, true), url) : unknown("dj_database_url.parse()", { loc });
    }
    case "pathlib.Path":
    case "pathlib.PurePath":
    case "pathlib.PosixPath": {
      const parts = call.args.map((a) => (a.k === "str" || a.k === "path" ? a.v : undefined));
      if (parts.length === 0) return { k: "path", v: ".", loc };
      if (parts.includes(undefined)) return withEnv(unknown("a path with an unknown part", { loc }), ...call.args);
      return withEnv({ k: "path", v: (parts as string[]).reduce((a, b) => joinPath(a, b)), loc }, ...call.args);
    }
    case "os.path.join": {
      const parts = call.args.map((a) => (a.k === "str" || a.k === "path" ? a.v : undefined));
      if (parts.length === 0 || parts.includes(undefined)) return withEnv(unknown("os.path.join with an unknown part", { loc }), ...call.args);
      return withEnv({ k: "str", v: (parts as string[]).reduce((a, b) => joinPath(a, b)), loc }, ...call.args);
    }
    case "os.path.dirname":
    case "os.path.abspath":
    case "os.path.realpath":
    case "os.path.normpath": {
      const a = call.args[0];
      if (!a || (a.k !== "str" && a.k !== "path")) return withEnv(unknown(`${p}() of an unknown path`, { loc }), ...call.args);
      return withEnv({ k: "str", v: p === "os.path.dirname" ? posixDirname(a.v) : normalizePath(a.v), loc }, a);
    }
    case "importlib.import_module": {
      // A configuration module the deployment supplies, its name often read from the environment.
      const mod = name && name.k === "str" ? name.v : undefined;
      return mod ? withEnv({ k: "ref", path: mod, config: true, loc }, name) : withEnv(unknown("imports a module whose name is not known", { loc }), name);
    }
    case "pydantic_settings.SettingsConfigDict":
    case "pydantic.ConfigDict":
      return { k: "dict", entries: Object.entries(call.kwargs).map(([k, v]): [Value, Value] => [{ k: "str", v: k, loc }, v]), loc };
    case "pydantic.Field":
    case "pydantic.fields.Field": {
      // The field's default; Field(...) or none at all makes the field required.
      const d = call.kwargs.default ?? call.args[0];
      return d && d.k !== "unknown" ? d : unknown("a pydantic Field without a default", { loc });
    }
    case "configparser.ConfigParser":
    case "configparser.RawConfigParser":
    case "configparser.SafeConfigParser":
    case "ConfigParser.ConfigParser":
    case "ConfigParser.RawConfigParser":
      return { k: "ref", path: "configparser.ConfigParser()", loc };
    case "configparser.ConfigParser().get":
    case "configparser.ConfigParser().getboolean":
    case "configparser.ConfigParser().getint":
    case "configparser.ConfigParser().getfloat":
      return configparserGet(p.slice(p.lastIndexOf(".") + 1), call);
    case "split_settings.tools.optional":
      return { k: "cast", name: "optional", of: name && name.k === "str" ? name.v : undefined, loc };
  }
  return withEnv(unknown(`the result of ${path}() is not known statically`, { loc }), ...call.args);
}

/**
 * `config.get("django", "secret_key", fallback="…")`: the settings file is not in the code, so the value is the
 * fallback while the option is missing, judged like an env read with a default; without a fallback it is required.
 */
function configparserGet(method: string, call: Call): Value {
  const { loc } = call;
  const section = argOrKw(call, 0, "section");
  const option = argOrKw(call, 1, "option");
  if (!section || section.k !== "str" || !option || option.k !== "str") return unknown("reads a configparser option whose name is not known", { loc });
  const fallback = call.kwargs.fallback;
  const cast = method === "getboolean" ? "bool" : method === "getint" ? "int" : method === "getfloat" ? "float" : undefined;
  const r: EnvRead = {
    variable: option.v,
    via: `configparser.${method}`,
    hasDefault: fallback !== undefined,
    default: fallback,
    cast,
    loc,
    defaultLoc: fallback !== undefined ? argLoc(call, 99, "fallback") : undefined,
    configuration: `[${section.v}]`,
  };
  // configparser returns the fallback as given, unconverted.
  return fallback ? tagged(fallback, r) : required(r);
}

/** `from os import environ` then `environ.get` arrives as "os.environ.get"; aliases of os.path and so on need no care. */
function normalize(path: string): string {
  if (path.startsWith("environ.environ.")) return path.slice("environ.".length);
  if (path === "decouple.config.config") return "decouple.config";
  return path;
}

function castName(v: Value | undefined): string | undefined {
  if (!v) return undefined;
  if (v.k === "ref") return v.path.replace(/^builtins\./, "");
  if (v.k === "cast") return v.name;
  return "unknown";
}

function envObject(call: Call): Value {
  const scheme: Record<string, { cast?: string; default?: Value }> = {};
  for (const [key, v] of Object.entries(call.kwargs)) {
    if (v.k === "tuple" && v.items.length >= 1) scheme[key] = { cast: castName(v.items[0]), default: v.items[1] };
    else scheme[key] = { cast: castName(v) };
  }
  return { k: "envobj", scheme, prefix: "", loc: call.loc };
}

export function callEnvMethod(self: Value & { k: "envobj" }, name: string, call: Call): Value {
  return envCall(self, name, call);
}

const URL_VARS: Record<string, string> = {
  db: "DATABASE_URL",
  db_url: "DATABASE_URL",
  cache: "CACHE_URL",
  cache_url: "CACHE_URL",
  email: "EMAIL_URL",
  email_url: "EMAIL_URL",
  search_url: "SEARCH_URL",
};

const METHOD_CASTS: Record<string, string> = {
  bool: "bool",
  int: "int",
  float: "float",
  str: "str",
  list: "list",
  tuple: "tuple",
  dict: "dict",
  json: "json",
  url: "url",
  path: "path",
  bytes: "bytes",
};

/** django-environ: an unset variable takes the default (or the scheme's) as it is, uncast unless parse_default=True. */
function envCall(self: Value & { k: "envobj" }, method: string, call: Call): Value {
  const { loc } = call;
  if (method === "read_env" || method === "smart_cast" || method === "escape_proxy") return { k: "none", loc };
  const isUrl = method in URL_VARS;
  if (!(method in METHOD_CASTS) && !isUrl && method !== "__call__" && method !== "get_value") {
    return unknown(`env.${method}() is not modelled`, { loc });
  }
  const nameArg = argOrKw(call, 0, "var");
  let variable: string | undefined;
  if (nameArg && nameArg.k === "str") variable = nameArg.v;
  else if (!nameArg && isUrl) variable = URL_VARS[method];
  if (!variable) return unknown("reads an environment variable whose name is not known", { loc });
  variable = self.prefix + variable;
  const defIndex = method === "__call__" || method === "get_value" ? 2 : 1;
  let def = method === "__call__" || method === "get_value" ? call.kwargs.default ?? call.args[2] : argOrKw(call, 1, "default");
  const schemeEntry = self.scheme[variable];
  if (def === undefined && schemeEntry?.default !== undefined) def = schemeEntry.default;
  const cast = METHOD_CASTS[method] ?? castName(call.kwargs.cast ?? call.args[1]) ?? schemeEntry?.cast;
  const r = read(call, variable, method === "__call__" ? "env" : `env.${method}`, def, defIndex, "default", cast);
  if (def === undefined) return required(r);
  if (isUrl) {
    if (def.k === "none") return tagged({ k: "none", loc }, r);
    const parsed = method.startsWith("db") ? databaseFromUrl(def, loc, {}, false) : method.startsWith("cache") ? cacheFromUrl(def, loc) : method.startsWith("email") ? emailFromUrl(def, loc) : unknown(`a ${method} URL`, { loc });
    return tagged(withEnv(parsed, def), r);
  }
  const parseDefault = call.kwargs.parse_default;
  if (parseDefault && truthy(parseDefault) && def.k === "str" && cast) return tagged(castDefault(cast, def, loc), r);
  return tagged(def, r);
}

/** python-decouple casts the default too, with its own boolean vocabulary. */
function decoupleConfig(call: Call): Value {
  const { loc } = call;
  const nameArg = argOrKw(call, 0, "option");
  if (!nameArg || nameArg.k !== "str") return unknown("reads an environment variable whose name is not known", { loc });
  const def = call.kwargs.default ?? call.args[1];
  const castV = call.kwargs.cast ?? call.args[2];
  const cast = castName(castV);
  const r = read(call, nameArg.v, "config", def, 1, "default", cast);
  if (def === undefined) return required(r);
  if (!castV) return tagged(def, r);
  return tagged(withEnv(castDefault(cast ?? "unknown", def, loc, castV), def), r);
}

const DECOUPLE_TRUE = new Set(["1", "yes", "y", "true", "on", "t"]);
const DECOUPLE_FALSE = new Set(["0", "no", "n", "false", "off", "f", ""]);

/** Applies a decouple cast (bool, int, float, str, Csv) to a default value. */
export function castDefault(cast: string, v: Value, loc: Loc, castObj?: Value): Value {
  switch (cast) {
    case "bool": {
      if (v.k === "bool") return v;
      if (v.k === "str") {
        const s = v.v.toLowerCase();
        if (DECOUPLE_TRUE.has(s)) return { k: "bool", v: true, loc };
        if (DECOUPLE_FALSE.has(s)) return { k: "bool", v: false, loc };
        return unknown(`"${v.v}" is not a boolean: decouple raises ValueError`, { loc });
      }
      const t = truthy(v);
      return t === undefined ? unknown("bool of an unknown default", { loc }) : { k: "bool", v: t, loc };
    }
    case "int": {
      if (v.k === "int") return v;
      const s = pyStr(v);
      return s !== undefined && /^\s*[+-]?\d+\s*$/.test(s) ? { k: "int", v: Number(s), loc } : unknown("int of a default", { loc });
    }
    case "float": {
      const s = pyStr(v);
      return s !== undefined && s.trim() !== "" && Number.isFinite(Number(s)) ? { k: "float", v: Number(s), loc } : unknown("float of a default", { loc });
    }
    case "str": {
      const s = pyStr(v);
      return s !== undefined ? { k: "str", v: s, loc } : unknown("str of a default", { loc });
    }
    case "csv":
    case "list": {
      if (v.k === "list" || v.k === "tuple") return { k: "list", items: v.items, loc };
      if (v.k !== "str") return unknown("a list cast of a non-string default", { loc });
      const sub = castObj && castObj.k === "cast" ? castObj.of : undefined;
      const parts = v.v === "" ? [] : v.v.split(",").map((p) => p.trim()).filter((p) => p !== "" || cast === "list");
      const items = parts.map((p): Value => (sub && sub !== "str" ? castDefault(sub, { k: "str", v: p, loc }, loc) : { k: "str", v: p, loc }));
      return { k: "list", items, loc };
    }
  }
  if (castObj && castObj.k === "ref" && castObj.path.startsWith("builtins.")) {
    return unknown(`${castObj.path.slice(9)}() of a default`, { loc });
  }
  return unknown(`the ${cast} cast is not modelled`, { loc });
}

const DB_ENGINES: Record<string, string> = {
  postgres: "django.db.backends.postgresql",
  postgresql: "django.db.backends.postgresql",
  pgsql: "django.db.backends.postgresql",
  psql: "django.db.backends.postgresql",
  postgis: "django.contrib.gis.db.backends.postgis",
  mysql: "django.db.backends.mysql",
  mysql2: "django.db.backends.mysql",
  mysqlgis: "django.contrib.gis.db.backends.mysql",
  "mysql-connector": "mysql.connector.django",
  sqlite: "django.db.backends.sqlite3",
  spatialite: "django.contrib.gis.db.backends.spatialite",
  oracle: "django.db.backends.oracle",
  oraclegis: "django.contrib.gis.db.backends.oracle",
  mssql: "mssql",
  redshift: "django_redshift_backend",
  cockroach: "django_cockroachdb",
  timescale: "timescale.db.backends.postgresql",
};

interface ParsedUrl {
  scheme: string;
  user: string;
  password: string;
  host: string;
  port: string;
  path: string;
  query: Record<string, string>;
}

/** Splits a service URL; hand-written because sqlite:////abs and passwords with odd characters defeat URL(). */
export function splitUrl(url: string): ParsedUrl | undefined {
  const m = /^([a-zA-Z][a-zA-Z0-9+.-]*):\/\/([^/?#]*)([^?#]*)(?:\?([^#]*))?/.exec(url);
  if (!m) return undefined;
  const [, scheme, authority, path, q] = m;
  let userinfo = "";
  let hostport = authority;
  const at = authority.lastIndexOf("@");
  if (at >= 0) {
    userinfo = authority.slice(0, at);
    hostport = authority.slice(at + 1);
  }
  const colon = userinfo.indexOf(":");
  const user = colon >= 0 ? userinfo.slice(0, colon) : userinfo;
  const password = colon >= 0 ? userinfo.slice(colon + 1) : "";
  const pm = /^(.*?)(?::(\d+))?$/.exec(hostport)!;
  const query: Record<string, string> = {};
  for (const pair of (q ?? "").split("&")) {
    if (!pair) continue;
    const [k, v = ""] = pair.split("=");
    query[safeDecode(k)] = safeDecode(v);
  }
  return { scheme: scheme.toLowerCase(), user: safeDecode(user), password: safeDecode(password), host: safeDecode(pm[1]), port: pm[2] ?? "", path, query };
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

export function databaseFromUrl(url: Value, loc: Loc, kwargs: Record<string, Value>, djDatabaseUrl: boolean): Value {
  if (url.k !== "str") return unknown("a database URL that is not known", { loc });
  const u = splitUrl(url.v);
  if (!u) return unknown("a database URL the analysis cannot read", { loc });
  const s = (v: string): Value => ({ k: "str", v, loc: url.loc });
  const engine = DB_ENGINES[u.scheme];
  const entries: Array<[Value, Value]> = [];
  const isSqlite = u.scheme === "sqlite" || u.scheme === "spatialite";
  entries.push([s("NAME"), s(isSqlite ? (u.path === "/:memory:" || u.path === "" ? ":memory:" : u.path.replace(/^\//, "")) : u.path.replace(/^\//, ""))]);
  entries.push([s("USER"), s(u.user)], [s("PASSWORD"), s(u.password)], [s("HOST"), s(u.host)], [s("PORT"), u.port ? { k: "int", v: Number(u.port), loc: url.loc } : s("")]);
  entries.push([s("ENGINE"), engine ? s(engine) : unknown(`the ${u.scheme} scheme`, { loc })]);
  if (djDatabaseUrl) {
    entries.push([s("CONN_MAX_AGE"), kwargs.conn_max_age ?? { k: "int", v: 0, loc }]);
    if (kwargs.conn_health_checks) entries.push([s("CONN_HEALTH_CHECKS"), kwargs.conn_health_checks]);
  } else if (u.query.conn_max_age !== undefined && /^\d+$/.test(u.query.conn_max_age)) {
    entries.push([s("CONN_MAX_AGE"), { k: "int", v: Number(u.query.conn_max_age), loc: url.loc }]);
  }
  return { k: "dict", entries, loc };
}

const CACHE_BACKENDS: Record<string, string> = {
  dbcache: "django.core.cache.backends.db.DatabaseCache",
  dummycache: "django.core.cache.backends.dummy.DummyCache",
  filecache: "django.core.cache.backends.filebased.FileBasedCache",
  locmemcache: "django.core.cache.backends.locmem.LocMemCache",
  memcache: "django.core.cache.backends.memcached.PyMemcacheCache",
  pymemcache: "django.core.cache.backends.memcached.PyMemcacheCache",
  pylibmc: "django.core.cache.backends.memcached.PyLibMCCache",
  redis: "django.core.cache.backends.redis.RedisCache",
  rediss: "django.core.cache.backends.redis.RedisCache",
};

export function cacheFromUrl(url: Value, loc: Loc): Value {
  if (url.k !== "str") return unknown("a cache URL that is not known", { loc });
  const u = splitUrl(url.v);
  if (!u) return unknown("a cache URL the analysis cannot read", { loc });
  const s = (v: string): Value => ({ k: "str", v, loc: url.loc });
  const backend = CACHE_BACKENDS[u.scheme];
  const location = u.scheme === "filecache" ? u.path : u.scheme.startsWith("redis") ? url.v : u.host + (u.port ? ":" + u.port : "");
  return {
    k: "dict",
    entries: [
      [s("BACKEND"), backend ? s(backend) : unknown(`the ${u.scheme} cache scheme`, { loc })],
      [s("LOCATION"), s(location)],
    ],
    loc,
  };
}

const EMAIL_BACKENDS: Record<string, string> = {
  smtp: "django.core.mail.backends.smtp.EmailBackend",
  smtps: "django.core.mail.backends.smtp.EmailBackend",
  "smtp+tls": "django.core.mail.backends.smtp.EmailBackend",
  "smtp+ssl": "django.core.mail.backends.smtp.EmailBackend",
  consolemail: "django.core.mail.backends.console.EmailBackend",
  filemail: "django.core.mail.backends.filebased.EmailBackend",
  memorymail: "django.core.mail.backends.locmem.EmailBackend",
  dummymail: "django.core.mail.backends.dummy.EmailBackend",
};

/** Query options django-environ lifts to settings of their own; the others go under OPTIONS. */
const EMAIL_BASE_OPTIONS = ["EMAIL_USE_TLS", "EMAIL_USE_SSL", "EMAIL_SSL_CERTFILE", "EMAIL_SSL_KEYFILE", "EMAIL_TIMEOUT"];

/** The settings django-environ's email_url() gives for a URL (`smtp://user:pass@host:25`), as EMAIL_* keys. */
export function emailFromUrl(url: Value, loc: Loc): Value {
  if (url.k !== "str") return unknown("an email URL that is not known", { loc });
  const u = splitUrl(url.v);
  const backend = u && EMAIL_BACKENDS[u.scheme];
  if (!u || !backend) return unknown("an email URL the analysis cannot read", { loc });
  const at = url.loc;
  const s = (v: string): Value => ({ k: "str", v, loc: at });
  const none: Value = { k: "none", loc: at };
  const hasUser = /^[^/?#]*@/.test(url.v.slice(url.v.indexOf("://") + 3));
  const castInt = (v: string): Value => (/^\d+$/.test(v) ? { k: "int", v: Number(v), loc: at } : s(v));
  const entries: Array<[Value, Value]> = [
    [s("EMAIL_FILE_PATH"), s(safeDecode(u.path.replace(/^\//, "")))],
    [s("EMAIL_HOST_USER"), hasUser ? s(u.user) : none],
    [s("EMAIL_HOST_PASSWORD"), hasUser && url.v.slice(0, url.v.lastIndexOf("@")).slice(url.v.indexOf("://") + 3).includes(":") ? s(u.password) : none],
    [s("EMAIL_HOST"), u.host ? s(u.host.toLowerCase()) : none],
    [s("EMAIL_PORT"), u.port ? { k: "int", v: Number(u.port), loc: at } : none],
    [s("EMAIL_BACKEND"), s(backend)],
  ];
  if (u.scheme === "smtps" || u.scheme === "smtp+tls") entries.push([s("EMAIL_USE_TLS"), { k: "bool", v: true, loc: at }]);
  else if (u.scheme === "smtp+ssl") entries.push([s("EMAIL_USE_SSL"), { k: "bool", v: true, loc: at }]);
  const options: Array<[Value, Value]> = [];
  for (const [k, v] of Object.entries(u.query)) {
    const key = k.toUpperCase();
    if (EMAIL_BASE_OPTIONS.includes(key)) entries.push([s(key), castInt(v)]);
    else options.push([s(key), castInt(v)]);
  }
  if (Object.keys(u.query).length) entries.push([s("OPTIONS"), { k: "dict", entries: options, loc: at }]);
  return { k: "dict", entries, loc };
}
