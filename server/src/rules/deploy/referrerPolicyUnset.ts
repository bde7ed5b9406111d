// Django deploy check security.W022: SECURE_REFERRER_POLICY is None while SecurityMiddleware is on.
import { atLeast } from "../../resolve/djangoVersion";
import type { Rule } from "../types";
import { secureSettingFix } from "../../fixes/secureSetting";
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
    fixSafety: "safe: sets SECURE_REFERRER_POLICY = \"strict-origin-when-cross-origin\" in the environment's own module, the policy browsers apply when no header is sent, so what visitors' browsers send does not change; only now the site says so. Django's default, \"same-origin\", is stricter and worth considering",
    versions: "Django 3.0 and later. From 3.1 the default is \"same-origin\", so only an explicit None fires; on 3.0 the default is None, so an unset policy fires too.",
  },
  check(ctx) {
    if (settingContains(ctx, "MIDDLEWARE", SECURITY_MW) !== true) return [];
    const s = ctx.get("SECURE_REFERRER_POLICY");
    if (isNone(s.value) !== true) return [];
    const fix = secureSettingFix(ctx, s, '"strict-origin-when-cross-origin"', { safety: "safe" });
    return [{ message: `SECURE_REFERRER_POLICY is None${whenUnset(s)}: no Referrer-Policy header is sent`, setting: s.name, subject: s, value: s.value, fix }];
  },
};
