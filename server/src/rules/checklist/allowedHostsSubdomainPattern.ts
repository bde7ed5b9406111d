// Checklist: ALLOWED_HOSTS admits every subdomain (".example.com") while the other settings name only specific hosts.
import type { Rule, RuleResult } from "../types";
import { DEPLOYED, itemsOf, stringsOf, valueOr } from "./checklistHelpers";

export const allowedHostsSubdomainPattern: Rule = {
  id: "allowed-hosts-subdomain-pattern",
  djangoChecks: [],
  severity: "hint",
  appliesTo: DEPLOYED,
  docs: {
    summary: "ALLOWED_HOSTS admits every subdomain while CSRF_TRUSTED_ORIGINS names only some",
    why: "A leading dot (\".example.com\") accepts any subdomain, including a forgotten one an attacker can take over (a dangling DNS record). When CSRF_TRUSTED_ORIGINS lists only a few exact hosts of that domain, the site evidently serves just those, and ALLOWED_HOSTS can say so.",
    example: 'ALLOWED_HOSTS = [".example.com"]\nCSRF_TRUSTED_ORIGINS = ["https://www.example.com"]',
    useInstead: 'ALLOWED_HOSTS = ["www.example.com"]\nCSRF_TRUSTED_ORIGINS = ["https://www.example.com"]',
    fixSafety: "none: only the team knows which subdomains are served",
    versions: "All versions. Silent when CSRF_TRUSTED_ORIGINS is unknown, empty, or itself trusts subdomains (\"https://*.example.com\", or \".example.com\" before 4.0).",
  },
  check(ctx) {
    const hosts = ctx.get("ALLOWED_HOSTS");
    const origins = stringsOf(ctx.get("CSRF_TRUSTED_ORIGINS").value);
    if (!origins || origins.length === 0) return [];
    const out: RuleResult[] = [];
    for (const item of itemsOf(hosts.value) ?? []) {
      if (item.k !== "str" || !item.v.startsWith(".") || item.v.length < 2) continue;
      const domain = item.v.slice(1).toLowerCase();
      const hostsOf = origins.map((o) => o.replace(/^[a-z][a-z0-9+.-]*:\/\//i, "").replace(/[:/].*$/, "").toLowerCase());
      const under = hostsOf.filter((h) => h === domain || h.endsWith("." + domain) || h === "." + domain || h === "*." + domain);
      if (under.length === 0) continue;
      // A wildcard origin for the same domain means subdomains are served on purpose.
      if (under.some((h) => h.startsWith("*.") || h.startsWith("."))) continue;
      const cookieDomain = [valueOr(ctx, "SESSION_COOKIE_DOMAIN", { k: "none" }), valueOr(ctx, "CSRF_COOKIE_DOMAIN", { k: "none" })];
      if (cookieDomain.some((v) => v.k === "str" && v.v.replace(/^\./, "").toLowerCase() === domain)) continue;
      if (cookieDomain.some((v) => v.k === "unknown")) continue;
      out.push({
        message: `ALLOWED_HOSTS accepts every subdomain of ${domain} ("${item.v}"), but CSRF_TRUSTED_ORIGINS names only ${[...new Set(under)].join(", ")}: list the hosts the site serves`,
        setting: hosts.name,
        subject: hosts,
        at: item.loc,
        value: item,
      });
    }
    return out;
  },
};
