// Django deploy check security.W021: HSTS is on but SECURE_HSTS_PRELOAD is not True.
import { pyRepr, truthy } from "../../resolve/values";
import type { Rule } from "../types";
import { secureSettingFix } from "../../fixes/secureSetting";
import { HSTS_PRELOAD_SECONDS } from "./fixHelpers";
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
    fixSafety: "unsafe, and offered only when the preload list's requirements already hold (SECURE_HSTS_SECONDS of at least 31536000 and SECURE_HSTS_INCLUDE_SUBDOMAINS = True): sets SECURE_HSTS_PRELOAD = True in the environment's own module. Once the domain is submitted and preloaded, browsers ship it as HTTPS-only and taking it off the list takes months. While HSTS is still ramping up there is no fix: the warning stays until the ramp-up reaches a year",
    versions: "All versions. Only the value True passes.",
  },
  check(ctx) {
    if (settingContains(ctx, "MIDDLEWARE", SECURITY_MW) !== true) return [];
    if (truthy(ctx.get("SECURE_HSTS_SECONDS").value) !== true) return [];
    const s = ctx.get("SECURE_HSTS_PRELOAD");
    if (isTrue(s.value) !== false) return [];
    const secs = ctx.get("SECURE_HSTS_SECONDS").value;
    const ready = (secs.k === "int" || secs.k === "float") && secs.v >= HSTS_PRELOAD_SECONDS && isTrue(ctx.get("SECURE_HSTS_INCLUDE_SUBDOMAINS").value) === true;
    const fix = ready ? secureSettingFix(ctx, s, "True", { safety: "unsafe", consequence: "unsafe: preloading is hard to undo" }) : undefined;
    return [{ message: `SECURE_HSTS_PRELOAD ${describe(s, pyRepr(s.value))}: the domain cannot be preloaded into browsers`, setting: s.name, subject: s, value: s.value, fix }];
  },
};
