// Checklist: a production environment shows no error tracking at all (no Sentry or similar, no ADMINS to mail).
import { truthy } from "../../resolve/values";
import type { Rule } from "../types";
import { isSet, itemsOf, isCompleteSettings } from "./checklistHelpers";

/** Modules of error trackers and APM agents that report exceptions. */
const TRACKERS = /\b(sentry_sdk|raven|rollbar|bugsnag|honeybadger|airbrake|pybrake|elasticapm|newrelic|ddtrace|scout_apm|appsignal|atatus|opbeat|logfire|highlight_io|opentelemetry|glitchtip)\b/;

export const noErrorTracking: Rule = {
  id: "no-error-tracking",
  djangoChecks: [],
  severity: "hint",
  appliesTo: ["production"],
  docs: {
    summary: "No error tracking in production",
    why: "With DEBUG off, an exception becomes a bare 500 page; unless something reports it, nobody learns of it until a user complains. Django mails tracebacks to ADMINS when email works; an error tracker (Sentry, Rollbar, Bugsnag, Honeybadger, an APM agent) groups them, keeps context and alerts.",
    example: "DEBUG = False\n# no sentry_sdk.init(...), no ADMINS",
    useInstead: 'import sentry_sdk\n\nsentry_sdk.init(dsn=env("SENTRY_DSN"), send_default_pii=False, traces_sample_rate=0.1)',
    fixSafety: "none: the service and its DSN are the project's",
    versions: "All versions. Counts as tracking: any mention of a known tracker's module in the environment's settings files (sentry_sdk, rollbar, bugsnag, honeybadger, elasticapm, newrelic, ddtrace, opentelemetry, …), or a non-empty ADMINS. Silent for a fragment without INSTALLED_APPS. Trackers set up outside the settings (wsgi.py, an AppConfig) are not seen, hence a hint.",
  },
  check(ctx) {
    if (!isCompleteSettings(ctx)) return [];
    for (const file of ctx.env.files) {
      const model = ctx.module(file);
      if (!model || TRACKERS.test(model.text)) return [];
    }
    const admins = ctx.get("ADMINS");
    if (isSet(ctx, "ADMINS") && (admins.value.k === "unknown" || truthy(admins.value) !== false)) return [];
    const apps = itemsOf(ctx.get("INSTALLED_APPS").value);
    if (!apps || apps.some((a) => a.k === "str" && TRACKERS.test(a.v))) return [];
    return [{ message: "no error tracking: no Sentry (or similar) in the settings and no ADMINS to mail, so 500 errors in production go unnoticed" }];
  },
};
