// Django deploy check security.W019: X_FRAME_OPTIONS is not exactly "DENY" while XFrameOptionsMiddleware is on.
import { pyRepr } from "../../resolve/values";
import type { Rule } from "../types";
import { secureSettingFix } from "../../fixes/secureSetting";
import { describe, settingContains, XFRAME_MW } from "./conditions";

export const xframeNotDeny: Rule = {
  id: "xframe-not-deny",
  djangoChecks: ["security.W019"],
  severity: "warning",
  appliesTo: ["production", "staging"],
  docs: {
    summary: "X_FRAME_OPTIONS is not 'DENY'",
    why: "SAMEORIGIN still lets any page of your own site frame another, which matters as soon as one page can be made to show user content. Use DENY unless the site frames itself on purpose.",
    example: 'X_FRAME_OPTIONS = "SAMEORIGIN"',
    useInstead: 'X_FRAME_OPTIONS = "DENY"',
    fixSafety: "unsafe: sets X_FRAME_OPTIONS = \"DENY\" in the environment's own module; pages that frame other pages of the same site (the admin's previews, embedded widgets) stop loading in their frames. Views that must be framed can use @xframe_options_sameorigin instead",
    versions: "All versions. The comparison is case-sensitive: \"deny\" fires, as in Django. Before 3.0 the default is \"SAMEORIGIN\", so an unset setting fires too.",
  },
  check(ctx) {
    if (settingContains(ctx, "MIDDLEWARE", XFRAME_MW) !== true) return [];
    const s = ctx.get("X_FRAME_OPTIONS");
    // A name imported from outside the project (a ref) may hold "DENY": not known, so silent.
    if (s.value.k === "unknown" || s.value.k === "ref") return [];
    if (s.value.k === "str" && s.value.v === "DENY") return [];
    const fix = secureSettingFix(ctx, s, '"DENY"', { safety: "unsafe", consequence: "unsafe: pages framed by the same site stop loading" });
    return [{ message: `X_FRAME_OPTIONS ${describe(s, pyRepr(s.value))}, not 'DENY'`, setting: s.name, subject: s, value: s.value, fix }];
  },
};
