// Finds sentry_sdk.init(...) calls among an environment's top-level calls, with the evaluated keyword arguments.
import type { CallRecord } from "../../resolve/namespace";
import type { Loc, Value } from "../../resolve/values";
import type { RuleContext } from "../types";

export function sentryInits(ctx: RuleContext): CallRecord[] {
  return ctx.env.calls.filter((c) => c.callee === "sentry_sdk.init" || c.callee === "sentry_sdk.client.init" || c.callee === "sentry_sdk.api.init");
}

/** Where to show a keyword's value: the value as written when it lies inside the call, else the call itself. */
export function kwargLoc(call: CallRecord, v: Value | undefined): Loc {
  const l = v?.loc;
  if (l && l.file === call.file && l.range.startOffset >= call.range.startOffset && l.range.endOffset <= call.range.endOffset) return l;
  return { file: call.file, range: call.range };
}
