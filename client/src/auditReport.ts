// The "Audit Production Settings" view: the server's report data as one table per environment in a webview, links
// that open the setting, and the server's Markdown for export.
import * as vscode from "vscode";
import type { AuditReportData, AuditResponse } from "../../server/src/protocol/protocol";

let panel: vscode.WebviewPanel | undefined;
/** The audit the panel shows now: the export button must export this one, not the one the panel was created with. */
let shown: AuditResponse = { reports: [], markdown: "" };

export function showAuditReport(context: vscode.ExtensionContext, audit: AuditResponse): void {
  shown = audit;
  if (!panel) {
    panel = vscode.window.createWebviewPanel("djangoSettingsHygiene.audit", "Django Settings Audit", vscode.ViewColumn.Active, { enableScripts: true });
    panel.onDidDispose(() => (panel = undefined), undefined, context.subscriptions);
    panel.webview.onDidReceiveMessage(async (m: { type: string; file?: string; line?: number; character?: number }) => {
      if (m.type === "open" && m.file) {
        const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(m.file));
        const pos = new vscode.Position(m.line ?? 0, m.character ?? 0);
        await vscode.window.showTextDocument(doc, { selection: new vscode.Range(pos, pos), viewColumn: vscode.ViewColumn.One });
      } else if (m.type === "export") {
        await exportAuditMarkdown(shown);
      }
    });
  }
  panel.webview.html = render(audit.reports, panel.webview.cspSource);
  panel.reveal();
}

export async function exportAuditMarkdown(audit: AuditResponse): Promise<void> {
  const doc = await vscode.workspace.openTextDocument({ language: "markdown", content: audit.markdown });
  await vscode.window.showTextDocument(doc);
}

function esc(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

function render(reports: AuditReportData[], cspSource: string): string {
  const nonce = Math.random().toString(36).slice(2);
  const sections = reports.flatMap((r) =>
    r.environments.map((env) => {
      const rows = env.rows
        .map((row) => {
          const where = row.setAt
            ? `<a href="#" data-file="${esc(row.setAt.file)}" data-line="${row.setAt.line}" data-character="${row.setAt.character}">${esc(row.setAt.label)}</a>`
            : "Django default";
          const verdict =
            row.verdict === "problem"
              ? `<span class="bad">✗</span> ${row.findings.map((f) => esc(f.message)).join("<br>")}`
              : row.verdict === "unknown"
                ? `<span class="unknown">?</span> not known statically`
                : `<span class="ok">✓</span>`;
          const vars = row.envVars.length ? `<div class="vars">while ${esc(row.envVars.join(", "))} unset</div>` : "";
          return `<tr class="${row.verdict}"><td><code>${esc(row.setting)}</code></td><td><code>${esc(row.value)}</code>${vars}</td><td>${where}</td><td>${verdict}</td></tr>`;
        })
        .join("");
      const vars = env.variables
        .map(
          (v) =>
            `<tr class="${v.required && v.documented.length === 0 ? "problem" : ""}"><td><code>${esc(v.name)}</code></td><td>${v.required ? "required" : `default <code>${esc(v.default ?? "None")}</code>`}${v.trips.length ? ` <span class="bad">trips ${esc(v.trips.join(", "))}</span>` : ""}</td><td>${esc(v.settings.join(", "))}</td><td>${v.documented.length ? esc(v.documented.join(", ")) : '<span class="bad">documented nowhere</span>'}</td></tr>`,
        )
        .join("");
      const varTable = env.variables.length
        ? `<h3>Environment variables</h3><table><thead><tr><th>Variable</th><th>When unset</th><th>Read by</th><th>Documented in</th></tr></thead><tbody>${vars}</tbody></table>`
        : "";
      const problems = env.rows.filter((x) => x.verdict === "problem").length;
      return `<h2>${esc(env.name)} <small>${esc(env.kind)} · ${problems} problem setting(s)</small></h2>
<table><thead><tr><th>Setting</th><th>Effective value</th><th>Set at</th><th>Verdict</th></tr></thead><tbody>${rows}</tbody></table>${varTable}`;
    }),
  );
  const header = reports.map((r) => `Django ${esc(r.djangoVersion)} (${esc(r.djangoVersionSource)}) · ${esc(r.root)}`).join("<br>");
  return `<!DOCTYPE html><html><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src ${cspSource} 'unsafe-inline'; script-src 'nonce-${nonce}';">
<style>
body { font-family: var(--vscode-font-family); color: var(--vscode-foreground); }
table { border-collapse: collapse; width: 100%; margin-bottom: 2em; }
th, td { text-align: left; padding: 4px 8px; border-bottom: 1px solid var(--vscode-panel-border); vertical-align: top; }
tr.problem td:first-child { border-left: 3px solid var(--vscode-errorForeground); }
span.bad { color: var(--vscode-errorForeground); } span.ok { color: var(--vscode-testing-iconPassed); } span.unknown { opacity: .7; }
.vars { opacity: .7; font-size: 90%; } small { opacity: .7; font-weight: normal; }
</style></head><body>
<h1>Django Settings Audit</h1><p>${header}</p><p><button id="export">Export to Markdown</button></p>
${sections.join("\n")}
<script nonce="${nonce}">
const vscode = acquireVsCodeApi();
document.querySelectorAll("a[data-file]").forEach((a) => a.addEventListener("click", (e) => {
  e.preventDefault();
  vscode.postMessage({ type: "open", file: a.dataset.file, line: Number(a.dataset.line), character: Number(a.dataset.character) });
}));
document.getElementById("export").addEventListener("click", () => vscode.postMessage({ type: "export" }));
</script></body></html>`;
}
