// fast-check arbitraries for Django settings source: a Python grammar biased towards what settings modules contain.
import fc from "fast-check";

/** Settings the rules look at, so generated modules reach the rules' interesting paths and not only the parser's. */
export const SETTING_NAMES = [
  "DEBUG",
  "SECRET_KEY",
  "SECRET_KEY_FALLBACKS",
  "ALLOWED_HOSTS",
  "INSTALLED_APPS",
  "MIDDLEWARE",
  "DATABASES",
  "CACHES",
  "STORAGES",
  "TEMPLATES",
  "LOGGING",
  "PASSWORD_HASHERS",
  "AUTH_PASSWORD_VALIDATORS",
  "SECURE_HSTS_SECONDS",
  "SECURE_HSTS_INCLUDE_SUBDOMAINS",
  "SECURE_HSTS_PRELOAD",
  "SECURE_SSL_REDIRECT",
  "SECURE_PROXY_SSL_HEADER",
  "SECURE_CONTENT_TYPE_NOSNIFF",
  "SECURE_REFERRER_POLICY",
  "SECURE_CROSS_ORIGIN_OPENER_POLICY",
  "SESSION_COOKIE_SECURE",
  "SESSION_COOKIE_HTTPONLY",
  "SESSION_COOKIE_SAMESITE",
  "CSRF_COOKIE_SECURE",
  "CSRF_TRUSTED_ORIGINS",
  "X_FRAME_OPTIONS",
  "SILENCED_SYSTEM_CHECKS",
  "CORS_ALLOW_ALL_ORIGINS",
  "CORS_ALLOW_CREDENTIALS",
  "CORS_ALLOWED_ORIGIN_REGEXES",
  "CONTENT_SECURITY_POLICY",
  "EMAIL_BACKEND",
  "EMAIL_HOST_PASSWORD",
  "DEFAULT_FILE_STORAGE",
  "STATICFILES_STORAGE",
  "MEDIA_ROOT",
  "USE_TZ",
  "DATA_UPLOAD_MAX_MEMORY_SIZE",
  "AWS_SECRET_ACCESS_KEY",
  "STRIPE_SECRET_KEY",
  "BASE_DIR",
];
const HELPER_NAMES = ["env", "os", "environ", "config", "x", "_tmp", "base_dir", "Path", "Csv", "dj_database_url", "include", "optional", "__file__"];
const ENV_VARS = ["DJANGO_DEBUG", "DJANGO_SECRET_KEY", "DJANGO_ALLOWED_HOSTS", "DATABASE_URL", "REDIS_URL", "HSTS", "ENV", "SENTRY_DSN", "X"];

const MIDDLEWARE = [
  "django.middleware.security.SecurityMiddleware",
  "django.contrib.sessions.middleware.SessionMiddleware",
  "django.middleware.csrf.CsrfViewMiddleware",
  "django.middleware.clickjacking.XFrameOptionsMiddleware",
  "whitenoise.middleware.WhiteNoiseMiddleware",
  "corsheaders.middleware.CorsMiddleware",
  "debug_toolbar.middleware.DebugToolbarMiddleware",
];

/** String contents the rules care about (weak keys, wildcards, policies), plus ones that stress decoding. */
const STRING_VALUES = [
  "*",
  ".example.com",
  "example.com",
  "DENY",
  "SAMEORIGIN",
  "same-origin",
  "no-referrer",
  "unsafe-none",
  "None",
  "Lax",
  "true",
  "False",
  "1",
  "",
  "django-insecure-3x!m3q#k2v$9pdemo0w7z^0c&r1t(5y)e-h4n6b+u_j%lq2sa",
  "x9!Kq2@Lm4#Zp7$Rt1%Vb6^Nc3&Hd8*Jf5(Gs0)Wy-Ue=Io+Pa[Sl]Dk;Fj:Gh",
  "changeme",
  "sk_live_4eC39HqLyjWDarjtT1zdp7dc",
  "AKIAIOSFODNN7EXAMPLE",
  "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
  "postgres://user:hunter2@db:5432/app",
  "redis://:secret@cache:6379/0",
  "http://example.com",
  "https://example.com",
  "django.db.backends.sqlite3",
  "django.db.backends.postgresql",
  "django.core.cache.backends.filebased.FileBasedCache",
  "django.core.mail.backends.console.EmailBackend",
  "django.contrib.auth.hashers.MD5PasswordHasher",
  "security.W004",
  "security.W0",
  "'unsafe-inline'",
  "HTTP_X_FORWARDED_PROTO",
  ...MIDDLEWARE,
  "é😀\u200b",
  "\\",
  "%s",
  "{}",
];

export function pyStr(s: string): string {
  // JSON escapes are valid Python escapes (\uXXXX included), so JSON.stringify is a faithful str literal.
  return JSON.stringify(s);
}

/**
 * Any code point, lone surrogates included, drawn from ranges rather than from fast-check's grapheme tables, whose
 * construction alone costs seconds.
 */
const anyChar: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 0x1f }).map((c) => String.fromCharCode(c)) },
  { weight: 2, arbitrary: fc.integer({ min: 0xa0, max: 0xd7ff }).map((c) => String.fromCharCode(c)) },
  { weight: 1, arbitrary: fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c)) },
  { weight: 2, arbitrary: fc.integer({ min: 0x10000, max: 0x10ffff }).map((c) => String.fromCodePoint(c)) },
);

const stringLiteral: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...STRING_VALUES).map(pyStr) },
  { weight: 1, arbitrary: fc.constantFrom(...STRING_VALUES).map((s) => `'${s.replace(/\\/g, "\\\\").replace(/'/g, "\\'")}'`) },
  { weight: 2, arbitrary: fc.string({ unit: anyChar, maxLength: 10 }).map(pyStr) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      'r"\\d+\\.example\\.com$"',
      'b"bytes"',
      '"""tri\nple"""',
      "'''x'''",
      '"a" "b"',
      'u"unicode"',
      '"\\x41\\u00e9\\N{EM DASH}"',
      'rb"\\x00"',
      '"line\\\ncontinued"',
      '"\\q"',
    ),
  },
);

const number: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom("0", "1", "-1", "60", "3600", "31536000", "0x10", "0o7", "0b1", "1_000", "1e3", "0.5", "1.0", ".5", "10j", "99999999999999999999999"),
  fc.integer({ min: -1000, max: 100000000 }).map(String),
  fc.double({ noNaN: true, noDefaultInfinity: true }).map((d) => (Number.isInteger(d) && !String(d).includes("e") ? `${d}.0` : String(d)).replace("e+", "e")),
);

const envVar = fc.constantFrom(...ENV_VARS).map(pyStr);

/** Leaves: literals, names, and the env reads the resolver models (judged with every variable unset). */
export const leaf = (expr: fc.Arbitrary<string>): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 4, arbitrary: stringLiteral },
    { weight: 2, arbitrary: number },
    { weight: 2, arbitrary: fc.constantFrom("True", "False", "None", "...") },
    { weight: 2, arbitrary: fc.constantFrom(...SETTING_NAMES, ...HELPER_NAMES) },
    {
      weight: 3,
      arbitrary: fc.tuple(envVar, expr, fc.nat(13)).map(([v, d, k]) =>
        [
          `os.environ.get(${v}, ${d})`,
          `os.environ[${v}]`,
          `os.getenv(${v})`,
          `os.getenv(${v}, ${d})`,
          `env(${v}, default=${d})`,
          `env.bool(${v}, default=${d})`,
          `env.list(${v}, default=[${d}])`,
          `env.int(${v}, ${d})`,
          `env.db(${v}, default=${d})`,
          `config(${v}, default=${d}, cast=bool)`,
          `config(${v}, default=${d}, cast=Csv())`,
          `os.environ.get(${v}, "").lower() in ("1", "true")`,
          `dj_database_url.config(default=${d}, conn_max_age=600)`,
          `environ.Env(${v.slice(1, -1) || "X"}=(bool, ${d}))`,
        ][k],
      ),
    },
  );

/** Compound expressions over `expr` (itself recursive), covering every Expr kind the IR models and some it does not. */
const compound = (expr: fc.Arbitrary<string>): fc.Arbitrary<string> => {
  const items = fc.array(expr, { maxLength: 3 });
  return fc.oneof(
    items.map((xs) => `[${xs.join(", ")}]`),
    items.map((xs) => `(${xs.join(", ")}${xs.length === 1 ? "," : ""})`),
    items.map((xs) => (xs.length ? `{${xs.join(", ")}}` : "set()")),
    fc.array(fc.tuple(expr, expr), { maxLength: 3 }).map((kv) => `{${kv.map(([k, v]) => `${k}: ${v}`).join(", ")}}`),
    fc.tuple(expr, expr).map(([a, b]) => `{**${a}, "K": ${b}}`),
    fc.tuple(expr, items).map(([a, xs]) => `[*${a}, ${xs.join(", ")}]`),
    fc.tuple(expr, expr, fc.constantFrom("+", "-", "*", "/", "//", "%", "|", "&", "**", "<<", "@")).map(([a, b, op]) => `${a} ${op} ${b}`),
    fc.tuple(expr, expr, fc.constantFrom("and", "or")).map(([a, b, op]) => `${a} ${op} ${b}`),
    fc.tuple(expr, expr, fc.constantFrom("==", "!=", "<", ">=", "in", "not in", "is", "is not")).map(([a, b, op]) => `${a} ${op} ${b}`),
    fc.tuple(expr, fc.constantFrom("not ", "-", "+", "~")).map(([a, op]) => `${op}${a}`),
    fc.tuple(expr, expr, expr).map(([a, b, c]) => `${a} if ${b} else ${c}`),
    expr.map((a) => `(${a})`),
    fc.tuple(expr, fc.constantFrom("lower", "upper", "split", "strip", "get", "copy", "items", "resolve", "parent")).map(([a, m]) => `${a}.${m}()`),
    fc.tuple(expr, fc.constantFrom("int", "bool", "str", "list", "tuple", "dict", "len", "float", "Path", "sorted")).map(([a, f]) => `${f}(${a})`),
    fc.tuple(expr, expr).map(([a, b]) => `${a}[${b}]`),
    fc.tuple(expr, expr).map(([a, b]) => `${a}[1:${b}]`),
    expr.map((a) => `Path(__file__).resolve().parent.parent / ${a}`),
    expr.map((a) => `os.path.join(os.path.dirname(os.path.abspath(__file__)), ${a})`),
    fc.tuple(expr, expr).map(([a, b]) => `[x for x in ${a} if x != ${b}]`),
    fc.tuple(expr, expr).map(([a, b]) => `{k: v for k, v in ${a}.items() if ${b}}`),
    fc.tuple(expr, expr).map(([a, b]) => `(y for y in ${a} for z in ${b})`),
    fc.tuple(expr, expr).map(([a, b]) => `{s for s in ${a}} | {${b}}`),
    fc.tuple(expr, expr).map(([a, b]) => `f"{${a}}-{${b}!r:>10}"`),
    expr.map((a) => `f"prefix {${a}} {{literal}}"`),
    expr.map((a) => `"%s://%s" % (${a}, ${a})`),
    expr.map((a) => `"{}".format(${a})`),
    expr.map((a) => `lambda q: ${a}`),
    fc.tuple(expr, expr).map(([a, b]) => `(${a} := ${b})`),
    expr.map((a) => `await ${a}`),
  );
};

/** An expression nested `depth` levels deep in one of several shapes, for the resolver's and parser's recursion limits. */
export const deepExpr: fc.Arbitrary<string> = fc.tuple(fc.integer({ min: 20, max: 320 }), fc.nat(8)).map(([n, k]) => {
  switch (k) {
    case 0:
      return "[".repeat(n) + "1" + "]".repeat(n);
    case 1:
      return "(".repeat(n) + "True" + ")".repeat(n);
    case 2:
      return '{"a": '.repeat(n) + "1" + "}".repeat(n);
    case 3:
      return "not ".repeat(n) + "DEBUG";
    case 4:
      return Array.from({ length: n }, (_, i) => `"p${i}"`).join(" + ");
    case 5:
      return "1 if X else (".repeat(n) + "2" + ")".repeat(n);
    case 6:
      return "-(".repeat(n) + "1" + ")".repeat(n);
    case 7:
      return "f'{".repeat(Math.min(n, 40)) + "1" + "}'".repeat(Math.min(n, 40));
    default:
      return "x.".repeat(n) + "y";
  }
});

export const { expr } = fc.letrec<{ expr: string; leafE: string; compoundE: string }>((tie) => ({
  expr: fc.oneof({ depthSize: "small", maxDepth: 3 }, tie("leafE"), tie("leafE"), tie("leafE"), tie("compoundE")),
  leafE: leaf(tie("expr")),
  compoundE: compound(tie("expr")),
}));

const settingName = fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...SETTING_NAMES) }, { weight: 1, arbitrary: fc.constantFrom(...HELPER_NAMES) });

const importLine = fc.constantFrom(
  "import os",
  "import os.path",
  "import environ",
  "import sys",
  "import dj_database_url",
  "import sentry_sdk",
  "from os import environ, getenv",
  "from decouple import config, Csv",
  "from pathlib import Path",
  "from split_settings.tools import include, optional",
  "from .base import *",
  "from .base import env",
  "from . import base",
  "from proj.settings.base import *",
  "from .missing_module import *",
  "from ..settings import base",
  "from .production import *",
  "import proj.settings.base as base_settings",
  "from __future__ import annotations",
  "env = environ.Env(DJANGO_DEBUG=(bool, False))",
  "environ.Env.read_env()",
  'env.prefix = "DJANGO_"',
  "include('components/common.py', optional('local.py'))",
  'include("components/*.py")',
  "sentry_sdk.init(dsn=os.environ.get('SENTRY_DSN'), send_default_pii=True, traces_sample_rate=1.0)",
);

type Block = string[];

function indent(lines: Block, by = "    "): Block {
  return lines.map((l) => (l.length ? by + l : l));
}

/** Simple statements: every form of write the interpreter distinguishes. */
const simpleStmt: fc.Arbitrary<string> = fc.oneof(
  { weight: 8, arbitrary: fc.tuple(settingName, expr).map(([n, e]) => `${n} = ${e}`) },
  { weight: 1, arbitrary: fc.tuple(settingName, expr).map(([n, e]) => `${n}: bool = ${e}`) },
  { weight: 1, arbitrary: fc.tuple(settingName, settingName, expr).map(([a, b, e]) => `${a} = ${b} = ${e}`) },
  { weight: 1, arbitrary: fc.tuple(settingName, settingName, expr, expr).map(([a, b, e, f]) => `${a}, ${b} = ${e}, ${f}`) },
  { weight: 2, arbitrary: fc.tuple(settingName, expr, fc.constantFrom("+=", "-=", "|=", "*=")).map(([n, e, op]) => `${n} ${op} ${e}`) },
  {
    weight: 3,
    arbitrary: fc
      .tuple(settingName, expr, fc.constantFrom("append", "insert", "extend", "remove", "update", "pop", "clear", "add", "setdefault", "discard"))
      .map(([n, e, m]) => (m === "insert" ? `${n}.insert(0, ${e})` : m === "clear" ? `${n}.clear()` : `${n}.${m}(${e})`)),
  },
  { weight: 2, arbitrary: fc.tuple(settingName, expr, expr).map(([n, k, v]) => `${n}[${k}] = ${v}`) },
  { weight: 1, arbitrary: fc.tuple(expr).map(([v]) => `DATABASES["default"]["CONN_MAX_AGE"] = ${v}`) },
  { weight: 1, arbitrary: fc.tuple(settingName, expr).map(([n, k]) => `del ${n}[${k}]`) },
  { weight: 1, arbitrary: settingName.map((n) => `del ${n}`) },
  { weight: 2, arbitrary: importLine },
  { weight: 1, arbitrary: expr.map((e) => `print(${e})`) },
  { weight: 1, arbitrary: fc.constantFrom("pass", "global X", "assert DEBUG", "raise ImproperlyConfigured('x')", "# just a comment", "", "...", ";") },
);

export const { block } = fc.letrec<{ block: Block; stmt: Block }>((tie) => ({
  block: fc.array(tie("stmt"), { minLength: 1, maxLength: 3 }).map((bs) => bs.flat()),
  stmt: fc.oneof(
    { depthSize: "small", maxDepth: 2 },
    { weight: 10, arbitrary: simpleStmt.map((s) => [s]) },
    {
      weight: 2,
      arbitrary: fc
        .tuple(expr, tie("block"), fc.array(fc.tuple(expr, tie("block")), { maxLength: 2 }), fc.option(tie("block")))
        .map(([t, body, elifs, orelse]) => [
          `if ${t}:`,
          ...indent(body),
          ...elifs.flatMap(([e, b]) => [`elif ${e}:`, ...indent(b)]),
          ...(orelse ? ["else:", ...indent(orelse)] : []),
        ]),
    },
    {
      weight: 2,
      arbitrary: fc
        .tuple(tie("block"), fc.constantFrom("ImportError", "ModuleNotFoundError", "(ImportError, KeyError)", "Exception", "", "KeyError"), tie("block"), fc.boolean())
        .map(([body, exc, handler, fin]) => [
          "try:",
          ...indent(["from .local import *", ...body]),
          exc ? `except ${exc}:` : "except:",
          ...indent(handler),
          ...(fin ? ["finally:", "    pass"] : []),
        ]),
    },
    { weight: 1, arbitrary: fc.tuple(expr, tie("block")).map(([e, b]) => [`for item in ${e}:`, ...indent(b)]) },
    { weight: 1, arbitrary: tie("block").map((b) => ["def helper(value=None):", ...indent(b.length ? b : ["pass"]), "    return value"]) },
    { weight: 1, arbitrary: tie("block").map((b) => ["class Settings:", ...indent(b)]) },
    { weight: 1, arbitrary: fc.tuple(expr, tie("block")).map(([e, b]) => [`with open(${e}) as fh:`, ...indent(b)]) },
    { weight: 1, arbitrary: fc.tuple(expr, tie("block")).map(([e, b]) => [`while ${e}:`, ...indent(b), "    break"]) },
  ),
}));

/** A block nested `n` ifs deep (Python allows 100 indentation levels; beyond that only the parser is exercised). */
export const deepBlock: fc.Arbitrary<Block> = fc.tuple(fc.integer({ min: 10, max: 110 }), simpleStmt).map(([n, s]) => {
  const out: Block = [];
  for (let i = 0; i < n; i++) out.push(" ".repeat(i) + (i % 2 ? "if DEBUG:" : "if not DEBUG:"));
  out.push(" ".repeat(n) + s);
  return out;
});

/** How a line ends and how blocks are indented: CRLF files, tabs and a stray BOM are all seen in real repositories. */
export const style = fc.record({ eol: fc.constantFrom("\n", "\n", "\n", "\r\n"), bom: fc.nat(9).map((n) => n === 0), trailingNewline: fc.boolean() });

export function render(lines: Block, s: { eol: string; bom: boolean; trailingNewline: boolean }): string {
  return (s.bom ? "\ufeff" : "") + lines.join(s.eol) + (s.trailingNewline ? s.eol : "");
}

/** A module body: mostly ordinary statements, sometimes a very deep block. */
export const moduleBody: fc.Arbitrary<Block> = fc.oneof(
  { weight: 16, arbitrary: fc.array(block, { maxLength: 2 }).map((bs) => bs.flat()) },
  { weight: 1, arbitrary: deepBlock },
  { weight: 1, arbitrary: fc.tuple(block, deepExpr).map(([b, e]) => [...b, `DEEP = ${e}`]) },
);

/** The split settings of one project: base, production star-importing it, and optional neighbours. */
export interface SplitSettings {
  base: string;
  production: string;
  development: string;
  init: string;
  local: string;
  component: string;
  djangoVersion: string | undefined;
}

const productionHead = fc.constantFrom(
  ["from .base import *"],
  ["from .base import *  # noqa: F401,F403"],
  ["from proj.settings.base import *"],
  ["from .base import *", "from .base import env"],
  ["import os", "from .base import *"],
  ["try:", "    from .base import *", "except ImportError:", "    pass"],
  ['"""Production settings."""', "from __future__ import annotations", "from .base import *"],
  ["from split_settings.tools import include", "include('base.py')"],
);

const initBody = fc.constantFrom(
  [""],
  ["from .production import *"],
  ["import os", 'if os.environ.get("ENV") == "production":', "    from .production import *", "else:", "    from .development import *"],
  ["from split_settings.tools import include, optional", "include('components/common.py', optional('local.py'))"],
  ["from .base import *", "from .development import *"],
);

const baseHead = fc.constantFrom(
  ["import os"],
  ["import os", "import environ", "env = environ.Env(DJANGO_DEBUG=(bool, False))"],
  ["from decouple import config, Csv"],
  ["from pathlib import Path", "BASE_DIR = Path(__file__).resolve().parent.parent"],
  [],
);

/** Present one time in four: the neighbours matter less than base and production, and each costs a parse. */
function sometimes<T>(arb: fc.Arbitrary<T>): fc.Arbitrary<T | null> {
  return fc.oneof({ weight: 3, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: arb });
}

export const splitSettings: fc.Arbitrary<SplitSettings> = fc
  .record({
    base: fc.tuple(baseHead, moduleBody, style),
    production: fc.tuple(productionHead, moduleBody, style),
    development: sometimes(fc.tuple(moduleBody, style)),
    init: initBody,
    local: sometimes(moduleBody),
    component: sometimes(moduleBody),
    djangoVersion: fc.constantFrom(undefined, "3.2", "4.0", "4.1", "4.2", "5.0", "5.2"),
  })
  .map((r) => ({
    base: render([...r.base[0], ...r.base[1]], r.base[2]),
    production: render([...r.production[0], ...r.production[1]], r.production[2]),
    development: r.development ? render(["from .base import *", ...r.development[0]], r.development[1]) : "from .base import *\nDEBUG = True\n",
    init: r.init.join("\n") + "\n",
    local: r.local ? r.local.join("\n") + "\n" : "",
    component: r.component ? r.component.join("\n") + "\n" : "",
    djangoVersion: r.djangoVersion,
  }));
