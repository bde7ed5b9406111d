// SARIF 2.1.0 output for code scanning: every catalogue rule with its docs, one result per place, paths from the repository root.
import { CATALOGUE, docsUrl } from "../rules/catalogue";
import type { RuleMeta } from "../rules/types";
import type { JsonReport } from "../report/jsonReport";

const LEVEL: Record<string, "error" | "warning" | "note"> = { error: "error", warning: "warning", information: "note", hint: "note" };

/** GitHub keeps at most 20 tags per rule and shows 10: security, django and the Django check ids fit. */
const MAX_TAGS = 10;

function sarifRule(r: RuleMeta) {
  const lang = (l?: string) => l ?? "python";
  return {
    id: r.id,
    name: r.id.replace(/(^|-)(\w)/g, (_m, _d, c: string) => c.toUpperCase()),
    shortDescription: { text: r.docs.summary },
    fullDescription: { text: r.docs.why },
    helpUri: docsUrl(r),
    help: {
      text: `${r.docs.why}\n\nExample:\n${r.docs.example}\n\nUse instead:\n${r.docs.useInstead}\n\nFix: ${r.docs.fixSafety}`,
      markdown: `${r.docs.why}\n\n**Example**\n\n\`\`\`${lang(r.docs.exampleLanguage)}\n${r.docs.example}\n\`\`\`\n\n**Use instead**\n\n\`\`\`${lang(r.docs.useInsteadLanguage)}\n${r.docs.useInstead}\n\`\`\`\n\n**Fix**: ${r.docs.fixSafety}\n\n[Documentation](${docsUrl(r)})`,
    },
    defaultConfiguration: { level: LEVEL[r.severity] },
    properties: { tags: ["security", "django", ...r.djangoChecks].slice(0, MAX_TAGS), precision: "high" },
  };
}

/**
 * `report` paths are relative to the repository root; `rootUri` (a file: URI ending in "/") is that root, given as
 * %SRCROOT% so viewers can resolve them while GitHub, which knows its checkout, reads them as they are.
 */
export function formatSarif(report: JsonReport, toolVersion: string, rootUri?: string): string {
  // Every catalogue rule is listed (not only those that fired), so code scanning can show rules with zero alerts.
  const ids = CATALOGUE.map((r) => r.id);
  const rules = CATALOGUE.map(sarifRule);
  const artifact = (file: string) => ({ uri: encodeURI(file), uriBaseId: "%SRCROOT%" });
  const results = report.findings.map((f) => ({
    ruleId: f.rule,
    ruleIndex: ids.indexOf(f.rule),
    level: LEVEL[f.severity],
    message: { text: `${f.message} [${f.environments.join(", ")}]` },
    locations: [{ physicalLocation: { artifactLocation: artifact(f.file), region: { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn } } }],
    relatedLocations: f.related.map((r, i) => ({
      id: i + 1,
      message: { text: r.message },
      physicalLocation: { artifactLocation: artifact(r.file), region: { startLine: r.line, startColumn: r.column, endLine: r.endLine, endColumn: r.endColumn } },
    })),
    partialFingerprints: { "djangoSettingsHygiene/v2": f.fingerprint },
    properties: { environments: f.environments, djangoCheck: f.djangoCheck, setting: f.setting },
  }));
  const sarif = {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: { driver: { name: "django-settings-hygiene", semanticVersion: toolVersion, version: toolVersion, informationUri: "https://github.com/django-settings-hygiene/django-settings-hygiene", rules } },
        ...(rootUri ? { originalUriBaseIds: { "%SRCROOT%": { uri: rootUri.endsWith("/") ? rootUri : rootUri + "/" } } } : {}),
        results,
        properties: { djangoVersion: report.djangoVersion, djangoVersionSource: report.djangoVersionSource },
      },
    ],
  };
  return JSON.stringify(sarif, null, 2) + "\n";
}
