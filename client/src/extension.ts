// VS Code entry: starts the language server, shows the environments in a status item, registers the commands.
// Thin by design: everything but VS Code's UI is the server's (the audit arrives as data and Markdown), and only the
// shared protocol file is compiled in from server/src; vscode-languageclient is loaded from node_modules at run time.
import * as vscode from "vscode";
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from "vscode-languageclient/node";
import { AUDIT_REQUEST, STATUS_NOTIFICATION, WATCHED_FILES_GLOB, type AuditResponse, type InitOptions, type StatusPayload } from "../../server/src/protocol/protocol";
import { exportAuditMarkdown, showAuditReport } from "./auditReport";
import { statusView } from "./statusView";

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
    // The server asks for each folder's settings itself (workspace/configuration with a scopeUri) when told they changed.
    synchronize: { fileEvents: watcher, configurationSection: "djangoSettingsHygiene" },
    // The watcher above already sends file events: the server need not register its own.
    initializationOptions: { clientWatchesFiles: true } satisfies InitOptions,
    outputChannel: output,
    // `djangoSettingsHygiene.trace.server` (read by vscode-languageclient under the client's id) traces into the same log.
    traceOutputChannel: output,
  };
  client = new LanguageClient("djangoSettingsHygiene", "Django Settings Hygiene", serverOptions, clientOptions);

  const status = vscode.languages.createLanguageStatusItem("djangoSettingsHygiene.status", [{ language: "python" }, { language: "dotenv" }]);
  status.name = "Django Settings Hygiene";
  status.text = "$(loading~spin) Django settings";
  status.command = { title: "Audit", command: "djangoSettingsHygiene.auditProductionSettings" };
  context.subscriptions.push(status);

  // Registered before start: the server sends its status only when it changes, so the first one must not be missed.
  // vscode-languageclient keeps the handler across restarts.
  client.onNotification(STATUS_NOTIFICATION, (p: StatusPayload) => {
    const view = statusView(p);
    status.text = view.text;
    status.detail = view.detail;
    if (view.configError) {
      status.severity = vscode.LanguageStatusSeverity.Error;
      status.command = { title: "Open", command: "vscode.open", arguments: [vscode.Uri.file(view.configError.file)], tooltip: view.tooltip };
    } else {
      status.severity = vscode.LanguageStatusSeverity.Information;
      status.command = { title: "Audit", command: "djangoSettingsHygiene.auditProductionSettings", tooltip: view.tooltip };
    }
  });
  await client.start();

  const audit = async (): Promise<AuditResponse> => (await client!.sendRequest(AUDIT_REQUEST)) as AuditResponse;
  context.subscriptions.push(
    vscode.commands.registerCommand("djangoSettingsHygiene.auditProductionSettings", async () => showAuditReport(context, await audit())),
    vscode.commands.registerCommand("djangoSettingsHygiene.exportAuditMarkdown", async () => exportAuditMarkdown(await audit())),
    vscode.commands.registerCommand("djangoSettingsHygiene.showLog", () => output.show()),
    vscode.commands.registerCommand("djangoSettingsHygiene.restartServer", async () => {
      status.text = "$(loading~spin) Django settings";
      status.busy = true;
      try {
        await client!.restart();
        output.info("server restarted");
      } finally {
        status.busy = false;
      }
    }),
  );
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
