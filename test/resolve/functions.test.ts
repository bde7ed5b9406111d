// Resolver: the project's own helper functions, evaluated with every env var unset, bounded, never executed.
import assert from "node:assert/strict";
import { test } from "node:test";
import { envReadsOf, pyRepr } from "../../server/src/resolve/values";
import { environment, lone, repr } from "./resolveHelpers";

const GET_BOOL = [
  "import os, ast",
  "def get_bool_from_env(name, default_value):",
  "    if name in os.environ:",
  "        value = os.environ[name]",
  "        try:",
  "            return ast.literal_eval(value)",
  "        except ValueError as e:",
  '            raise ValueError("bad") from e',
  "    return default_value",
  "",
].join("\n");

const rows: Array<{ name: string; code: string; setting: string; want: string; vars?: string[] }> = [
  { name: "a guard on os.environ falls through to the default, which depends on the variable", code: GET_BOOL + 'DEBUG = get_bool_from_env("DEBUG", True)', setting: "DEBUG", want: "True", vars: ["DEBUG"] },
  { name: "keyword arguments and defaults bind as Python binds them", code: "def f(a, b=2, *, c=3):\n    return [a, b, c]\nX = f(1, c=4)", setting: "X", want: "[1, 2, 4]" },
  { name: "*args and **kwargs collect the rest", code: "def f(a, *rest, **kw):\n    return (a, rest, kw)\nX = f(1, 2, 3, k=4)", setting: "X", want: "(1, (2, 3), {'k': 4})" },
  { name: "os.environ.get(name) is None: the default is returned", code: 'import os\ndef env_bool(name, default=False):\n    value = os.environ.get(name)\n    if value is None:\n        return default\n    return value.lower() in ("1", "true")\nDEBUG = env_bool("DJANGO_DEBUG", True)', setting: "DEBUG", want: "True", vars: ["DJANGO_DEBUG"] },
  { name: "a return inside a decided if", code: "def f(x):\n    if x:\n        return 'yes'\n    return 'no'\nX = f(0)", setting: "X", want: "'no'" },
  { name: "returns on undecidable paths make the result unknown", code: "import socket\ndef f():\n    if socket.gethostname() == 'a':\n        return 1\n    return 2\nX = f()", setting: "X", want: "<unknown>" },
  { name: "paths that agree keep the value", code: "import socket\ndef f():\n    if socket.gethostname() == 'a':\n        return 1\n    return 1\nX = f()", setting: "X", want: "1" },
  { name: "a helper that falls off the end returns None", code: "def f():\n    y = 1\nX = f()", setting: "X", want: "None" },
  { name: "a helper that always raises is unknown", code: "def f():\n    raise ImproperlyConfigured('x')\nX = f()", setting: "X", want: "<unknown>" },
  { name: "try/except catches a raise in the helper", code: "def f():\n    try:\n        raise KeyError('x')\n    except KeyError:\n        return 'fallback'\nX = f()", setting: "X", want: "'fallback'" },
  { name: "a list comprehension over the argument", code: 'def get_list(text):\n    return [i.strip() for i in text.split(",")]\nX = get_list("a, b")', setting: "X", want: "['a', 'b']" },
  { name: "a loop over a known list accumulates", code: "def f(xs):\n    out = []\n    for x in xs:\n        out.append(x * 2)\n    return out\nX = f([1, 2])", setting: "X", want: "[2, 4]" },
  { name: "a lambda is called like a def", code: "F = lambda a, b=3: a + b\nX = F(1)", setting: "X", want: "4" },
  { name: "a closure sees the enclosing function's locals", code: "def outer(a):\n    def inner():\n        return a\n    return inner()\nX = outer(5)", setting: "X", want: "5" },
  { name: "a helper sees module names as they are when it is called", code: "def f():\n    return BASE + 1\nBASE = 1\nX = f()", setting: "X", want: "2" },
  { name: "unbounded recursion stops at the depth bound, unknown", code: "def f(n):\n    return f(n + 1)\nX = f(0)", setting: "X", want: "<unknown>" },
  { name: "too many arguments is a TypeError: unknown", code: "def f(a):\n    return a\nX = f(1, 2)", setting: "X", want: "<unknown>" },
  { name: "a decorated helper is not followed", code: "@register\ndef f():\n    return 1\nX = f()", setting: "X", want: "<unknown>" },
  { name: "lru_cache keeps the helper followed", code: "import functools\n@functools.lru_cache\ndef f():\n    return 1\nX = f()", setting: "X", want: "1" },
  { name: "a helper that appends to a global hands the caller what its body left", code: 'APPS = ["a"]\ndef add():\n    APPS.append("b")\nadd()\nX = APPS', setting: "X", want: "['a', 'b']" },
  { name: "a helper that rebinds a global hands the caller the new value", code: "DEBUG = False\ndef on():\n    global DEBUG\n    DEBUG = True\non()\nX = DEBUG", setting: "X", want: "True" },
  { name: "a helper whose append sits under a test decided false leaves the global as it was (paperless)", code: 'import os\nMIDDLEWARE = ["a"]\ndef remote_user():\n    global MIDDLEWARE\n    enable = os.environ.get("REMOTE_USER")\n    if enable:\n        MIDDLEWARE.append("b")\n    return "HTTP_REMOTE_USER"\nHEADER = remote_user()\nX = MIDDLEWARE', setting: "X", want: "['a']" },
  { name: "a helper that may append on an undecided path leaves the global unknown", code: 'import socket\nAPPS = ["a"]\ndef add():\n    if socket.gethostname() == "x":\n        APPS.append("b")\nadd()\nX = APPS', setting: "X", want: "<unknown>" },
  { name: "a helper that returns early before changing a global leaves it unknown", code: 'import socket\nAPPS = ["a"]\ndef add():\n    if socket.gethostname() == "x":\n        return\n    APPS.append("b")\nadd()\nX = APPS', setting: "X", want: "<unknown>" },
  { name: "a helper's local list of the same name is its own", code: 'APPS = ["a"]\ndef f():\n    APPS = []\n    APPS.append("b")\n    return APPS\nY = f()\nX = APPS', setting: "X", want: "['a']" },
  { name: "a helper that sets a key of a global dict hands it back", code: 'CACHES = {"default": {}}\ndef f():\n    CACHES["default"]["BACKEND"] = "x"\nf()\nX = CACHES', setting: "X", want: "{'default': {'BACKEND': 'x'}}" },
  { name: "a helper that appends to its argument makes the caller's list unknown", code: 'APPS = ["a"]\ndef add(apps):\n    apps.append("b")\nadd(APPS)\nX = APPS', setting: "X", want: "<unknown>" },
  { name: "a loop that returns from inside and is not followed is unknown", code: "def f(xs):\n    for x in xs:\n        if x:\n            break\n    return 1\nX = f(get())", setting: "X", want: "1" },
];

for (const row of rows) {
  test(`helper function: ${row.name}`, async () => {
    const env = await lone(row.code + "\n");
    assert.equal(repr(env, row.setting), row.want);
    if (row.vars) assert.deepEqual([...new Set(envReadsOf(env.get(row.setting).value).map((r) => r.variable))], row.vars);
  });
}

test("helper function: imported from a project module (`from .utils import env_bool`)", async () => {
  const { env } = await environment(
    {
      "proj/__init__.py": "",
      "proj/utils.py": 'import os\ndef env_bool(name, default=False):\n    v = os.environ.get(name)\n    return default if v is None else v.lower() == "true"\n',
      "proj/settings.py": 'from .utils import env_bool\nDEBUG = env_bool("DEBUG", True)\n',
    },
    "proj.settings",
  );
  assert.equal(repr(env, "DEBUG"), "True");
  assert.deepEqual(envReadsOf(env.get("DEBUG").value).map((r) => r.variable), ["DEBUG"]);
  assert.ok(env.result.envReads.some((r) => r.variable === "DEBUG"), "the read inside the helper is recorded for the inventory");
});

test("helper function: a huge loop runs into the statement bound and is unknown, quickly", async () => {
  const t0 = Date.now();
  const env = await lone("def f():\n    n = 0\n    for i in range_(1):\n        n += 1\n    return g(g(g(g(g(g(g(g(g(1)))))))))\ndef g(x):\n    for a in [1] * 150:\n        for b in [1] * 150:\n            x += 1\n    return x\nX = f()\n");
  assert.equal(env.get("X").value.k, "unknown");
  assert.ok(Date.now() - t0 < 10000, "hang guard: finishes within 10 s");
});

test("helper function: the debug-enabled message names the variable the helper read", async () => {
  const env = await lone(GET_BOOL + 'DEBUG = get_bool_from_env("DEBUG", True)\n');
  assert.equal(pyRepr(env.get("DEBUG").value), "True");
});

test("try/except KeyError around a required read takes the handler while the variable is unset", async () => {
  const env = await lone('import os\ntry:\n    X_FRAME_OPTIONS = os.environ["XFO"]\nexcept KeyError:\n    X_FRAME_OPTIONS = "SAMEORIGIN"\n');
  assert.equal(repr(env, "X_FRAME_OPTIONS"), "'SAMEORIGIN'");
});

test("a handler that raises again keeps the read required (the settings do not load without it)", async () => {
  const env = await lone('import os\ntry:\n    SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]\nexcept KeyError:\n    raise ImproperlyConfigured("set it")\n');
  const v = env.get("SECRET_KEY");
  assert.equal(v.isDefault, false);
  assert.equal(v.value.k, "unknown");
  assert.ok(env.result.envReads.some((r) => r.variable === "DJANGO_SECRET_KEY" && !r.hasDefault));
});

test("`from . import utils` then utils.helper(...) calls the project's helper", async () => {
  const { env } = await environment(
    {
      "proj/__init__.py": "",
      "proj/utils.py": 'import os\ndef env_bool(name, default=False):\n    return os.environ.get(name, "") == "1" or default\n',
      "proj/settings.py": 'from . import utils\nDEBUG = utils.env_bool("DEBUG", True)\n',
    },
    "proj.settings",
  );
  assert.equal(repr(env, "DEBUG"), "True");
});

test("a loop that merges an undecided value each time stays small and quick (found by the engine fuzzer)", async () => {
  const t0 = Date.now();
  const env = await lone('import socket\nX = ["a"]\nfor c in "' + "x".repeat(150) + '":\n    if socket.gethostname() == c:\n        X += get()\nY = "a" in X\n');
  assert.ok(Date.now() - t0 < 10000, "hang guard: within 10 s");
  assert.equal(env.get("X").value.k, "unknown");
});

test("a loop body that extends the list it walks walks only what was there", async () => {
  const env = await lone('X = ["a", "b"]\nfor m in X:\n    X += [m + "!"]\n');
  assert.equal(repr(env, "X"), "['a', 'b', 'a!', 'b!']");
});
