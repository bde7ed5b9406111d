// Shared by the secrets rules: turns the environment's secret candidates for one rule into results with masked messages and fixes.
import type { EnvKind } from "../../resolve/classify";
import { secretFix } from "../../fixes/secretFix";
import type { SecretRuleId } from "../../secrets/classify";
import { scanSecrets, type SecretCandidate } from "../../secrets/scan";
import type { RuleContext, RuleResult } from "../types";

/** A committed secret is wrong in every environment, so every secrets rule runs everywhere. */
export const ALL_KINDS: EnvKind[] = ["base", "development", "production", "staging", "testing"];

/**
 * The message for one candidate. It depends only on the place in the code (never on the environment), so adapters can
 * merge the same finding seen from several environments; the secret appears only masked.
 */
export function secretMessage(c: SecretCandidate, advice: string): string {
  if (c.read) {
    const v = c.read.variable;
    const subject = !c.setting && c.path.length === 1 && c.path[0] === v ? `the default of ${v} is ${c.what}` : `${c.label} falls back to ${c.what} when ${c.label === v ? "unset" : `${v} is unset`}`;
    // A committed signing key is compromised for good: removing it from the code does not take it out of git history.
    const rotate = c.rule === "hardcoded-secret-key" ? "; the key is compromised (it stays in git history): rotate it" : "";
    return `${subject}: the default is committed with the code (${c.masked}); remove the default so the value comes only from the environment${rotate}`;
  }
  return `${c.label} is ${c.what} in the code (${c.masked}); ${advice}`;
}

export function secretResults(ctx: RuleContext, rule: SecretRuleId, advice: string): RuleResult[] {
  const fixCtx = { root: ctx.root, module: ctx.module, environments: ctx.environments };
  return scanSecrets(ctx.env, ctx.module)
    .filter((c) => c.rule === rule)
    .map((c) => {
      const subject = c.setting ? ctx.get(c.setting) : undefined;
      const fix = secretFix(c, fixCtx);
      return { message: secretMessage(c, advice), setting: c.setting, subject, at: c.loc, secret: c.secret, ...(fix ? { fix } : {}) };
    });
}
