// Django deploy check security.W018: DEBUG is on in a deployed environment.
import { pyRepr, truthy } from "../../resolve/values";
import type { Rule } from "../types";
import { secureSettingFix } from "../../fixes/secureSetting";
import { whenUnset } from "./conditions";

export const debugEnabled: Rule = {
  id: "debug-enabled",
  djangoChecks: ["security.W018"],
  severity: "warning",
  appliesTo: ["production", "staging"],
  docs: {
    summary: "DEBUG is on in a deployed environment",
    why: "With DEBUG on, any error page shows source code, local variables and most settings to whoever triggers it, and Django keeps every SQL query in memory.",
    example: 'DEBUG = env.bool("DJANGO_DEBUG", default=True)',
    useInstead: 'DEBUG = env.bool("DJANGO_DEBUG", default=False)',
    fixSafety: "safe: sets DEBUG = False in the environment's own module, or where production reads DEBUG from a variable, makes False the read's default, so a deployment that sets the variable keeps its value. A correct deployment never runs with DEBUG on (static files must then be served by something other than runserver, as they should be anyway)",
    versions: "All versions. Any truthy value counts, so the string \"False\" is on, exactly as in Django.",
  },
  check(ctx) {
    const s = ctx.get("DEBUG");
    if (truthy(s.value) !== true) return [];
    const strNote = s.value.k === "str" ? ` (the string ${pyRepr(s.value)} is truthy)` : "";
    const fix = secureSettingFix(ctx, s, "False", { safety: "safe" });
    return [{ message: `DEBUG is on${strNote}${whenUnset(s)}: error pages would expose code and settings`, setting: s.name, subject: s, value: s.value, fix }];
  },
};
