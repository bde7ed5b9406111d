// Generates several hundred deterministic split-settings variants (vNNN/{__init__,base,production}.py) for the Django differential test.
//
// Each variant is a tiny Django settings package:
//   vNNN/__init__.py    empty
//   vNNN/base.py        shared settings (usually a base that passes every deploy check)
//   vNNN/production.py  `from .base import *` followed by a few overrides
// The production module is what both Django (test/oracle/django_oracle.py) and
// the CLI evaluate; their sets of check ids must agree.
//
// The variants are produced by small generators, each sweeping one dimension
// (literal values of one setting, middleware subsets, list mutations, env reads
// with defaults, `if DEBUG:` blocks, `del`, silencing, ...).  Most variants start
// from a base that passes every check on its own, so each one isolates one or
// two problems; a few generators deliberately start from weak bases (a
// `startproject`-style base, a base without MIDDLEWARE) to exercise defaults.
//
// Rules the generated Python follows, because Django itself must load it:
//   - standard library only (os); no django-environ / python-decouple;
//   - every environment read has a default (the variables are unset during the
//     test; see ENV_VARS_READ), so no variant depends on the caller's environment;
//   - CSRF_FAILURE_VIEW stays at its default (E101/E102 are not under test);
//   - no value that makes a check itself crash (e.g. an unhashable
//     DEFAULT_HASHING_ALGORITHM) and no `.remove()` of an absent element;
//   - INSTALLED_APPS is always a list or tuple (3.2 refuses anything else at load).
import * as fs from "fs";
import * as path from "path";

export interface Variant {
  /** Directory name and Python package: v001, v002, ... */
  name: string;
  /** Relative path (inside the variant directory's parent) to file text. */
  files: Record<string, string>;
}

// ---------------------------------------------------------------------------
// Python source helpers

/** A double-quoted Python string literal (JSON escapes are valid Python for the ASCII text used here). */
function s(text: string): string {
  return JSON.stringify(text);
}

function pyList(items: string[]): string {
  return `[${items.map(s).join(", ")}]`;
}

function pyTuple(items: string[]): string {
  if (items.length === 1) return `(${s(items[0])},)`;
  return `(${items.map(s).join(", ")})`;
}

/** Multi-line list or tuple literal, the way settings files usually spell MIDDLEWARE. */
function pyBlock(items: string[], tuple = false): string {
  if (items.length === 0) return tuple ? "()" : "[]";
  const open = tuple ? "(" : "[";
  const close = tuple ? ")" : "]";
  return `${open}\n${items.map((i) => `    ${s(i)},`).join("\n")}\n${close}`;
}

// ---------------------------------------------------------------------------
// Constants

const SM = "django.middleware.security.SecurityMiddleware";
const SESSM = "django.contrib.sessions.middleware.SessionMiddleware";
const CM = "django.middleware.csrf.CsrfViewMiddleware";
const XM = "django.middleware.clickjacking.XFrameOptionsMiddleware";
const COMMONM = "django.middleware.common.CommonMiddleware";
const AUTHM = "django.contrib.auth.middleware.AuthenticationMiddleware";
const MSGM = "django.contrib.messages.middleware.MessageMiddleware";
const FULL_MIDDLEWARE = [SM, SESSM, COMMONM, CM, AUTHM, MSGM, XM];

const SESS_APP = "django.contrib.sessions";
const SESS_APPCONFIG = "django.contrib.sessions.apps.SessionsConfig";
const APPS_WITH_SESSIONS = [
  "django.contrib.admin",
  "django.contrib.auth",
  "django.contrib.contenttypes",
  SESS_APP,
  "django.contrib.messages",
  "django.contrib.staticfiles",
];
const APPS_WITHOUT_SESSIONS = APPS_WITH_SESSIONS.filter((a) => a !== SESS_APP);

/** 64 distinct characters without quotes or backslashes, so keys built from them need no escaping. */
const KEY_ALPHABET = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_";

/** A deterministic key of `length` characters (all distinct up to 64, since 37 is coprime with 64). */
function key(length: number, seed = 11): string {
  let out = "";
  for (let i = 0; i < length; i++) out += KEY_ALPHABET[(i * 37 + seed) % KEY_ALPHABET.length];
  return out;
}

/** Passes W009: 60 characters, 60 distinct, no insecure prefix. */
const GOOD_KEY = key(60);

/**
 * Environment variables the variants read (always with a default).  The test
 * removes them from the environment of both the oracle and the CLI, so the
 * defaults are what counts on both sides.
 */
export const ENV_VARS_READ = [
  "DJANGO_DEBUG",
  "DJANGO_SECRET_KEY",
  "DJANGO_ALLOWED_HOSTS",
  "HOSTS",
  "HSTS",
  "HSTS_PRELOAD",
  "SSL_REDIRECT",
  "SESSION_SECURE",
  "CSRF_SECURE",
  "XFO",
  "REFERRER_POLICY",
  "NOSNIFF",
  "DSH_UNSET_FLAG",
];

// ---------------------------------------------------------------------------
// Bases

interface BaseOptions {
  /** Setting name -> Python expression; `null` leaves the setting out of base.py. */
  overrides?: Record<string, string | null>;
  /** Extra lines appended at the end of base.py. */
  extra?: string[];
  /** Spell every relevant setting explicitly even where Django's default is already safe. */
  explicit?: boolean;
  /** Use tuples instead of lists for ALLOWED_HOSTS / INSTALLED_APPS / MIDDLEWARE. */
  tuples?: boolean;
}

/**
 * base.py that passes every security check on Django 3.2 (compare the notes'
 * base_settings.py): good key, DEBUG off, hosts set, the four relevant
 * middleware, HSTS with subdomains + preload, SSL redirect, secure cookies.
 */
function goodBase(opts: BaseOptions = {}): string {
  const tuples = opts.tuples ?? false;
  const settings: Array<[string, string]> = [
    ["SECRET_KEY", s(GOOD_KEY)],
    ["DEBUG", "False"],
    ["ALLOWED_HOSTS", tuples ? pyTuple(["example.com"]) : pyList(["example.com"])],
    ["INSTALLED_APPS", pyBlock(APPS_WITH_SESSIONS, tuples)],
    ["MIDDLEWARE", pyBlock(FULL_MIDDLEWARE, tuples)],
    ["ROOT_URLCONF", s("project.urls")],
    ["SECURE_HSTS_SECONDS", "31536000"],
    ["SECURE_HSTS_INCLUDE_SUBDOMAINS", "True"],
    ["SECURE_HSTS_PRELOAD", "True"],
    ["SECURE_SSL_REDIRECT", "True"],
    ["SESSION_COOKIE_SECURE", "True"],
    ["CSRF_COOKIE_SECURE", "True"],
  ];
  if (opts.explicit) {
    // Same values as Django's defaults: a `del` in production must then be a no-op.
    settings.push(
      ["SECURE_CONTENT_TYPE_NOSNIFF", "True"],
      ["SECURE_REFERRER_POLICY", s("same-origin")],
      ["X_FRAME_OPTIONS", s("DENY")],
      ["SESSION_COOKIE_HTTPONLY", "True"],
      ["CSRF_USE_SESSIONS", "False"],
      ["SILENCED_SYSTEM_CHECKS", "[]"],
    );
  }
  return renderBase(settings, opts);
}

/** Roughly what `django-admin startproject` generated in 3.2: insecure key, DEBUG on, no hosts, no HTTPS settings. */
function startprojectBase(opts: BaseOptions = {}): string {
  const settings: Array<[string, string]> = [
    ["SECRET_KEY", s("django-insecure-" + key(50, 5))],
    ["DEBUG", "True"],
    ["ALLOWED_HOSTS", "[]"],
    ["INSTALLED_APPS", pyBlock(APPS_WITH_SESSIONS)],
    ["MIDDLEWARE", pyBlock(FULL_MIDDLEWARE)],
    ["ROOT_URLCONF", s("project.urls")],
  ];
  return renderBase(settings, opts);
}

/** A bare base: a good key and some apps, MIDDLEWARE left at Django's default (empty). */
function bareBase(opts: BaseOptions = {}): string {
  const settings: Array<[string, string]> = [
    ["SECRET_KEY", s(GOOD_KEY)],
    ["ALLOWED_HOSTS", pyList(["example.com"])],
    ["INSTALLED_APPS", pyBlock(APPS_WITH_SESSIONS)],
  ];
  return renderBase(settings, opts);
}

function renderBase(settings: Array<[string, string]>, opts: BaseOptions): string {
  const overrides = opts.overrides ?? {};
  const lines = [
    "# Settings shared by every environment of this variant.",
    "import os",
    "",
    "BASE_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))",
    "",
  ];
  const seen = new Set<string>();
  for (const [name, value] of settings) {
    seen.add(name);
    const v = name in overrides ? overrides[name] : value;
    if (v === null) continue;
    lines.push(`${name} = ${v}`);
  }
  for (const [name, value] of Object.entries(overrides)) {
    if (!seen.has(name) && value !== null) lines.push(`${name} = ${value}`);
  }
  if (opts.extra) lines.push("", ...opts.extra);
  return lines.join("\n") + "\n";
}

// ---------------------------------------------------------------------------
// Variant specs

interface Spec {
  /** One-line description, written as a comment into production.py. */
  label: string;
  base: string;
  /** Lines of production.py after `from .base import *`. */
  prod: string[];
  /** More modules of the variant package, by file name (`utils.py`), for helpers production.py imports. */
  extra?: Record<string, string>;
}

function production(spec: Spec): string {
  return ["from .base import *  # noqa: F401,F403", "", `# variant: ${spec.label}`, ...spec.prod].join("\n") + "\n";
}

/** Alternates between the two good bases (defaults vs. explicit) so literal sweeps cover both. */
function alternatingBase(i: number): string {
  return i % 3 === 2 ? goodBase({ tuples: true }) : goodBase({ explicit: i % 2 === 0 });
}

// --- 1. Literal sweeps: one setting, many Python values ----------------------

const LITERAL_SWEEPS: Array<[string, string[]]> = [
  ["DEBUG", ["True", "False", s("False"), s(""), "0", "1", "None", s("0"), "[]"]],
  ["ALLOWED_HOSTS", ["[]", pyList(["*"]), pyTuple(["example.com"]), "()", pyList(["a.com", "b.com"]), s("example.com"), s(""), "None", pyList([""])]],
  [
    "SECRET_KEY",
    [
      s("too-short-secret-key-23"), // 23 chars
      s("django-insecure-" + key(43)), // insecure prefix, 59 chars
      s("abcd".repeat(20)), // 4 unique characters
      s("abcde".repeat(12)), // exactly 5 unique, 60 chars: passes
      s(key(49)), // one short of the minimum
      s(key(50)), // exactly the minimum: passes
      s("Django-Insecure-" + key(43)), // prefix test is case-sensitive: passes
      s(""),
      "None",
      s(key(30) + key(30)), // 60 chars, 30 unique: passes
    ],
  ],
  ["SECURE_HSTS_SECONDS", ["0", s("0"), "-1", "3600", "None", s(""), "31536000", "0.0", "False", "True"]],
  ["SECURE_HSTS_INCLUDE_SUBDOMAINS", ["True", "False", "1", s("True"), "None"]],
  ["SECURE_HSTS_PRELOAD", ["True", "False", "1", s("True"), "None"]],
  ["SECURE_SSL_REDIRECT", ["True", "False", "1", s("True"), "None", "0"]],
  ["SECURE_CONTENT_TYPE_NOSNIFF", ["True", "False", "1", s("yes"), "None"]],
  ["SESSION_COOKIE_SECURE", ["True", "False", s("False"), s("yes"), "1", "0", "None", s("")]],
  ["SESSION_COOKIE_HTTPONLY", ["True", "False", s("no"), "0", "None", s(""), "1"]],
  ["CSRF_COOKIE_SECURE", ["True", "False", s("yes"), "0", "None", s(""), "1"]],
  ["X_FRAME_OPTIONS", [s("DENY"), s("deny"), s("SAMEORIGIN"), s(""), "None", s("DENY "), s("ALLOW-FROM https://example.com")]],
  [
    "SECURE_REFERRER_POLICY",
    [
      "None",
      s(""),
      s("same-origin,"),
      s("same-origin, bogus"),
      s("no-referrer"),
      s("no-referrer, strict-origin"),
      s(" origin ,unsafe-url"), // stripped around commas: valid
      s("Same-Origin"), // case-sensitive: invalid
      s("same-origin,same-origin"),
      "[]", // empty set is a subset: valid
      "()",
      pyList(["no-referrer", "strict-origin"]),
      pyTuple(["origin"]),
      pyList([" origin"]), // list elements are not stripped: invalid
      pyList(["bogus"]),
      pyTuple(["same-origin", "unsafe-url"]),
      pyList(["same-origin, origin"]), // a comma inside a list element is not split: invalid
    ],
  ],
  // Django 3.2 has no E024: every one of these must produce nothing.
  ["SECURE_CROSS_ORIGIN_OPENER_POLICY", [s("bogus"), "None", s("same-origin"), s("")]],
  // 3.2-only E100.
  ["DEFAULT_HASHING_ALGORITHM", [s("sha1"), s("sha256"), s("md5"), s("SHA256"), "None", s("")]],
];

function literalSweeps(): Spec[] {
  const out: Spec[] = [];
  let i = 0;
  for (const [name, values] of LITERAL_SWEEPS) {
    for (const v of values) {
      out.push({ label: `${name} = ${v}`, base: alternatingBase(i++), prod: [`${name} = ${v}`] });
    }
  }
  // SECRET_KEY removed entirely: falls back to the default "", which Django refuses to read (W009).
  out.push({ label: "del SECRET_KEY", base: goodBase(), prod: ["del SECRET_KEY"] });
  return out;
}

/** W005/W021 only fire when SECURE_HSTS_SECONDS is truthy: sweep it with subdomains and preload off. */
function hstsPairSweep(): Spec[] {
  const out: Spec[] = [];
  let i = 0;
  for (const v of ["0", s("0"), "-1", "3600", "None", s(""), "0.5"]) {
    out.push({
      label: `SECURE_HSTS_SECONDS = ${v} with subdomains/preload off`,
      base: alternatingBase(i++),
      prod: [`SECURE_HSTS_SECONDS = ${v}`, "SECURE_HSTS_INCLUDE_SUBDOMAINS = False", "SECURE_HSTS_PRELOAD = False"],
    });
  }
  return out;
}

/** CSRF_USE_SESSIONS decides whether an insecure CSRF cookie matters (W016). */
function csrfUseSessionsSweep(): Spec[] {
  const out: Spec[] = [];
  let i = 0;
  for (const cookie of ["False", "None"]) {
    for (const v of ["True", "False", "1", s(""), s("yes"), "None"]) {
      out.push({
        label: `CSRF_COOKIE_SECURE = ${cookie}, CSRF_USE_SESSIONS = ${v}`,
        base: alternatingBase(i++),
        prod: [`CSRF_COOKIE_SECURE = ${cookie}`, `CSRF_USE_SESSIONS = ${v}`],
      });
    }
  }
  return out;
}

/** INSTALLED_APPS shapes against the session-cookie checks (exact "django.contrib.sessions" membership). */
function installedAppsSweep(): Spec[] {
  const shapes: Array<[string, string]> = [
    ["list with sessions", pyBlock(APPS_WITH_SESSIONS)],
    ["list without sessions", pyBlock(APPS_WITHOUT_SESSIONS)],
    ["AppConfig path instead", pyBlock([...APPS_WITHOUT_SESSIONS, SESS_APPCONFIG])],
    ["tuple with sessions", pyBlock(APPS_WITH_SESSIONS, true)],
    ["tuple without sessions", pyBlock(APPS_WITHOUT_SESSIONS, true)],
    ["AppConfig path only", pyList([SESS_APPCONFIG])],
    ["empty list", "[]"],
  ];
  const cookies: Array<[string, string[]]> = [
    ["insecure session cookie", ["SESSION_COOKIE_SECURE = False"]],
    ["session cookie not httponly", ["SESSION_COOKIE_HTTPONLY = False"]],
  ];
  const out: Spec[] = [];
  let i = 0;
  for (const [shape, apps] of shapes) {
    for (const [what, lines] of cookies) {
      out.push({ label: `INSTALLED_APPS ${shape}; ${what}`, base: alternatingBase(i++), prod: [`INSTALLED_APPS = ${apps}`, ...lines] });
    }
  }
  return out;
}

// --- 2. Middleware subsets ----------------------------------------------------

const WEAK_FLAGS = [
  "SECURE_HSTS_SECONDS = 0",
  "SECURE_SSL_REDIRECT = False",
  "SECURE_CONTENT_TYPE_NOSNIFF = False",
  "SECURE_REFERRER_POLICY = None",
  "X_FRAME_OPTIONS = \"SAMEORIGIN\"",
  "SESSION_COOKIE_SECURE = False",
  "SESSION_COOKIE_HTTPONLY = False",
  "CSRF_COOKIE_SECURE = False",
];
const HALF_FLAGS = [
  "SECURE_HSTS_SECONDS = 3600",
  "SECURE_HSTS_INCLUDE_SUBDOMAINS = False",
  "SECURE_HSTS_PRELOAD = False",
  "SECURE_REFERRER_POLICY = \"origin, nonsense\"",
  "X_FRAME_OPTIONS = \"deny\"",
];

/**
 * Every subset of {Security, Session, Csrf, XFrameOptions} middleware, against
 * strong / weak / half-configured flags and with or without the sessions app:
 * this is what gates W004-W022 and chooses among W010/W011/W012 and W013/W014/W015.
 */
function middlewareSubsets(): Spec[] {
  const four = [SM, SESSM, CM, XM];
  const short = ["Sec", "Sess", "Csrf", "XFO"];
  const out: Spec[] = [];
  for (let mask = 0; mask < 16; mask++) {
    const chosen = four.filter((_, b) => mask & (1 << b));
    const names = short.filter((_, b) => mask & (1 << b)).join("+") || "none";
    // Non-security middleware stays in, as it would in a real project.
    const mw = [COMMONM, ...chosen, AUTHM];
    const tuple = mask % 2 === 1;
    const mwLine = `MIDDLEWARE = ${pyBlock(mw, tuple)}`;
    const profiles: Array<[string, string[], boolean]> = [
      ["strong flags, sessions app", [], true],
      ["weak flags, sessions app", WEAK_FLAGS, true],
      ["weak flags, no sessions app", WEAK_FLAGS, false],
      ["half flags, sessions app", HALF_FLAGS, true],
    ];
    for (const [profile, flags, sessApp] of profiles) {
      const apps = sessApp ? [] : [`INSTALLED_APPS = ${pyBlock(APPS_WITHOUT_SESSIONS, tuple)}`];
      out.push({ label: `middleware ${names} (${tuple ? "tuple" : "list"}); ${profile}`, base: goodBase(), prod: [mwLine, ...apps, ...flags] });
    }
  }
  return out;
}

/** MIDDLEWARE as a str: Django's `in` becomes a substring test. */
function stringMiddleware(): Spec[] {
  const cases: Array<[string, string]> = [
    ["all four, space separated", [SM, SESSM, CM, XM].join(" ")],
    ["security and csrf only, comma separated", [SM, CM].join(",")],
    ["a longer name containing SecurityMiddleware", SM + "Extra"],
    ["empty string", ""],
    ["truncated dotted path only", "django.middleware.security"],
    ["session middleware only", SESSM],
  ];
  const out: Spec[] = [];
  for (const [what, value] of cases) {
    for (const weak of [false, true]) {
      out.push({
        label: `MIDDLEWARE is a str (${what})${weak ? "; weak flags" : ""}`,
        base: goodBase({ explicit: weak }),
        prod: [`MIDDLEWARE = ${s(value)}`, ...(weak ? WEAK_FLAGS : [])],
      });
    }
  }
  return out;
}

// --- 3. Mutations of base lists in production ----------------------------------

function mutations(): Spec[] {
  const listBase = goodBase();
  const tupleBase = goodBase({ tuples: true });
  const noHostsBase = goodBase({ overrides: { ALLOWED_HOSTS: "[]" } });
  const noSessAppBase = goodBase({ overrides: { INSTALLED_APPS: pyBlock(APPS_WITHOUT_SESSIONS) } });
  const noSecMwBase = goodBase({ overrides: { MIDDLEWARE: pyBlock(FULL_MIDDLEWARE.filter((m) => m !== SM)) } });
  const silencedBase = goodBase({ overrides: { SILENCED_SYSTEM_CHECKS: pyList(["security.W008"]) } });

  // [label, base, lines]; each op is paired below with "companion" overrides that
  // would fire a gated check if the mutation did not remove the gate.
  const ops: Array<[string, string, string[], string[]]> = [
    ["MIDDLEWARE += [custom]", listBase, [`MIDDLEWARE += ${pyList(["myproject.middleware.RequestIdMiddleware"])}`], ["DEBUG = True"]],
    ["MIDDLEWARE.append(custom)", listBase, [`MIDDLEWARE.append(${s("myproject.middleware.RequestIdMiddleware")})`], ["SECURE_SSL_REDIRECT = False"]],
    ["MIDDLEWARE.insert(0, whitenoise)", listBase, [`MIDDLEWARE.insert(0, ${s("whitenoise.middleware.WhiteNoiseMiddleware")})`], ["SECURE_HSTS_SECONDS = 0"]],
    ["MIDDLEWARE.extend([custom, custom])", listBase, [`MIDDLEWARE.extend(${pyList(["a.middleware.A", "b.middleware.B"])})`], ["X_FRAME_OPTIONS = \"SAMEORIGIN\""]],
    ["MIDDLEWARE.remove(Csrf)", listBase, [`MIDDLEWARE.remove(${s(CM)})`], ["CSRF_COOKIE_SECURE = False"]],
    ["MIDDLEWARE.remove(Security)", listBase, [`MIDDLEWARE.remove(${s(SM)})`], ["SECURE_SSL_REDIRECT = False", "SECURE_HSTS_SECONDS = 0", "SECURE_REFERRER_POLICY = \"bogus\""]],
    ["MIDDLEWARE.remove(XFrameOptions)", listBase, [`MIDDLEWARE.remove(${s(XM)})`], ["X_FRAME_OPTIONS = \"SAMEORIGIN\""]],
    ["MIDDLEWARE.remove(Session)", listBase, [`MIDDLEWARE.remove(${s(SESSM)})`], ["SESSION_COOKIE_SECURE = False", "SESSION_COOKIE_HTTPONLY = False"]],
    ["MIDDLEWARE.remove(Csrf) then append it back", listBase, [`MIDDLEWARE.remove(${s(CM)})`, `MIDDLEWARE.append(${s(CM)})`], ["CSRF_COOKIE_SECURE = False"]],
    ["MIDDLEWARE.remove(Security) then insert it at 0", listBase, [`MIDDLEWARE.remove(${s(SM)})`, `MIDDLEWARE.insert(0, ${s(SM)})`], ["SECURE_SSL_REDIRECT = False"]],
    ["MIDDLEWARE = MIDDLEWARE + [custom]", listBase, [`MIDDLEWARE = MIDDLEWARE + ${pyList(["myproject.middleware.Timing"])}`], ["SECURE_CONTENT_TYPE_NOSNIFF = False"]],
    ["MIDDLEWARE = [Security] + MIDDLEWARE on a base without it", noSecMwBase, [`MIDDLEWARE = ${pyList([SM])} + MIDDLEWARE`], ["SECURE_SSL_REDIRECT = False"]],
    ["MIDDLEWARE.insert(0, Security) on a base without it", noSecMwBase, [`MIDDLEWARE.insert(0, ${s(SM)})`], ["SECURE_REFERRER_POLICY = None"]],
    ["tuple MIDDLEWARE += (custom,)", tupleBase, [`MIDDLEWARE += ${pyTuple(["myproject.middleware.Timing"])}`], ["SECURE_HSTS_PRELOAD = False"]],
    ["tuple INSTALLED_APPS += (app,)", tupleBase, [`INSTALLED_APPS += ${pyTuple(["myproject.blog"])}`], ["SESSION_COOKIE_SECURE = False"]],
    ["INSTALLED_APPS.remove(sessions)", listBase, [`INSTALLED_APPS.remove(${s(SESS_APP)})`], ["SESSION_COOKIE_SECURE = False", "SESSION_COOKIE_HTTPONLY = False"]],
    ["INSTALLED_APPS += [sessions] on a base without it", noSessAppBase, [`INSTALLED_APPS += ${pyList([SESS_APP])}`], ["SESSION_COOKIE_SECURE = False"]],
    ["INSTALLED_APPS.insert(0, sessions) on a base without it", noSessAppBase, [`INSTALLED_APPS.insert(0, ${s(SESS_APP)})`], ["SESSION_COOKIE_HTTPONLY = 0"]],
    ["INSTALLED_APPS.append(AppConfig) on a base without sessions", noSessAppBase, [`INSTALLED_APPS.append(${s(SESS_APPCONFIG)})`], ["SESSION_COOKIE_SECURE = False"]],
    ["ALLOWED_HOSTS.remove(only host)", listBase, [`ALLOWED_HOSTS.remove(${s("example.com")})`], []],
    ["ALLOWED_HOSTS.remove(only host) then append another", listBase, [`ALLOWED_HOSTS.remove(${s("example.com")})`, `ALLOWED_HOSTS.append(${s("www.example.com")})`], []],
    ["ALLOWED_HOSTS += [host] on an empty base", noHostsBase, [`ALLOWED_HOSTS += ${pyList(["api.example.com"])}`], []],
    ["ALLOWED_HOSTS.append(host) on an empty base", noHostsBase, [`ALLOWED_HOSTS.append(${s("api.example.com")})`], []],
    ["ALLOWED_HOSTS.extend([]) on an empty base", noHostsBase, ["ALLOWED_HOSTS.extend([])"], []],
    ["ALLOWED_HOSTS.extend([a, b]) on an empty base", noHostsBase, [`ALLOWED_HOSTS.extend(${pyList(["a.example.com", "b.example.com"])})`], []],
    ["SILENCED_SYSTEM_CHECKS += [W018] over base [W008]", silencedBase, [`SILENCED_SYSTEM_CHECKS += ${pyList(["security.W018"])}`], ["DEBUG = True", "SECURE_SSL_REDIRECT = False"]],
    ["SILENCED_SYSTEM_CHECKS.append(E023) over base [W008]", silencedBase, [`SILENCED_SYSTEM_CHECKS.append(${s("security.E023")})`], ["SECURE_REFERRER_POLICY = \"bogus\"", "SECURE_SSL_REDIRECT = 0"]],
    ["SILENCED_SYSTEM_CHECKS.remove(W008) over base [W008]", silencedBase, [`SILENCED_SYSTEM_CHECKS.remove(${s("security.W008")})`], ["SECURE_SSL_REDIRECT = False"]],
  ];
  const out: Spec[] = [];
  for (const [label, base, lines, companions] of ops) {
    out.push({ label, base, prod: lines });
    if (companions.length) out.push({ label: `${label}; with ${companions.join("; ")}`, base, prod: [...lines, ...companions] });
  }
  return out;
}

// --- 4. References between settings ---------------------------------------------

function references(): Spec[] {
  const withAlias = goodBase({ extra: ["HSTS_ONE_YEAR = 31536000", "HSTS_NONE = 0"] });
  const cases: Array<[string, string, string[]]> = [
    ["SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE (both True)", goodBase(), ["SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE"]],
    ["SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE after CSRF_COOKIE_SECURE = False", goodBase(), ["CSRF_COOKIE_SECURE = False", "SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE"]],
    ["SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE before CSRF_COOKIE_SECURE = False", goodBase(), ["SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE", "CSRF_COOKIE_SECURE = False"]],
    ["SECURE_HSTS_PRELOAD = SECURE_HSTS_INCLUDE_SUBDOMAINS (True)", goodBase(), ["SECURE_HSTS_PRELOAD = SECURE_HSTS_INCLUDE_SUBDOMAINS"]],
    ["SECURE_HSTS_PRELOAD = SECURE_HSTS_INCLUDE_SUBDOMAINS after subdomains = False", goodBase(), ["SECURE_HSTS_INCLUDE_SUBDOMAINS = False", "SECURE_HSTS_PRELOAD = SECURE_HSTS_INCLUDE_SUBDOMAINS"]],
    ["SECURE_SSL_REDIRECT = not DEBUG (DEBUG False)", goodBase(), ["SECURE_SSL_REDIRECT = not DEBUG"]],
    ["DEBUG = True; SECURE_SSL_REDIRECT = not DEBUG", goodBase(), ["DEBUG = True", "SECURE_SSL_REDIRECT = not DEBUG"]],
    ["SESSION_COOKIE_SECURE = DEBUG", goodBase(), ["SESSION_COOKIE_SECURE = DEBUG"]],
    ["SESSION_COOKIE_HTTPONLY = DEBUG", goodBase(), ["SESSION_COOKIE_HTTPONLY = DEBUG"]],
    ["CSRF_COOKIE_SECURE = SECURE_SSL_REDIRECT after SSL redirect = False", goodBase(), ["SECURE_SSL_REDIRECT = False", "CSRF_COOKIE_SECURE = SECURE_SSL_REDIRECT"]],
    ["SECURE_HSTS_SECONDS = HSTS_ONE_YEAR (constant from base)", withAlias, ["SECURE_HSTS_SECONDS = HSTS_ONE_YEAR"]],
    ["SECURE_HSTS_SECONDS = HSTS_NONE (constant from base)", withAlias, ["SECURE_HSTS_SECONDS = HSTS_NONE"]],
    ["ALLOWED_HOSTS = ALLOWED_HOSTS + [host]", goodBase(), [`ALLOWED_HOSTS = ALLOWED_HOSTS + ${pyList(["api.example.com"])}`]],
    ["DEBUG = SECURE_HSTS_PRELOAD", goodBase(), ["DEBUG = SECURE_HSTS_PRELOAD"]],
  ];
  return cases.map(([label, base, prod]) => ({ label, base, prod }));
}

/**
 * Everyday idioms outside the brief's core list (arithmetic, conditional
 * expressions, chained assignment).  Kept few; the evaluator is expected to
 * handle them because real settings files use them constantly.
 */
function idioms(): Spec[] {
  const cases: Array<[string, string[]]> = [
    ["HSTS as 60 * 60 * 24 * 365", ["SECURE_HSTS_SECONDS = 60 * 60 * 24 * 365"]],
    ["HSTS as 0 * 3600", ["SECURE_HSTS_SECONDS = 0 * 3600"]],
    ["X_FRAME_OPTIONS conditional expression on DEBUG", ["X_FRAME_OPTIONS = \"SAMEORIGIN\" if DEBUG else \"DENY\""]],
    ["DEBUG = True; X_FRAME_OPTIONS conditional expression on DEBUG", ["DEBUG = True", "X_FRAME_OPTIONS = \"SAMEORIGIN\" if DEBUG else \"DENY\""]],
    ["chained assignment of both cookie flags to False", ["SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = False"]],
    ["SECRET_KEY built by concatenation (insecure prefix)", [`SECRET_KEY = "django-insecure-" + ${s(key(40))}`]],
  ];
  return cases.map(([label, prod], i) => ({ label, base: alternatingBase(i), prod }));
}

// --- 5. `if DEBUG:` blocks with a known condition ---------------------------------

function debugBlocks(): Spec[] {
  // Each pair is (then-branch assignment, else-branch assignment); they fire
  // different checks, so the resulting ids show which branch was taken.
  const payloads: Array<[string, string]> = [
    ["SECURE_SSL_REDIRECT = False", "ALLOWED_HOSTS = []"],
    ["SESSION_COOKIE_SECURE = False", "X_FRAME_OPTIONS = \"SAMEORIGIN\""],
    ["SECURE_HSTS_SECONDS = 0", "SECURE_REFERRER_POLICY = None"],
  ];
  const sources: Array<[string, string, string[]]> = [
    ["DEBUG False inherited from base", goodBase(), []],
    ["DEBUG = True in production", goodBase(), ["DEBUG = True"]],
    ["DEBUG = False in production over a DEBUG = True base", goodBase({ overrides: { DEBUG: "True" } }), ["DEBUG = False"]],
  ];
  const out: Spec[] = [];
  for (const [src, base, pre] of sources) {
    for (const cond of ["DEBUG", "not DEBUG"]) {
      for (const withElse of [false, true]) {
        for (const [thenLine, elseLine] of payloads) {
          const body = [`if ${cond}:`, `    ${thenLine}`];
          if (withElse) body.push("else:", `    ${elseLine}`);
          out.push({ label: `${src}; if ${cond}: ${thenLine}${withElse ? `; else: ${elseLine}` : ""}`, base, prod: [...pre, ...body] });
        }
      }
    }
  }
  // A few shapes in base.py itself and nested blocks.
  out.push({
    label: "base decides cookie security with if not DEBUG; production turns DEBUG on",
    base: goodBase({ overrides: { SESSION_COOKIE_SECURE: null, CSRF_COOKIE_SECURE: null }, extra: ["if not DEBUG:", "    SESSION_COOKIE_SECURE = True", "    CSRF_COOKIE_SECURE = True"] }),
    prod: ["DEBUG = True"],
  });
  out.push({
    label: "base decides cookie security with if not DEBUG; production keeps DEBUG off",
    base: goodBase({ overrides: { SESSION_COOKIE_SECURE: null, CSRF_COOKIE_SECURE: null }, extra: ["if not DEBUG:", "    SESSION_COOKIE_SECURE = True", "    CSRF_COOKIE_SECURE = True"] }),
    prod: [],
  });
  out.push({
    label: "nested if DEBUG inside if not DEBUG (dead inner branch)",
    base: goodBase(),
    prod: ["if not DEBUG:", "    SECURE_HSTS_PRELOAD = False", "    if DEBUG:", "        ALLOWED_HOSTS = []"],
  });
  return out;
}

// --- 6. Environment reads with defaults (variables unset) ---------------------------

function envReads(): Spec[] {
  const cases: Array<[string, string[]]> = [
    ["DEBUG from .lower() == 'true' with default 'False'", ['DEBUG = os.environ.get("DJANGO_DEBUG", "False").lower() == "true"']],
    ["DEBUG from .lower() == 'true' with default 'True'", ['DEBUG = os.environ.get("DJANGO_DEBUG", "True").lower() == "true"']],
    ["DEBUG = the raw string default 'False' (truthy)", ['DEBUG = os.environ.get("DJANGO_DEBUG", "False")']],
    ["DEBUG = os.getenv without default (None)", ['DEBUG = os.getenv("DJANGO_DEBUG")']],
    ["DEBUG = os.getenv(X, '1') == '1'", ['DEBUG = os.getenv("DJANGO_DEBUG", "1") == "1"']],
    ["DEBUG = os.getenv(X, '0') == '1'", ['DEBUG = os.getenv("DJANGO_DEBUG", "0") == "1"']],
    ["DEBUG = os.environ.get(X, '') (empty default)", ['DEBUG = os.environ.get("DJANGO_DEBUG", "")']],
    ["HSTS from int(env, '0')", ['SECURE_HSTS_SECONDS = int(os.environ.get("HSTS", "0"))']],
    ["HSTS from int(env, '3600')", ['SECURE_HSTS_SECONDS = int(os.environ.get("HSTS", "3600"))']],
    ["HSTS from the raw string default '0' (truthy)", ['SECURE_HSTS_SECONDS = os.environ.get("HSTS", "0")']],
    ["SSL redirect from bool(int(getenv, '0'))", ['SECURE_SSL_REDIRECT = bool(int(os.getenv("SSL_REDIRECT", "0")))']],
    ["SSL redirect from bool(int(getenv, '1'))", ['SECURE_SSL_REDIRECT = bool(int(os.getenv("SSL_REDIRECT", "1")))']],
    ["SSL redirect = raw string default 'True' (not `is True`)", ['SECURE_SSL_REDIRECT = os.getenv("SSL_REDIRECT", "True")']],
    ["hosts from split(',') of 'a.com,b.com'", ['ALLOWED_HOSTS = os.environ.get("HOSTS", "a.com,b.com").split(",")']],
    ["hosts from split(',') of '' (gives [''], truthy)", ['ALLOWED_HOSTS = os.environ.get("HOSTS", "").split(",")']],
    ["hosts from os.getenv(X, '*') in a list", ['ALLOWED_HOSTS = [os.getenv("DJANGO_ALLOWED_HOSTS", "*")]']],
    ["session cookie from in ('1', 'true') with default '1'", ['SESSION_COOKIE_SECURE = os.environ.get("SESSION_SECURE", "1") in ("1", "true")']],
    ["session cookie from in ('1', 'true') with default '0'", ['SESSION_COOKIE_SECURE = os.environ.get("SESSION_SECURE", "0") in ("1", "true")']],
    ["CSRF cookie = raw string default 'False' (truthy, passes in 3.2)", ['CSRF_COOKIE_SECURE = os.environ.get("CSRF_SECURE", "False")']],
    ["CSRF cookie = os.getenv(X) (None)", ['CSRF_COOKIE_SECURE = os.getenv("CSRF_SECURE")']],
    ["SECRET_KEY from env with a short default", ['SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "dev-only-key")']],
    ["SECRET_KEY from env with a good default", [`SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", ${s(key(55, 3))})`]],
    ["SECRET_KEY = os.getenv(X) (None)", ['SECRET_KEY = os.getenv("DJANGO_SECRET_KEY")']],
    ["X_FRAME_OPTIONS from env default 'SAMEORIGIN'", ['X_FRAME_OPTIONS = os.environ.get("XFO", "SAMEORIGIN")']],
    ["X_FRAME_OPTIONS from env default 'DENY'", ['X_FRAME_OPTIONS = os.getenv("XFO", "DENY")']],
    ["referrer policy from env default 'same-origin, bogus'", ['SECURE_REFERRER_POLICY = os.getenv("REFERRER_POLICY", "same-origin, bogus")']],
    ["referrer policy from env default 'strict-origin'", ['SECURE_REFERRER_POLICY = os.environ.get("REFERRER_POLICY", "strict-origin")']],
    ["preload from env in ('1', 'true') with default 'no'", ['SECURE_HSTS_PRELOAD = os.environ.get("HSTS_PRELOAD", "no") in ("1", "true")']],
    ["nosniff from env .lower() in ('yes', 'true') default 'True'", ['SECURE_CONTENT_TYPE_NOSNIFF = os.getenv("NOSNIFF", "True").lower() in ("yes", "true")']],
    ["if on an env flag that is unset: if os.getenv(X): DEBUG = True", ['if os.getenv("DSH_UNSET_FLAG"):', "    DEBUG = True"]],
  ];
  const out: Spec[] = [];
  cases.forEach(([label, lines], i) => {
    // Most variants import os themselves; every fourth relies on `os` arriving
    // through `from .base import *` (base.py imports it and has no __all__).
    const viaStar = i % 4 === 3;
    out.push({ label: `${label}${viaStar ? " (os from the star import)" : ""}`, base: goodBase({ explicit: i % 2 === 0 }), prod: viaStar ? lines : ["import os", "", ...lines] });
  });
  return out;
}

/**
 * Well-known pitfalls of hand-rolled env parsing and a few common expression
 * shapes around them: bool() of a non-empty string, non-str defaults, boolean
 * operators in conditions, str methods, conditional expressions.
 */
function envPitfalls(): Spec[] {
  const cases: Array<[string, string[]]> = [
    ["bool() of the default 'False' (truthy)", ['DEBUG = bool(os.environ.get("DJANGO_DEBUG", "False"))']],
    ["bool() of the default '' (falsy)", ['DEBUG = bool(os.environ.get("DJANGO_DEBUG", ""))']],
    ["non-str default 0 for HSTS", ['SECURE_HSTS_SECONDS = os.environ.get("HSTS", 0)']],
    ["int() of a non-str default 0", ['SECURE_HSTS_SECONDS = int(os.getenv("HSTS", 0))']],
    ["non-str default False for SSL redirect", ['SECURE_SSL_REDIRECT = os.getenv("SSL_REDIRECT", False)']],
    ["non-str default True for SSL redirect", ['SECURE_SSL_REDIRECT = os.getenv("SSL_REDIRECT", True)']],
    ["reversed comparison 'true' == env.lower()", ['DEBUG = "true" == os.environ.get("DJANGO_DEBUG", "TRUE").lower()']],
    ["lower() in a 3-tuple, default 'false'", ['DEBUG = os.environ.get("DJANGO_DEBUG", "false").lower() in ("1", "true", "yes")']],
    ["!= comparison, default 'off'", ['SESSION_COOKIE_SECURE = os.getenv("SESSION_SECURE", "off") != "off"']],
    ["hosts from split on ', ' with strip in a comprehension", ['ALLOWED_HOSTS = [h.strip() for h in os.environ.get("HOSTS", "a.com, b.com").split(",")]']],
    ["hosts = ['*'] if DEBUG else [] (DEBUG False)", ['ALLOWED_HOSTS = ["*"] if DEBUG else []']],
    ["hosts from env default '' filtered by a comprehension", ['ALLOWED_HOSTS = [h for h in os.environ.get("HOSTS", "").split(",") if h]']],
    ["X_FRAME_OPTIONS = 'sameorigin'.upper()", ['X_FRAME_OPTIONS = "sameorigin".upper()']],
    ["X_FRAME_OPTIONS = env default 'deny' .upper()", ['X_FRAME_OPTIONS = os.getenv("XFO", "deny").upper()']],
    ["referrer policy = env default with .strip()", ['SECURE_REFERRER_POLICY = os.getenv("REFERRER_POLICY", " same-origin ").strip()']],
    ["if not DEBUG and env flag: (flag unset, default '1')", ['if not DEBUG and os.getenv("DSH_UNSET_FLAG", "1") == "1":', "    SECURE_HSTS_PRELOAD = False"]],
    ["if DEBUG or env flag: (both false)", ['if DEBUG or os.getenv("DSH_UNSET_FLAG"):', "    SECURE_SSL_REDIRECT = False"]],
    ["if on a truthy string DEBUG", ['DEBUG = os.environ.get("DJANGO_DEBUG", "False")', "if DEBUG:", "    ALLOWED_HOSTS = []"]],
    ["three names chained to not DEBUG with DEBUG on", ["DEBUG = True", "SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = SECURE_SSL_REDIRECT = not DEBUG"]],
    ["HSTS conditional expression on DEBUG (DEBUG False)", ["SECURE_HSTS_SECONDS = 60 * 60 * 24 * 365 if not DEBUG else 0"]],
    ["SECRET_KEY from an f-string with the insecure prefix", [`SECRET_KEY = f"django-insecure-{'${key(45)}'}"`]],
    ["MIDDLEWARE entry built by concatenation", ['MIDDLEWARE[0] = "django.middleware." + "security.SecurityMiddleware"', "SECURE_SSL_REDIRECT = False"]],
    ["MIDDLEWARE = list(MIDDLEWARE) then remove Csrf", ["MIDDLEWARE = list(MIDDLEWARE)", `MIDDLEWARE.remove(${s(CM)})`]],
    ["MIDDLEWARE filtered by a comprehension (drops Csrf)", ['MIDDLEWARE = [m for m in MIDDLEWARE if "csrf" not in m.lower()]']],
    // The optional local override module does not exist, so the except branch runs.
    ["try: from .local import * / except ImportError: pass (absent)", ["DEBUG = True", "try:", "    from .local import *  # noqa: F401,F403", "except ImportError:", "    pass"]],
    ["try: from .local import * / except ImportError: DEBUG = False", ["DEBUG = True", "try:", "    from .local import *  # noqa: F401,F403", "except ImportError:", "    DEBUG = False"]],
    ["tuple(MIDDLEWARE) + (custom,)", [`MIDDLEWARE = tuple(MIDDLEWARE) + ${pyTuple(["myproject.middleware.Timing"])}`, 'X_FRAME_OPTIONS = "SAMEORIGIN"']],
  ];
  return cases.map(([label, lines], i) => ({ label, base: alternatingBase(i), prod: ["import os", "", ...lines] }));
}

// --- 7. `del` in production (Django's default applies) -------------------------------

function deletions(): Spec[] {
  const explicit = goodBase({ explicit: true });
  const cases: Array<[string, string, string[]]> = [
    ["del SECURE_HSTS_SECONDS", explicit, ["del SECURE_HSTS_SECONDS"]],
    ["del SECURE_HSTS_INCLUDE_SUBDOMAINS", explicit, ["del SECURE_HSTS_INCLUDE_SUBDOMAINS"]],
    ["del SECURE_HSTS_PRELOAD, SECURE_HSTS_INCLUDE_SUBDOMAINS", explicit, ["del SECURE_HSTS_PRELOAD, SECURE_HSTS_INCLUDE_SUBDOMAINS"]],
    ["del SECURE_SSL_REDIRECT", explicit, ["del SECURE_SSL_REDIRECT"]],
    ["del SESSION_COOKIE_SECURE", explicit, ["del SESSION_COOKIE_SECURE"]],
    ["del CSRF_COOKIE_SECURE", explicit, ["del CSRF_COOKIE_SECURE"]],
    ["del X_FRAME_OPTIONS over a SAMEORIGIN base", goodBase({ overrides: { X_FRAME_OPTIONS: s("SAMEORIGIN") } }), ["del X_FRAME_OPTIONS"]],
    ["del SECURE_REFERRER_POLICY over a None base", goodBase({ overrides: { SECURE_REFERRER_POLICY: "None" } }), ["del SECURE_REFERRER_POLICY"]],
    ["del SESSION_COOKIE_HTTPONLY over a False base", goodBase({ overrides: { SESSION_COOKIE_HTTPONLY: "False" } }), ["del SESSION_COOKIE_HTTPONLY"]],
    ["del SECURE_CONTENT_TYPE_NOSNIFF over a False base", goodBase({ overrides: { SECURE_CONTENT_TYPE_NOSNIFF: "False" } }), ["del SECURE_CONTENT_TYPE_NOSNIFF"]],
    ["del DEBUG over a DEBUG = True base", goodBase({ overrides: { DEBUG: "True" } }), ["del DEBUG"]],
    ["del ALLOWED_HOSTS", explicit, ["del ALLOWED_HOSTS"]],
    ["del MIDDLEWARE", explicit, ["del MIDDLEWARE"]],
    ["del MIDDLEWARE with insecure cookies", explicit, ["del MIDDLEWARE", "SESSION_COOKIE_SECURE = False", "CSRF_COOKIE_SECURE = False"]],
    ["del INSTALLED_APPS with insecure session cookie", explicit, ["del INSTALLED_APPS", "SESSION_COOKIE_SECURE = False"]],
    ["del SILENCED_SYSTEM_CHECKS over a [W018] base; DEBUG = True", goodBase({ overrides: { SILENCED_SYSTEM_CHECKS: pyList(["security.W018"]) } }), ["DEBUG = True", "del SILENCED_SYSTEM_CHECKS"]],
    ["del DEFAULT_HASHING_ALGORITHM over an md5 base", goodBase({ overrides: { DEFAULT_HASHING_ALGORITHM: s("md5") } }), ["del DEFAULT_HASHING_ALGORITHM"]],
    ["set then del SECURE_SSL_REDIRECT in production", explicit, ["SECURE_SSL_REDIRECT = True", "del SECURE_SSL_REDIRECT"]],
  ];
  return cases.map(([label, base, prod]) => ({ label, base, prod }));
}

// --- 8. Item assignment (dicts and lists) ---------------------------------------------

function itemAssignments(): Spec[] {
  const flagsBase = goodBase({ extra: ['SECURITY_FLAGS = {"hsts": 31536000, "ssl": True, "debug": False}'] });
  const dbBase = goodBase({ extra: ['DATABASES = {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": "db.sqlite3"}}'] });
  const cases: Array<[string, string, string[]]> = [
    ["MIDDLEWARE[0] = custom (replaces SecurityMiddleware)", goodBase(), [`MIDDLEWARE[0] = ${s("myproject.middleware.CustomSecurityMiddleware")}`]],
    ["MIDDLEWARE[-1] = custom (replaces XFrameOptionsMiddleware)", goodBase(), [`MIDDLEWARE[-1] = ${s("myproject.middleware.Frames")}`]],
    ["ALLOWED_HOSTS[0] = '' (list stays non-empty)", goodBase(), ['ALLOWED_HOSTS[0] = ""']],
    ["dict item hsts = 0 then read", flagsBase, ['SECURITY_FLAGS["hsts"] = 0', 'SECURE_HSTS_SECONDS = SECURITY_FLAGS["hsts"]']],
    ["dict item ssl = False then read", flagsBase, ['SECURITY_FLAGS["ssl"] = False', 'SECURE_SSL_REDIRECT = SECURITY_FLAGS["ssl"]']],
    ["dict read without change", flagsBase, ['SECURE_HSTS_SECONDS = SECURITY_FLAGS["hsts"]', 'SECURE_SSL_REDIRECT = SECURITY_FLAGS["ssl"]']],
    ["new dict item debug = True then read", flagsBase, ['SECURITY_FLAGS["debug"] = True', 'DEBUG = SECURITY_FLAGS["debug"]']],
    ["DATABASES nested item assignment (no security effect)", dbBase, ['DATABASES["default"]["NAME"] = "/srv/db.sqlite3"']],
    ["CACHES item assignment (no security effect)", goodBase(), ['CACHES = {}', 'CACHES["default"] = {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}']],
  ];
  return cases.map(([label, base, prod]) => ({ label, base, prod }));
}

// --- 9. SILENCED_SYSTEM_CHECKS ---------------------------------------------------------

function silencing(): Spec[] {
  const cases: Array<[string, string[]]> = [
    ["silence W018 with DEBUG on", ["DEBUG = True", `SILENCED_SYSTEM_CHECKS = ${pyList(["security.W018"])}`]],
    ["silence W018 and W020 with both firing", ["DEBUG = True", "ALLOWED_HOSTS = []", `SILENCED_SYSTEM_CHECKS = ${pyList(["security.W018", "security.W020"])}`]],
    ["silence the error E023", ['SECURE_REFERRER_POLICY = "bogus"', `SILENCED_SYSTEM_CHECKS = ${pyList(["security.E023"])}`]],
    ["silence an unrelated id while E023 fires", ['SECURE_REFERRER_POLICY = "bogus"', `SILENCED_SYSTEM_CHECKS = ${pyList(["security.W018"])}`]],
    ["silence W004 with a tuple", ["SECURE_HSTS_SECONDS = 0", `SILENCED_SYSTEM_CHECKS = ${pyTuple(["security.W004"])}`]],
    ["silence with a str holding two ids (substring test)", ["DEBUG = True", "ALLOWED_HOSTS = []", `SILENCED_SYSTEM_CHECKS = ${s("security.W018,security.W020")}`]],
    ["silence with a str that is a prefix of the id (no match)", ["DEBUG = True", `SILENCED_SYSTEM_CHECKS = ${s("security.W01")}`]],
    ["silence with lower-case id (no match)", ["DEBUG = True", `SILENCED_SYSTEM_CHECKS = ${pyList(["security.w018"])}`]],
    ["silence E100", ['DEFAULT_HASHING_ALGORITHM = "md5"', `SILENCED_SYSTEM_CHECKS = ${pyList(["security.E100"])}`]],
    ["silence one of W012/W016", ["SESSION_COOKIE_SECURE = False", "CSRF_COOKIE_SECURE = False", `SILENCED_SYSTEM_CHECKS = ${pyList(["security.W016"])}`]],
    ["silence W010 while W012 is what fires", ["SESSION_COOKIE_SECURE = False", `SILENCED_SYSTEM_CHECKS = ${pyList(["security.W010", "security.W011"])}`]],
    ["silence W009 with an insecure key", [`SECRET_KEY = ${s("django-insecure-" + key(45))}`, `SILENCED_SYSTEM_CHECKS = ${pyList(["security.W009"])}`]],
    ["empty silence list", ["DEBUG = True", "SILENCED_SYSTEM_CHECKS = []"]],
  ];
  return cases.map(([label, prod], i) => ({ label, base: alternatingBase(i), prod }));
}

// --- 10. Weak bases -------------------------------------------------------------------

/**
 * A startproject-style base fixed by production in every combination of six
 * typical hardening steps: this is how real projects look half-way through.
 */
function startprojectFixes(): Spec[] {
  const fixes: Array<[string, string[]]> = [
    ["DEBUG off", ["DEBUG = False"]],
    ["hosts", [`ALLOWED_HOSTS = ${pyList(["example.com", "www.example.com"])}`]],
    ["key", [`SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", ${s(key(52, 7))})`]],
    ["HSTS", ["SECURE_HSTS_SECONDS = 3600"]],
    ["SSL", ["SECURE_SSL_REDIRECT = True"]],
    ["cookies", ["SESSION_COOKIE_SECURE = True", "CSRF_COOKIE_SECURE = True"]],
  ];
  const base = startprojectBase();
  const out: Spec[] = [];
  for (let mask = 0; mask < 1 << fixes.length; mask++) {
    const chosen = fixes.filter((_, b) => mask & (1 << b));
    const lines = chosen.flatMap(([, l]) => l);
    const needsOs = lines.some((l) => l.includes("os."));
    out.push({
      label: `startproject base; fixes: ${chosen.map(([n]) => n).join(", ") || "none"}`,
      base,
      prod: needsOs ? ["import os", "", ...lines] : lines,
    });
  }
  return out;
}

/** A base without MIDDLEWARE: only production decides which gates exist. */
function bareBaseVariants(): Spec[] {
  const cases: Array<[string, string[]]> = [
    ["nothing added", []],
    ["DEBUG = True only", ["DEBUG = True"]],
    ["MIDDLEWARE = [Security] with no HTTPS settings", [`MIDDLEWARE = ${pyList([SM])}`]],
    ["MIDDLEWARE = [Security, Csrf] with HSTS 60", [`MIDDLEWARE = ${pyList([SM, CM])}`, "SECURE_HSTS_SECONDS = 60"]],
    ["MIDDLEWARE = full list, nothing else", [`MIDDLEWARE = ${pyBlock(FULL_MIDDLEWARE)}`]],
    ["MIDDLEWARE += [Session] onto the default", [`MIDDLEWARE = []`, `MIDDLEWARE += ${pyList([SESSM])}`]],
    ["no sessions app, Session middleware only", [`INSTALLED_APPS = ${pyList(["django.contrib.contenttypes", "django.contrib.auth"])}`, `MIDDLEWARE = ${pyList([SESSM])}`, "SESSION_COOKIE_HTTPONLY = False"]],
    ["everything hardened in production", [`MIDDLEWARE = ${pyBlock(FULL_MIDDLEWARE)}`, "SECURE_HSTS_SECONDS = 31536000", "SECURE_HSTS_INCLUDE_SUBDOMAINS = True", "SECURE_HSTS_PRELOAD = True", "SECURE_SSL_REDIRECT = True", "SESSION_COOKIE_SECURE = True", "CSRF_COOKIE_SECURE = True"]],
  ];
  return cases.map(([label, prod]) => ({ label: `bare base (no MIDDLEWARE); ${label}`, base: bareBase(), prod }));
}

// --- Helper functions, lists known only in part, guards (issue 15) ---------

/** A helper in the style of real projects: reads the variable when it is set, else returns the default. */
const GET_BOOL = [
  "def get_bool_from_env(name, default_value):",
  "    if name in os.environ:",
  "        value = os.environ[name]",
  '        return value.lower() in ("1", "true", "yes")',
  "    return default_value",
  "",
];

const ENV_BOOL_MODULE = [
  "import os",
  "",
  "",
  "def env_bool(name, default=False):",
  "    value = os.environ.get(name)",
  "    if value is None:",
  "        return default",
  '    return value.strip().lower() in ("1", "true", "on")',
  "",
  "",
  "def env_int(name, default=0):",
  "    try:",
  "        return int(os.environ[name])",
  "    except KeyError:",
  "        return default",
  "",
  "",
  "def env_list(name, default=()):",
  '    raw = os.environ.get(name, "")',
  '    return [h.strip() for h in raw.split(",") if h.strip()] or list(default)',
  "",
].join("\n");

/** Helpers defined in production.py or imported from the variant's own utils.py: Django runs them, the CLI evaluates them. */
function helperFunctions(): Spec[] {
  const local: Array<[string, string[]]> = [
    ["DEBUG from a local helper with default True", [...GET_BOOL, 'DEBUG = get_bool_from_env("DJANGO_DEBUG", True)']],
    ["DEBUG from a local helper with default False", [...GET_BOOL, 'DEBUG = get_bool_from_env("DJANGO_DEBUG", False)']],
    ["session cookie from a local helper with keyword default False", [...GET_BOOL, 'SESSION_COOKIE_SECURE = get_bool_from_env(default_value=False, name="SESSION_SECURE")']],
    ["HSTS from a helper with a default parameter", ["def hsts(seconds=0):", "    return int(os.environ.get(\"HSTS\", seconds))", "", "SECURE_HSTS_SECONDS = hsts()"]],
    ["HSTS from a helper with *args", ["def first(*values):", "    return values[0]", "", "SECURE_HSTS_SECONDS = first(0, 3600)"]],
    ["hosts from a lambda", ['split_hosts = lambda raw: [h for h in raw.split(",") if h]', 'ALLOWED_HOSTS = split_hosts(os.environ.get("HOSTS", ""))']],
    ["XFO from a helper with an early return", ["def xfo(strict):", "    if strict:", '        return "DENY"', '    return "SAMEORIGIN"', "", "X_FRAME_OPTIONS = xfo(False)"]],
    ["redirect from a helper that loops over a literal list", ["def any_set(names):", "    for n in names:", "        if n in os.environ:", "            return True", "    return False", "", 'SECURE_SSL_REDIRECT = any_set(["SSL_REDIRECT", "DSH_UNSET_FLAG"])']],
    ["nested helpers", ["def flag(name, default):", "    return get_bool_from_env(name, default)", "", ...GET_BOOL, 'CSRF_COOKIE_SECURE = flag("CSRF_SECURE", False)']],
  ];
  const imported: Array<[string, string[]]> = [
    ["DEBUG from an imported env_bool, default True", ["from .utils import env_bool", "", 'DEBUG = env_bool("DJANGO_DEBUG", True)']],
    ["DEBUG from an imported env_bool, default False", ["from .utils import env_bool", "", 'DEBUG = env_bool("DJANGO_DEBUG")']],
    ["HSTS from an imported env_int with try/except KeyError", ["from .utils import env_int", "", 'SECURE_HSTS_SECONDS = env_int("HSTS")']],
    ["HSTS from an imported env_int with a default", ["from .utils import env_int", "", 'SECURE_HSTS_SECONDS = env_int("HSTS", 31536000)']],
    ["hosts from an imported env_list (empty)", ["from .utils import env_list", "", 'ALLOWED_HOSTS = env_list("HOSTS")']],
    ["hosts from an imported env_list with a default", ["from .utils import env_list", "", 'ALLOWED_HOSTS = env_list("HOSTS", ["example.com"])']],
    ["cookies from an imported module by its name", ["from . import utils", "", 'SESSION_COOKIE_SECURE = utils.env_bool("SESSION_SECURE")']],
  ];
  const out: Spec[] = [];
  local.forEach(([label, lines], i) => out.push({ label, base: goodBase({ explicit: i % 2 === 0 }), prod: ["import os", "", ...lines] }));
  imported.forEach(([label, lines], i) => out.push({ label, base: goodBase({ explicit: i % 2 === 1 }), prod: lines, extra: { "utils.py": ENV_BOOL_MODULE } }));
  return out;
}

/**
 * Lists rebuilt from themselves in ways the CLI cannot follow whole (an undecided host test, a plugin list from JSON,
 * a slice at a computed index) but Django evaluates: the members the CLI knows are there decide the same checks.
 */
function partialLists(): Spec[] {
  const host = 'if socket.gethostname() == "dsh-no-such-host":';
  const plugins = ["def plugins():", '    return json.loads("[]")', ""];
  const cases: Array<[string, string[], string?]> = [
    ["MIDDLEWARE wrapped under an undecided if, XFO SAMEORIGIN", [host, '    MIDDLEWARE = ["x.Before", *MIDDLEWARE, "x.After"]', 'X_FRAME_OPTIONS = "SAMEORIGIN"']],
    ["MIDDLEWARE wrapped under an undecided if, HSTS off", [host, '    MIDDLEWARE = ["x.Before", *MIDDLEWARE]', "SECURE_HSTS_SECONDS = 0"]],
    ["MIDDLEWARE appended under an undecided if, cookies insecure", [host, '    MIDDLEWARE.append("x.After")', "SESSION_COOKIE_SECURE = False", "CSRF_COOKIE_SECURE = False"]],
    ["MIDDLEWARE replaced without CSRF in both branches", [host, `    MIDDLEWARE = ${pyList([SM, SESSM, XM, "x.Other"])}`, "else:", `    MIDDLEWARE = ${pyList([SM, SESSM, XM])}`]],
    ["INSTALLED_APPS extended with plugins, sessions among the known apps, cookie insecure", [...plugins, "INSTALLED_APPS = list(INSTALLED_APPS)", "INSTALLED_APPS.extend(plugins())", "SESSION_COOKIE_SECURE = False"]],
    ["INSTALLED_APPS without sessions plus plugins, cookie insecure (W011 from the middleware)", [...plugins, `INSTALLED_APPS = [*${pyList(APPS_WITHOUT_SESSIONS)}, *plugins()]`, "SESSION_COOKIE_SECURE = False"]],
    ["INSTALLED_APPS without sessions plus plugins, cookie not httponly", [...plugins, `INSTALLED_APPS = ${pyList(APPS_WITHOUT_SESSIONS)} + plugins()`, "SESSION_COOKIE_HTTPONLY = False"]],
    ["MIDDLEWARE sliced at a computed index around one more entry, preload off", ["i = len(socket.gethostname()) % 3", 'MIDDLEWARE = (*MIDDLEWARE[:i], "x.Silk", *MIDDLEWARE[i:])', "SECURE_HSTS_PRELOAD = False"]],
    ["MIDDLEWARE sliced at a known index", ['i = MIDDLEWARE.index("django.middleware.common.CommonMiddleware")', 'MIDDLEWARE = [*MIDDLEWARE[:i], "x.Silk", *MIDDLEWARE[i:]]', 'X_FRAME_OPTIONS = "SAMEORIGIN"']],
    ["list(MIDDLEWARE) + plugins, nosniff off", [...plugins, "MIDDLEWARE = list(MIDDLEWARE) + plugins()", "SECURE_CONTENT_TYPE_NOSNIFF = False"]],
    ["MIDDLEWARE inserted at a computed place", ["MIDDLEWARE = list(MIDDLEWARE)", 'MIDDLEWARE.insert(len(socket.gethostname()) % 4, "x.Silk")', "SECURE_SSL_REDIRECT = False"]],
    ["an entry removed from a partial list, HSTS off", [...plugins, "MIDDLEWARE = list(MIDDLEWARE) + plugins()", `MIDDLEWARE.remove(${s(COMMONM)})`, "SECURE_HSTS_SECONDS = 0"]],
    ["a required read caught by try/except KeyError", ["try:", '    X_FRAME_OPTIONS = os.environ["XFO"]', "except KeyError:", '    X_FRAME_OPTIONS = "SAMEORIGIN"']],
  ];
  return cases.map(([label, lines], i) => ({ label, base: goodBase({ explicit: i % 2 === 0 }), prod: ["import json", "import socket", "", ...lines] }));
}

/** Tests on the environment that the unset variable decides, and reads guarded by them. */
function guards(): Spec[] {
  const cases: Array<[string, string[]]> = [
    ["DEBUG on only if a variable is set (in os.environ)", ['if "DJANGO_DEBUG" in os.environ:', "    DEBUG = True"]],
    ["DEBUG on unless a variable is set (not in os.environ)", ['if "DSH_UNSET_FLAG" not in os.environ:', "    DEBUG = True"]],
    ["HSTS read only when set (os.environ.get guard)", ['if os.environ.get("HSTS"):', '    SECURE_HSTS_SECONDS = int(os.environ["HSTS"])', "else:", "    SECURE_HSTS_SECONDS = 0"]],
    ["session cookie from a membership test", ['SESSION_COOKIE_SECURE = "SESSION_SECURE" in os.environ']],
    ["DEBUG = os.getenv with a False default", ['DEBUG = os.getenv("DJANGO_DEBUG", False)']],
    ["XFO from a guarded read with a default", ['X_FRAME_OPTIONS = os.environ["XFO"] if "XFO" in os.environ else "SAMEORIGIN"']],
    ["cookies set in a loop over a literal list", ['for name in ["SESSION_COOKIE_SECURE", "CSRF_COOKIE_SECURE"]:', "    globals()[name] = False"]],
    ["an import made optional by contextlib.suppress", ["from contextlib import suppress", "", "with suppress(ImportError):", "    from .local_settings_missing import *  # noqa", "SECURE_SSL_REDIRECT = False"]],
  ];
  return cases.map(([label, lines], i) => ({ label, base: goodBase({ explicit: i % 2 === 1 }), prod: ["import os", "", ...lines] }));
}

// ---------------------------------------------------------------------------
// Public API

/** All variants, numbered v001, v002, ... in a fixed order. */
export function generateVariants(): Variant[] {
  const specs: Spec[] = [
    ...literalSweeps(),
    ...hstsPairSweep(),
    ...csrfUseSessionsSweep(),
    ...installedAppsSweep(),
    ...middlewareSubsets(),
    ...stringMiddleware(),
    ...mutations(),
    ...references(),
    ...idioms(),
    ...debugBlocks(),
    ...envReads(),
    ...envPitfalls(),
    ...deletions(),
    ...itemAssignments(),
    ...silencing(),
    ...startprojectFixes(),
    ...bareBaseVariants(),
    ...helperFunctions(),
    ...partialLists(),
    ...guards(),
  ];
  const width = Math.max(3, String(specs.length).length);
  return specs.map((spec, i) => {
    const name = `v${String(i + 1).padStart(width, "0")}`;
    return {
      name,
      files: {
        [`${name}/__init__.py`]: "",
        [`${name}/base.py`]: spec.base,
        [`${name}/production.py`]: production(spec),
        ...Object.fromEntries(Object.entries(spec.extra ?? {}).map(([file, text]) => [`${name}/${file}`, text])),
      },
    };
  });
}

/** Writes every variant under `dir` (created if needed) and returns them. */
export function writeVariants(dir: string, variants: Variant[] = generateVariants()): Variant[] {
  for (const v of variants) {
    for (const [rel, text] of Object.entries(v.files)) {
      const file = path.join(dir, rel);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, text);
    }
  }
  return variants;
}

// `node out/test/differential/variants.js DIR` writes the variants for manual runs of the oracle.
if (require.main === module) {
  const dir = process.argv[2];
  if (!dir) {
    process.stderr.write("usage: node out/test/differential/variants.js DIR\n");
    process.exit(2);
  }
  const vs = writeVariants(dir);
  process.stdout.write(`${vs.length} variants written to ${dir}\n`);
}
