// The CLI over every real-world-style layout fixture: no crash, the environments found, and the Django check ids
// per environment checked by hand against each layout's EXPECTED.md (and, for stdlib-only layouts, Django 3.2).
import { strict as assert } from "node:assert";
import { spawnSync } from "node:child_process";
import * as path from "node:path";
import { test } from "node:test";

const REPO = path.resolve(__dirname, "..", "..", "..");
const CLI = path.join(REPO, "bin", "django-settings-hygiene.js");

/** Environment (dotted module) → kind and the sorted Django check ids expected with every env var unset. */
type Expected = Record<string, [kind: string, ids: string[]]>;

const LAYOUTS: Record<string, { django: string; envs: Expected; notes?: RegExp[] }> = {
  cookiecutter: {
    django: "5.0",
    envs: {
      "config.settings.local": ["development", []],
      // INCLUDE_SUBDOMAINS defaults to the string "True" (django-environ does not cast defaults); preload is off.
      "config.settings.production": ["production", ["security.W005", "security.W021"]],
      "config.settings.test": ["testing", []],
    },
  },
  wagtail: {
    django: "4.2",
    envs: {
      // manage.py and wsgi.py both default to dev.py (Wagtail's template); production.py beside it is the deployed one.
      "mysite.settings.dev": ["development", []],
      // Everything is left to a local.py that is not there: no key, no hosts, no HSTS, default cookie flags.
      "mysite.settings.production": ["production", ["security.W004", "security.W008", "security.W009", "security.W012", "security.W016", "security.W020"]],
    },
    notes: [/optional import of \.local skipped/],
  },
  single_decouple: {
    django: "5.1",
    // Csv() of "" is [], and HSTS defaults to 0; decouple casts default="true" to True.
    envs: { "project.settings": ["production", ["security.W004", "security.W020"]] },
  },
  split_settings: {
    django: "4.2",
    envs: {
      // With DJANGO_ENV unset the package includes the development fragment: what wsgi.py would deploy then.
      "project.settings": ["production", ["security.W001", "security.W009", "security.W012", "security.W016", "security.W018"]],
    },
  },
  env_switch: {
    django: "4.1",
    envs: {
      "app.settings": ["production", ["security.W004", "security.W008", "security.W012", "security.W016", "security.W018"]],
      // Picked by app/settings/__init__.py's `if`: environments of their own, not parts of it.
      "app.settings.development": ["development", []],
      // A typo in the opener policy and an explicit None referrer policy.
      "app.settings.production": ["production", ["security.E024", "security.W022"]],
    },
  },
  local_tail: {
    django: "3.2",
    envs: {
      // The committed local_settings.py turns DEBUG on; CSRF_COOKIE_SECURE = "True" passes in 3.2 (truthy).
      "proj.settings": ["production", ["security.W004", "security.W008", "security.W018"]],
    },
  },
  settings_files: {
    django: "3.2",
    envs: {
      settings_dev: ["development", []],
      settings_prod: ["production", ["security.E023", "security.W002", "security.W009", "security.W021"]],
      test_settings: ["testing", []],
    },
  },
  conf_dir: {
    django: "3.2",
    envs: {
      // manage.py runs the base module itself: what developers get.
      "conf.settings.base": ["development", []],
      "conf.settings.production": ["production", ["security.W009", "security.W019"]],
      "conf.settings.staging": ["staging", ["security.W005", "security.W018", "security.W021"]],
    },
  },
  getenv_style: {
    django: "4.1",
    envs: {
      "core.settings.base": ["development", []],
      // DEBUG is the string "False" (truthy); SESSION_COOKIE_SECURE is the string "True" (not `is True` in 4.1);
      // the file cache at BASE_DIR / "public" / "cache" sits inside STATIC_ROOT = BASE_DIR / "public".
      "core.settings.prod": ["production", ["caches.W002", "security.W012", "security.W018"]],
      "core.settings.test": ["testing", []],
    },
  },
  dj_database_url: {
    django: "5.2",
    envs: { "web.settings": ["production", ["security.W004", "security.W009", "security.W025"]] },
  },
  broken: {
    django: "4.2",
    envs: {
      "settings.a": ["production", ["security.W005", "security.W009", "security.W021"]],
      "settings.development": ["development", []],
      "settings.local_fr": ["development", []],
      "settings.prod_eu": ["production", ["security.W009", "security.W019"]],
      // Names assigned after the unclosed bracket are unknown, so only DEBUG (before it) is judged.
      "settings.production": ["production", ["security.W018"]],
      // The unguarded missing import is skipped, as if the module were empty.
      "settings.staging": ["staging", ["security.W005", "security.W009", "security.W016", "security.W021"]],
    },
    notes: [/blob\.py is not analysed: skipped: the file holds NUL bytes/, /import cycle: a\.py → b\.py → a\.py/, /not valid UTF-8; it was read as Latin-1/, /syntax error at line 9/, /the module \.nonexistent is not in the project/],
  },
};

for (const [name, spec] of Object.entries(LAYOUTS)) {
  test(`layout ${name}: environments, kinds and Django check ids`, () => {
    const r = spawnSync(process.execPath, [CLI, "audit", path.join(REPO, "test", "fixtures", "layouts", name), "--format", "json"], { encoding: "utf8" });
    assert.ok(r.status === 0 || r.status === 1, `exit ${r.status}: ${r.stderr}`);
    const report = JSON.parse(r.stdout) as {
      djangoVersion: string;
      environments: Array<{ name: string; kind: string }>;
      findings: Array<{ environments: string[]; djangoCheck: string | null }>;
      notes: Array<{ message: string }>;
    };
    assert.equal(report.djangoVersion, spec.django);
    const got: Expected = {};
    for (const e of report.environments) {
      const ids = [...new Set(report.findings.filter((f) => f.environments.includes(e.name) && f.djangoCheck).map((f) => f.djangoCheck!))].sort();
      got[e.name] = [e.kind, ids];
    }
    assert.deepEqual(got, spec.envs);
    for (const re of spec.notes ?? []) assert.ok(report.notes.some((n) => re.test(n.message)), `no note matches ${re}: ${JSON.stringify(report.notes)}`);
  });
}
