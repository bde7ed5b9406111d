// Rule table for email-backend-not-smtp: console, locmem, file-based or dummy mail in deployed environments.
import { fromRequiredEnv, ruleTable } from "../../helpers/project";
import { envTable, GOOD_BASE, split } from "./checklistTestHelpers";

const R = "email-backend-not-smtp";

ruleTable(R, [
  { name: "console fires", production: 'EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"\n', expect: [R] },
  { name: "locmem fires", production: 'EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"\n', expect: [R] },
  { name: "filebased fires", production: 'EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"\n', expect: [R] },
  { name: "dummy fires", production: 'EMAIL_BACKEND = "django.core.mail.backends.dummy.EmailBackend"\n', expect: [R] },
  { name: "smtp is silent", production: 'EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"\n', expect: [] },
  { name: "unset (smtp) is silent", production: "", expect: [] },
  { name: "a provider backend is silent", production: 'EMAIL_BACKEND = "anymail.backends.mailgun.EmailBackend"\n', expect: [] },
  { name: "a required env var is unknown: silent", production: fromRequiredEnv("EMAIL_BACKEND"), expect: [] },
]);

envTable(R, [
  {
    name: "an env default of console says so",
    files: split(GOOD_BASE, 'import os\nEMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")\n'),
    environment: "proj.settings.production",
    expect: 1,
    message: /console backend whenever EMAIL_BACKEND is unset/,
  },
]);
