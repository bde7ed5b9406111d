// Resolver: environment reads (os, django-environ, decouple, dj-database-url) evaluated with every variable unset,
// the wrappers settings put around them, and the dependency list naming the variable.
import assert from "node:assert/strict";
import { test } from "node:test";
import { envReadsOf } from "../../server/src/resolve/values";
import { lone, reads, repr } from "./resolveHelpers";

test("os.environ.get / os.getenv: the default, or None without one", async () => {
  const env = await lone(
    'import os\nA = os.environ.get("A")\nB = os.environ.get("B", "dflt")\nC = os.getenv("C", "x")\nD = os.getenv("D")\nE = os.environ.get("E", default="kw")\n',
  );
  assert.deepEqual(["A", "B", "C", "D", "E"].map((n) => repr(env, n)), ["None", "'dflt'", "'x'", "None", "'kw'"]);
  assert.deepEqual(reads(env.get("A").value), [["A", "os.environ.get", true, "None"]]);
  assert.deepEqual(reads(env.get("B").value), [["B", "os.environ.get", true, "'dflt'"]]);
  assert.deepEqual(reads(env.get("C").value), [["C", "os.getenv", true, "'x'"]]);
});

test('os.environ["X"] is unknown and required', async () => {
  const env = await lone('import os\nSECRET_KEY = os.environ["DJANGO_SECRET_KEY"]\n');
  const v = env.get("SECRET_KEY").value;
  assert.equal(v.k, "unknown");
  assert.deepEqual(reads(v), [["DJANGO_SECRET_KEY", "os.environ[]", false, undefined]]);
  assert.equal(envReadsOf(v)[0].loc.range.start.line, 1);
});

test("from os import environ, getenv works like the os.* forms", async () => {
  const env = await lone('from os import environ, getenv\nA = environ.get("A", "e")\nB = getenv("B")\nC = environ["C"]\n');
  assert.deepEqual(reads(env.get("A").value), [["A", "os.environ.get", true, "'e'"]]);
  assert.equal(repr(env, "A"), "'e'");
  assert.deepEqual(reads(env.get("B").value), [["B", "os.getenv", true, "None"]]);
  assert.equal(env.get("C").value.k, "unknown");
  assert.deepEqual(reads(env.get("C").value), [["C", "os.environ[]", false, undefined]]);
});

test("wrappers: .lower() == 'true', int(), bool(int()), .split(','), in (...)", async () => {
  const env = await lone(
    [
      "import os",
      'A = os.environ.get("A", "False").lower() == "true"',
      'B = int(os.environ.get("B", "42"))',
      'C = bool(int(os.environ.get("C", "0")))',
      'D = os.environ.get("D", "a.example,b.example").split(",")',
      'E = os.environ.get("E", "1") in ("1", "true")',
      'F = os.getenv("F", "no").lower() in ["1", "true", "yes"]',
      'G = int(os.environ.get("G", "abc"))',
      "",
    ].join("\n"),
  );
  assert.deepEqual(["A", "B", "C", "D", "E", "F"].map((n) => repr(env, n)), ["False", "42", "False", "['a.example', 'b.example']", "True", "False"]);
  for (const n of ["A", "B", "C", "D", "E", "F"]) assert.deepEqual(envReadsOf(env.get(n).value).map((r) => r.variable), [n], n);
  // int("abc") raises ValueError: the settings would not load, so the value is not known.
  assert.equal(env.get("G").value.k, "unknown");
  assert.deepEqual(envReadsOf(env.get("G").value).map((r) => r.variable), ["G"]);
});

test("django-environ: scheme defaults, typed methods, uncast defaults", async () => {
  const env = await lone(
    [
      "import environ",
      'env = environ.Env(DEBUG=(bool, False), HOSTS=(list, ["a.example"]))',
      "environ.Env.read_env()",
      'DEBUG = env("DEBUG")',
      'B = env.bool("B", default=True)',
      'S = env.bool("S", default="False")',
      'L = env.list("L", default=["h"])',
      'H = env("HOSTS")',
      'I = env.int("I", default=3)',
      'R = env.str("R")',
      'P = env.bool("P", default="False", parse_default=True)',
      "",
    ].join("\n"),
  );
  assert.equal(repr(env, "DEBUG"), "False");
  assert.deepEqual(reads(env.get("DEBUG").value), [["DEBUG", "env", true, "False"]]);
  assert.equal(repr(env, "B"), "True");
  assert.deepEqual(reads(env.get("B").value), [["B", "env.bool", true, "True"]]);
  // django-environ returns an unset variable's default as written: the string "False", which is truthy.
  assert.equal(env.get("S").value.k, "str");
  assert.equal(repr(env, "S"), "'False'");
  assert.equal(repr(env, "L"), "['h']");
  assert.equal(repr(env, "H"), "['a.example']");
  assert.equal(repr(env, "I"), "3");
  assert.equal(env.get("R").value.k, "unknown");
  assert.deepEqual(reads(env.get("R").value), [["R", "env.str", false, undefined]]);
  // parse_default=True casts the default.
  assert.equal(repr(env, "P"), "False");
});

test("django-environ env.db with a default parses the URL into a DATABASES entry", async () => {
  const env = await lone('import environ\nenv = environ.Env()\nDATABASES = {"default": env.db("DATABASE_URL", default="postgres://u:p@h:5432/db")}\n');
  const v = env.get("DATABASES").value;
  assert.equal(
    repr(env, "DATABASES"),
    "{'default': {'NAME': 'db', 'USER': 'u', 'PASSWORD': 'p', 'HOST': 'h', 'PORT': 5432, 'ENGINE': 'django.db.backends.postgresql'}}",
  );
  assert.deepEqual(reads(v).map((r) => r.slice(0, 3)), [["DATABASE_URL", "env.db", true]]);
});

test("decouple config(): defaults are cast, Csv() splits, no default is required", async () => {
  const env = await lone(
    [
      "from decouple import config, Csv",
      'DEBUG = config("DEBUG", default=False, cast=bool)',
      'ALLOWED_HOSTS = config("ALLOWED_HOSTS", default="a,b", cast=Csv())',
      'SSL = config("SSL", default="True", cast=bool)',
      'N = config("N", default="5", cast=int)',
      'RAW = config("RAW", default="x")',
      'SECRET_KEY = config("SECRET_KEY")',
      "",
    ].join("\n"),
  );
  assert.equal(repr(env, "DEBUG"), "False");
  assert.deepEqual(reads(env.get("DEBUG").value), [["DEBUG", "config", true, "False"]]);
  assert.equal(repr(env, "ALLOWED_HOSTS"), "['a', 'b']");
  assert.equal(repr(env, "SSL"), "True");
  assert.equal(repr(env, "N"), "5");
  assert.equal(repr(env, "RAW"), "'x'");
  assert.equal(env.get("SECRET_KEY").value.k, "unknown");
  assert.deepEqual(reads(env.get("SECRET_KEY").value), [["SECRET_KEY", "config", false, undefined]]);
});

test("dj_database_url.config(default=sqlite, conn_max_age=600)", async () => {
  const env = await lone('import dj_database_url\nDATABASES = {"default": dj_database_url.config(default="sqlite:///db.sqlite3", conn_max_age=600)}\n');
  assert.equal(
    repr(env, "DATABASES"),
    "{'default': {'NAME': 'db.sqlite3', 'USER': '', 'PASSWORD': '', 'HOST': '', 'PORT': '', 'ENGINE': 'django.db.backends.sqlite3', 'CONN_MAX_AGE': 600}}",
  );
  assert.deepEqual(reads(env.get("DATABASES").value), [["DATABASE_URL", "dj_database_url.config", true, "'sqlite:///db.sqlite3'"]]);
});

test("an env read nested in a container is found by envReadsOf", async () => {
  const env = await lone('import os\nCACHES = {"default": {"LOCATION": os.environ.get("REDIS_URL", "redis://localhost")}}\n');
  assert.deepEqual(envReadsOf(env.get("CACHES").value).map((r) => r.variable), ["REDIS_URL"]);
});

test("django-environ: a scheme spread from a dict (`Env(A=(bool, False), **MORE)`) keeps every entry's default", async () => {
  const env = await lone("import environ\nMORE = {'DD_SECURE': (bool, False)}\nenv = environ.Env(DD_DEBUG=(bool, True), **MORE)\nDEBUG = env('DD_DEBUG')\nSESSION_COOKIE_SECURE = env('DD_SECURE')\n");
  assert.equal(repr(env, "DEBUG"), "True");
  assert.equal(repr(env, "SESSION_COOKIE_SECURE"), "False");
  assert.deepEqual(reads(env.get("SESSION_COOKIE_SECURE").value).map((r) => r[0]), ["DD_SECURE"]);
});

test("a **spread that is not a known dict leaves the call unknown", async () => {
  const env = await lone("import environ\nenv = environ.Env(**load())\nDEBUG = env('DD_DEBUG')\n");
  assert.equal(env.get("DEBUG").value.k, "unknown");
});

test("django-environ: email_url's default parses into the EMAIL_* settings django-environ gives", async () => {
  const env = await lone(
    "import environ\nenv = environ.Env()\nA = env.email_url('EMAIL_URL', default='smtp+tls://u%40x.com:pw@Mail.Example.com:587/?timeout=5&local_hostname=h')\nB = env.email_url('B_URL', default='consolemail://')\n",
  );
  assert.equal(
    repr(env, "A"),
    "{'EMAIL_FILE_PATH': '', 'EMAIL_HOST_USER': 'u@x.com', 'EMAIL_HOST_PASSWORD': 'pw', 'EMAIL_HOST': 'mail.example.com', 'EMAIL_PORT': 587, 'EMAIL_BACKEND': 'django.core.mail.backends.smtp.EmailBackend', 'EMAIL_USE_TLS': True, 'OPTIONS': {'TIMEOUT': 5, 'LOCAL_HOSTNAME': 'h'}}",
  );
  assert.equal(
    repr(env, "B"),
    "{'EMAIL_FILE_PATH': '', 'EMAIL_HOST_USER': None, 'EMAIL_HOST_PASSWORD': None, 'EMAIL_HOST': None, 'EMAIL_PORT': None, 'EMAIL_BACKEND': 'django.core.mail.backends.console.EmailBackend'}",
  );
});
