// SARIF 2.1.0 output for code scanning: rules with descriptions and help links, results with stable partialFingerprints.
import { docsUrl, RULES } from "../rules/index";
import type { JsonReport } from "../report/jsonReport";

const LEVEL: Record<string, "error" | "warning" | "note"> = { error: "error", warning: "warning", information: "note", hint: "note" };

export function formatSarif(report: JsonReport, toolVersion: string, rootUri?: string): string {
  // Every catalogue rule is listed (not only those that fired), so code scanning can show rules with zero alerts.
  const ids = [...new Set([...RULES.map((r) => r.id), ...report.findings.map((f) => f.rule)])];
  const rules = ids.map((id) => {
    const r = RULES.find((x) => x.id === id);
    return r
      ? {
          id: r.id,
          name: r.id.replace(/(^|-)(\w)/g, (_m, _d, c: string) => c.toUpperCase()),
          shortDescription: { text: r.docs.summary },
          fullDescription: { text: r.docs.why },
          helpUri: docsUrl(r),
          help: { text: `${r.docs.why}\n\nUse instead:\n${r.docs.useInstead}`, markdown: `${r.docs.why}\n\nUse instead:\n\n\`\`\`python\n${r.docs.useInstead}\n\`\`\`` },
          defaultConfiguration: { level: LEVEL[r.severity] },
          properties: { tags: ["security", "django", ...r.djangoChecks], precision: "high" },
        }
      : { id, shortDescription: { text: id } };
  });
  const results = report.findings.map((f) => ({
    ruleId: f.rule,
    ruleIndex: ids.indexOf(f.rule),
    level: LEVEL[f.severity],
    message: { text: `${f.message} [${f.environment}]` },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: encodeURI(f.file), uriBaseId: "%SRCROOT%" },
          region: { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn },
        },
      },
    ],
    relatedLocations: f.related.map((r, i) => ({
      id: i + 1,
      message: { text: r.message },
      physicalLocation: { artifactLocation: { uri: encodeURI(r.file), uriBaseId: "%SRCROOT%" }, region: { startLine: r.line, startColumn: r.column, endLine: r.endLine, endColumn: r.endColumn } },
    })),
    partialFingerprints: { "djangoSettingsHygiene/v1": f.fingerprint },
    properties: { environment: f.environment, djangoCheck: f.djangoCheck, setting: f.setting },
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
