// Checklist: CSRF_TRUSTED_ORIGINS trusts a plain-HTTP origin in a deployed environment.
import { rewriteString } from "../../fixes/literal";
import type { Rule, RuleResult } from "../types";
import { DEPLOYED, presentItems, unsetNoteFor } from "./checklistHelpers";

export const csrfTrustedOriginHttp: Rule = {
  id: "csrf-trusted-origin-http",
  djangoChecks: [],
  severity: "warning",
  appliesTo: DEPLOYED,
  docs: {
    summary: "CSRF_TRUSTED_ORIGINS trusts an http:// origin",
    why: "A trusted plain-HTTP origin lets a page served without TLS (which anyone on the network can rewrite) make state-changing requests that pass the CSRF check. A deployed site trusts only https:// origins.",
    example: 'CSRF_TRUSTED_ORIGINS = ["http://example.com"]',
    useInstead: 'CSRF_TRUSTED_ORIGINS = ["https://example.com"]',
    fixSafety: "unsafe: forms posted from the http:// origin stop passing the CSRF check. Offered for string literals only.",
    versions: "Django 4.0 and later, where entries carry a scheme; earlier entries are host names and cannot say http.",
  },
  versions: (v) => v.major >= 4,
  check(ctx) {
    const s = ctx.get("CSRF_TRUSTED_ORIGINS");
    const out: RuleResult[] = [];
    for (const item of presentItems(s.value)) {
      if (item.k !== "str" || !/^http:\/\//i.test(item.v)) continue;
      const host = item.v.replace(/^http:\/\//i, "").replace(/[:/].*$/, "");
      // Local origins in a deployed module are usually left from development, but they are not an exposure.
      if (/^(localhost|127\.0\.0\.1|\[::1\]|0\.0\.0\.0)$/i.test(host)) continue;
      const wanted = "https://" + item.v.slice("http://".length);
      const model = item.loc && ctx.module(item.loc.file);
      const edit = model && rewriteString(model, item.loc, wanted);
      out.push({
        message: `CSRF_TRUSTED_ORIGINS trusts the plain-HTTP origin "${item.v}"${unsetNoteFor(item, s.value)}: a page served without TLS could post to this site`,
        setting: s.name,
        subject: s,
        at: item.loc,
        value: item,
        fix: edit && { title: `Write "${wanted}"`, safety: "unsafe", edits: [edit] },
      });
    }
    return out;
  },
};
