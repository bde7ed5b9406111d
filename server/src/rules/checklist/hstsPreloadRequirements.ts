// Checklist: SECURE_HSTS_PRELOAD is on without what the browsers' preload list requires (subdomains, a year of max-age).
import { replaceLiteral } from "../../fixes/literal";
import { assignsAtTopLevel, insertSetting } from "../../fixes/insertSetting";
import { pyRepr, truthy } from "../../resolve/values";
import type { Fix, Rule, RuleContext, RuleResult } from "../types";
import { DEPLOYED, ownModule, unsetNote } from "./checklistHelpers";
import type { ResolvedSetting } from "../../resolve/environment";
import { notSet } from "../deploy/conditions";

const YEAR = 31536000;

export const hstsPreloadRequirements: Rule = {
  id: "hsts-preload-requirements",
  djangoChecks: [],
  severity: "warning",
  appliesTo: DEPLOYED,
  docs: {
    summary: "SECURE_HSTS_PRELOAD is on without the preload list's requirements",
    why: "hstspreload.org accepts a domain only when the header carries includeSubDomains and a max-age of at least one year (31536000). Asking for preload without them is either ignored or, worse, a sign that the ramp-up was skipped: once preloaded, a domain cannot quickly go back to HTTP. Without SECURE_HSTS_SECONDS no header is sent at all.",
    example: "SECURE_HSTS_PRELOAD = True\nSECURE_HSTS_SECONDS = 3600",
    useInstead: "SECURE_HSTS_PRELOAD = True\nSECURE_HSTS_INCLUDE_SUBDOMAINS = True\nSECURE_HSTS_SECONDS = 31536000  # reached after 300, 3600 and 86400 each ran for a while",
    fixSafety: "safe for a missing SECURE_HSTS_SECONDS, which gets 300 (five minutes, with a comment to ramp up over days; never a year at once, so the finding then reports the remaining ramp-up); unsafe for a missing or False SECURE_HSTS_INCLUDE_SUBDOMAINS, which becomes True (plain-HTTP subdomains become unreachable). A short max-age has no fix: raising it is a decision to make over days.",
    versions: "All versions. Preload counts when truthy, as SecurityMiddleware tests it.",
  },
  check(ctx) {
    const preload = ctx.get("SECURE_HSTS_PRELOAD");
    if (truthy(preload.value) !== true) return [];
    const out: RuleResult[] = [];
    const seconds = ctx.get("SECURE_HSTS_SECONDS");
    const secs = seconds.value;
    const secsTruthy = truthy(secs);
    if (secsTruthy === false) {
      out.push({
        message: `SECURE_HSTS_PRELOAD is on but SECURE_HSTS_SECONDS ${seconds.isDefault ? notSet(seconds) : `is ${pyRepr(secs)}${unsetNote(secs)}`}: no HSTS header is sent, so there is nothing to preload`,
        setting: seconds.name,
        subject: seconds.isDefault ? preload : seconds,
        value: seconds.isDefault ? preload.value : secs,
        fix: secondsFix(ctx, seconds),
      });
    } else if ((secs.k === "int" || secs.k === "float") && secs.v < YEAR) {
      out.push({
        message: `SECURE_HSTS_PRELOAD is on but SECURE_HSTS_SECONDS is ${pyRepr(secs)}${unsetNote(secs)}: the preload list requires at least 31536000 (one year); keep ramping up before asking for preload`,
        setting: seconds.name,
        subject: seconds,
        value: secs,
      });
    }
    const sub = ctx.get("SECURE_HSTS_INCLUDE_SUBDOMAINS");
    if (truthy(sub.value) === false) {
      out.push({
        message: `SECURE_HSTS_PRELOAD is on but SECURE_HSTS_INCLUDE_SUBDOMAINS ${sub.isDefault ? notSet(sub) : `is ${pyRepr(sub.value)}${unsetNote(sub.value)}`}: the preload list requires includeSubDomains`,
        setting: sub.name,
        subject: sub.isDefault ? preload : sub,
        value: sub.isDefault ? preload.value : sub.value,
        fix: subdomainsFix(ctx, sub),
      });
    }
    return out;
  },
};

function secondsFix(ctx: RuleContext, s: ResolvedSetting): Fix | undefined {
  const comment = "  # ramp up over days: 3600, 86400, then 31536000";
  if (!s.isDefault) {
    const model = s.value.loc && ctx.module(s.value.loc.file);
    const edit = model && replaceLiteral(model, s.value.loc, "300", ["num", "none", "bool"]);
    return edit && { title: "Set SECURE_HSTS_SECONDS to 300 (five minutes) to start the ramp-up", safety: "safe", edits: [edit] };
  }
  const model = ownModule(ctx);
  if (!model || assignsAtTopLevel(model, "SECURE_HSTS_SECONDS")) return undefined;
  return { title: "Add SECURE_HSTS_SECONDS = 300 (five minutes) to start the ramp-up", safety: "safe", edits: [insertSetting(model, `SECURE_HSTS_SECONDS = 300${comment}`)] };
}

function subdomainsFix(ctx: RuleContext, s: ResolvedSetting): Fix | undefined {
  if (!s.isDefault) {
    const model = s.value.loc && ctx.module(s.value.loc.file);
    const edit = model && replaceLiteral(model, s.value.loc, "True", ["bool", "none", "num"]);
    return edit && { title: "Set SECURE_HSTS_INCLUDE_SUBDOMAINS to True", safety: "unsafe", edits: [edit] };
  }
  const model = ownModule(ctx);
  if (!model || assignsAtTopLevel(model, "SECURE_HSTS_INCLUDE_SUBDOMAINS")) return undefined;
  return { title: "Add SECURE_HSTS_INCLUDE_SUBDOMAINS = True", safety: "unsafe", edits: [insertSetting(model, "SECURE_HSTS_INCLUDE_SUBDOMAINS = True")] };
}
