// Django deploy check security.W006: SECURE_CONTENT_TYPE_NOSNIFF is not True while SecurityMiddleware is on.
import { pyRepr } from "../../resolve/values";
import type { Rule } from "../types";
import { secureSettingFix } from "../../fixes/secureSetting";
import { describe, isTrue, SECURITY_MW, settingContains } from "./conditions";

export const contentTypeNosniffOff: Rule = {
  id: "content-type-nosniff-off",
  djangoChecks: ["security.W006"],
  severity: "warning",
  appliesTo: ["production", "staging"],
  docs: {
    summary: "X-Content-Type-Options: nosniff is turned off",
    why: "Browsers that sniff content types can be tricked into running an uploaded file as a script or stylesheet.",
    example: "SECURE_CONTENT_TYPE_NOSNIFF = False",
    useInstead: "SECURE_CONTENT_TYPE_NOSNIFF = True  # or delete the line: True is Django's default",
    fixSafety: "safe: sets SECURE_CONTENT_TYPE_NOSNIFF = True (Django's default) in the environment's own module; only files served with a wrong Content-Type are affected, and browsers then refuse to run them as scripts",
    versions: "All versions. From 3.0 Django's default is True, so only an explicit non-True value fires; before 3.0 the default is False, so an unset setting fires too.",
  },
  check(ctx) {
    if (settingContains(ctx, "MIDDLEWARE", SECURITY_MW) !== true) return [];
    const s = ctx.get("SECURE_CONTENT_TYPE_NOSNIFF");
    if (isTrue(s.value) !== false) return [];
    const fix = secureSettingFix(ctx, s, "True", { safety: "safe" });
    return [{ message: `SECURE_CONTENT_TYPE_NOSNIFF ${describe(s, pyRepr(s.value))}, so browsers may sniff content types`, setting: s.name, subject: s, value: s.value, fix }];
  },
};
