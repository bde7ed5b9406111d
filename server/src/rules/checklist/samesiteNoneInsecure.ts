// Checklist: SESSION_COOKIE_SAMESITE / CSRF_COOKIE_SAMESITE = "None" without the matching *_SECURE = True.
import { assignsAtTopLevel, insertSetting } from "../../fixes/insertSetting";
import { replaceLiteral } from "../../fixes/literal";
import { atLeast } from "../../resolve/djangoVersion";
import { truthy } from "../../resolve/values";
import type { Fix, Rule, RuleContext, RuleResult } from "../types";
import { DEPLOYED, ownModule, unsetNote } from "./checklistHelpers";
import type { ResolvedSetting } from "../../resolve/environment";
import { notSet } from "../deploy/conditions";

export const samesiteNoneInsecure: Rule = {
  id: "samesite-none-insecure",
  djangoChecks: [],
  severity: "warning",
  appliesTo: DEPLOYED,
  versions: (v) => atLeast(v, 3, 1),
  docs: {
    summary: "A SameSite=None cookie is not marked Secure",
    why: "SameSite=None sends the cookie on cross-site requests, which is what CSRF and session riding need. Browsers therefore accept SameSite=None only together with Secure: without it Chrome, Edge and Firefox drop the cookie, so sessions or CSRF tokens silently stop working, and older browsers send it over plain HTTP.",
    example: 'SESSION_COOKIE_SAMESITE = "None"\nSESSION_COOKIE_SECURE = False',
    useInstead: 'SESSION_COOKIE_SAMESITE = "None"\nSESSION_COOKIE_SECURE = True',
    fixSafety: "safe: browsers already reject the cookie without Secure, so marking it Secure cannot break a working flow. Sets the literal to True, or adds the setting to the environment's own module.",
    versions: "Django 3.1 and later, which accept the string \"None\" (compared case-insensitively, as Django does). Python's None (no SameSite attribute) is a different value and not reported.",
  },
  check(ctx) {
    const out: RuleResult[] = [];
    for (const prefix of ["SESSION", "CSRF"]) {
      const same = ctx.get(`${prefix}_COOKIE_SAMESITE`);
      if (same.value.k !== "str" || same.value.v.toLowerCase() !== "none") continue;
      const secure = ctx.get(`${prefix}_COOKIE_SECURE`);
      if (truthy(secure.value) !== false) continue;
      out.push({
        message: `${same.name} is "${same.value.v}"${unsetNote(same.value)} but ${secure.name} ${secure.isDefault ? notSet(secure) : `is off${unsetNote(secure.value)}`}: browsers reject SameSite=None cookies that are not Secure`,
        setting: same.name,
        subject: same,
        value: same.value,
        fix: secureFix(ctx, secure),
      });
    }
    return out;
  },
};

function secureFix(ctx: RuleContext, s: ResolvedSetting): Fix | undefined {
  const title = `Set ${s.name} = True`;
  if (!s.isDefault) {
    const model = s.value.loc && ctx.module(s.value.loc.file);
    const edit = model && replaceLiteral(model, s.value.loc, "True", ["bool", "none", "num"]);
    return edit && { title, safety: "safe", edits: [edit] };
  }
  const model = ownModule(ctx);
  if (!model || assignsAtTopLevel(model, s.name)) return undefined;
  return { title, safety: "safe", edits: [insertSetting(model, `${s.name} = True`)] };
}
