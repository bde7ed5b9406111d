// Random keystroke sequences through the language server's caches (loader, project cache, findings memo, kept disk reads, literal memos) always find what a fresh analysis finds.
import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { test } from "node:test";
import type { Finding } from "../../server/src/rules/types";
import { ModuleLoader } from "../../server/src/resolve/moduleLoader";
import type { ProjectCache } from "../../server/src/resolve/project";
import type { FindingsMemo } from "../../server/src/rules/run";
import { sharedEngine, writeProject } from "../helpers/project";

/** Each slot of production.py takes one of these lines; literals stay put while the lines that decide what they mean change. */
const SLOTS: string[][] = [
  ["from decouple import config", "config = print", "import os"],
  ["import os", "os = None", "from os import environ"],
  ['SECRET_KEY = config("DJANGO_SECRET_KEY", default="k9xV2mQ7pL4wR8tZ1nB6cF3hJ5sD0gAq")', 'SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "k9xV2mQ7pL4wR8tZ1nB6cF3hJ5sD0gAq")', 'SECRET_KEY = "k9xV2mQ7pL4wR8tZ1nB6cF3hJ5sD0gAq"'],
  ['API = {"token": "ghp_aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789"}', 'API = {"token": "changeme"}', 'API = {"url": "https://svc.example.com", "timeout": 3}'],
  ['DATABASES = {"default": {"ENGINE": "django.db.backends.postgresql", "PASSWORD": "hunter2-not-a-placeholder"}}', 'DATABASES = {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": "db.sqlite3"}}'],
  ["DEBUG = False", "DEBUG = True", 'DEBUG = config("DEBUG", default=True, cast=bool)'],
  ['EMAIL_HOST_PASSWORD = config("EMAIL_HOST_PASSWORD", default="s3cr3t-pa55word-value")', 'EMAIL_HOST_PASSWORD = "s3cr3t-pa55word-value"', "EMAIL_HOST_PASSWORD = None"],
  ['SECURE = ["django.middleware.security.SecurityMiddleware"]', 'SECURE = ["django.middleware.common.CommonMiddleware"]'],
  // `[*SECURE]` looks like a list of literals but depends on SECURE: it must not be remembered as one.
  ["MIDDLEWARE = [*SECURE]", 'MIDDLEWARE = ["django.middleware.security.SecurityMiddleware"]', 'MIDDLEWARE += ["django.middleware.csrf.CsrfViewMiddleware"]', 'ALLOWED_HOSTS = ["example.com"]'],
];

const FIXED = {
  "manage.py": 'import os\nos.environ.setdefault("DJANGO_SETTINGS_MODULE", "proj.settings.development")\n',
  "proj/__init__.py": "",
  "proj/settings/__init__.py": "",
  "proj/settings/base.py": 'MIDDLEWARE = []\nSECRET_KEY = "base-placeholder-value-for-tests-only-0123456789abcdef"\n',
  "proj/settings/development.py": "from .base import *\nDEBUG = True\n",
  "proj/settings/testing.py": "from .production import *\n",
};

/** A deterministic generator, so a failure names its seed and step. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

function rows(findings: Finding[], dir: string): string[] {
  return findings.map((f) => `${f.environment} ${f.rule} ${path.relative(dir, f.location.file)}:${f.location.range.startOffset}-${f.location.range.endOffset} ${f.message}`);
}

for (const seed of [1, 2, 3]) {
  test(`seed ${seed}: 60 keystroke analyses of production.py, each equal to a fresh analysis`, async () => {
    const engine = await sharedEngine();
    const next = rng(seed);
    const choice = SLOTS.map(() => 0);
    const text = () => "from .base import *\n" + choice.map((c, i) => SLOTS[i][c]).join("\n") + "\n";
    const dir = writeProject({ ...FIXED, "proj/settings/production.py": text() });
    const file = path.join(dir, "proj", "settings", "production.py");
    const buffer = { text: text() };
    const loader = new ModuleLoader(engine.parser, dir, { get: (f) => (f === file ? buffer.text : undefined) });
    const cache: ProjectCache = { entryDefaults: new Map() };
    const memo: FindingsMemo = new WeakMap();
    engine.audit(dir, { loader, cache, memo, inventory: false });
    for (let step = 0; step < 60; step++) {
      const slot = Math.floor(next() * SLOTS.length);
      choice[slot] = Math.floor(next() * SLOTS[slot].length);
      buffer.text = text();
      const kept = engine.audit(dir, { loader, cache, memo, inventory: false, keepDiskReads: true });
      const freshDir = writeProject({ ...FIXED, "proj/settings/production.py": buffer.text });
      const fresh = engine.audit(freshDir, { inventory: false });
      assert.deepEqual(rows(kept.findings, dir), rows(fresh.findings, freshDir), `seed ${seed}, step ${step}:\n${buffer.text}`);
      fs.rmSync(freshDir, { recursive: true, force: true });
    }
  });
}
