// Where a Content Security Policy comes from in a settings module: Django 6.0's SECURE_CSP, django-csp 4.x or 3.x.
import { truthy, type Value } from "../../resolve/values";
import type { ResolvedSetting } from "../../resolve/environment";
import type { RuleContext } from "../types";
import { atLeastVersion, dictPath, isSet, presentStrings, strEntries } from "./checklistHelpers";

export const BUILTIN_CSP_MW = "django.middleware.csp.ContentSecurityPolicyMiddleware";

/** django-csp's middleware and its rate-limited variant. */
export function isDjangoCspMiddleware(path: string): boolean {
  return path === "csp.middleware.CSPMiddleware" || path === "csp.contrib.rate_limiting.RateLimitedCSPMiddleware";
}

/** Some other middleware that evidently sets the header (django-security's, a project's own). */
export function looksLikeCspMiddleware(path: string): boolean {
  return /csp|contentsecuritypolicy/i.test(path);
}

/** Settings names of django-csp 3.x (`CSP_DEFAULT_SRC`…), which 4.x replaced with CONTENT_SECURITY_POLICY. */
export function legacyCspSettings(ctx: RuleContext): string[] {
  return [...ctx.env.settings.keys()].filter((k) => k.startsWith("CSP_"));
}

/** One enforced policy: where it is written and its directives (directive name → the setting value holding its sources). */
export interface EnforcedPolicy {
  source: string;
  setting: ResolvedSetting;
  directives: Map<string, Value>;
  /** Directives django-csp 3.x adds a nonce to (CSP_INCLUDE_NONCE_IN), when set explicitly. */
  nonceIn: string[];
}

/**
 * The enforced (not report-only) policies the environment sends, as far as the settings show them. Unknown parts
 * are left out rather than guessed, so a caller sees only directives whose value is written down.
 */
export function enforcedPolicies(ctx: RuleContext): EnforcedPolicy[] {
  // Middleware known to be on is enough: a policy it sends is sent, whatever else MIDDLEWARE holds.
  const mw = presentStrings(ctx.get("MIDDLEWARE").value);
  if (mw.length === 0) return [];
  const out: EnforcedPolicy[] = [];
  if (atLeastVersion(ctx, 6, 0) && mw.includes(BUILTIN_CSP_MW)) {
    const s = ctx.get("SECURE_CSP");
    if (!s.isDefault && s.value.k === "dict") out.push({ source: "SECURE_CSP", setting: s, directives: new Map(strEntries(s.value).map(([k, v]) => [k, v])), nonceIn: [] });
  }
  if (mw.some(isDjangoCspMiddleware)) {
    const s = ctx.get("CONTENT_SECURITY_POLICY");
    if (!s.isDefault) {
      const d = dictPath(s.value, "DIRECTIVES");
      if (d && d.k === "dict") out.push({ source: "CONTENT_SECURITY_POLICY", setting: s, directives: new Map(strEntries(d).map(([k, v]) => [k, v])), nonceIn: [] });
    } else {
      const legacy = legacyCspSettings(ctx);
      const reportOnly = ctx.get("CSP_REPORT_ONLY");
      if (legacy.length > 0 && !(isSet(ctx, "CSP_REPORT_ONLY") && truthy(reportOnly.value) !== false)) {
        const directives = new Map<string, Value>();
        for (const name of legacy) {
          const m = /^CSP_([A-Z_]+)$/.exec(name);
          if (m && m[1] !== "INCLUDE_NONCE_IN" && m[1] !== "REPORT_ONLY" && m[1] !== "EXCLUDE_URL_PREFIXES") {
            directives.set(m[1].toLowerCase().replace(/_/g, "-"), ctx.get(name).value);
          }
        }
        const nonce = ctx.get("CSP_INCLUDE_NONCE_IN");
        const nonceIn = !nonce.isDefault && (nonce.value.k === "list" || nonce.value.k === "tuple") ? nonce.value.items.flatMap((i) => (i.k === "str" ? [i.v] : [])) : [];
        const first = ctx.get(legacy.includes("CSP_SCRIPT_SRC") ? "CSP_SCRIPT_SRC" : legacy.includes("CSP_DEFAULT_SRC") ? "CSP_DEFAULT_SRC" : legacy[0]);
        out.push({ source: "django-csp 3.x CSP_* settings", setting: first, directives, nonceIn });
      }
    }
  }
  return out;
}

/** The setting that holds a directive, for locating a finding: SECURE_CSP, CONTENT_SECURITY_POLICY, or CSP_SCRIPT_SRC. */
export function directiveSetting(ctx: RuleContext, p: EnforcedPolicy, directive: string): ResolvedSetting {
  if (p.source.startsWith("django-csp 3")) return ctx.get("CSP_" + directive.toUpperCase().replace(/-/g, "_"));
  return p.setting;
}
