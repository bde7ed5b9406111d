// Django deploy check security.W008: SECURE_SSL_REDIRECT is not True while SecurityMiddleware is on.
import { pyRepr } from "../../resolve/values";
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
    fixSafety: "unsafe: behind a proxy that terminates TLS it needs SECURE_PROXY_SSL_HEADER too, or requests loop",
    versions: "All versions. Only the value True passes: 1 or \"True\" still fire, as in Django.",
  },
  check(ctx) {
    if (settingContains(ctx, "MIDDLEWARE", SECURITY_MW) !== true) return [];
    const s = ctx.get("SECURE_SSL_REDIRECT");
    if (isTrue(s.value) !== false) return [];
    return [{ message: `SECURE_SSL_REDIRECT ${describe(s, pyRepr(s.value))}, so HTTP requests are not redirected to HTTPS`, setting: s.name, subject: s, value: s.value }];
  },
};
