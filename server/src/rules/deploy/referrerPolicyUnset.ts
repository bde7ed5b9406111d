// Django deploy check security.W022: SECURE_REFERRER_POLICY is None while SecurityMiddleware is on.
import { atLeast } from "../../resolve/djangoVersion";
import type { Rule } from "../types";
import { isNone, SECURITY_MW, settingContains, whenUnset } from "./conditions";

export const referrerPolicyUnset: Rule = {
  id: "referrer-policy-unset",
  djangoChecks: ["security.W022"],
  severity: "warning",
  appliesTo: ["production", "staging"],
  versions: (v) => atLeast(v, 3, 0),
  docs: {
    summary: "No Referrer-Policy header",
    why: "Without a policy, browsers may send full URLs, with tokens and IDs in them, to every third-party site a page links to.",
    example: "SECURE_REFERRER_POLICY = None",
    useInstead: 'SECURE_REFERRER_POLICY = "same-origin"  # Django\'s default',
    fixSafety: "safe",
    versions: "Django 3.0 and later. From 3.1 the default is \"same-origin\", so only an explicit None fires; on 3.0 the default is None, so an unset policy fires too.",
  },
  check(ctx) {
    if (settingContains(ctx, "MIDDLEWARE", SECURITY_MW) !== true) return [];
    const s = ctx.get("SECURE_REFERRER_POLICY");
    if (isNone(s.value) !== true) return [];
    return [{ message: `SECURE_REFERRER_POLICY is None${whenUnset(s)}: no Referrer-Policy header is sent`, setting: s.name, subject: s, value: s.value }];
  },
};
