// Django deploy check security.E024: SECURE_CROSS_ORIGIN_OPENER_POLICY holds a value browsers do not know.
import { atLeast } from "../../resolve/djangoVersion";
import { pyRepr } from "../../resolve/values";
import type { Rule } from "../types";
import { secureSettingFix } from "../../fixes/secureSetting";
import { SECURITY_MW, settingContains, whenUnset } from "./conditions";

const COOP_VALUES = ["same-origin", "same-origin-allow-popups", "unsafe-none"];

export const coopInvalid: Rule = {
  id: "coop-invalid",
  djangoChecks: ["security.E024"],
  severity: "error",
  appliesTo: ["production", "staging"],
  versions: (v) => atLeast(v, 4, 0),
  docs: {
    summary: "SECURE_CROSS_ORIGIN_OPENER_POLICY has an invalid value",
    why: "An unknown Cross-Origin-Opener-Policy value is ignored by browsers, leaving windows you open able to reach back into your pages.",
    example: 'SECURE_CROSS_ORIGIN_OPENER_POLICY = "same_origin"',
    useInstead: 'SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"',
    fixSafety: "unsafe: sets SECURE_CROSS_ORIGIN_OPENER_POLICY = \"same-origin\" (Django's default) in the environment's own module; pop-ups opened on other origins (payment or sign-in windows) can no longer reach back through window.opener",
    versions: "Django 4.0 and later (3.2 ignores the setting). Exact match, no stripping, no comma lists.",
  },
  check(ctx) {
    if (settingContains(ctx, "MIDDLEWARE", SECURITY_MW) !== true) return [];
    const s = ctx.get("SECURE_CROSS_ORIGIN_OPENER_POLICY");
    const v = s.value;
    if (v.k === "none" || v.k === "unknown") return [];
    if (v.k === "str" && COOP_VALUES.includes(v.v)) return [];
    if (v.k !== "str" && v.k !== "int" && v.k !== "float" && v.k !== "bool" && v.k !== "list" && v.k !== "tuple" && v.k !== "dict" && v.k !== "set") return [];
    const fix = secureSettingFix(ctx, s, '"same-origin"', { safety: "unsafe", consequence: "unsafe: cross-origin pop-ups lose window.opener" });
    return [{ message: `SECURE_CROSS_ORIGIN_OPENER_POLICY is ${pyRepr(v)}${whenUnset(s)}, which is not one of ${COOP_VALUES.join(", ")}`, setting: s.name, subject: s, value: v, fix }];
  },
};
