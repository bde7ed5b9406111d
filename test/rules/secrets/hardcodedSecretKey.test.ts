// Table for hardcoded-secret-key: literals, django-insecure- keys, fallbacks, env-read defaults, placeholders, test values.
import { ALNUM, fake, rand } from "../../secrets/planted";
import { py, secretTable } from "./secretTable";

const KEY = fake(rand("hsk-key", 50, ALNUM + "!@#%^&*(-_=+)"));
const INSECURE = fake("django-insecure-", rand("hsk-insecure", 50, "abcdefghijklmnopqrstuvwxyz0123456789!@#%^&*(-_=+)"));
const OLD = fake(rand("hsk-old", 50, ALNUM));
const secrets = [KEY, INSECURE, OLD];

secretTable("hardcoded-secret-key", [
  { name: "a literal key in base, seen from production", base: `SECRET_KEY = ${py(KEY)}\n`, expect: ["base.py:1"], secrets, messageIncludes: ["SECRET_KEY is a secret key in the code"], fixable: true },
  { name: "a django-insecure- key", production: `SECRET_KEY = ${py(INSECURE)}\n`, expect: ["production.py:2"], secrets, messageIncludes: ["django-insecure-…(66 chars)"] },
  { name: "every SECRET_KEY_FALLBACKS entry", base: `SECRET_KEY_FALLBACKS = [${py(OLD)}, ${py(KEY)}]\n`, expect: ["base.py:1", "base.py:1"], secrets },
  {
    name: "the default of os.environ.get",
    base: `import os\nSECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", ${py(KEY)})\n`,
    expect: ["base.py:2"],
    secrets,
    messageIncludes: ["falls back to a secret key when DJANGO_SECRET_KEY is unset", "the default is committed with the code"],
    fixable: true,
  },
  {
    name: "the default of django-environ's env(), on its own line",
    base: `import environ\nenv = environ.Env()\nSECRET_KEY = env(\n    "DJANGO_SECRET_KEY",\n    default=${py(KEY)},\n)\n`,
    expect: ["base.py:5"],
    secrets,
  },
  { name: "the default of decouple's config()", base: `from decouple import config\nSECRET_KEY = config("SECRET_KEY", default=${py(KEY)})\n`, expect: ["base.py:2"], secrets },
  // The environment never gets base.py's key: not production's problem (bakerydemo, taiga: a development key in base.py).
  { name: "near miss: a literal production replaces", base: `import os\nSECRET_KEY = ${py(KEY)}\n`, production: `SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]\n`, expect: [] },
  { name: "near miss: a literal production replaces on both branches", base: `SECRET_KEY = ${py(KEY)}\n`, production: `import os, secrets\nif "DJANGO_SECRET_KEY" in os.environ:\n    SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]\nelse:\n    SECRET_KEY = secrets.token_urlsafe(50)\n`, expect: [] },
  // What production writes reads the old key: it is still production's.
  { name: "a literal production extends with +=", base: `SECRET_KEY = ${py(KEY)}\n`, production: `SECRET_KEY += "-suffix"\n`, expect: ["base.py:1"], secrets },
  { name: "a literal production derives its key from", base: `SECRET_KEY = ${py(KEY)}\n`, production: `SECRET_KEY = SECRET_KEY.strip()\n`, expect: ["base.py:1"], secrets },
  { name: "a committed default a fallback keeps, though production replaces the key", base: `import os\nSECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", ${py(KEY)})\nSECRET_KEY_FALLBACKS = [SECRET_KEY]\n`, production: `SECRET_KEY = os.environ["NEW_SECRET_KEY"]\n`, expect: ["base.py:2"], secrets },
  { name: "a literal production replaces only on an undecided branch", base: `SECRET_KEY = ${py(KEY)}\n`, production: `import socket\nif socket.gethostname() == "web-1":\n    SECRET_KEY = "${"$"}{DJANGO_SECRET_KEY}"\n`, expect: ["base.py:1"], secrets },
  {
    name: "a literal production replaces, still reported for the development module that keeps it",
    base: `SECRET_KEY = ${py(KEY)}\n`,
    production: `import os\nSECRET_KEY = os.environ["DJANGO_SECRET_KEY"]\n`,
    files: { "proj/settings/local.py": "from .base import *\nDEBUG = True\n" },
    environment: "proj.settings.local",
    expect: ["base.py:1"],
    secrets,
  },
  { name: "a literal reached through another setting's default", base: `SECRET_KEY = ${py(KEY)}\n`, production: `import os\nSECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", SECRET_KEY)\n`, expect: ["base.py:1"], secrets, messageIncludes: ["is a secret key in the code"] },
  { name: "both branches of an undecided if", base: `import socket\nif socket.gethostname() == "web-1":\n    SECRET_KEY = ${py(KEY)}\nelse:\n    SECRET_KEY = ${py(OLD)}\n`, expect: ["base.py:3", "base.py:5"], secrets },
  { name: "near miss: a required env read", base: `import os\nSECRET_KEY = os.environ["DJANGO_SECRET_KEY"]\n`, expect: [] },
  { name: "near miss: changeme default", base: `import os\nSECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "changeme")\n`, expect: [] },
  { name: "near miss: a django-insecure- placeholder", base: `SECRET_KEY = "django-insecure-change-me-in-production"\n`, expect: [] },
  { name: "near miss: repeated characters", base: `SECRET_KEY = "x" * 50\n`, expect: [] },
  { name: "near miss: ${VAR} template", base: `SECRET_KEY = "\${DJANGO_SECRET_KEY}"\n`, expect: [] },
  { name: "an obvious test key is fine in the testing environment", testing: `SECRET_KEY = "test-only-key-${rand("hsk-t", 20)}"\n`, environment: "proj.settings.test", expect: [] },
  // allauth's "psst", django-cms's "Welcome to django CMS": stand-ins, not keys anyone generated.
  { name: "a short key is a stand-in in the testing environment", testing: `SECRET_KEY = "psst"\n`, environment: "proj.settings.test", expect: [] },
  { name: "a phrase is a stand-in in the testing environment", testing: `SECRET_KEY = "Welcome to django CMS"\n`, environment: "proj.settings.test", expect: [] },
  { name: "a short key is still reported in production", production: `SECRET_KEY = "psst-Kq2@Lm"\n`, expect: ["production.py:2"] },
  { name: "a real-looking key is not fine in the testing environment", testing: `SECRET_KEY = ${py(KEY)}\n`, environment: "proj.settings.test", expect: ["test.py:2"], secrets },
  { name: "reported in the development environment too", files: { "proj/settings/local.py": `from .base import *\nSECRET_KEY = ${py(INSECURE)}\n` }, environment: "proj.settings.local", expect: ["local.py:2"], secrets },
]);
