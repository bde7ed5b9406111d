// Checklist: SECURE_PROXY_SSL_HEADER that is not a pair of strings, or names a header Django never sees under that name.
import { rewriteString } from "../../fixes/literal";
import { pyRepr, truthy } from "../../resolve/values";
import type { Rule } from "../types";
import { DEPLOYED, itemsOf, unsetNote } from "./checklistHelpers";

export const proxySslHeaderInvalid: Rule = {
  id: "proxy-ssl-header-invalid",
  djangoChecks: [],
  severity: "error",
  appliesTo: DEPLOYED,
  docs: {
    summary: "SECURE_PROXY_SSL_HEADER is not a (META key, value) pair",
    why: "Django unpacks the setting into a header name and a value on every request.is_secure() call: anything but two items raises ImproperlyConfigured. The name is looked up in request.META, where headers are upper-cased with an HTTP_ prefix and underscores, so (\"X-Forwarded-Proto\", \"https\") never matches: every request looks insecure, and with SECURE_SSL_REDIRECT the site redirects forever.",
    example: 'SECURE_PROXY_SSL_HEADER = ("X-Forwarded-Proto", "https")',
    useInstead: 'SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")',
    fixSafety: "safe for a header name written as a literal (it is rewritten to its META key, which is what Django compares); none for a value of the wrong shape",
    versions: "All versions.",
  },
  check(ctx) {
    const s = ctx.get("SECURE_PROXY_SSL_HEADER");
    const v = s.value;
    // Django ignores a falsy value (None, the default) entirely.
    if (truthy(v) !== true) return [];
    const items = itemsOf(v);
    if (!items) {
      if (v.k === "unknown") return [];
      return [{ message: `SECURE_PROXY_SSL_HEADER is ${pyRepr(v)}${unsetNote(v)}: Django expects a (header, value) tuple and raises ImproperlyConfigured on every request`, setting: s.name, subject: s, value: v }];
    }
    if (items.length !== 2) {
      return [{ message: `SECURE_PROXY_SSL_HEADER has ${items.length} items${unsetNote(v)}: Django unpacks exactly two (header, value) and raises ImproperlyConfigured otherwise`, setting: s.name, subject: s, value: v }];
    }
    const [name, secure] = items;
    if (name.k === "unknown" || secure.k === "unknown") return [];
    if (name.k !== "str" || secure.k !== "str") {
      return [{ message: `SECURE_PROXY_SSL_HEADER is ${pyRepr(v)}${unsetNote(v)}: both the header name and the value must be strings, or no request ever counts as secure`, setting: s.name, subject: s, value: v }];
    }
    const metaKey = toMetaKey(name.v);
    if (metaKey !== name.v) {
      const model = name.loc && ctx.module(name.loc.file);
      const edit = model && rewriteString(model, name.loc, metaKey);
      return [
        {
          message: `SECURE_PROXY_SSL_HEADER names "${name.v}"${unsetNote(v)}, but Django looks it up in request.META, where it is "${metaKey}": no request is ever seen as secure`,
          setting: s.name,
          subject: s,
          at: name.loc,
          value: name,
          fix: edit && { title: `Write "${metaKey}"`, safety: "safe", edits: [edit] },
        },
      ];
    }
    return [];
  },
};

/** The request.META key a header arrives under: "X-Forwarded-Proto" → "HTTP_X_FORWARDED_PROTO". */
export function toMetaKey(header: string): string {
  const up = header.trim().toUpperCase().replace(/-/g, "_");
  // CONTENT_TYPE and CONTENT_LENGTH are the two headers WSGI passes without the prefix.
  if (up.startsWith("HTTP_") || up === "CONTENT_TYPE" || up === "CONTENT_LENGTH") return up;
  return "HTTP_" + up;
}
