// Prints the CLI's throughput on generated trees beside bandit -r on the same trees and Django's check --deploy on examples/mysite.
import { spawnSync } from "child_process";
import { cpSync, existsSync, mkdirSync, openSync, readdirSync, rmSync, statSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { dirname, join } from "path";
import { fileURLToPath } from "url";

const repo = join(dirname(fileURLToPath(import.meta.url)), "..");
const CLI = join(repo, "bin", "django-settings-hygiene.js");
/** Timed runs per measurement (the median is reported); bandit on the whole-repository tree runs BANDIT_RUNS times. */
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const BANDIT_RUNS = Number(process.env.BENCH_BANDIT_RUNS ?? 1);
const SIZES = (process.env.BENCH_SIZES ?? "10,100,1000").split(",").map(Number);
const SKIP_BANDIT = !!process.env.BENCH_SKIP_BANDIT;
const SKIP_DJANGO = !!process.env.BENCH_SKIP_DJANGO;
// Run only some sections: BENCH_SECTIONS=settings,django (workspaces, settings, package, repo, django); all by default.
const SECTIONS = new Set((process.env.BENCH_SECTIONS ?? "workspaces,settings,package,repo,django").split(","));
/** Trees are kept between runs (they take a while to write); bump this when the generator changes. */
const GENERATOR = "v2";
const WORK = process.env.BENCH_DIR ?? join(tmpdir(), `dsh-throughput-${GENERATOR}`);
const DEVNULL = openSync("/dev/null", "w");

// ---- deterministic text generation --------------------------------------------------------------------------------

function rng(seed) {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

const WORDS = "account order invoice customer product shipment payment report profile session ticket comment article tag category vendor warehouse coupon review subscription notification message device region currency".split(" ");
const pascal = (w) => w[0].toUpperCase() + w.slice(1);

function baseSettings(project, r) {
  const hosts = r() < 0.5 ? "[]" : `["${project}.example.com"]`;
  return `"""Django settings for ${project}: shared by every environment."""
import os
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent.parent

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "django-insecure-${project}-${Math.floor(r() * 1e9).toString(36)}x9!k2v$9pq0w7z")
DEBUG = os.environ.get("DJANGO_DEBUG", "False").lower() in ("1", "true", "yes")
ALLOWED_HOSTS = ${hosts}

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "rest_framework",
    "${project}_core",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "${project}.urls"
WSGI_APPLICATION = "${project}.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": os.environ.get("POSTGRES_DB", "${project}"),
        "USER": os.environ.get("POSTGRES_USER", "${project}"),
        "PASSWORD": os.environ.get("POSTGRES_PASSWORD", ""),
        "HOST": os.environ.get("POSTGRES_HOST", "localhost"),
        "PORT": int(os.environ.get("POSTGRES_PORT", "5432")),
        "CONN_MAX_AGE": 60,
    }
}

CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": os.environ.get("REDIS_URL", "redis://localhost:6379/0")}}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-us"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
MEDIA_URL = "media/"
MEDIA_ROOT = BASE_DIR / "media"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": ["rest_framework.authentication.SessionAuthentication"],
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.PageNumberPagination",
    "PAGE_SIZE": ${10 + Math.floor(r() * 90)},
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
}
`;
}

function envSettings(kind, project, r) {
  const common = "from .base import *  # noqa: F401,F403\n\n";
  if (kind === "development") {
    return `${common}DEBUG = True
ALLOWED_HOSTS = ["localhost", "127.0.0.1"]
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
INSTALLED_APPS += ["debug_toolbar"]
MIDDLEWARE.insert(0, "debug_toolbar.middleware.DebugToolbarMiddleware")
INTERNAL_IPS = ["127.0.0.1"]

try:
    from .local import *  # noqa: F401,F403
except ImportError:
    pass
`;
  }
  if (kind === "testing") {
    return `${common}DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
DATABASES["default"] = {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
`;
  }
  const hsts = r() < 0.5 ? 0 : 31536000;
  return `${common}DEBUG = os.environ.get("DJANGO_DEBUG", "False") == "True"
ALLOWED_HOSTS = os.environ.get("DJANGO_ALLOWED_HOSTS", "${project}.example.com").split(",")
CSRF_TRUSTED_ORIGINS = ["https://${project}.example.com"]

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = ${r() < 0.7 ? "True" : "False"}
SECURE_HSTS_SECONDS = ${hsts}
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = ${r() < 0.5 ? "True" : "False"}
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = ${r() < 0.8 ? "True" : "False"}
SECURE_REFERRER_POLICY = "same-origin"

EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
EMAIL_HOST = os.environ.get("EMAIL_HOST", "smtp.example.com")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD")

STORAGES = {
    "default": {"BACKEND": "storages.backends.s3.S3Storage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
`;
}

function entryPoint(kind, project, env) {
  if (kind === "manage") {
    return `#!/usr/bin/env python
"""Django's command-line utility for administrative tasks."""
import os
import sys


def main():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "${project}.settings.${env}")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
`;
  }
  return `"""${kind.toUpperCase()} config for ${project}."""
import os

from django.core.${kind}.get_${kind}_application import get_${kind}_application  # noqa

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "${project}.settings.${env}")
application = None
`;
}

/** models.py: `n` models with fields, Meta, __str__ and a few methods, as product code has them. */
function models(app, n, r) {
  const out = [`"""Models of the ${app} app."""`, "import uuid", "from decimal import Decimal", "", "from django.conf import settings", "from django.db import models", "from django.utils import timezone", ""];
  for (let i = 0; i < n; i++) {
    const name = pascal(WORDS[i % WORDS.length]) + (i >= WORDS.length ? i : "");
    out.push(
      `class ${name}(models.Model):`,
      `    """A ${name.toLowerCase()} in ${app}."""`,
      "",
      "    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)",
      `    name = models.CharField(max_length=${64 + Math.floor(r() * 192)}, db_index=True)`,
      '    slug = models.SlugField(unique=True)',
      "    description = models.TextField(blank=True)",
      `    amount = models.DecimalField(max_digits=12, decimal_places=2, default=Decimal("0.00"))`,
      "    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name=\"+\")",
      "    is_active = models.BooleanField(default=True)",
      "    created_at = models.DateTimeField(default=timezone.now)",
      "    updated_at = models.DateTimeField(auto_now=True)",
      "",
      "    class Meta:",
      `        ordering = ["-created_at"]`,
      `        indexes = [models.Index(fields=["owner", "created_at"])]`,
      "",
      "    def __str__(self):",
      "        return self.name",
      "",
      "    def total(self, rate=Decimal(\"1.00\")):",
      "        # Rounded the way the finance team reports it.",
      "        return (self.amount * rate).quantize(Decimal(\"0.01\"))",
      "",
      "    def deactivate(self):",
      "        self.is_active = False",
      "        self.save(update_fields=[\"is_active\", \"updated_at\"])",
      "",
      "",
    );
  }
  return out.join("\n");
}

function views(app, n) {
  const out = [`"""Views of the ${app} app."""`, "import json", "import logging", "import subprocess", "", "from django.http import HttpResponse, JsonResponse", "from django.shortcuts import get_object_or_404, render", "from django.views.decorators.http import require_http_methods", "", "from . import models", "", "logger = logging.getLogger(__name__)", ""];
  for (let i = 0; i < n; i++) {
    const m = pascal(WORDS[i % WORDS.length]) + (i >= WORDS.length ? i : "");
    out.push(
      `@require_http_methods(["GET"])`,
      `def ${m.toLowerCase()}_list(request):`,
      `    items = models.${m}.objects.filter(owner=request.user, is_active=True)[:100]`,
      `    return JsonResponse({"results": [{"id": str(x.id), "name": x.name} for x in items]})`,
      "",
      "",
      `@require_http_methods(["GET", "POST"])`,
      `def ${m.toLowerCase()}_detail(request, pk):`,
      `    obj = get_object_or_404(models.${m}, pk=pk, owner=request.user)`,
      '    if request.method == "POST":',
      "        data = json.loads(request.body or b\"{}\")",
      '        obj.name = data.get("name", obj.name)',
      "        obj.save()",
      `        logger.info("updated ${m.toLowerCase()} %s", obj.pk)`,
      `    return render(request, "${app}/${m.toLowerCase()}_detail.html", {"object": obj})`,
      "",
      "",
    );
    if (i % 5 === 0) out.push(`def ${m.toLowerCase()}_export(request):`, `    out = subprocess.run(["pg_dump", "--table", "${app}_${m.toLowerCase()}"], capture_output=True, check=False)`, "    return HttpResponse(out.stdout, content_type=\"application/sql\")", "", "");
  }
  return out.join("\n");
}

function tests(app, kind, n) {
  const out = [`"""Tests for ${app}: ${kind}."""`, "from django.contrib.auth import get_user_model", "from django.test import TestCase", "from django.urls import reverse", "", "from .. import models", ""];
  for (let i = 0; i < n; i++) {
    const m = pascal(WORDS[i % WORDS.length]) + (i >= WORDS.length ? i : "");
    out.push(
      `class ${m}${pascal(kind)}Tests(TestCase):`,
      "    @classmethod",
      "    def setUpTestData(cls):",
      `        cls.user = get_user_model().objects.create_user("u${i}", password="test-password-${i}")`,
      `        cls.obj = models.${m}.objects.create(name="n${i}", slug="s${i}", owner=cls.user)`,
      "",
      "    def test_str(self):",
      `        assert str(self.obj) == "n${i}"`,
      "",
      "    def test_list_requires_login(self):",
      `        response = self.client.get(reverse("${app}:${m.toLowerCase()}-list"))`,
      "        self.assertEqual(response.status_code, 302)",
      "",
      "    def test_detail(self):",
      "        self.client.force_login(self.user)",
      `        response = self.client.get(reverse("${app}:${m.toLowerCase()}-detail", args=[self.obj.pk]))`,
      "        self.assertContains(response, self.obj.name)",
      "",
      "",
    );
  }
  return out.join("\n");
}

function migration(app, number, n) {
  const out = [`# Generated by Django 4.2.7 on 2024-0${1 + (number % 9)}-1${number % 10} 10:${String(number % 60).padStart(2, "0")}`, "", "import uuid", "from decimal import Decimal", "", "import django.db.models.deletion", "import django.utils.timezone", "from django.conf import settings", "from django.db import migrations, models", "", "", "class Migration(migrations.Migration):", number === 1 ? "    initial = True" : "", "", "    dependencies = [", "        migrations.swappable_dependency(settings.AUTH_USER_MODEL),", number > 1 ? `        ("${app}", "${String(number - 1).padStart(4, "0")}_auto"),` : "", "    ]", "", "    operations = ["];
  for (let i = 0; i < n; i++) {
    const m = pascal(WORDS[(i + number) % WORDS.length]) + number;
    out.push(
      "        migrations.CreateModel(",
      `            name="${m}",`,
      "            fields=[",
      '                ("id", models.UUIDField(default=uuid.uuid4, editable=False, primary_key=True, serialize=False)),',
      '                ("name", models.CharField(db_index=True, max_length=128)),',
      '                ("amount", models.DecimalField(decimal_places=2, default=Decimal("0.00"), max_digits=12)),',
      '                ("created_at", models.DateTimeField(default=django.utils.timezone.now)),',
      '                ("owner", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name="+", to=settings.AUTH_USER_MODEL)),',
      "            ],",
      '            options={"ordering": ["-created_at"]},',
      "        ),",
    );
  }
  out.push("    ]", "");
  return out.join("\n");
}

function writeTree(root, files) {
  for (const [rel, text] of Object.entries(files)) {
    const p = join(root, rel);
    mkdirSync(dirname(p), { recursive: true });
    writeFileSync(p, text);
  }
}

/** One Django project: entry points, split settings (base, development, production, testing), one small app. */
function projectFiles(project, r, withApp = true) {
  const s = `${project}/settings`;
  const files = {
    "manage.py": entryPoint("manage", project, "development"),
    [`${project}/__init__.py`]: "",
    [`${project}/wsgi.py`]: entryPoint("wsgi", project, "production"),
    [`${project}/asgi.py`]: entryPoint("asgi", project, "production"),
    [`${project}/urls.py`]: 'from django.contrib import admin\nfrom django.urls import path\n\nurlpatterns = [path("admin/", admin.site.urls)]\n',
    [`${s}/__init__.py`]: "",
    [`${s}/base.py`]: baseSettings(project, r),
    [`${s}/development.py`]: envSettings("development", project, r),
    [`${s}/production.py`]: envSettings("production", project, r),
    [`${s}/testing.py`]: envSettings("testing", project, r),
  };
  if (withApp) {
    const app = `${project}_core`;
    Object.assign(files, {
      [`${app}/__init__.py`]: "",
      [`${app}/models.py`]: models(app, 3, r),
      [`${app}/views.py`]: views(app, 3),
      [`${app}/tests.py`]: tests(app, "views", 2),
      [`${app}/migrations/__init__.py`]: "",
      [`${app}/migrations/0001_initial.py`]: migration(app, 1, 3),
    });
  }
  return files;
}

/** A workspace of `n` projects side by side (a monorepo of services). */
function workspace(n) {
  const root = join(WORK, `projects-${n}`);
  if (existsSync(join(root, ".complete"))) return root;
  rmSync(root, { recursive: true, force: true });
  const r = rng(n);
  for (let i = 0; i < n; i++) writeTree(join(root, `service${String(i).padStart(4, "0")}`), projectFiles(`svc${i}`, r));
  writeFileSync(join(root, ".complete"), "");
  return root;
}

/** Only settings modules: `n` projects' settings packages, nothing else. */
function settingsOnly(n) {
  const root = join(WORK, `settings-only-${n}`);
  if (existsSync(join(root, ".complete"))) return root;
  rmSync(root, { recursive: true, force: true });
  const r = rng(7 * n);
  for (let i = 0; i < n; i++) {
    const all = projectFiles(`svc${i}`, r, false);
    const only = Object.fromEntries(Object.entries(all).filter(([rel]) => rel.includes("/settings/")));
    writeTree(join(root, `svc${i}`), only);
  }
  writeFileSync(join(root, ".complete"), "");
  return root;
}

/** A large product's repository: one Django project, 160 apps of app code, tests and migrations (~4,000 files, ~25 MB). */
function wholeRepo() {
  const root = join(WORK, "whole-repo");
  if (existsSync(join(root, ".complete"))) return root;
  rmSync(root, { recursive: true, force: true });
  const r = rng(4000);
  writeTree(root, {
    ...projectFiles("config", r, false),
    "config/settings/local.py": 'from .development import *  # noqa\nSECRET_KEY = "local-only"\n',
    "requirements.txt": "Django==4.2.7\ndjangorestframework==3.14.0\npsycopg==3.1.12\nredis==5.0.1\n",
  });
  for (let a = 0; a < 160; a++) {
    const app = `${WORDS[a % WORDS.length]}s_${a}`;
    const files = {
      [`apps/${app}/__init__.py`]: "",
      [`apps/${app}/apps.py`]: `from django.apps import AppConfig\n\n\nclass ${pascal(WORDS[a % WORDS.length])}Config(AppConfig):\n    name = "apps.${app}"\n`,
      [`apps/${app}/models.py`]: models(app, 27, r),
      [`apps/${app}/views.py`]: views(app, 27),
      [`apps/${app}/admin.py`]: `from django.contrib import admin\n\nfrom . import models\n\n` + Array.from({ length: 22 }, (_, i) => `admin.site.register(models.${pascal(WORDS[i % WORDS.length]) + (i >= WORDS.length ? i : "")})\n`).join(""),
      [`apps/${app}/urls.py`]: `from django.urls import path\n\nfrom . import views\n\napp_name = "${app}"\nurlpatterns = [\n` + Array.from({ length: 22 }, (_, i) => { const m = (WORDS[i % WORDS.length] + (i >= WORDS.length ? i : "")).toLowerCase(); return `    path("${m}/", views.${m}_list, name="${m}-list"),\n    path("${m}/<uuid:pk>/", views.${m}_detail, name="${m}-detail"),\n`; }).join("") + "]\n",
      [`apps/${app}/forms.py`]: `from django import forms\n\nfrom . import models\n\n` + Array.from({ length: 22 }, (_, i) => { const m = pascal(WORDS[i % WORDS.length]) + (i >= WORDS.length ? i : ""); return `class ${m}Form(forms.ModelForm):\n    class Meta:\n        model = models.${m}\n        fields = ["name", "slug", "description", "amount"]\n\n\n`; }).join(""),
      [`apps/${app}/serializers.py`]: `from rest_framework import serializers\n\nfrom . import models\n\n` + Array.from({ length: 22 }, (_, i) => { const m = pascal(WORDS[i % WORDS.length]) + (i >= WORDS.length ? i : ""); return `class ${m}Serializer(serializers.ModelSerializer):\n    total = serializers.SerializerMethodField()\n\n    class Meta:\n        model = models.${m}\n        fields = ["id", "name", "slug", "amount", "total", "created_at"]\n\n    def get_total(self, obj):\n        return str(obj.total())\n\n\n`; }).join(""),
      [`apps/${app}/signals.py`]: `from django.db.models.signals import post_save\nfrom django.dispatch import receiver\n\nfrom . import models\n\n\n@receiver(post_save, sender=models.${pascal(WORDS[0])})\ndef on_save(sender, instance, created, **kwargs):\n    if created:\n        instance.refresh_from_db()\n`,
      [`apps/${app}/tasks.py`]: `import pickle\n\nfrom . import models\n\n\ndef rebuild_cache(blob):\n    # Trusted input from our own queue.\n    data = pickle.loads(blob)\n    return [models.${pascal(WORDS[0])}.objects.filter(pk=pk).update(is_active=True) for pk in data]\n`,
      [`apps/${app}/utils.py`]: views(app, 6).replace(`"""Views of the ${app} app."""`, `"""Helpers of the ${app} app."""`),
      [`apps/${app}/tests/__init__.py`]: "",
      [`apps/${app}/tests/test_models.py`]: tests(app, "models", 17),
      [`apps/${app}/tests/test_views.py`]: tests(app, "views", 17),
      [`apps/${app}/tests/test_api.py`]: tests(app, "api", 17),
      [`apps/${app}/migrations/__init__.py`]: "",
      [`apps/${app}/management/__init__.py`]: "",
      [`apps/${app}/management/commands/__init__.py`]: "",
      [`apps/${app}/management/commands/sync_${app}.py`]: `from django.core.management.base import BaseCommand\n\n\nclass Command(BaseCommand):\n    help = "Synchronise ${app}"\n\n    def handle(self, *args, **options):\n        self.stdout.write("ok")\n`,
    };
    for (let m = 1; m <= 7; m++) files[`apps/${app}/migrations/${String(m).padStart(4, "0")}_auto.py`] = migration(app, m, 11);
    writeTree(root, files);
  }
  writeFileSync(join(root, ".complete"), "");
  return root;
}

// ---- measuring ------------------------------------------------------------------------------------------------------

function treeStats(root) {
  let files = 0;
  let py = 0;
  let bytes = 0;
  let settings = 0;
  (function walk(d) {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      const st = statSync(p);
      if (st.isDirectory()) walk(p);
      else if (name !== ".complete") {
        files++;
        bytes += st.size;
        if (name.endsWith(".py")) {
          py++;
          if (p.includes("/settings/") && name !== "__init__.py") settings++;
        }
      }
    }
  })(root);
  return { files, py, bytes, settings };
}

/** Wall time of one run (ms) and the child's peak RSS (MiB, from GNU time), output to /dev/null. */
function timeOnce(cmd, args, env = {}) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync("/usr/bin/time", ["-f", "MAXRSS %M", cmd, ...args], { stdio: ["ignore", DEVNULL, "pipe"], env: { ...process.env, ...env }, encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  const rss = Number(/MAXRSS (\d+)/.exec(r.stderr ?? "")?.[1] ?? NaN) / 1024;
  return { ms, rss, status: r.status, stderr: r.stderr };
}

function median(label, cmd, args, runs, okStatus, env) {
  const results = [];
  for (let i = 0; i < runs; i++) {
    const r = timeOnce(cmd, args, env);
    if (!okStatus.includes(r.status)) throw new Error(`${label}: exit ${r.status}\n${r.stderr.slice(-3000)}`);
    results.push(r);
  }
  results.sort((a, b) => a.ms - b.ms);
  return { ms: results[Math.floor(results.length / 2)].ms, rss: Math.max(...results.map((r) => r.rss)), runs };
}

const cli = (root, runs = RUNS) => {
  timeOnce(process.execPath, [CLI, "audit", root, "--format", "json"]); // warm the file cache and the code cache
  return median(`CLI on ${root}`, process.execPath, [CLI, "audit", root, "--format", "json"], runs, [0, 1]);
};
const bandit = (root, runs) => median(`bandit on ${root}`, "bandit", ["-r", root, "-q", "-f", "json", "-o", "/dev/null"], runs, [0, 1]);

const fmt = (ms) => (ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${ms.toFixed(0)} ms`);
const mb = (b) => `${(b / 1024 / 1024).toFixed(1)} MB`;

function banditVersion() {
  const r = spawnSync("bandit", ["--version"], { encoding: "utf8" });
  return r.status === 0 ? r.stdout.split("\n")[0].trim() : undefined;
}

// ---- the run --------------------------------------------------------------------------------------------------------

console.log(`node ${process.version}; CLI: ${CLI} (dist/cli.js, one process per run, start-up included); median of ${RUNS} runs after a warm-up; trees in ${WORK}`);
const haveBandit = !SKIP_BANDIT && !!banditVersion();
if (!SKIP_BANDIT && !haveBandit) console.log("bandit not found: `apt-get install -y bandit` (Debian) for the comparisons");
if (haveBandit) console.log(`bandit: ${banditVersion()} (bandit -r TREE -q -f json -o /dev/null), median of ${RUNS} runs (whole-repository tree: ${BANDIT_RUNS})`);
mkdirSync(WORK, { recursive: true });
const rows = [];

if (SECTIONS.has("workspaces")) console.log("\n== Workspaces of N projects (each: manage.py, wsgi/asgi, 4 settings modules, one small app) ==");
const growth = [];
for (const n of SECTIONS.has("workspaces") ? SIZES : []) {
  const root = workspace(n);
  const st = treeStats(root);
  const c = cli(root);
  const b = haveBandit ? bandit(root, n >= 1000 ? 1 : RUNS) : undefined;
  growth.push({ n, ms: c.ms, settings: st.settings });
  console.log(
    `${String(n).padStart(5)} projects  ${String(st.py).padStart(6)} .py files ${mb(st.bytes).padStart(8)}  ${String(st.settings).padStart(5)} settings modules   CLI ${fmt(c.ms).padStart(8)} (${(c.ms / n).toFixed(2)} ms/project, ${(c.ms / st.settings).toFixed(2)} ms/settings module, peak ${c.rss.toFixed(0)} MiB)` +
      (b ? `   bandit ${fmt(b.ms).padStart(8)} (${(b.ms / n).toFixed(1)} ms/project)   bandit/CLI ${(b.ms / c.ms).toFixed(1)}×` : ""),
  );
  rows.push({ tree: `${n} projects`, ...st, cli: c, bandit: b });
}
if (growth.length >= 2) {
  const [a, z] = [growth[0], growth[growth.length - 1]];
  // Start-up (node, wasm) is a constant; the slope between the smallest and largest workspace is the cost per project.
  const slope = (z.ms - a.ms) / (z.n - a.n);
  console.log(`growth: ${((z.ms / a.ms) / (z.n / a.n)).toFixed(2)} × the linear prediction from ${a.n} to ${z.n} projects; marginal cost ${slope.toFixed(2)} ms/project, ${(slope / (z.settings / z.n)).toFixed(2)} ms/settings module; fixed start-up ≈ ${(a.ms - slope * a.n).toFixed(0)} ms`);
}

if (SECTIONS.has("settings")) {
  // Interleaved rounds: each round runs every tool once, in turn, so a host whose speed drifts (a shared VM) slows all of
  // them alike; the ratios are taken within a round. The floors are processes that only parse (and visit) the same files
  // with the CLI's parser: no analysis can take less, so they bound what any change to the analysis could reach.
  const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
  const floor = (mode) => [join(repo, "bench", "floor.mjs"), mode];
  const probe = (args, root) => spawnSync(process.execPath, [...args, root], { stdio: ["ignore", "ignore", "pipe"], encoding: "utf8" });
  for (const n of (process.env.BENCH_SETTINGS_SIZES ?? "30,250").split(",").map(Number)) {
    console.log(`\n== A tree holding only settings modules: ${n} projects' settings packages ==`);
    const root = settingsOnly(n);
    const st = treeStats(root);
    const tools = [{ name: "CLI", cmd: process.execPath, args: [CLI, "audit", root, "--format", "json"] }];
    if (haveBandit) tools.push({ name: "bandit", cmd: "bandit", args: ["-r", root, "-q", "-f", "json", "-o", "/dev/null"] });
    for (const mode of ["ruff", "wasm-parse", "wasm-visit", "native-parse", "native-visit"]) {
      const check = probe(floor(mode), root);
      if (check.status === 0) tools.push({ name: mode, cmd: process.execPath, args: [...floor(mode), root], note: check.stderr.trim() });
      else console.log(`${mode}: not measured (${check.stderr.trim().split("\n").pop()})`);
    }
    // Worker threads or processes for many projects, bounded from above: two CLI processes at once, each on half of the
    // projects (copies, as the CLI reads no file whose real path is outside its root), against one on the whole tree.
    if (process.env.BENCH_HALVES !== "0" && n >= 100) {
      const halves = ["a", "b"].map((h) => join(WORK, `settings-only-${n}-half-${h}`));
      for (const [i, dir] of halves.entries()) {
        if (existsSync(join(dir, ".complete"))) continue;
        rmSync(dir, { recursive: true, force: true });
        mkdirSync(dir, { recursive: true });
        readdirSync(root).filter((d) => d.startsWith("svc")).sort().forEach((d, k) => k % 2 === i && cpSync(join(root, d), join(dir, d), { recursive: true }));
        writeFileSync(join(dir, ".complete"), "");
      }
      const both = halves.map((d) => `"${process.execPath}" "${CLI}" audit "${d}" --format json >/dev/null`).join(" & ");
      tools.push({ name: "CLI, 2 halves", cmd: "bash", args: ["-c", `${both}; wait`], note: "two processes at once, half the projects each" });
    }
    for (const t of tools) timeOnce(t.cmd, t.args); // warm the file cache and the code cache
    const times = Object.fromEntries(tools.map((t) => [t.name, []]));
    for (let i = 0; i < ROUNDS; i++) {
      for (const t of tools) {
        const r = timeOnce(t.cmd, t.args);
        if (![0, 1].includes(r.status)) throw new Error(`${t.name} on ${root}: exit ${r.status}\n${r.stderr.slice(-3000)}`);
        times[t.name].push(r);
      }
    }
    const spread = (xs) => {
      const s = [...xs].sort((a, b) => a - b);
      return { min: s[0], median: s[Math.floor(s.length / 2)], max: s[s.length - 1] };
    };
    const mmm = (xs, f) => {
      const s = spread(xs);
      return `${f(s.min)} / ${f(s.median)} / ${f(s.max)}`;
    };
    console.log(`${st.py} .py files, ${mb(st.bytes)}, ${st.settings} settings modules; ${ROUNDS} interleaved rounds, min / median / max`);
    for (const t of tools) {
      const ms = times[t.name].map((r) => r.ms);
      const peak = Math.max(...times[t.name].map((r) => r.rss));
      console.log(`  ${t.name.padEnd(13)} ${mmm(ms, fmt).padStart(26)}   peak ${peak.toFixed(0)} MiB${t.note ? `   (${t.note})` : ""}`);
    }
    const cliMs = times.CLI.map((r) => r.ms);
    const perRound = (name, f) => (times[name] ? times[name].map((r, i) => f(r.ms, cliMs[i])) : undefined);
    const x = (v) => `${v.toFixed(2)}\u00d7`;
    const vsBandit = perRound("bandit", (b, c) => b / c);
    if (vsBandit) console.log(`  bandit / CLI per round: ${mmm(vsBandit, x)} (target \u2265 3\u00d7)`);
    const vsRuff = perRound("ruff", (r, c) => c / r);
    if (vsRuff) console.log(`  CLI / ruff (wasm build) per round: ${mmm(vsRuff, x)} (target \u2264 5\u00d7 of native ruff, which is not installable here)`);
    const halves = perRound("CLI, 2 halves", (h, c) => c / h);
    if (halves) console.log(`  one CLI on the whole tree / two at once on its halves, per round: ${mmm(halves, x)} (2 vCPUs: at most 2\u00d7)`);
    for (const f of ["wasm-parse", "wasm-visit", "native-parse", "native-visit"]) {
      const share = perRound(f, (p) => p);
      if (!share || !vsBandit) continue;
      const ofBandit = times[f].map((r, i) => r.ms / times.bandit[i].ms);
      console.log(`  ${f} alone is ${mmm(ofBandit, (v) => `${(v * 100).toFixed(0)}%`)} of bandit's time (3\u00d7 bandit leaves the CLI 33%)`);
    }
    const med = (name) => (times[name] ? { ms: spread(times[name].map((r) => r.ms)).median, rss: Math.max(...times[name].map((r) => r.rss)) } : undefined);
    rows.push({ tree: `settings only, ${n} projects`, ...st, cli: med("CLI"), bandit: med("bandit") });
  }
}

if (SECTIONS.has("package")) {
  console.log("\n== One project's settings package alone (examples/mysite/mysite/settings: 5 modules) ==");
  const root = join(WORK, "mysite-settings-only");
  rmSync(root, { recursive: true, force: true });
  mkdirSync(join(root, "mysite"), { recursive: true });
  spawnSync("cp", ["-r", join(repo, "examples", "mysite", "mysite", "settings"), join(root, "mysite", "settings")]);
  const st = treeStats(root);
  const c = cli(root, Math.max(RUNS, 5));
  const b = haveBandit ? bandit(root, Math.max(RUNS, 5)) : undefined;
  console.log(`${st.py} .py files, ${(st.bytes / 1024).toFixed(1)} KB   CLI ${fmt(c.ms)}` + (b ? `   bandit ${fmt(b.ms)}   bandit/CLI ${(b.ms / c.ms).toFixed(1)}×` : ""));
  rows.push({ tree: "one settings package", ...st, cli: c, bandit: b });
}

if (SECTIONS.has("repo")) {
  console.log("\n== A large product's whole repository (one project, 160 apps: models, views, tests, migrations) ==");
  const root = wholeRepo();
  const st = treeStats(root);
  const c = cli(root);
  const b = haveBandit ? bandit(root, BANDIT_RUNS) : undefined;
  console.log(`${st.py} .py files, ${mb(st.bytes)}, ${st.settings} settings modules   CLI ${fmt(c.ms)} (peak ${c.rss.toFixed(0)} MiB)` + (b ? `   bandit ${fmt(b.ms)} (peak ${b.rss.toFixed(0)} MiB)   bandit/CLI ${(b.ms / c.ms).toFixed(1)}× (target ≥ 50×)` : ""));
  rows.push({ tree: "whole repository", ...st, cli: c, bandit: b });
}

if (!SKIP_DJANGO && SECTIONS.has("django")) {
  console.log("\n== Django 3.2 check --deploy, once per environment of examples/mysite, vs one CLI run over all of them ==");
  const site = join(repo, "examples", "mysite");
  const shimDir = join(WORK, "django-shims");
  mkdirSync(shimDir, { recursive: true });
  const envs = ["base", "development", "production", "testing"];
  for (const env of envs) {
    // The settings are imported unchanged; the shim only supplies what this machine lacks to import and set up Django:
    // EMAIL_HOST_PASSWORD (production reads it with no default, so env() raises before any check runs) and a
    // database backend whose driver is installed (psycopg is not; `check` loads the backend, --deploy never queries it).
    writeFileSync(
      join(shimDir, `bench_${env}.py`),
      `import os\nos.environ.setdefault("EMAIL_HOST_PASSWORD", "bench-placeholder")\nfrom mysite.settings.${env} import *  # noqa\nDATABASES = {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"}}\n`,
    );
  }
  const pyEnv = { PYTHONPATH: `${shimDir}:${site}`, PYTHONDONTWRITEBYTECODE: "1" };
  const deps = spawnSync("/usr/bin/python3", ["-c", "import django, environ"], { encoding: "utf8" });
  if (deps.status !== 0) throw new Error(`examples/mysite needs Django and django-environ for /usr/bin/python3: apt-get install -y python3-django python3-django-environ\n${deps.stderr}`);
  const djangoArgs = (env) => ["-m", "django", "check", "--deploy", `--settings=bench_${env}`];
  // Interleaved (CLI, then each environment, per round) so that other load on the machine hits both sides alike.
  const runs = Math.max(RUNS, 5);
  timeOnce(process.execPath, [CLI, "audit", site, "--format", "json"]);
  for (const env of envs) timeOnce("/usr/bin/python3", djangoArgs(env), pyEnv);
  const cliTimes = [];
  const djangoTimes = Object.fromEntries(envs.map((e) => [e, []]));
  for (let i = 0; i < runs; i++) {
    const c = timeOnce(process.execPath, [CLI, "audit", site, "--format", "json"]);
    if (![0, 1].includes(c.status)) throw new Error(`CLI on ${site}: exit ${c.status}\n${c.stderr}`);
    cliTimes.push(c.ms);
    for (const env of envs) {
      const d = timeOnce("/usr/bin/python3", djangoArgs(env), pyEnv);
      // Exit 1 is also what an import error gives: only a run that got as far as reporting its checks counts.
      if (![0, 1].includes(d.status) || !/System check identified/.test(d.stderr) || /Traceback/.test(d.stderr)) throw new Error(`check --deploy ${env} did not run its checks: exit ${d.status}\n${d.stderr.slice(-3000)}`);
      djangoTimes[env].push(d.ms);
    }
  }
  const med = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  for (const env of envs) console.log(`python3 -m django check --deploy --settings=mysite.settings.${env} (via shim): ${fmt(med(djangoTimes[env]))}`);
  const total = envs.reduce((s, e) => s + med(djangoTimes[e]), 0);
  const c = { ms: med(cliTimes) };
  console.log(`check --deploy for all ${envs.length} environments: ${fmt(total)}   CLI audit examples/mysite (all ${envs.length} at once): ${fmt(c.ms)}   ratio ${(total / c.ms).toFixed(1)}× (target ≥ 5×); one check --deploy run vs the whole CLI run: ${(total / envs.length / c.ms).toFixed(1)}×  (medians of ${runs} interleaved rounds)`);
  rows.push({ tree: "examples/mysite", cli: c, django: total });
}

console.log("\n== Summary (markdown) ==");
console.log("| Tree | .py files | Size | Settings modules | CLI | bandit -r | bandit / CLI |");
console.log("|---|---:|---:|---:|---:|---:|---:|");
for (const r of rows) {
  if (r.django !== undefined) continue;
  console.log(`| ${r.tree} | ${r.py} | ${mb(r.bytes)} | ${r.settings} | ${fmt(r.cli.ms)} | ${r.bandit ? fmt(r.bandit.ms) : "–"} | ${r.bandit ? (r.bandit.ms / r.cli.ms).toFixed(1) + "×" : "–"} |`);
}
