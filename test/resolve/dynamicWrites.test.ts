// Resolver: writes to the namespace from outside the code (globals().update, exec, setattr, dynaconf) and their note.
import assert from "node:assert/strict";
import { test } from "node:test";
import { auditSplit, GOOD_BASE } from "../helpers/project";
import { lone, repr } from "./resolveHelpers";

const rows: Array<{ name: string; code: string; dynamic: boolean; known?: Record<string, string> }> = [
  { name: "globals().update(yaml_config)", code: "import yaml\nDEBUG = True\nglobals().update(yaml.safe_load(open('c.yml')))", dynamic: true },
  { name: "vars().update(cfg)", code: "DEBUG = True\nvars().update(load())", dynamic: true },
  { name: "locals().update(cfg)", code: "DEBUG = True\nlocals().update(load())", dynamic: true },
  { name: "exec(open(path).read())", code: "DEBUG = True\nexec(open('local.py').read())", dynamic: true },
  { name: "exec(compile(...), ns)", code: "DEBUG = True\nexec(compile(src, 'x', 'exec'), globals())", dynamic: true },
  { name: "globals()[k] = v with k unknown", code: "DEBUG = True\nfor k, v in load().items():\n    globals()[k] = v", dynamic: true },
  { name: "setattr(sys.modules[__name__], k, v)", code: "import sys\nDEBUG = True\nsetattr(sys.modules[__name__], name(), 1)", dynamic: true },
  { name: "dynaconf's DjangoDynaconf(__name__)", code: "from dynaconf import DjangoDynaconf\nDEBUG = True\nsettings = DjangoDynaconf(__name__)", dynamic: true },
  { name: "settings = Dynaconf(...)", code: "from dynaconf import Dynaconf\nDEBUG = True\nsettings = Dynaconf(settings_files=['s.toml'])", dynamic: true },
  { name: "a settings namespace's update_globals()", code: "DEBUG = True\nns = Namespace()\nns.update_globals()", dynamic: true },
  // readthedocs: a settings class copies its attributes into the module it is handed.
  { name: "a class method handed __name__", code: "DEBUG = True\nclass S:\n    DEBUG = False\nS.load_settings(__name__)", dynamic: true },
  { name: "django_heroku.settings(locals())", code: "import django_heroku\nDEBUG = True\ndjango_heroku.settings(locals())", dynamic: true },
  { name: "a call handed sys.modules[__name__]", code: "import sys\nDEBUG = True\nconfigure(sys.modules[__name__])", dynamic: true },
  { name: "near miss: a helper the analysis follows, handed __name__", code: "DEBUG = True\ndef log(name):\n    return name\nlog(__name__)", dynamic: false, known: { DEBUG: "True" } },
  { name: "near miss: logging.getLogger(__name__) as a statement", code: "import logging\nDEBUG = True\nlogging.getLogger(__name__).setLevel(10)\nlogging.getLogger(__name__)", dynamic: false, known: { DEBUG: "True" } },
  { name: "near miss: printing or logging the module", code: 'import logging, pprint, warnings\nDEBUG = True\nprint("loading", __name__)\nlogger = logging.getLogger("x")\nlogger.debug("loaded %s", __name__)\nwarnings.filterwarnings("ignore", module=__name__)\npprint.pprint(locals())', dynamic: false, known: { DEBUG: "True" } },
  { name: "globals().update with a literal dict writes only its keys", code: 'DEBUG = True\nglobals().update({"ALLOWED_HOSTS": ["a"]})', dynamic: false, known: { DEBUG: "True", ALLOWED_HOSTS: "['a']" } },
  { name: "a loop over a literal list writes only those keys", code: 'import os\nDEBUG = True\nfor k in ["SECRET_KEY", "ALLOWED_HOSTS"]:\n    globals()[k] = os.environ.get(k)', dynamic: false, known: { DEBUG: "True", SECRET_KEY: "None", ALLOWED_HOSTS: "None" } },
  { name: "setattr with a known name writes only it", code: 'import sys\nDEBUG = True\nsetattr(sys.modules[__name__], "X_FRAME_OPTIONS", "SAMEORIGIN")', dynamic: false, known: { DEBUG: "True", X_FRAME_OPTIONS: "'SAMEORIGIN'" } },
];

for (const row of rows) {
  test(`dynamic write: ${row.name}`, async () => {
    const env = await lone(row.code + "\n");
    const debug = env.get("DEBUG").value;
    const hsts = env.get("SECURE_HSTS_SECONDS");
    const notes = env.notes.filter((n) => /replaced from outside the code/.test(n.message));
    if (row.dynamic) {
      assert.ok(debug.k === "unknown" && debug.dynamic, "a value set before the write is possibly overridden");
      assert.ok(hsts.value.k === "unknown" && hsts.value.dynamic, "Django's default may be overridden too");
      assert.equal(notes.length, 1, "one note on that line");
    } else {
      assert.equal(notes.length, 0);
      for (const [k, want] of Object.entries(row.known ?? {})) assert.equal(repr(env, k), want, k);
      assert.equal(repr(env, "SECURE_HSTS_SECONDS"), "0");
    }
  });
}

test("dynamic write: a setting written after the dynamic write is known again", async () => {
  const env = await lone("DEBUG = True\nglobals().update(load())\nDEBUG = False\n");
  assert.equal(repr(env, "DEBUG"), "False");
});

test("dynamic write: an importer of a module with a dynamic write inherits it", async () => {
  const r = await auditSplit(GOOD_BASE + "DEBUG = True\nglobals().update(load_yaml())\n", 'MIDDLEWARE = ["django.middleware.clickjacking.XFrameOptionsMiddleware"]\nX_FRAME_OPTIONS = "SAMEORIGIN"\n');
  // DEBUG and the HSTS default are possibly overridden: silent; what is written after the import is judged.
  const checks = r.checks.filter((c) => c.startsWith("security."));
  assert.ok(checks.includes("security.W019") && checks.includes("security.W001"), checks.join(" "));
  assert.ok(!checks.includes("security.W018") && !checks.includes("security.W004"), checks.join(" "));
  const env = r.audit.project.environments.find((e) => e.name === "proj.settings.production");
  assert.ok(env?.notes.some((n) => /replaced from outside the code/.test(n.message)), "the note is reported");
});

test("dynamic write: the bad case without the write is found (the table's control)", async () => {
  const r = await auditSplit(GOOD_BASE + "DEBUG = True\n", "");
  assert.deepEqual(r.checks.filter((c) => c.startsWith("security.")), ["security.W018"]);
});

test("dynamic write: a helper that updates globals() makes the caller's settings possibly overridden", async () => {
  const env = await lone("DEBUG = True\ndef load():\n    globals().update(read())\nload()\n");
  const v = env.get("DEBUG").value;
  assert.ok(v.k === "unknown" && v.dynamic);
});

// Guarded writes: the test around `globals()[k] = v` bounds which names it can reach; the others stay judged.
const scoped: Array<{ name: string; code: string; reached: string[]; judged: Record<string, string>; note: RegExp }> = [
  {
    name: "a startswith guard in a loop the analysis does not follow",
    code: "DEBUG = True\nSOCIAL_AUTH_KEY = 'x'\nfor k in dir(configuration):\n    if k.startswith('SOCIAL_AUTH_'):\n        globals()[k] = getattr(configuration, k)",
    reached: ["SOCIAL_AUTH_KEY", "SOCIAL_AUTH_OTHER"],
    judged: { DEBUG: "True", SECURE_HSTS_SECONDS: "0" },
    note: /SOCIAL_AUTH_\*/,
  },
  {
    name: "a startswith guard with a tuple of prefixes, under an undecided if",
    code: "DEBUG = True\nfor k, v in load().items():\n    if k.startswith(('SWIFT_', 'AWS_')):\n        globals()[k] = v",
    reached: ["SWIFT_KEY", "AWS_SECRET"],
    judged: { DEBUG: "True", SECURE_HSTS_SECONDS: "0" },
    note: /SWIFT_\*, AWS_\*/,
  },
  {
    name: "an `in` guard over a literal list",
    code: "ALLOWED = ['BANNER_TOP', 'BANNER_BOTTOM']\nDEBUG = True\nfor k, v in load().items():\n    if k in ALLOWED and v:\n        globals()[k] = v",
    reached: ["BANNER_TOP", "BANNER_BOTTOM"],
    judged: { DEBUG: "True" },
    note: /BANNER_TOP, BANNER_BOTTOM/,
  },
  {
    name: "an `==` guard",
    code: "DEBUG = True\nfor k, v in load().items():\n    if k == 'TIME_ZONE':\n        globals()[k] = v",
    reached: ["TIME_ZONE"],
    judged: { DEBUG: "True" },
    note: /TIME_ZONE/,
  },
];

for (const row of scoped) {
  test(`dynamic write, guarded: ${row.name}`, async () => {
    const env = await lone(row.code + "\n");
    for (const n of row.reached) {
      const v = env.get(n).value;
      assert.ok(v.k === "unknown" && v.dynamic, `${n} may be written`);
    }
    for (const [k, want] of Object.entries(row.judged)) assert.equal(repr(env, k), want, k);
    const notes = env.notes.filter((n) => /replaced from outside the code/.test(n.message));
    assert.equal(notes.length, 1);
    assert.match(notes[0].message, row.note);
  });
}

test("dynamic write, guarded: a guard that says nothing of the key (isupper) leaves every setting unjudged", async () => {
  const env = await lone("DEBUG = True\nfor k, v in load().items():\n    if k.isupper():\n        globals()[k] = v\n");
  const v = env.get("DEBUG").value;
  assert.ok(v.k === "unknown" && v.dynamic);
  const hsts = env.get("SECURE_HSTS_SECONDS").value;
  assert.ok(hsts.k === "unknown" && hsts.dynamic);
});

test("dynamic write, guarded: an else branch is not bounded by the if's test", async () => {
  const env = await lone("DEBUG = True\nfor k, v in load().items():\n    if k.startswith('X_'):\n        pass\n    else:\n        globals()[k] = v\n");
  const v = env.get("DEBUG").value;
  assert.ok(v.k === "unknown" && v.dynamic);
});

test("dynamic write, guarded: a module that star-imports a guarded writer keeps the other settings judged", async () => {
  const r = await auditSplit(GOOD_BASE + "DEBUG = True\nfor k, v in load().items():\n    if k.startswith('SWIFT_'):\n        globals()[k] = v\n", "");
  assert.ok(r.checks.includes("security.W018"), r.checks.join(" "));
});

test("dynamic write: records built by a class's __init__ give their names (netbox's CONFIG_PARAMS)", async () => {
  const code = [
    "class ConfigParam:",
    "    def __init__(self, name, label, default):",
    "        self.name = name",
    "        self.default = default",
    "PARAMS = (ConfigParam(name='BANNER_TOP', label='b', default=''), ConfigParam('MAINTENANCE_MODE', 'm', False))",
    "DEBUG = True",
    "for param in PARAMS:",
    "    if has(param.name):",
    "        globals()[param.name] = fetch(param.name)",
  ].join("\n");
  const env = await lone(code + "\n");
  assert.equal(repr(env, "DEBUG"), "True");
  assert.equal(repr(env, "SECURE_HSTS_SECONDS"), "0");
  assert.equal(env.get("MAINTENANCE_MODE").value.k, "unknown");
  assert.equal(env.notes.filter((n) => /replaced from outside the code/.test(n.message)).length, 0);
});

test("dynamic write: vars().update() of an email URL read writes the EMAIL_* settings it gives", async () => {
  const code = "import environ\nenv = environ.Env()\nDEBUG = False\nEMAIL_CONFIG = env.email_url('EMAIL_URL', default='smtp://mailer:hunter2@mail.example.com:587')\nvars().update(EMAIL_CONFIG)\n";
  const env = await lone(code);
  assert.equal(repr(env, "EMAIL_HOST"), "'mail.example.com'");
  assert.equal(repr(env, "EMAIL_PORT"), "587");
  assert.equal(repr(env, "EMAIL_HOST_USER"), "'mailer'");
  assert.equal(repr(env, "EMAIL_BACKEND"), "'django.core.mail.backends.smtp.EmailBackend'");
  assert.equal(repr(env, "DEBUG"), "False");
  assert.ok(env.get("EMAIL_HOST").value.env?.some((r) => r.variable === "EMAIL_URL"), "judged as the variable's default");
});
