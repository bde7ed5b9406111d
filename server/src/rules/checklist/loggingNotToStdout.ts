// Checklist: a deployed environment logs nowhere a platform collects (no LOGGING, or only file/email handlers).
import type { Value } from "../../resolve/values";
import type { Rule } from "../types";
import { DEPLOYED, dictPath, isSet, strEntries, isCompleteSettings } from "./checklistHelpers";

/** Handler classes that keep logs on the machine (or in someone's inbox) rather than on stdout/stderr or a collector. */
const LOCAL_ONLY = new Set([
  "logging.FileHandler",
  "logging.handlers.RotatingFileHandler",
  "logging.handlers.TimedRotatingFileHandler",
  "logging.handlers.WatchedFileHandler",
  "logging.NullHandler",
  "django.utils.log.AdminEmailHandler",
]);

export const loggingNotToStdout: Rule = {
  id: "logging-not-to-stdout",
  djangoChecks: [],
  severity: "information",
  appliesTo: DEPLOYED,
  docs: {
    summary: "Production logs do not go to stdout",
    why: "Containers and platforms (Docker, Kubernetes, Heroku, systemd) collect what a process writes to stdout and stderr. Django's default LOGGING writes to the console only while DEBUG is on, so a production server with no LOGGING logs errors only to ADMINS' email; log files stay on one machine, fill its disk and vanish with it. Structured (JSON) lines on stdout are what log search expects.",
    example: 'LOGGING = {\n    "version": 1,\n    "handlers": {"file": {"class": "logging.FileHandler", "filename": "/var/log/app.log"}},\n    "root": {"handlers": ["file"], "level": "INFO"},\n}',
    useInstead: 'LOGGING = {\n    "version": 1,\n    "disable_existing_loggers": False,\n    "handlers": {"console": {"class": "logging.StreamHandler"}},\n    "root": {"handlers": ["console"], "level": "INFO"},\n}',
    fixSafety: "none: the format and levels are the team's",
    versions: "All versions. Silent for a fragment without INSTALLED_APPS, when a handler class is not known or is anything other than a file, email or null handler (a syslog, Sentry or cloud handler counts as collected), when LOGGING_CONFIG is changed, and when the settings call logging.config.dictConfig themselves.",
  },
  check(ctx) {
    if (isSet(ctx, "LOGGING_CONFIG") || !isCompleteSettings(ctx)) return [];
    if (ctx.env.calls.some((c) => /(^|\.)dictConfig$|(^|\.)fileConfig$|(^|\.)basicConfig$|^structlog\.configure$/.test(c.callee))) return [];
    const s = ctx.get("LOGGING");
    if (s.value.k !== "dict") return [];
    if (s.isDefault || s.value.entries.length === 0) {
      return [{ message: "LOGGING is not set: with DEBUG off, Django's default logs errors only to ADMINS by email, nothing to stdout; log to the console (structured lines suit log search)", setting: s.name, subject: s.isDefault ? undefined : s, value: s.value }];
    }
    const handlersValue = dictPath(s.value, "handlers");
    if (handlersValue && handlersValue.k !== "dict") return [];
    const handlers = strEntries(handlersValue);
    const classes: string[] = [];
    for (const [, h] of handlers) {
      const cls: Value | undefined = dictPath(h, "class");
      if (!cls || cls.k !== "str") return [];
      classes.push(cls.v);
    }
    if (!classes.every((c) => LOCAL_ONLY.has(c))) return [];
    const what = classes.length === 0 ? "defines no handlers" : `has only ${[...new Set(classes.map((c) => c.split(".").pop()))].join(", ")} handlers`;
    return [{ message: `LOGGING ${what}: nothing reaches stdout, where containers and platforms collect logs; add a StreamHandler (structured lines suit log search)`, setting: s.name, subject: s, value: s.value }];
  },
};
