// Checklist: ALLOWED_HOSTS holds "*", which Django's W020 accepts but which lets any Host header through.
import { removeItem } from "../../fixes/literal";
import type { Value } from "../../resolve/values";
import type { Fix, Rule, RuleContext, RuleResult } from "../types";
import { DEPLOYED, itemsOf, presentItems, unsetNoteFor } from "./checklistHelpers";

export const allowedHostsWildcard: Rule = {
  id: "allowed-hosts-wildcard",
  djangoChecks: [],
  severity: "warning",
  appliesTo: DEPLOYED,
  docs: {
    summary: "ALLOWED_HOSTS accepts any host with \"*\"",
    why: "ALLOWED_HOSTS is Django's defence against Host-header attacks: password-reset links, absolute URLs and cache keys are built from the Host header. \"*\" turns it off, and Django's own W020 only complains when the list is empty.",
    example: 'ALLOWED_HOSTS = ["*"]',
    useInstead: 'ALLOWED_HOSTS = ["www.example.com", "example.com"]',
    fixSafety: "unsafe: removes \"*\" when the same list names other hosts; requests for hosts only \"*\" admitted are then refused. Offered only where the environment's own module writes the list.",
    versions: "All versions.",
  },
  check(ctx) {
    const s = ctx.get("ALLOWED_HOSTS");
    // "*" known to be there is reported even when other hosts come from somewhere the analysis cannot see.
    const whole = itemsOf(s.value);
    const items = whole ?? presentItems(s.value);
    const out: RuleResult[] = [];
    for (const item of items) {
      if (item.k !== "str" || item.v !== "*") continue;
      out.push({
        message: `ALLOWED_HOSTS contains "*"${unsetNoteFor(item, s.value)}: any Host header is accepted, so password-reset links and absolute URLs can point at an attacker's domain`,
        setting: s.name,
        subject: s,
        at: item.loc,
        value: item,
        fix: whole ? removeWildcard(ctx, item, whole.length) : undefined,
      });
    }
    return out;
  },
};

function removeWildcard(ctx: RuleContext, item: Value, count: number): Fix | undefined {
  // Emptying the list would make the site refuse every request, and a shared base module feeds development too.
  if (count < 2 || !item.loc || item.loc.file !== ctx.env.file) return undefined;
  const model = ctx.module(item.loc.file);
  const edit = model && removeItem(model, item.loc);
  return edit && { title: 'Remove "*" from ALLOWED_HOSTS', safety: "unsafe", edits: [edit] };
}
