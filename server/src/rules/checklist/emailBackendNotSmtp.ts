// Checklist: EMAIL_BACKEND is a development backend (console, locmem, filebased, dummy) in a deployed environment.
import type { Rule } from "../types";
import { DEPLOYED, unsetNote } from "./checklistHelpers";

const DEV_BACKENDS: Record<string, string> = {
  "django.core.mail.backends.console.EmailBackend": "prints messages to the console",
  "django.core.mail.backends.locmem.EmailBackend": "keeps messages in memory",
  "django.core.mail.backends.filebased.EmailBackend": "writes messages to files",
  "django.core.mail.backends.dummy.EmailBackend": "discards messages",
};

export const emailBackendNotSmtp: Rule = {
  id: "email-backend-not-smtp",
  djangoChecks: [],
  severity: "warning",
  appliesTo: DEPLOYED,
  docs: {
    summary: "EMAIL_BACKEND is a development backend",
    why: "The console, locmem, file-based and dummy backends never deliver mail: password resets, sign-up confirmations and error reports to ADMINS silently go nowhere (or into the logs, with their one-time links). Deployed environments use SMTP or a provider's backend (django-anymail, django-ses).",
    example: 'EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"',
    useInstead: 'EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"\nEMAIL_HOST = env("EMAIL_HOST")',
    fixSafety: "none: the mail service and its credentials are the project's",
    versions: "All versions.",
  },
  check(ctx) {
    const s = ctx.get("EMAIL_BACKEND");
    if (s.value.k !== "str" || !(s.value.v in DEV_BACKENDS)) return [];
    return [
      {
        message: `EMAIL_BACKEND is the ${s.value.v.split(".").slice(-2, -1)[0]} backend${unsetNote(s.value)}: it ${DEV_BACKENDS[s.value.v]}, so password resets and error mails are never delivered`,
        setting: s.name,
        subject: s,
        value: s.value,
      },
    ];
  },
};
