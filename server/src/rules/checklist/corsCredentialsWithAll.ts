// Checklist: CORS allows every origin together with credentials, so any site can act with the visitor's cookies.
import type { Rule } from "../types";
import { DEPLOYED, unsetNote } from "./checklistHelpers";
import { allowAllOn, corsOn, credentialsOn } from "./corsHelpers";

export const corsCredentialsWithAll: Rule = {
  id: "cors-credentials-with-all",
  djangoChecks: [],
  severity: "error",
  appliesTo: DEPLOYED,
  docs: {
    summary: "CORS allows every origin with credentials",
    why: "Browsers refuse `Access-Control-Allow-Origin: *` with credentials, so django-cors-headers echoes the caller's Origin back instead. With CORS_ALLOW_CREDENTIALS as well, any website a logged-in user visits can send requests with their session cookie and read the answers: their data, their CSRF token, their account.",
    example: "CORS_ALLOW_ALL_ORIGINS = True\nCORS_ALLOW_CREDENTIALS = True",
    useInstead: 'CORS_ALLOWED_ORIGINS = ["https://app.example.com"]\nCORS_ALLOW_CREDENTIALS = True',
    fixSafety: "none: which origins need credentials is the team's decision",
    versions: "All versions (a django-cors-headers setting; the pre-3.5 CORS_ORIGIN_ALLOW_ALL counts too). Only when CorsMiddleware is in MIDDLEWARE.",
  },
  check(ctx) {
    if (corsOn(ctx) !== true) return [];
    const all = allowAllOn(ctx);
    const creds = credentialsOn(ctx);
    if (!all || !creds) return [];
    return [
      {
        message: `${all.name}${unsetNote(all.value)} together with CORS_ALLOW_CREDENTIALS${unsetNote(creds.value)}: any website can make requests with a visitor's cookies and read the responses`,
        setting: all.name,
        subject: all,
        value: all.value,
      },
    ];
  },
};
