// Checklist: SECURE_SSL_REDIRECT behind a proxy (USE_X_FORWARDED_HOST) without SECURE_PROXY_SSL_HEADER.
import { assignsAtTopLevel, insertSetting } from "../../fixes/insertSetting";
import { truthy } from "../../resolve/values";
import type { Rule } from "../types";
import { DEPLOYED, ownModule } from "./checklistHelpers";

export const sslRedirectWithoutProxyHeader: Rule = {
  id: "ssl-redirect-without-proxy-header",
  djangoChecks: [],
  severity: "hint",
  appliesTo: DEPLOYED,
  docs: {
    summary: "SECURE_SSL_REDIRECT behind a proxy without SECURE_PROXY_SSL_HEADER",
    why: "USE_X_FORWARDED_HOST (or USE_X_FORWARDED_PORT) says the site runs behind a proxy that terminates TLS. Django then sees every request as plain HTTP unless SECURE_PROXY_SSL_HEADER names the proxy's header, so SECURE_SSL_REDIRECT redirects HTTPS requests to themselves forever (or the proxy does the redirect and this setting is dead). A WSGI server that rewrites the scheme itself (gunicorn's secure_scheme_headers for a trusted proxy) also works; this is a hint because the settings cannot show that.",
    example: "USE_X_FORWARDED_HOST = True\nSECURE_SSL_REDIRECT = True",
    useInstead: 'USE_X_FORWARDED_HOST = True\nSECURE_SSL_REDIRECT = True\nSECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")',
    fixSafety: "unsafe: only correct when the proxy sets X-Forwarded-Proto and strips it from client requests; otherwise clients can claim HTTPS",
    versions: "All versions.",
  },
  check(ctx) {
    const redirect = ctx.get("SECURE_SSL_REDIRECT");
    if (truthy(redirect.value) !== true) return [];
    const header = ctx.get("SECURE_PROXY_SSL_HEADER");
    if (truthy(header.value) !== false) return [];
    const host = ctx.get("USE_X_FORWARDED_HOST");
    const port = ctx.get("USE_X_FORWARDED_PORT");
    const behind = truthy(host.value) === true ? host : port.binding && truthy(port.value) === true ? port : undefined;
    if (!behind) return [];
    const model = ownModule(ctx);
    const fix =
      model && !assignsAtTopLevel(model, "SECURE_PROXY_SSL_HEADER")
        ? { title: "Add SECURE_PROXY_SSL_HEADER for X-Forwarded-Proto", safety: "unsafe" as const, edits: [insertSetting(model, 'SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")  # only if the proxy sets and strips this header')] }
        : undefined;
    return [
      {
        message: `SECURE_SSL_REDIRECT is on and ${behind.name} says the site is behind a proxy, but SECURE_PROXY_SSL_HEADER is not set: Django will see proxied HTTPS requests as HTTP and keep redirecting them`,
        setting: redirect.name,
        subject: redirect,
        value: redirect.value,
        fix,
      },
    ];
  },
};
