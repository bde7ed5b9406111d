// Rule table for sqlite-in-production: SQLite engines in deployed DATABASES, written or from a URL default.
import { fromRequiredEnv, ruleTable } from "../../helpers/project";
import { envTable, GOOD_BASE, split } from "./checklistTestHelpers";

const R = "sqlite-in-production";

ruleTable(R, [
  { name: "a sqlite3 dict fires", production: 'DATABASES = {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": "db.sqlite3"}}\n', expect: [R] },
  { name: "spatialite fires", production: 'DATABASES = {"default": {"ENGINE": "django.contrib.gis.db.backends.spatialite", "NAME": "x"}}\n', expect: [R] },
  { name: "postgres is silent", production: 'DATABASES = {"default": {"ENGINE": "django.db.backends.postgresql", "NAME": "app"}}\n', expect: [] },
  { name: "env.db's sqlite default fires", production: 'import environ\nenv = environ.Env()\nDATABASES = {"default": env.db("DATABASE_URL", default="sqlite:///db.sqlite3")}\n', expect: [R] },
  { name: "dj_database_url's sqlite default fires", production: 'import dj_database_url\nDATABASES = {"default": dj_database_url.config(default="sqlite:///db.sqlite3")}\n', expect: [R] },
  { name: "env.db without a default is unknown: silent", production: 'import environ\nenv = environ.Env()\nDATABASES = {"default": env.db("DATABASE_URL")}\n', expect: [] },
  { name: "a required env var is unknown: silent", production: fromRequiredEnv("DATABASES"), expect: [] },
  { name: "each sqlite alias fires", production: 'DATABASES = {"default": {"ENGINE": "django.db.backends.sqlite3"}, "cache": {"ENGINE": "django.db.backends.sqlite3"}}\n', expect: [R, R] },
]);

envTable(R, [
  {
    name: "the message names the variable whose default is SQLite",
    files: split(GOOD_BASE, 'import environ\nenv = environ.Env()\nDATABASES = {"default": env.db("DATABASE_URL", default="sqlite:///db.sqlite3")}\n'),
    environment: "proj.settings.production",
    expect: 1,
    message: /whenever DATABASE_URL is unset/,
  },
  {
    name: "the testing environment is not checked",
    files: { "proj/settings/base.py": GOOD_BASE, "proj/settings/test.py": 'from .base import *\nDATABASES = {"default": {"ENGINE": "django.db.backends.sqlite3"}}\n' },
    environment: "proj.settings.test",
    expect: 0,
  },
]);
