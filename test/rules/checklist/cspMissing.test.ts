// Rule table for csp-missing: no Content Security Policy from Django 6.0's SECURE_CSP or django-csp 3.x/4.x.
import { ruleTable } from "../../helpers/project";
import { envTable, GOOD_BASE, split } from "./checklistTestHelpers";

const R = "csp-missing";
const DJ_CSP = 'MIDDLEWARE.append("csp.middleware.CSPMiddleware")\n';
const BUILTIN = 'MIDDLEWARE.append("django.middleware.csp.ContentSecurityPolicyMiddleware")\n';

ruleTable(R, [
  { name: "no CSP at all fires", production: "", expect: [R] },
  { name: "django-csp 4.x with a policy is silent", production: DJ_CSP + 'CONTENT_SECURITY_POLICY = {"DIRECTIVES": {"default-src": ["\'self\'"]}}\n', expect: [] },
  { name: "django-csp 3.x settings are silent", production: DJ_CSP + 'CSP_DEFAULT_SRC = ("\'self\'",)\n', expect: [] },
  { name: "django-csp report-only is work in progress: silent", production: DJ_CSP + 'CONTENT_SECURITY_POLICY_REPORT_ONLY = {"DIRECTIVES": {"default-src": ["\'self\'"]}}\n', expect: [] },
  { name: "CSPMiddleware with no settings depends on the django-csp version: silent", production: DJ_CSP, expect: [] },
  { name: "CSPMiddleware with an empty policy fires", production: DJ_CSP + "CONTENT_SECURITY_POLICY = {}\n", expect: [R] },
  { name: "django-csp settings without the middleware fire", production: 'CONTENT_SECURITY_POLICY = {"DIRECTIVES": {"default-src": ["\'self\'"]}}\n', expect: [R] },
  { name: "6.0 built-in with SECURE_CSP is silent", djangoVersion: "6.0", production: BUILTIN + 'SECURE_CSP = {"default-src": ["\'self\'"]}\n', expect: [] },
  { name: "6.0 built-in middleware without a policy fires", djangoVersion: "6.0", production: BUILTIN, expect: [R] },
  { name: "6.0 SECURE_CSP without the middleware fires", djangoVersion: "6.0", production: 'SECURE_CSP = {"default-src": ["\'self\'"]}\n', expect: [R] },
  { name: "SECURE_CSP before 6.0 does nothing: fires", djangoVersion: "5.2", production: 'SECURE_CSP = {"default-src": ["\'self\'"]}\n', expect: [R] },
  { name: "a project's own CSP middleware counts", production: 'MIDDLEWARE.append("myapp.middleware.ContentSecurityPolicyMiddleware")\n', expect: [] },
  { name: "unknown MIDDLEWARE is silent", production: 'import os\nMIDDLEWARE = os.environ["MW"].split(",")\n', expect: [] },
]);

envTable(R, [
  {
    name: "the message suggests SECURE_CSP on 6.0",
    files: split(GOOD_BASE, ""),
    environment: "proj.settings.production",
    djangoVersion: "6.0",
    expect: 1,
    message: /SECURE_CSP/,
  },
  {
    name: "the message suggests django-csp before 6.0",
    files: split(GOOD_BASE, ""),
    environment: "proj.settings.production",
    djangoVersion: "4.2",
    expect: 1,
    message: /django-csp/,
  },
  {
    name: "a production fragment without INSTALLED_APPS is silent",
    files: { "proj/settings/prod_overrides.py": "DEBUG = False\n" },
    environment: "proj.settings.prod_overrides",
    expect: 0,
  },
  {
    name: "development is not checked",
    files: { "proj/settings/base.py": GOOD_BASE, "proj/settings/development.py": "from .base import *\n" },
    environment: "proj.settings.development",
    expect: 0,
  },
]);
