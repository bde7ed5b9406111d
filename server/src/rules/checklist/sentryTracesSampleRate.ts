// Checklist: sentry_sdk.init(traces_sample_rate=1.0) traces every request in a deployed environment.
import { replaceLiteral } from "../../fixes/literal";
import type { Rule, RuleResult } from "../types";
import { DEPLOYED, unsetNote } from "./checklistHelpers";
import { kwargLoc, sentryInits } from "./sentryHelpers";

export const sentryTracesSampleRate: Rule = {
  id: "sentry-traces-sample-rate",
  djangoChecks: [],
  severity: "information",
  appliesTo: DEPLOYED,
  docs: {
    summary: "Sentry traces every request (traces_sample_rate=1.0)",
    why: "A sample rate of 1.0 is what Sentry's quick-start shows, for trying things out. In production it records a transaction for every request: per-request overhead, and a performance quota that is used up within days. A rate of 0.01 to 0.2 (or a traces_sampler) gives the same picture.",
    example: "sentry_sdk.init(dsn=SENTRY_DSN, traces_sample_rate=1.0)",
    useInstead: "sentry_sdk.init(dsn=SENTRY_DSN, traces_sample_rate=0.1)",
    fixSafety: "unsafe: nine in ten transactions are no longer recorded. Offered when the rate is written as a number literal.",
    versions: "All versions (a sentry-sdk option, not Django's). Silent when a traces_sampler is passed, which takes precedence.",
  },
  check(ctx) {
    const out: RuleResult[] = [];
    for (const call of sentryInits(ctx)) {
      if (call.kwargs.traces_sampler) continue;
      const v = call.kwargs.traces_sample_rate;
      if (!v || (v.k !== "int" && v.k !== "float") || v.v < 1) continue;
      const at = kwargLoc(call, v);
      const model = ctx.module(at.file);
      const edit = model && replaceLiteral(model, v.loc, "0.1", ["num"]);
      out.push({
        message: `sentry_sdk.init(traces_sample_rate=${v.k === "float" && Number.isInteger(v.v) ? v.v.toFixed(1) : v.v})${unsetNote(v)} traces every request: overhead on each one and a quota gone in days; sample 0.01–0.2`,
        at,
        value: v,
        fix: edit && { title: "Sample 10% of transactions (traces_sample_rate=0.1)", safety: "unsafe", edits: [edit] },
      });
    }
    return out;
  },
};
