// Django deploy check security.W005: HSTS is on but SECURE_HSTS_INCLUDE_SUBDOMAINS is not True.
import { pyRepr, truthy } from "../../resolve/values";
import type { Rule } from "../types";
import { secureSettingFix } from "../../fixes/secureSetting";
import { describe, isTrue, SECURITY_MW, settingContains } from "./conditions";

export const hstsSubdomainsOff: Rule = {
  id: "hsts-subdomains-off",
  djangoChecks: ["security.W005"],
  severity: "warning",
  appliesTo: ["production", "staging"],
  docs: {
    summary: "HSTS does not cover subdomains",
    why: "An attacker who can serve a plain-HTTP subdomain can set cookies for the parent domain (cookie tossing). Include subdomains once every subdomain serves HTTPS.",
    example: "SECURE_HSTS_SECONDS = 31536000\nSECURE_HSTS_INCLUDE_SUBDOMAINS = False",
    useInstead: "SECURE_HSTS_SECONDS = 31536000\nSECURE_HSTS_INCLUDE_SUBDOMAINS = True",
    fixSafety: "unsafe: sets SECURE_HSTS_INCLUDE_SUBDOMAINS = True in the environment's own module; subdomains that still serve plain HTTP become unreachable for browsers that saw the header",
    versions: "All versions. Only the value True passes (`is True`).",
  },
  check(ctx) {
    if (settingContains(ctx, "MIDDLEWARE", SECURITY_MW) !== true) return [];
    if (truthy(ctx.get("SECURE_HSTS_SECONDS").value) !== true) return [];
    const s = ctx.get("SECURE_HSTS_INCLUDE_SUBDOMAINS");
    if (isTrue(s.value) !== false) return [];
    const fix = secureSettingFix(ctx, s, "True", { safety: "unsafe", consequence: "unsafe: plain-HTTP subdomains become unreachable" });
    return [{ message: `SECURE_HSTS_INCLUDE_SUBDOMAINS ${describe(s, pyRepr(s.value))}: HSTS does not protect subdomains`, setting: s.name, subject: s, value: s.value, fix }];
  },
};
