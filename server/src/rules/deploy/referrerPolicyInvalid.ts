// Django deploy check security.E023: SECURE_REFERRER_POLICY holds a value browsers do not know.
import { pyRepr } from "../../resolve/values";
import { atLeast } from "../../resolve/djangoVersion";
import type { Rule } from "../types";
import { secureSettingFix } from "../../fixes/secureSetting";
import { SECURITY_MW, settingContains, whenUnset } from "./conditions";

export const REFERRER_POLICY_VALUES = [
  "no-referrer",
  "no-referrer-when-downgrade",
  "origin",
  "origin-when-cross-origin",
  "same-origin",
  "strict-origin",
  "strict-origin-when-cross-origin",
  "unsafe-url",
];

export const referrerPolicyInvalid: Rule = {
  id: "referrer-policy-invalid",
  djangoChecks: ["security.E023"],
  severity: "error",
  appliesTo: ["production", "staging"],
  versions: (v) => atLeast(v, 3, 0),
  docs: {
    summary: "SECURE_REFERRER_POLICY has an invalid value",
    why: "Browsers ignore a Referrer-Policy header they cannot parse, so the site silently falls back to leaking full URLs.",
    example: 'SECURE_REFERRER_POLICY = "same-origin, bogus"',
    useInstead: 'SECURE_REFERRER_POLICY = "same-origin"',
    fixSafety: "unsafe: replaces the value with \"strict-origin-when-cross-origin\", the policy browsers fall back to when they cannot parse the header, in the environment's own module; whatever policy the invalid value meant is the team's to restore",
    versions: "Django 3.0 and later (the setting is new in 3.0). A str is split on commas and each part stripped (so \"\" and a trailing comma are invalid); list items are not stripped; an empty list is valid.",
  },
  check(ctx) {
    if (settingContains(ctx, "MIDDLEWARE", SECURITY_MW) !== true) return [];
    const s = ctx.get("SECURE_REFERRER_POLICY");
    const v = s.value;
    let values: string[] | undefined;
    if (v.k === "none") return [];
    if (v.k === "str") values = v.v.split(",").map((p) => p.trim());
    else if (v.k === "list" || v.k === "tuple" || v.k === "set") {
      if (v.items.some((i) => i.k === "unknown")) return [];
      // Non-string items can never be valid policy names.
      values = v.items.map((i) => (i.k === "str" ? i.v : "\u0000"));
    } else if (v.k === "dict") values = v.entries.map(([k]) => (k.k === "str" ? k.v : "\u0000"));
    if (!values) return [];
    const bad = values.filter((x) => !REFERRER_POLICY_VALUES.includes(x));
    if (bad.length === 0) return [];
    return [
      {
        message: `SECURE_REFERRER_POLICY is ${pyRepr(v)}${whenUnset(s)}, which is not a valid policy; use one or more of ${REFERRER_POLICY_VALUES.join(", ")}`,
        setting: s.name,
        subject: s,
        value: v,
        fix: secureSettingFix(ctx, s, '"strict-origin-when-cross-origin"', { safety: "unsafe", consequence: "unsafe: the intended policy is lost" }),
      },
    ];
  },
};
