// The "Audit Production Settings" report: per environment, every security-relevant setting, its value (masked), origin and verdict.
import * as path from "path";
import type { Audit } from "../engine";
import { formatVersion } from "../resolve/djangoVersion";
import type { Environment } from "../resolve/environment";
import { envReadsOf } from "../resolve/values";
import { displayValue } from "../secrets/display";
import { buildInventoryReport, inventoryMarkdown } from "./inventoryReport";
import { DISPLAY_KIND_ORDER, type AuditReportData, type AuditResponse, type ReportEnvironment, type ReportRow } from "../protocol/protocol";

/** The settings every deploy check and checklist rule reads, in the order a reviewer walks them. */
export const SECURITY_SETTINGS = [
  "DEBUG",
  "SECRET_KEY",
  "SECRET_KEY_FALLBACKS",
  "ALLOWED_HOSTS",
  "CSRF_TRUSTED_ORIGINS",
  "MIDDLEWARE",
  "INSTALLED_APPS",
  "SECURE_SSL_REDIRECT",
  "SECURE_PROXY_SSL_HEADER",
  "SECURE_HSTS_SECONDS",
  "SECURE_HSTS_INCLUDE_SUBDOMAINS",
  "SECURE_HSTS_PRELOAD",
  "SECURE_CONTENT_TYPE_NOSNIFF",
  "SECURE_REFERRER_POLICY",
  "SECURE_CROSS_ORIGIN_OPENER_POLICY",
  "X_FRAME_OPTIONS",
  "SESSION_COOKIE_SECURE",
  "SESSION_COOKIE_HTTPONLY",
  "SESSION_COOKIE_SAMESITE",
  "CSRF_COOKIE_SECURE",
  "CSRF_USE_SESSIONS",
  "DATABASES",
  "CACHES",
  "EMAIL_BACKEND",
  "PASSWORD_HASHERS",
  "AUTH_PASSWORD_VALIDATORS",
  "USE_TZ",
  "LOGGING",
  "SILENCED_SYSTEM_CHECKS",
];

export function buildAuditReport(audit: Audit): AuditReportData {
  const root = audit.project.root;
  const inventory = buildInventoryReport(audit);
  return {
    inventoryMarkdown: inventoryMarkdown(inventory, 2),
    root,
    djangoVersion: formatVersion(audit.project.django.version),
    djangoVersionSource: audit.project.django.source,
    environments: byDisplayOrder(audit.project.environments).map((env) => {
      const inv = inventory.environments.find((e) => e.name === env.name);
      const variables = (inv?.variables ?? []).map((v) => ({
        name: v.name,
        required: v.required,
        default: v.default,
        settings: v.settings,
        documented: v.documented.map((d) => `${d.file}:${d.line}`),
        trips: v.defaultTrips.map((t) => t.rule),
      }));
      return { ...environmentRows(env, audit, root), variables };
    }),
  };
}

/** Production first: the report is read top-down, and what is deployed matters most (stable within a kind). */
function byDisplayOrder(envs: readonly Environment[]): Environment[] {
  const rank = (e: Environment) => {
    const i = DISPLAY_KIND_ORDER.indexOf(e.kind);
    return i < 0 ? DISPLAY_KIND_ORDER.length : i;
  };
  return [...envs].sort((a, b) => rank(a) - rank(b));
}

/** The answer to the audit request: every root's report, and all of them as one Markdown document. */
export function auditResponse(audits: Iterable<Audit>): AuditResponse {
  const reports = [...audits].map(buildAuditReport);
  return { reports, markdown: reports.map(auditReportMarkdown).join("\n\n") };
}

function environmentRows(env: Environment, audit: Audit, root: string): Omit<ReportEnvironment, "variables"> {
  const findings = audit.findings.filter((f) => f.environment === env.name);
  const names = [...SECURITY_SETTINGS];
  for (const f of findings) if (f.setting && !names.includes(f.setting)) names.push(f.setting);
  const rows: ReportRow[] = names.map((setting) => {
    const s = env.get(setting);
    const last = s.binding?.writes[s.binding.writes.length - 1];
    const mine = findings.filter((f) => f.setting === setting);
    return {
      setting,
      value: s.isDefault && s.value.k === "unknown" ? "(not set)" : displayValue(setting, s.value) + (s.isDefault ? " (Django default)" : ""),
      setAt: last
        ? { file: last.file, line: last.range.start.line, character: last.range.start.character, label: `${path.relative(root, last.file).split(path.sep).join("/")}:${last.range.start.line + 1}` }
        : null,
      envVars: [...new Set(envReadsOf(s.value).map((r) => r.variable))],
      verdict: mine.length ? "problem" : s.value.k === "unknown" ? "unknown" : "ok",
      findings: mine.map((f) => ({ rule: f.rule, djangoCheck: f.djangoCheck, severity: f.severity, message: f.message })),
    };
  });
  return { name: env.name, kind: env.kind, module: path.relative(root, env.file).split(path.sep).join("/"), rows };
}

/** The report as Markdown, for "Export to Markdown" and for CI summaries. */
export function auditReportMarkdown(data: AuditReportData): string {
  const esc = (s: string) => s.replace(/\|/g, "\\|").replace(/\n/g, " ");
  const lines = [`# Django settings audit`, "", `Django ${data.djangoVersion} (${data.djangoVersionSource}) · ${data.root}`, ""];
  for (const env of data.environments) {
    const problems = env.rows.filter((r) => r.verdict === "problem").length;
    lines.push(`## ${env.name} (${env.kind})`, "", `Module: \`${env.module}\` · ${problems} setting(s) with problems`, "");
    lines.push("| Setting | Effective value | Set at | Verdict |", "|---|---|---|---|");
    for (const r of env.rows) {
      const verdict = r.verdict === "problem" ? `❌ ${r.findings.map((f) => esc(f.message)).join("; ")}` : r.verdict === "unknown" ? "❔ not known statically" : "✅";
      const vars = r.envVars.length ? ` (unset: ${r.envVars.join(", ")})` : "";
      lines.push(`| \`${r.setting}\` | \`${esc(r.value)}\`${vars} | ${r.setAt ? r.setAt.label : "Django default"} | ${verdict} |`);
    }
    lines.push("");
  }
  lines.push(data.inventoryMarkdown);
  return lines.join("\n");
}
