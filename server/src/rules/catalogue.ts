// The catalogue of every rule id the tool can emit: per-environment rules and the project-wide checks, sorted by id.
import { RULES } from "./index";
export { docsUrl, DOCS_BASE } from "./index";
import { envUndocumented } from "./project/envUndocumented";
import { envUnused } from "./project/envUnused";
import { unusedWaiver } from "./project/unusedWaiver";
import { dotenvSecretTracked } from "./secrets/dotenvSecretTracked";
import type { ProjectRule, RuleMeta } from "./types";

/** The checks that run once per project (a pass over .env files, the inventory, the waivers), not per environment. */
export const PROJECT_RULES: readonly ProjectRule[] = [dotenvSecretTracked, envUndocumented, envUnused, unusedWaiver];

/** Everything docs, SARIF, `rules`, configuration validation and the editor's settings schema list. */
export const CATALOGUE: readonly RuleMeta[] = [...RULES, ...PROJECT_RULES].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

export const ALL_RULE_IDS: readonly string[] = CATALOGUE.map((r) => r.id);

export function catalogueEntry(id: string): RuleMeta | undefined {
  return CATALOGUE.find((r) => r.id === id);
}

/**
 * The ids that run under these options, for the waiver pass: a waiver naming a disabled rule, or an environment rule a
 * test left out, is neither used nor reported. The project-wide checks run unless disabled.
 */
export function activeRuleIds(options: { rules?: readonly RuleMeta[]; disabled?: readonly string[] }): Set<string> {
  const envRules = options.rules ?? RULES;
  const ids = [...envRules.map((r) => r.id), ...PROJECT_RULES.map((r) => r.id)];
  return new Set(ids.filter((id) => !options.disabled?.includes(id)));
}
