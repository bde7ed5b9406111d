// Committed EMAIL_HOST_PASSWORD values (SMTP credentials, often a mail provider's API key), also as env-read defaults.
import type { Rule } from "../types";
import { ALL_KINDS, secretResults } from "./secretHelpers";

export const hardcodedEmailPassword: Rule = {
  id: "hardcoded-email-password",
  djangoChecks: [],
  severity: "error",
  appliesTo: ALL_KINDS,
  docs: {
    summary: "EMAIL_HOST_PASSWORD is written in the code, as a value or as an env-read default",
    why: "The SMTP password lets anyone send mail as the site: password-reset phishing that passes SPF and DKIM. With SendGrid, Mailgun or SES it is often a full API key. A password in an env-read default is committed just the same.",
    example: 'EMAIL_HOST_PASSWORD = env("MAILGUN_SMTP_PASSWORD", default="mg-smtp-5e1b7c9d…")',
    useInstead: 'EMAIL_HOST_PASSWORD = env("MAILGUN_SMTP_PASSWORD")',
    fixSafety:
      "unsafe: a committed env-read default is removed, or the literal becomes a read of EMAIL_HOST_PASSWORD in the module's style; the variable becomes required and its name is added to .env.example.",
    versions: "All versions. An empty default (the usual \"no SMTP in development\") is not reported.",
  },
  check(ctx) {
    return secretResults(ctx, "hardcoded-email-password", "anyone with the repository can send mail as the site; read it from the environment");
  },
};
