// Checklist: an enforced CSP whose script-src (or default-src, when it stands in) allows 'unsafe-inline', 'unsafe-eval' or *.
import { removeItem } from "../../fixes/literal";
import type { Value } from "../../resolve/values";
import type { Rule, RuleResult } from "../types";
import { cspToken, DEPLOYED, itemsOf, locInWrites } from "./checklistHelpers";
import { directiveSetting, enforcedPolicies } from "./cspHelpers";

export const cspUnsafeSource: Rule = {
  id: "csp-unsafe-source",
  djangoChecks: [],
  severity: "warning",
  appliesTo: DEPLOYED,
  docs: {
    summary: "The Content Security Policy lets scripts run from 'unsafe-inline', 'unsafe-eval' or *",
    why: "The point of a CSP is to stop injected scripts. 'unsafe-inline' allows any inline <script> (exactly what an XSS payload is), 'unsafe-eval' allows eval() of strings, and * allows scripts from any host. A nonce or hash (or 'strict-dynamic') makes browsers ignore 'unsafe-inline', so it is then a harmless fallback for old browsers.",
    example: 'SECURE_CSP = {"default-src": [CSP.SELF], "script-src": [CSP.SELF, CSP.UNSAFE_INLINE]}',
    useInstead: 'SECURE_CSP = {"default-src": [CSP.SELF], "script-src": [CSP.SELF, CSP.NONCE]}',
    fixSafety: "unsafe: removes 'unsafe-eval' or * from a list written in the environment's own module; scripts that relied on them stop running. 'unsafe-inline' has no fix: the inline scripts need nonces first.",
    versions: "All versions: Django 6.0's SECURE_CSP (6.0+), django-csp 4.x's CONTENT_SECURITY_POLICY[\"DIRECTIVES\"], and django-csp 3.x's CSP_SCRIPT_SRC / CSP_DEFAULT_SRC. script-src is checked, and default-src when there is no script-src (it is then what scripts fall back to). Report-only policies are not checked.",
  },
  check(ctx) {
    const out: RuleResult[] = [];
    for (const policy of enforcedPolicies(ctx)) {
      const directive = policy.directives.has("script-src") ? "script-src" : policy.directives.has("default-src") ? "default-src" : undefined;
      if (!directive) continue;
      const value = policy.directives.get(directive)!;
      const items: Value[] | undefined = itemsOf(value) ?? (value.k === "str" ? [value] : undefined);
      if (!items) continue;
      const tokens = items.map(cspToken);
      const strictDynamic = tokens.includes("'strict-dynamic'");
      const nonceOrHash = strictDynamic || policy.nonceIn.includes(directive) || tokens.some((t) => t !== undefined && (t.startsWith("'nonce-") || /^'sha(256|384|512)-/.test(t)));
      const setting = directiveSetting(ctx, policy, directive);
      items.forEach((item, i) => {
        const t = tokens[i];
        let why: string | undefined;
        if (t === "'unsafe-inline'" && !nonceOrHash) why = "any inline <script>, including an injected one, runs";
        else if (t === "'unsafe-eval'") why = "eval() and new Function() on strings are allowed";
        else if (t === "*" && !strictDynamic) why = "scripts load from any host";
        if (!why) return;
        const canFix = t !== "'unsafe-inline'" && item.loc?.file === ctx.env.file && items.length > 1;
        const model = canFix ? ctx.module(ctx.env.file) : undefined;
        const edit = model && removeItem(model, item.loc);
        out.push({
          message: `${policy.source} ${directive} allows ${t}: ${why}`,
          setting: setting.name,
          subject: setting,
          at: locInWrites(item.loc, setting),
          value: item,
          fix: edit && { title: `Remove ${t} from ${directive}`, safety: "unsafe", edits: [edit] },
        });
      });
    }
    return out;
  },
};
