// Django deploy check security.W004: SECURE_HSTS_SECONDS is falsy while SecurityMiddleware is on.
import { pyRepr, truthy } from "../../resolve/values";
import type { Rule } from "../types";
import { secureSettingFix } from "../../fixes/secureSetting";
import { HSTS_RAMP_COMMENT, HSTS_START_SECONDS } from "./fixHelpers";
import { describe, SECURITY_MW, settingContains } from "./conditions";

export const hstsNotSet: Rule = {
  id: "hsts-not-set",
  djangoChecks: ["security.W004"],
  severity: "warning",
  appliesTo: ["production", "staging"],
  docs: {
    summary: "HTTP Strict Transport Security is off",
    why: "Without HSTS a browser will still try plain HTTP first, which an attacker on the network can intercept and downgrade. Ramp up: start with a few minutes, then a day, then a year, since browsers remember the header for its whole duration.",
    example: "SECURE_HSTS_SECONDS = 0",
    useInstead: "SECURE_HSTS_SECONDS = 300  # raise to 31536000 once HTTPS is confirmed everywhere",
    fixSafety: "unsafe: sets SECURE_HSTS_SECONDS = 300 (five minutes) in the environment's own module, with a comment on ramping up; never a year in one step, since browsers remember the header for its whole duration. For those five minutes after a visit, browsers refuse the site over plain HTTP. Raising it further is the team's decision, over days",
    versions: "All versions. Any truthy value counts as set, so -1 and \"0\" pass, exactly as in Django.",
  },
  check(ctx) {
    if (settingContains(ctx, "MIDDLEWARE", SECURITY_MW) !== true) return [];
    const s = ctx.get("SECURE_HSTS_SECONDS");
    if (truthy(s.value) !== false) return [];
    const fix = secureSettingFix(ctx, s, HSTS_START_SECONDS, { safety: "unsafe", comment: HSTS_RAMP_COMMENT, consequence: "unsafe: five minutes of HTTPS-only, to start the ramp-up" });
    return [{ message: `SECURE_HSTS_SECONDS ${describe(s, pyRepr(s.value))}, so browsers are never told to insist on HTTPS`, setting: s.name, subject: s, value: s.value, fix }];
  },
};
