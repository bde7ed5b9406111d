// Django deploy check security.W007 (Django before 3.0): SECURE_BROWSER_XSS_FILTER is not True while SecurityMiddleware is on.
import { atLeast } from "../../resolve/djangoVersion";
import { pyRepr } from "../../resolve/values";
import type { Rule } from "../types";
import { describe, isTrue, SECURITY_MW, settingContains } from "./conditions";

export const browserXssFilterOff: Rule = {
  id: "browser-xss-filter-off",
  djangoChecks: ["security.W007"],
  severity: "warning",
  appliesTo: ["production", "staging"],
  // Django 3.0 removed the check (browsers dropped their XSS auditors); the setting went in 4.0.
  versions: (v) => !atLeast(v, 3, 0),
  docs: {
    summary: "X-XSS-Protection header is not sent (Django before 3.0)",
    why: "Django 2.2 asks for SECURE_BROWSER_XSS_FILTER = True so that older browsers block pages where they detect reflected script. Modern browsers ignore the header, which is why Django 3.0 dropped the check; upgrading Django is the better fix.",
    example: "SECURE_BROWSER_XSS_FILTER = False  # or unset: False is the default",
    useInstead: "SECURE_BROWSER_XSS_FILTER = True",
    fixSafety: "safe",
    versions: "Django 2.2 and older only (removed in 3.0). Only the value True passes; the default is False, so an unset setting fires.",
  },
  check(ctx) {
    if (settingContains(ctx, "MIDDLEWARE", SECURITY_MW) !== true) return [];
    const s = ctx.get("SECURE_BROWSER_XSS_FILTER");
    if (isTrue(s.value) !== false) return [];
    return [{ message: `SECURE_BROWSER_XSS_FILTER ${describe(s, pyRepr(s.value))}, so no X-XSS-Protection header is sent`, setting: s.name, subject: s, value: s.value }];
  },
};
