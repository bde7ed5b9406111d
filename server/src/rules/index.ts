// The per-environment rules, sorted by id: what the runner runs on each environment (rules/catalogue.ts adds the project-wide checks).
import { CHECKLIST_RULES } from "./checklist/index";
import { DEPLOY_RULES } from "./deploy/index";
import { SECRET_RULES } from "./secrets/index";
import type { Rule } from "./types";

export const RULES: readonly Rule[] = [...DEPLOY_RULES, ...SECRET_RULES, ...CHECKLIST_RULES].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

export function ruleById(id: string): Rule | undefined {
  return RULES.find((r) => r.id === id);
}

/** Where a rule's documentation page lives in the repository, for diagnostics' codeDescription and SARIF helpUri. */
export const DOCS_BASE = "https://github.com/django-settings-hygiene/django-settings-hygiene/blob/main/docs/rules/";

export function docsUrl(rule: { id: string }): string {
  return `${DOCS_BASE}${rule.id}.md`;
}
