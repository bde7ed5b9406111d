// Renders a rule's documentation page from its metadata, so docs/rules/<id>.md can never drift from the code.
import type { RuleMeta } from "../rules/types";

export function renderRuleDoc(rule: RuleMeta): string {
  const d = rule.docs;
  const checks = rule.djangoChecks.length ? rule.djangoChecks.map((c) => `\`${c}\``).join(", ") : "none (beyond Django's checks)";
  return [
    `# ${rule.id}`,
    "",
    `${d.summary}.`,
    "",
    `| | |`,
    `|---|---|`,
    `| Django check | ${checks} |`,
    `| Severity | ${rule.severity} |`,
    `| Environments | ${rule.appliesTo.join(", ")} |`,
    `| Django versions | ${d.versions} |`,
    `| Fix | ${d.fixSafety} |`,
    "",
    `## Why is this bad?`,
    "",
    d.why,
    "",
    `## Example`,
    "",
    "```" + (d.exampleLanguage ?? "python"),
    d.example,
    "```",
    "",
    `## Use instead`,
    "",
    "```" + (d.useInsteadLanguage ?? "python"),
    d.useInstead,
    "```",
    "",
    `## Silencing`,
    "",
    rule.scope === "waivers"
      ? `Remove or correct the waiver, or disable the rule in the configuration (\`disable = ["${rule.id}"]\`).`
      : rule.djangoChecks.length
        ? `Add the Django check id to \`SILENCED_SYSTEM_CHECKS\` (Django and this tool both honour it), or put \`# django-settings-hygiene: ignore[${rule.id}]\` on the line.`
        : `Put \`# django-settings-hygiene: ignore[${rule.id}]\` on the line, or disable the rule in the configuration.`,
    "",
  ].join("\n");
}
