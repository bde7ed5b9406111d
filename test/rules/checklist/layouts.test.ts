// The checklist rules over the real-world-style layouts: every finding below was checked by hand against the fixture.
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { test } from "node:test";
import { CHECKLIST_RULES } from "../../../server/src/rules/checklist/index";
import type { Audit } from "../../../server/src/engine";
import { sharedEngine } from "../../helpers/project";

const LAYOUTS = path.resolve(__dirname, "..", "..", "..", "..", "test", "fixtures", "layouts");
const IDS = new Set(CHECKLIST_RULES.map((r) => r.id));

/**
 * Checklist rule ids per environment, with the Django version each layout pins. Hand-checked notes:
 * - csp-missing, logging-not-to-stdout, no-error-tracking: none of the layouts configures a CSP, a stdout handler
 *   (cookiecutter has one), an error tracker or ADMINS (cookiecutter has ADMINS). no-error-tracking is production-only.
 * - password-validators-empty: these layouts install django.contrib.auth and never set AUTH_PASSWORD_VALIDATORS
 *   (cookiecutter and wagtail do set them).
 * - sqlite-in-production: wagtail, broken and env_switch's base use sqlite3 and their deployed modules keep it;
 *   conf_dir's production overrides DATABASES with PostgreSQL but staging does not; dj_database_url falls back to
 *   sqlite:///db.sqlite3 whenever DATABASE_URL is unset.
 * - conn-max-age-zero: PostgreSQL/MySQL dicts without CONN_MAX_AGE (conf_dir, env_switch production, getenv_style,
 *   settings_files, single_decouple, local_tail's committed local_settings.py). cookiecutter sets it with env.int
 *   (default 60), split_settings writes 60, dj_database_url passes conn_max_age=600.
 * - media-on-local-disk: MEDIA_ROOT set with FileSystemStorage (cookiecutter and wagtail name it in STORAGES,
 *   getenv_style leaves Django's default). dj_database_url names FileSystemStorage but sets no MEDIA_*: silent.
 * - hsts-preload-requirements: env_switch production preloads with 3600 seconds; dj_database_url preloads with
 *   int(os.environ.get("SECURE_HSTS_SECONDS", 0)), so no header at all while the variable is unset.
 * - env_switch's app.settings and split_settings' project.settings load the development modules while DJANGO_ENV is
 *   unset: "*" in ALLOWED_HOSTS, the console email backend, and (split_settings) the debug toolbar are what wsgi.py
 *   would deploy. local_tail's committed local_settings.py brings the console backend into proj.settings.
 * - Silent on purpose: every test module uses MD5PasswordHasher; every base module sets USE_TZ = True (or runs on 5.0+);
 *   proj.local_settings (local_tail) is a fragment without INSTALLED_APPS, so its unset USE_TZ says nothing.
 * - Base modules (and settings_files' settings.py, which settings_dev and settings_prod import) are parts of the
 *   environments that import them, not environments of their own.
 */
const EXPECTED: Record<string, Record<string, string[]>> = {
  broken: {
    "settings.a": ["csp-missing", "logging-not-to-stdout", "no-error-tracking", "password-validators-empty", "sqlite-in-production"],
    "settings.development": [],
    "settings.local_fr": [],
    "settings.prod_eu": ["csp-missing", "logging-not-to-stdout", "no-error-tracking", "password-validators-empty", "sqlite-in-production"],
    "settings.production": ["csp-missing", "logging-not-to-stdout", "no-error-tracking", "password-validators-empty", "sqlite-in-production"],
    "settings.staging": ["csp-missing", "logging-not-to-stdout", "password-validators-empty", "sqlite-in-production"],
  },
  conf_dir: {
    "conf.settings.base": [],
    "conf.settings.production": ["conn-max-age-zero", "csp-missing", "logging-not-to-stdout", "no-error-tracking", "password-validators-empty"],
    "conf.settings.staging": ["csp-missing", "logging-not-to-stdout", "password-validators-empty", "sqlite-in-production"],
  },
  cookiecutter: {
    "config.settings.local": [],
    "config.settings.production": ["csp-missing", "media-on-local-disk"],
    "config.settings.test": [],
  },
  dj_database_url: {
    "web.settings": ["csp-missing", "hsts-preload-requirements", "logging-not-to-stdout", "no-error-tracking", "password-validators-empty", "sqlite-in-production"],
  },
  env_switch: {
    "app.settings": ["allowed-hosts-wildcard", "csp-missing", "email-backend-not-smtp", "logging-not-to-stdout", "no-error-tracking", "password-validators-empty", "sqlite-in-production"],
    "app.settings.development": [],
    "app.settings.production": ["conn-max-age-zero", "csp-missing", "hsts-preload-requirements", "logging-not-to-stdout", "no-error-tracking", "password-validators-empty"],
  },
  getenv_style: {
    "core.settings.base": [],
    "core.settings.prod": ["conn-max-age-zero", "csp-missing", "logging-not-to-stdout", "media-on-local-disk", "no-error-tracking", "password-validators-empty"],
    "core.settings.test": [],
  },
  local_tail: {
    "proj.settings": ["conn-max-age-zero", "csp-missing", "email-backend-not-smtp", "logging-not-to-stdout", "no-error-tracking", "password-validators-empty"],
  },
  settings_files: {
    "settings_dev": [],
    "settings_prod": ["conn-max-age-zero", "csp-missing", "logging-not-to-stdout", "no-error-tracking", "password-validators-empty"],
    "test_settings": [],
  },
  single_decouple: {
    "project.settings": ["conn-max-age-zero", "csp-missing", "logging-not-to-stdout", "no-error-tracking", "password-validators-empty"],
  },
  split_settings: {
    "project.settings": ["csp-missing", "dev-tools-in-production", "email-backend-not-smtp", "logging-not-to-stdout", "no-error-tracking", "password-validators-empty"],
  },
  wagtail: {
    "mysite.settings.dev": [],
    "mysite.settings.production": ["csp-missing", "logging-not-to-stdout", "media-on-local-disk", "no-error-tracking", "sqlite-in-production"],
  },
};

const audits = new Map<string, Promise<Audit>>();
function auditLayout(name: string): Promise<Audit> {
  if (!audits.has(name)) audits.set(name, sharedEngine().then((e) => e.audit(path.join(LAYOUTS, name))));
  return audits.get(name)!;
}

for (const [layout, envs] of Object.entries(EXPECTED)) {
  test(`layouts: ${layout} gives exactly the hand-checked checklist findings`, async (t) => {
    if (!fs.existsSync(path.join(LAYOUTS, layout))) return t.skip(`test/fixtures/layouts/${layout} is not there`);
    const a = await auditLayout(layout);
    const got: Record<string, string[]> = {};
    for (const env of a.project.environments) {
      got[env.name] = [...new Set(a.findings.filter((f) => f.environment === env.name && IDS.has(f.rule)).map((f) => f.rule))].sort();
    }
    assert.deepEqual(got, envs);
  });
}

test("layouts: every layout on disk is in the table", () => {
  const onDisk = fs.readdirSync(LAYOUTS).filter((n) => fs.statSync(path.join(LAYOUTS, n)).isDirectory()).sort();
  assert.deepEqual(onDisk, Object.keys(EXPECTED).sort());
});

test("layouts: a finding inherited through an env switch says which variable selected it", async () => {
  const a = await auditLayout("env_switch");
  const f = a.findings.find((x) => x.environment === "app.settings" && x.rule === "allowed-hosts-wildcard");
  assert.ok(f);
  assert.match(f.message, /whenever DJANGO_ENV is unset/);
  assert.equal(path.basename(f.location.file), "development.py");
});

test("layouts: cookiecutter's media finding points at the default backend in STORAGES", async () => {
  const a = await auditLayout("cookiecutter");
  const f = a.findings.find((x) => x.rule === "media-on-local-disk");
  assert.ok(f);
  const text = fs.readFileSync(f.location.file, "utf8");
  assert.equal(text.slice(f.location.range.startOffset, f.location.range.endOffset), '"django.core.files.storage.FileSystemStorage"');
});

test("layouts: dj_database_url's SQLite fallback names DATABASE_URL", async () => {
  const a = await auditLayout("dj_database_url");
  const f = a.findings.find((x) => x.rule === "sqlite-in-production");
  assert.ok(f);
  assert.match(f.message, /whenever DATABASE_URL is unset/);
});
