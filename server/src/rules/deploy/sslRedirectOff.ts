// Django deploy check security.W008: SECURE_SSL_REDIRECT is not True while SecurityMiddleware is on.
import { pyRepr, truthy } from "../../resolve/values";
import { secureSettingFix } from "../../fixes/secureSetting";
import type { Rule } from "../types";
import { describe, isTrue, SECURITY_MW, settingContains } from "./conditions";

export const sslRedirectOff: Rule = {
  id: "ssl-redirect-off",
  djangoChecks: ["security.W008"],
  severity: "warning",
  appliesTo: ["production", "staging"],
  docs: {
    summary: "Plain HTTP requests are not redirected to HTTPS",
    why: "Unless a proxy or load balancer already redirects every request, visitors who type the bare domain stay on unencrypted HTTP.",
    example: "SECURE_SSL_REDIRECT = False",
    useInstead: "SECURE_SSL_REDIRECT = True",
    fixSafety: "safe when SECURE_PROXY_SSL_HEADER is set, so Django recognises proxied HTTPS requests and the redirect cannot loop (plain-HTTP health checks then get a redirect: exempt their paths with SECURE_REDIRECT_EXEMPT); unsafe without it, since behind a proxy that terminates TLS every request would be redirected to itself forever. Sets SECURE_SSL_REDIRECT = True in the environment's own module, or makes True the default of its env read",
    versions: "All versions. Only the value True passes: 1 or \"True\" still fire, as in Django.",
  },
  check(ctx) {
    if (settingContains(ctx, "MIDDLEWARE", SECURITY_MW) !== true) return [];
    const s = ctx.get("SECURE_SSL_REDIRECT");
    if (isTrue(s.value) !== false) return [];
    const proxyKnown = truthy(ctx.get("SECURE_PROXY_SSL_HEADER").value) === true;
    const fix = secureSettingFix(ctx, s, "True", proxyKnown ? { safety: "safe" } : { safety: "unsafe", consequence: "unsafe: behind a TLS proxy, requests loop unless SECURE_PROXY_SSL_HEADER is set" });
    return [{ message: `SECURE_SSL_REDIRECT ${describe(s, pyRepr(s.value))}, so HTTP requests are not redirected to HTTPS`, setting: s.name, subject: s, value: s.value, fix }];
  },
};
