// VS Code entry: starts the language server, shows the environments in a status item, registers the audit and log commands.
import * as vscode from "vscode";
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from "vscode-languageclient/node";
import { AUDIT_REQUEST, STATUS_NOTIFICATION, WATCHED_FILES_GLOB, type InitOptions, type StatusPayload } from "../../server/src/lsp/protocol";
import type { AuditReportData } from "../../server/src/report/auditReport";
import { showAuditReport, exportAuditMarkdown } from "./auditReport";

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel("Django Settings Hygiene", { log: true });
  const serverModule = context.asAbsolutePath("dist/server.js");
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ["--nolazy", "--inspect=6019"] } },
  };
  const watcher = vscode.workspace.createFileSystemWatcher(WATCHED_FILES_GLOB);
  context.subscriptions.push(watcher);
  const clientOptions: LanguageClientOptions = {
    // Python settings, and the files that document environment variables (the inventory's diagnostics and fixes).
    documentSelector: [
      { scheme: "file", language: "python" },
      { scheme: "file", language: "dotenv" },
      { scheme: "file", pattern: "**/.env*" },
      { scheme: "file", pattern: "**/{docker-compose,compose}*.{yml,yaml}" },
      { scheme: "file", pattern: "**/{k8s,kubernetes,deploy,manifests,helm,charts}/**/*.{yml,yaml}" },
      { scheme: "file", pattern: "**/app.json" },
    ],
    synchronize: { fileEvents: watcher, configurationSection: "djangoSettingsHygiene" },
    // The watcher above already sends file events: the server need not register its own.
    initializationOptions: { clientWatchesFiles: true } satisfies InitOptions,
    outputChannel: output,
  };
  client = new LanguageClient("djangoSettingsHygiene", "Django Settings Hygiene", serverOptions, clientOptions);

  const status = vscode.languages.createLanguageStatusItem("djangoSettingsHygiene.status", [{ language: "python" }, { language: "dotenv" }]);
  status.name = "Django Settings Hygiene";
  status.text = "$(loading~spin) Django settings";
  status.command = { title: "Audit", command: "djangoSettingsHygiene.auditProductionSettings" };
  context.subscriptions.push(status);

  // Registered before start: the server sends its status only when it changes, so the first one must not be missed.
  client.onNotification(STATUS_NOTIFICATION, (p: StatusPayload) => {
    const envs = p.roots.flatMap((r) => r.environments);
    // A workspace without Django settings (a Scrapy project, a library): the server reports nothing there, and says so.
    if (envs.length === 0) {
      status.text = "No Django settings";
      status.detail = "Nothing here names or looks like a Django settings module; no diagnostics";
      return;
    }
    const version = p.roots.find((r) => r.environments.length)?.djangoVersion ?? "?";
    status.text = `Django ${version} · ${envs.length} environment${envs.length === 1 ? "" : "s"}`;
    status.detail = envs.map((e) => `${e.kind}: ${e.name}`).join(", ");
  });
  await client.start();

  const audit = async (): Promise<AuditReportData[]> => (await client!.sendRequest(AUDIT_REQUEST)) as AuditReportData[];
  context.subscriptions.push(
    vscode.commands.registerCommand("djangoSettingsHygiene.auditProductionSettings", async () => showAuditReport(context, await audit())),
    vscode.commands.registerCommand("djangoSettingsHygiene.exportAuditMarkdown", async () => exportAuditMarkdown(await audit())),
    vscode.commands.registerCommand("djangoSettingsHygiene.showLog", () => output.show()),
  );
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
