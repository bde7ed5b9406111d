// Django and django-environ (Debian's) confirm what the interpreter makes of deeper constructs: vars().update() of an
// email URL, a scheme spread from a dict, a helper that changes a module-level list, a guarded globals() write.
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { test } from "node:test";
import { pyRepr } from "../../server/src/resolve/values";
import { requireDjango, settingRepr } from "../helpers/django";
import { tempDir } from "../helpers/tempDirs";
import { environment } from "../resolve/resolveHelpers";

const SETTINGS = [
  "import os",
  "import environ",
  "MORE = {'DD_SECURE': (bool, False), 'DD_HOSTS': (list, ['a.example.com'])}",
  "env = environ.Env(DD_DEBUG=(bool, True), **MORE)",
  "DEBUG = env('DD_DEBUG')",
  "SESSION_COOKIE_SECURE = env('DD_SECURE')",
  "ALLOWED_HOSTS = env('DD_HOSTS')",
  "SECRET_KEY = 'x' * 60",
  "MIDDLEWARE = ['django.middleware.security.SecurityMiddleware']",
  "def remote_user():",
  "    global MIDDLEWARE",
  "    if os.environ.get('DD_REMOTE_USER'):",
  "        MIDDLEWARE.append('remote.Middleware')",
  "    MIDDLEWARE.append('django.contrib.sessions.middleware.SessionMiddleware')",
  "    return 'HTTP_REMOTE_USER'",
  "HEADER = remote_user()",
  "EMAIL_CONFIG = env.email_url('DD_EMAIL_URL', default='smtp+tls://mailer:pw@Mail.Example.com:587')",
  "vars().update(EMAIL_CONFIG)",
  "SWIFT_X = 1",
  "for k, v in os.environ.items():",
  "    if k.startswith('SWIFT_'):",
  "        globals()[k] = v",
  "",
].join("\n");

const NAMES = ["DEBUG", "SESSION_COOKIE_SECURE", "ALLOWED_HOSTS", "MIDDLEWARE", "HEADER", "EMAIL_HOST", "EMAIL_PORT", "EMAIL_HOST_USER", "EMAIL_HOST_PASSWORD", "EMAIL_BACKEND", "EMAIL_USE_TLS", "SECURE_HSTS_SECONDS"];

test("interpreter depth: Django and django-environ agree with the analysis, every variable unset", async (t) => {
  if (!requireDjango(t)) return;
  const dir = tempDir("dsh-depth-");
  fs.mkdirSync(path.join(dir, "proj"));
  fs.writeFileSync(path.join(dir, "proj", "__init__.py"), "");
  fs.writeFileSync(path.join(dir, "proj", "settings.py"), SETTINGS);
  const want = settingRepr(dir, "proj.settings", `[${NAMES.map((n) => `settings.${n}`).join(", ")}]`);
  const { env } = await environment({ "proj/__init__.py": "", "proj/settings.py": SETTINGS }, "proj.settings");
  const got = `[${NAMES.map((n) => pyRepr(env.get(n).value)).join(", ")}]`;
  assert.equal(got, want);
  // The guarded write reaches SWIFT_* only: SWIFT_X may come from the environment, and is not judged.
  const swift = env.get("SWIFT_X").value;
  assert.ok(swift.k === "unknown" && swift.dynamic);
});
