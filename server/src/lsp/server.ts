// The language server's wiring: capabilities, document sync, and one handler per LSP feature (see the sibling files).
import {
  CodeActionKind,
  createConnection,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  ErrorCodes,
  FileChangeType,
  Message,
  ProposedFeatures,
  ResponseError,
  TextDocuments,
  TextDocumentSyncKind,
  type ConnectionOptions,
  type InitializeParams,
  type InitializeResult,
} from "vscode-languageserver/node";
import { TextDocument } from "vscode-languageserver-textdocument";
import { format } from "util";
import { Engine } from "../engine";
import { auditResponse } from "../report/auditReport";
import { catalogueEntry, docsUrl } from "../rules/catalogue";
import { codeActions } from "./codeActions";
import { hover } from "./hover";
import { AUDIT_REQUEST, COMMANDS, DEFAULT_SETTINGS, FIX_ALL_KIND, HARDEN_KIND, WATCHED_FILES_GLOB } from "../protocol/protocol";
import { fileOf } from "./uris";
import { WorkspaceState } from "./workspace";
import { FramingGuard } from "./stdioFraming";
import { noteDocumentLength, useSmallYoungGeneration } from "./heapPolicy";
import { paramProblem, sanitizeSettings } from "./paramChecks";

/** Where a request with bad params is sent instead, to be answered with InvalidParams (see validatingOptions). */
const INVALID_PARAMS = "djangoSettingsHygiene/internal/invalidParams";

export function startServer(): void {
  useSmallYoungGeneration();
  let warn = (message: string): void => void process.stderr.write(`django-settings-hygiene: ${message}\n`);
  const options = validatingOptions((m) => warn(m));
  const connection = stdioRequested() ? createConnection(ProposedFeatures.all, guardedStdin(), process.stdout, options) : createConnection(ProposedFeatures.all, options);
  warn = (message) => connection.console.warn(message);
  // A handler's bug must not end the server: the editor would see it die on one odd message. Logged, and it serves on.
  process.on("unhandledRejection", (e) => warn(`internal error: ${(e as Error)?.stack ?? String(e)}`));
  connection.onRequest(INVALID_PARAMS, (p: { method: string; problem: string }) => {
    throw new ResponseError(ErrorCodes.InvalidParams, `${p.method}: ${p.problem}`);
  });
  const documents = new TextDocuments(TextDocument);
  let state: WorkspaceState | undefined;
  let enginePromise: Promise<Engine> | undefined;
  let hasConfiguration = false;
  let hasWorkspaceFolders = false;
  let watchFiles = false;

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    enginePromise = Engine.create();
    hasConfiguration = !!params.capabilities.workspace?.configuration;
    hasWorkspaceFolders = !!params.capabilities.workspace?.workspaceFolders;
    const roots = (params.workspaceFolders ?? []).map((f) => fileOf(f.uri)).filter((f): f is string => !!f);
    if (roots.length === 0 && params.rootUri) {
      const r = fileOf(params.rootUri);
      if (r) roots.push(r);
    }
    const given = sanitizeSettings(params.initializationOptions, "initializationOptions");
    for (const p of given.problems) warn(`ignored a setting: ${p}`);
    const { clientWatchesFiles, ...init } = given.settings;
    // Keystroke analyses trust what was last read from disk (resolve/moduleLoader.ts); file events are how disk changes
    // arrive, so a client that can watch files for the server is asked to, unless it watches them already.
    watchFiles = !clientWatchesFiles && !!params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration;
    void enginePromise.then((engine) => {
      state = new WorkspaceState(connection, documents, engine);
      state.roots = roots;
      state.settings = { ...DEFAULT_SETTINGS, ...init };
      // Asked per root (scopeUri), so each folder of a multi-root workspace is analysed with its own settings.
      // Each answer is checked as initializationOptions are: a setting of the wrong type is dropped with a log line.
      if (hasConfiguration) {
        state.configurationSource = async (items) =>
          ((await connection.workspace.getConfiguration(items)) as unknown[]).map((answer, i) => {
            const conf = sanitizeSettings(answer, "djangoSettingsHygiene");
            const scope = items[i]?.scopeUri ? ` (folder ${items[i].scopeUri})` : "";
            for (const p of conf.problems) warn(`ignored a setting: ${p}${scope}`);
            const { clientWatchesFiles: _ignored, ...settings } = conf.settings;
            return settings;
          });
      }
    });
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.SourceFixAll, FIX_ALL_KIND, HARDEN_KIND] },
        hoverProvider: true,
        executeCommandProvider: { commands: [COMMANDS.showRuleDocs, COMMANDS.audit] },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: "django-settings-hygiene", version: "0.1.0" },
    };
  });

  const ready = async (): Promise<WorkspaceState> => {
    await enginePromise;
    return state!;
  };

  connection.onInitialized(async () => {
    if (hasConfiguration) void connection.client.register(DidChangeConfigurationNotification.type, undefined);
    if (watchFiles) void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: WATCHED_FILES_GLOB }] });
    // Only a client that announced workspace-folder support may be asked for change events.
    if (hasWorkspaceFolders) {
      connection.workspace.onDidChangeWorkspaceFolders(async (e) => {
        const s = await ready();
        for (const r of e.removed) s.roots = s.roots.filter((x) => x !== fileOf(r.uri));
        for (const a of e.added) {
          const f = fileOf(a.uri);
          if (f) s.roots.push(f);
        }
        s.schedule(0);
      });
    }
    const s = await ready();
    await refreshSettings(s);
    await s.analyze();
  });

  async function refreshSettings(s: WorkspaceState): Promise<void> {
    // A client without configuration support keeps the defaults (no configurationSource: nothing is asked).
    await s.refreshSettings();
  }

  connection.onDidChangeConfiguration(async () => {
    const s = await ready();
    s.filesChanged();
    await refreshSettings(s);
    s.schedule(0);
  });


  documents.onDidOpen(async (e) => {
    const s = await ready();
    const file = fileOf(e.document.uri);
    if (file) s.ensureRootFor(file);
    s.inventoryDue = true;
    s.schedule();
  });
  // Fired for an opened document too (vscode-languageserver's TextDocuments), so this sees every document's length.
  documents.onDidChangeContent(async (e) => {
    noteDocumentLength(e.document.getText().length);
    (await ready()).schedule();
  });
  documents.onDidSave(async () => {
    const s = await ready();
    s.inventoryDue = true;
    s.schedule(0);
  });
  documents.onDidClose(async () => (await ready()).schedule());
  connection.onDidChangeWatchedFiles(async (p) => {
    const s = await ready();
    // A content change keeps the set of modules; creation and deletion change what discovery finds.
    if (p.changes.some((c) => c.type !== FileChangeType.Changed)) s.filesChanged();
    s.inventoryDue = true;
    s.schedule();
  });

  connection.onCodeAction(async (params) => codeActions(params, documents.get(params.textDocument.uri), await ready()));
  connection.onHover(async (params) => {
    const doc = documents.get(params.textDocument.uri);
    return doc ? hover(doc, params.position, await ready()) : null;
  });

  connection.onRequest(AUDIT_REQUEST, async () => {
    const s = await ready();
    await s.analyze();
    return auditResponse(s.audits.values());
  });

  connection.onExecuteCommand(async (params) => {
    if (params.command === COMMANDS.showRuleDocs) {
      const rule = catalogueEntry(String(params.arguments?.[0] ?? ""));
      if (rule) await connection.window.showDocument({ uri: docsUrl(rule), external: true });
      return null;
    }
    if (params.command === COMMANDS.audit) {
      const s = await ready();
      await s.analyze();
      return auditResponse(s.audits.values());
    }
    return null;
  });

  connection.onShutdown(async () => {
    (await ready()).dispose();
  });

  documents.listen(connection);
  connection.listen();
}

if (require.main === module) startServer();

/**
 * Checks each message's params before it is dispatched (paramChecks.ts), whatever the transport: a notification with
 * bad params is logged and dropped; a request is answered with InvalidParams. Without this, a didOpen without `text`
 * or a workspace folder whose uri is a number threw inside a handler, and the process exited.
 */
function validatingOptions(warn: (message: string) => void): ConnectionOptions {
  return {
    messageStrategy: {
      handleMessage(message, next) {
        if (Message.isRequest(message) || Message.isNotification(message)) {
          const problem = paramProblem(message.method, message.params);
          if (problem) {
            warn(`ignored ${message.method}: ${problem}`);
            if (Message.isRequest(message)) return next({ ...message, method: INVALID_PARAMS, params: { method: message.method, problem } } as Message);
            return;
          }
        }
        return next(message);
      },
    },
  };
}

function stdioRequested(): boolean {
  return process.argv.slice(2).includes("--stdio");
}

/**
 * stdin behind the framing guard (stdioFraming.ts). Handing vscode-languageserver streams rather than `--stdio` keeps
 * its exit when stdin ends, but not its redirection of console output, which would otherwise write into the protocol
 * stream on stdout: console goes to stderr here.
 */
function guardedStdin(): NodeJS.ReadableStream {
  const toStderr = (...args: unknown[]) => void process.stderr.write(`${format(...args)}\n`);
  console.log = console.info = console.warn = console.error = console.debug = toStderr;
  return process.stdin.pipe(new FramingGuard((message) => process.stderr.write(`django-settings-hygiene: ${message}\n`)));
}
