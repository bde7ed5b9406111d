// Django deploy check security.W021: HSTS is on but SECURE_HSTS_PRELOAD is not True.
import { pyRepr, truthy } from "../../resolve/values";
import type { Rule } from "../types";
import { describe, isTrue, SECURITY_MW, settingContains } from "./conditions";

export const hstsPreloadOff: Rule = {
  id: "hsts-preload-off",
  djangoChecks: ["security.W021"],
  severity: "warning",
  appliesTo: ["production", "staging"],
  docs: {
    summary: "The HSTS header does not ask for preloading",
    why: "Until the domain is in the browsers' preload list, the very first visit can still be downgraded to HTTP.",
    example: "SECURE_HSTS_SECONDS = 31536000\nSECURE_HSTS_PRELOAD = False",
    useInstead: "SECURE_HSTS_SECONDS = 31536000\nSECURE_HSTS_INCLUDE_SUBDOMAINS = True\nSECURE_HSTS_PRELOAD = True",
    fixSafety: "unsafe: preloading is hard to undo and needs subdomains on HTTPS",
    versions: "All versions. Only the value True passes.",
  },
  check(ctx) {
    if (settingContains(ctx, "MIDDLEWARE", SECURITY_MW) !== true) return [];
    if (truthy(ctx.get("SECURE_HSTS_SECONDS").value) !== true) return [];
    const s = ctx.get("SECURE_HSTS_PRELOAD");
    if (isTrue(s.value) !== false) return [];
    return [{ message: `SECURE_HSTS_PRELOAD ${describe(s, pyRepr(s.value))}: the domain cannot be preloaded into browsers`, setting: s.name, subject: s, value: s.value }];
  },
};
