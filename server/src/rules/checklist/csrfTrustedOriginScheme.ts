// Checklist: a CSRF_TRUSTED_ORIGINS entry without a scheme, which Django 4.0+ rejects at startup (4_0.E001).
import { rewriteString } from "../../fixes/literal";
import type { Value } from "../../resolve/values";
import type { Fix, Rule, RuleContext, RuleResult } from "../types";
import { atLeastVersion, DEPLOYED, presentItems, unsetNoteFor } from "./checklistHelpers";
import { atLeast } from "../../resolve/djangoVersion";

export const csrfTrustedOriginScheme: Rule = {
  id: "csrf-trusted-origin-scheme",
  djangoChecks: [],
  severity: "error",
  appliesTo: DEPLOYED,
  versions: (v) => atLeast(v, 4, 0),
  docs: {
    summary: "A CSRF_TRUSTED_ORIGINS entry has no scheme",
    why: "Since Django 4.0 each trusted origin must start with a scheme (\"https://example.com\"); an entry in the old host-only form makes the system checks fail with 4_0.E001, so the site does not start, and it would never match an Origin header anyway.",
    example: 'CSRF_TRUSTED_ORIGINS = ["example.com", ".example.com"]',
    useInstead: 'CSRF_TRUSTED_ORIGINS = ["https://example.com", "https://*.example.com"]',
    fixSafety: "safe: Django refuses to start with the entry as written; \"https://\" is added (\".example.com\" becomes \"https://*.example.com\"). Offered for string literals only.",
    versions: "Django 4.0 and later; before 4.0 the host-only form was the right one.",
  },
  check(ctx) {
    const s = ctx.get("CSRF_TRUSTED_ORIGINS");
    const out: RuleResult[] = [];
    for (const item of presentItems(s.value)) {
      if (item.k !== "str" || item.v.includes("://")) continue;
      const wanted = withScheme(item.v);
      out.push({
        message: `CSRF_TRUSTED_ORIGINS entry "${item.v}" has no scheme${unsetNoteFor(item, s.value)}: Django ${ctx.version.major}.${ctx.version.minor} rejects it at startup (4_0.E001); write "${wanted}"`,
        setting: s.name,
        subject: s,
        at: item.loc,
        value: item,
        fix: fixFor(ctx, item, wanted),
      });
    }
    return out;
  },
};

/** ".example.com" (the pre-4.0 subdomain form) → "https://*.example.com"; "example.com" → "https://example.com". */
export function withScheme(entry: string): string {
  return "https://" + (entry.startsWith(".") ? "*" + entry : entry);
}

function fixFor(ctx: RuleContext, item: Value, wanted: string): Fix | undefined {
  const model = item.loc && ctx.module(item.loc.file);
  const edit = model && rewriteString(model, item.loc, wanted);
  return edit && { title: `Write "${wanted}"`, safety: atLeastVersion(ctx, 4, 0) ? "safe" : "unsafe", edits: [edit] };
}
