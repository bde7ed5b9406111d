// Resolver: configurations the deployment supplies — a module by importlib with getattr defaults, configparser
// fallbacks, pydantic-settings fields — judged as defaults, examples read for secrets, none of it an env variable.
import assert from "node:assert/strict";
import { test } from "node:test";
import { envReadsOf } from "../../server/src/resolve/values";
import { auditFiles, type ProjectFiles } from "../helpers/project";
import { lone, repr } from "./resolveHelpers";

const NETBOX = [
  "import importlib, os",
  'configuration = importlib.import_module(os.environ.get("NETBOX_CONFIGURATION", "netbox.configuration"))',
  'SESSION_COOKIE_SECURE = getattr(configuration, "SESSION_COOKIE_SECURE", False)',
  'ALLOWED_HOSTS = getattr(configuration, "ALLOWED_HOSTS")',
  'SECRET_KEY = getattr(configuration, "SECRET_KEY")',
  'DEBUG = getattr(configuration, "DEBUG", False)',
  'X_FRAME_OPTIONS = getattr(configuration, "X_FRAME_OPTIONS", "SAMEORIGIN")',
  'MIDDLEWARE = ["django.middleware.clickjacking.XFrameOptionsMiddleware"]',
  "",
].join("\n");

function netbox(extra: ProjectFiles = {}): ProjectFiles {
  return { "netbox/__init__.py": "", "netbox/settings.py": NETBOX, ...extra };
}

test("configuration module: getattr defaults are judged like env reads with defaults; no default is required", async () => {
  const a = await auditFiles(netbox(), { djangoVersion: "5.2" });
  const env = a.project.environments.find((e) => e.name === "netbox.settings")!;
  assert.equal(repr(env, "SESSION_COOKIE_SECURE"), "False");
  assert.equal(env.get("ALLOWED_HOSTS").value.k, "unknown");
  const reads = envReadsOf(env.get("SESSION_COOKIE_SECURE").value);
  assert.deepEqual(reads.map((r) => [r.variable, r.configuration]), [["SESSION_COOKIE_SECURE", "netbox.configuration"]]);
  const xfo = a.findings.find((f) => f.rule === "xframe-not-deny" && f.environment === "netbox.settings");
  assert.ok(xfo, "the default SAMEORIGIN is reported");
  assert.match(xfo.message, /whenever netbox\.configuration\.X_FRAME_OPTIONS is unset/);
  assert.ok(!a.findings.some((f) => f.rule === "allowed-hosts-empty"), "a required name is unknown: silent");
});

test("configuration module: a committed configuration module by that name is read instead", async () => {
  const a = await auditFiles(netbox({ "netbox/configuration.py": 'X_FRAME_OPTIONS = "DENY"\nSESSION_COOKIE_SECURE = True\n' }), { djangoVersion: "5.2" });
  const env = a.project.environments.find((e) => e.name === "netbox.settings")!;
  assert.equal(repr(env, "X_FRAME_OPTIONS"), "'DENY'");
  assert.equal(repr(env, "SESSION_COOKIE_SECURE"), "True");
});

test("configuration module: the example configuration is read for committed secrets", async () => {
  const a = await auditFiles(netbox({ "netbox/configuration_example.py": 'SECRET_KEY = "k9#Lq2@Xm4!Zp7$Rt1%Vb6^Nc3&Hd8*Jf5(Gs0)Wy"\nDATABASE = {"PASSWORD": "Tr0ub4dor&3horse"}\n' }), { djangoVersion: "5.2" });
  const env = a.project.environments.find((e) => e.name === "netbox.settings")!;
  assert.ok(env.result.envReads.some((r) => r.variable === "SECRET_KEY" && r.configuration === "netbox.configuration" && r.default?.k === "str"));
  assert.ok(a.findings.some((f) => f.rule.startsWith("hardcoded-") && f.location.file.endsWith("configuration_example.py")), a.findings.map((f) => f.rule).join(" "));
});

test("local_settings.py.example beside a failed optional import is read for committed secrets", async () => {
  const a = await auditFiles(
    {
      "proj/__init__.py": "",
      "proj/settings.py": 'DEBUG = False\nALLOWED_HOSTS = ["x"]\ntry:\n    from .local_settings import *\nexcept ImportError:\n    pass\n',
      "proj/local_settings.py.example": 'AWS_SECRET_ACCESS_KEY = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKEYQ"\n',
    },
    { djangoVersion: "5.2" },
  );
  const env = a.project.environments.find((e) => e.name === "proj.settings")!;
  assert.ok(env.result.envReads.some((r) => r.variable === "AWS_SECRET_ACCESS_KEY" && r.configuration === "local_settings"));
});

test("configuration names are not environment variables: the inventory leaves them out", async () => {
  const a = await auditFiles(netbox(), { djangoVersion: "5.2" });
  assert.ok(!a.findings.some((f) => f.rule === "env-undocumented" && /SESSION_COOKIE_SECURE|ALLOWED_HOSTS/.test(f.message)));
});

const rows: Array<{ name: string; code: string; setting: string; want: string; read?: [string, string | undefined, boolean] }> = [
  { name: "configparser get with a fallback is the fallback", code: 'import configparser\nconfig = configparser.ConfigParser()\nconfig.read("/etc/app.ini")\nSECRET_KEY = config.get("django", "secret_key", fallback="dev-key")', setting: "SECRET_KEY", want: "'dev-key'", read: ["secret_key", "[django]", true] },
  { name: "configparser getboolean with a fallback", code: 'from configparser import ConfigParser\nc = ConfigParser()\nDEBUG = c.getboolean("django", "debug", fallback=True)', setting: "DEBUG", want: "True", read: ["debug", "[django]", true] },
  { name: "configparser without a fallback is required", code: 'import configparser\nc = configparser.RawConfigParser()\nSECRET_KEY = c.get("django", "secret_key")', setting: "SECRET_KEY", want: "<unknown>", read: ["secret_key", "[django]", false] },
  { name: "configparser subscripts stay unknown", code: 'import configparser\nc = configparser.ConfigParser()\nSECRET_KEY = c["django"]["secret_key"]', setting: "SECRET_KEY", want: "<unknown>" },
  {
    name: "pydantic BaseSettings field defaults, with env_prefix",
    code: 'from pydantic_settings import BaseSettings, SettingsConfigDict\nclass S(BaseSettings):\n    model_config = SettingsConfigDict(env_prefix="APP_")\n    debug: bool = True\n    secret_key: str\ns = S()\nDEBUG = s.debug\nSECRET_KEY = s.secret_key',
    setting: "DEBUG",
    want: "True",
    read: ["APP_DEBUG", undefined, true],
  },
  { name: "a pydantic field without a default is required", code: "from pydantic_settings import BaseSettings\nclass S(BaseSettings):\n    secret_key: str\nSECRET_KEY = S().secret_key", setting: "SECRET_KEY", want: "<unknown>", read: ["SECRET_KEY", undefined, false] },
  { name: "pydantic v1 BaseSettings with class Config and Field(default=...)", code: 'from pydantic import BaseSettings, Field\nclass S(BaseSettings):\n    debug: bool = Field(default=False)\n    class Config:\n        env_prefix = "DJ_"\nDEBUG = S().debug', setting: "DEBUG", want: "False", read: ["DJ_DEBUG", undefined, true] },
];

for (const row of rows) {
  test(`config source: ${row.name}`, async () => {
    const env = await lone(row.code + "\n");
    assert.equal(repr(env, row.setting), row.want);
    if (row.read) {
      const r = envReadsOf(env.get(row.setting).value)[0];
      assert.ok(r, "a read");
      assert.deepEqual([r.variable, r.configuration, r.hasDefault], row.read);
    }
  });
}

test("configuration module loaded by a project helper on several paths: getattr defaults are still judged (netbox's load_configuration)", async () => {
  const helper = [
    "import importlib, os",
    "def load_configuration(environ):",
    "    explicit = environ.get('NETBOX_CONFIGURATION')",
    "    if explicit:",
    "        return importlib.import_module(explicit)",
    "    if os.path.isdir('/opt/netbox/conf'):",
    "        return load_from_path('/opt/netbox/conf/configuration.py')",
    "    return importlib.import_module('netbox.configuration')",
    "",
  ].join("\n");
  const settings = [
    "import os",
    "from netbox.utils import load_configuration",
    "configuration = load_configuration(os.environ)",
    'SESSION_COOKIE_SECURE = getattr(configuration, "SESSION_COOKIE_SECURE", False)',
    'PLUGINS = getattr(configuration, "PLUGINS", [])',
    'MIDDLEWARE = ["django.contrib.sessions.middleware.SessionMiddleware"]',
    "for plugin in PLUGINS:",
    "    if not plugin:",
    "        continue",
    "    MIDDLEWARE.extend(load(plugin))",
    "",
  ].join("\n");
  const a = await auditFiles({ "netbox/__init__.py": "", "netbox/utils.py": helper, "netbox/settings.py": settings }, { djangoVersion: "5.2" });
  const env = a.project.environments.find((e) => e.name === "netbox.settings")!;
  assert.equal(repr(env, "SESSION_COOKIE_SECURE"), "False");
  assert.deepEqual(envReadsOf(env.get("SESSION_COOKIE_SECURE").value).map((r) => r.configuration), ["netbox.configuration"]);
  // A loop over the default [] runs nothing, even with a continue in its body: MIDDLEWARE stays known.
  assert.equal(repr(env, "MIDDLEWARE"), "['django.contrib.sessions.middleware.SessionMiddleware']");
  assert.ok(a.findings.some((f) => f.rule === "session-cookie-not-secure"), a.findings.map((f) => f.rule).join(" "));
});

test("configuration module: a helper returning something that is not a configuration stays unknown under getattr", async () => {
  const env = await lone("import socket\ndef pick():\n    if socket.gethostname() == 'a':\n        return load_a()\n    return load_b()\nconfiguration = pick()\nSESSION_COOKIE_SECURE = getattr(configuration, 'SESSION_COOKIE_SECURE', False)\n");
  assert.equal(env.get("SESSION_COOKIE_SECURE").value.k, "unknown");
});
