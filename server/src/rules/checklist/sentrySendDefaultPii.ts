// Checklist: sentry_sdk.init(send_default_pii=True) in the settings sends users' personal data to Sentry.
import { replaceLiteral } from "../../fixes/literal";
import { truthy } from "../../resolve/values";
import type { Rule, RuleResult } from "../types";
import { DEPLOYED, unsetNote } from "./checklistHelpers";
import { kwargLoc, sentryInits } from "./sentryHelpers";

export const sentrySendDefaultPii: Rule = {
  id: "sentry-send-default-pii",
  djangoChecks: [],
  severity: "warning",
  appliesTo: DEPLOYED,
  docs: {
    summary: "Sentry is told to send personal data (send_default_pii=True)",
    why: "With send_default_pii, every event carries the user's id, username and email, their IP address, cookies (session ids included) and request bodies. That copies personal data and live credentials to a third party, which privacy law makes the project answer for.",
    example: 'sentry_sdk.init(dsn=SENTRY_DSN, send_default_pii=True)',
    useInstead: 'sentry_sdk.init(dsn=SENTRY_DSN, send_default_pii=False)  # attach only what you need with set_user({"id": ...})',
    fixSafety: "unsafe: events stop carrying the user details, IP addresses and request data the team may rely on for triage. Offered when the value is the literal True.",
    versions: "All versions (a sentry-sdk option, not Django's). A DSN written in the settings is left to the secrets rules.",
  },
  check(ctx) {
    const out: RuleResult[] = [];
    for (const call of sentryInits(ctx)) {
      const v = call.kwargs.send_default_pii;
      if (!v || truthy(v) !== true) continue;
      const at = kwargLoc(call, v);
      const model = ctx.module(at.file);
      const edit = model && replaceLiteral(model, v.loc, "False", ["bool"]);
      out.push({
        message: `sentry_sdk.init(send_default_pii=…) is on${unsetNote(v)}: events carry user ids, emails, IP addresses, cookies and request bodies to Sentry`,
        at,
        value: v,
        fix: edit && { title: "Set send_default_pii=False", safety: "unsafe", edits: [edit] },
      });
    }
    return out;
  },
};
