// Checklist: a deployed environment sends no Content Security Policy (built-in 6.0 SECURE_CSP, django-csp 3.x or 4.x).
import { truthy } from "../../resolve/values";
import type { Rule, RuleResult } from "../types";
import { atLeastVersion, DEPLOYED, isSet, middlewareList, isCompleteSettings } from "./checklistHelpers";
import { BUILTIN_CSP_MW, isDjangoCspMiddleware, legacyCspSettings, looksLikeCspMiddleware } from "./cspHelpers";

export const cspMissing: Rule = {
  id: "csp-missing",
  djangoChecks: [],
  severity: "information",
  appliesTo: DEPLOYED,
  docs: {
    summary: "No Content Security Policy",
    why: "A Content Security Policy is the browser-side backstop for cross-site scripting: even when a template escapes something wrongly, the browser refuses scripts the policy does not allow. Django sends none by default; Django 6.0 has it built in (SECURE_CSP with ContentSecurityPolicyMiddleware), older versions use django-csp.",
    example: 'MIDDLEWARE = [\n    "django.middleware.security.SecurityMiddleware",\n    # ...\n]',
    useInstead:
      'from django.utils.csp import CSP  # Django 6.0+; with django-csp 4.x: from csp.constants import SELF\n\nMIDDLEWARE = [\n    "django.middleware.security.SecurityMiddleware",\n    "django.middleware.csp.ContentSecurityPolicyMiddleware",\n    # ...\n]\nSECURE_CSP = {"default-src": [CSP.SELF], "script-src": [CSP.SELF, CSP.NONCE]}',
    fixSafety: "none: a policy has to be written for the site's own scripts, styles and third parties",
    versions: "All versions. SECURE_CSP counts from Django 6.0 (earlier versions ignore it, which the message says); django-csp's CSPMiddleware with CONTENT_SECURITY_POLICY (4.x) or CSP_* settings (3.x) counts on every version, as does any middleware whose name says CSP. A report-only policy counts as work in progress and keeps the rule silent. Silent for a fragment without INSTALLED_APPS (a local_settings.py another module star-imports), when MIDDLEWARE is not fully known, and when CSPMiddleware is on with no settings at all (django-csp 3.x then sends default-src 'self', 4.x sends nothing; the settings do not say which).",
  },
  check(ctx) {
    const mw = middlewareList(ctx);
    if (!mw || !isCompleteSettings(ctx)) return [];
    const builtinOn = mw.includes(BUILTIN_CSP_MW);
    const djangoCspOn = mw.some(isDjangoCspMiddleware);
    const secureCsp = isSet(ctx, "SECURE_CSP") ? ctx.get("SECURE_CSP").value : undefined;
    const secureCspRo = isSet(ctx, "SECURE_CSP_REPORT_ONLY") ? ctx.get("SECURE_CSP_REPORT_ONLY").value : undefined;
    const v6 = atLeastVersion(ctx, 6, 0);
    const result = (message: string): RuleResult[] => [{ message }];

    if (v6 && builtinOn) {
      if (secureCsp && truthy(secureCsp) !== false) return [];
      if (secureCspRo && truthy(secureCspRo) !== false) return [];
      return result("ContentSecurityPolicyMiddleware is on but SECURE_CSP is empty: no Content-Security-Policy header is sent");
    }
    if (djangoCspOn) {
      const policy = ctx.get("CONTENT_SECURITY_POLICY");
      const ro = ctx.get("CONTENT_SECURITY_POLICY_REPORT_ONLY");
      if (!policy.isDefault && truthy(policy.value) !== false) return [];
      if (!ro.isDefault && truthy(ro.value) !== false) return [];
      if (legacyCspSettings(ctx).length > 0) return [];
      // Both policy settings written as empty: django-csp 4.x sends nothing. Neither written: version-dependent, so silent.
      if (!policy.isDefault) return result("CSPMiddleware is on but CONTENT_SECURITY_POLICY is empty: django-csp sends no Content-Security-Policy header");
      return [];
    }
    if (mw.some(looksLikeCspMiddleware) || (builtinOn && !v6)) {
      if (builtinOn && !v6) return result(`django.middleware.csp.ContentSecurityPolicyMiddleware is listed but Django ${ctx.version.major}.${ctx.version.minor} has no such middleware (it arrives in 6.0): no Content Security Policy is sent, and the import fails at startup`);
      return [];
    }
    if (secureCsp !== undefined && truthy(secureCsp) !== false) {
      return result(
        v6
          ? "SECURE_CSP is set but ContentSecurityPolicyMiddleware is not in MIDDLEWARE: the policy is never sent"
          : `SECURE_CSP is set, but Django ${ctx.version.major}.${ctx.version.minor} ignores it (built-in CSP arrives in 6.0): no Content Security Policy is sent; use django-csp`,
      );
    }
    const djangoCspSettings = ["CONTENT_SECURITY_POLICY", "CONTENT_SECURITY_POLICY_REPORT_ONLY"].filter((n) => isSet(ctx, n)).concat(legacyCspSettings(ctx));
    if (djangoCspSettings.length > 0) return result(`${djangoCspSettings[0]} is set but django-csp's CSPMiddleware is not in MIDDLEWARE: the policy is never sent`);
    return result(
      v6
        ? "no Content Security Policy: add ContentSecurityPolicyMiddleware and SECURE_CSP, so the browser blocks scripts an XSS bug would inject"
        : "no Content Security Policy: add django-csp's CSPMiddleware and CONTENT_SECURITY_POLICY, so the browser blocks scripts an XSS bug would inject",
    );
  },
};
