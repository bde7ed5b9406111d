// Rule table and fix goldens for password-validators-empty: no AUTH_PASSWORD_VALIDATORS with django.contrib.auth.
import { fromRequiredEnv, ruleTable } from "../../helpers/project";
import { fixGolden, GOOD_BASE, split } from "./checklistTestHelpers";

const R = "password-validators-empty";
const FOUR =
  "[\n" +
  ["UserAttributeSimilarityValidator", "MinimumLengthValidator", "CommonPasswordValidator", "NumericPasswordValidator"]
    .map((v) => `    {"NAME": "django.contrib.auth.password_validation.${v}"},`)
    .join("\n") +
  "\n]";

ruleTable(R, [
  { name: "unset (Django's default []) fires", production: "", expect: [R] },
  { name: "[] fires", production: "AUTH_PASSWORD_VALIDATORS = []\n", expect: [R] },
  { name: "a validator is silent", production: 'AUTH_PASSWORD_VALIDATORS = [{"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"}]\n', expect: [] },
  { name: "no django.contrib.auth: silent", production: 'INSTALLED_APPS = ["django.contrib.contenttypes"]\n', expect: [] },
  { name: "an unknown value is silent", production: fromRequiredEnv("AUTH_PASSWORD_VALIDATORS"), expect: [] },
]);

fixGolden(R, {
  name: "[] gets startproject's four validators",
  files: split(GOOD_BASE, "AUTH_PASSWORD_VALIDATORS = []\n"),
  file: "proj/settings/production.py",
  after: `from .base import *\nAUTH_PASSWORD_VALIDATORS = ${FOUR}\n`,
  safety: "unsafe",
});

fixGolden(R, {
  name: "unset: the four validators are added",
  files: split(GOOD_BASE, ""),
  file: "proj/settings/production.py",
  after: `from .base import *\nAUTH_PASSWORD_VALIDATORS = ${FOUR}\n`,
  safety: "unsafe",
});
