// Checklist: django-cors-headers allows every origin (CORS_ALLOW_ALL_ORIGINS or the old CORS_ORIGIN_ALLOW_ALL).
import { replaceLiteral } from "../../fixes/literal";
import type { Rule } from "../types";
import { DEPLOYED, unsetNote } from "./checklistHelpers";
import { allowAllOn, corsOn, credentialsOn } from "./corsHelpers";

export const corsAllowAll: Rule = {
  id: "cors-allow-all",
  djangoChecks: [],
  severity: "warning",
  appliesTo: DEPLOYED,
  docs: {
    summary: "CORS allows every origin",
    why: "CORS_ALLOW_ALL_ORIGINS (CORS_ORIGIN_ALLOW_ALL before django-cors-headers 3.5) lets scripts on any website read this site's API responses from a visitor's browser. For a public, anonymous API that is intended; for anything behind a login or an internal network it leaks data. List the front-end origins in CORS_ALLOWED_ORIGINS instead.",
    example: "CORS_ALLOW_ALL_ORIGINS = True",
    useInstead: 'CORS_ALLOWED_ORIGINS = ["https://app.example.com"]',
    fixSafety: "unsafe: browsers on origins not listed in CORS_ALLOWED_ORIGINS lose access. Offered when the value is the literal True.",
    versions: "All versions (a django-cors-headers setting). Only when CorsMiddleware is in MIDDLEWARE. With CORS_ALLOW_CREDENTIALS on as well, cors-credentials-with-all reports the worse case.",
  },
  check(ctx) {
    if (corsOn(ctx) !== true) return [];
    const s = allowAllOn(ctx);
    if (!s || credentialsOn(ctx)) return [];
    const model = s.value.loc && ctx.module(s.value.loc.file);
    const edit = model && replaceLiteral(model, s.value.loc, "False", ["bool"]);
    return [
      {
        message: `${s.name} is on${unsetNote(s.value)}: scripts on any website can read this site's responses from a visitor's browser; list the front-end origins in CORS_ALLOWED_ORIGINS`,
        setting: s.name,
        subject: s,
        value: s.value,
        fix: edit && { title: `Set ${s.name} = False`, safety: "unsafe", edits: [edit] },
      },
    ];
  },
};
