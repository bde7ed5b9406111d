// The protocol shared by the language server and the VS Code client: names, payloads, the audit report's data.
// The client compiles this file and nothing else of the server, so it must import nothing (test/lsp/thinClient.test.ts checks it).

/** Custom request: the audit of every workspace root, as data and as Markdown (AuditResponse). */
export const AUDIT_REQUEST = "djangoSettingsHygiene/audit";
/** Notification from the server: detected environments and Django version, for the client's status item. */
export const STATUS_NOTIFICATION = "djangoSettingsHygiene/status";

/** Server-side commands (workspace/executeCommand), so any LSP editor can use them. */
export const COMMANDS = {
  showRuleDocs: "djangoSettingsHygiene.showRuleDocs",
  /** Returns the same AuditResponse as AUDIT_REQUEST. */
  audit: "djangoSettingsHygiene.runAudit",
} as const;

/**
 * The code action kind of "fix all safe problems": below source.fixAll, so `"source.fixAll": "explicit"` in
 * editor.codeActionsOnSave includes it, and `"source.fixAll.djangoSettingsHygiene"` asks for this extension's alone.
 */
export const FIX_ALL_KIND = "source.fixAll.djangoSettingsHygiene";

/**
 * The code action kind of "Harden production settings": every deploy-check fix for the environment, safe and unsafe,
 * in one workspace edit whose changes need confirmation (VS Code shows its refactor preview). A source action, so it
 * is listed under Source Action… and never applied on save by `"source.fixAll"`.
 */
export const HARDEN_KIND = "source.harden.djangoSettingsHygiene";

export const DIAGNOSTIC_SOURCE = "django-settings-hygiene";

/**
 * The files whose changes on disk the server must hear of: Python modules, and what documents environment variables,
 * pins the Django version or tracks .env files. The VS Code client watches them itself; other clients are asked to.
 */
export const WATCHED_FILES_GLOB = "**/{*.py,.env,.env.*,*.env,.gitignore,requirements*.txt,pyproject.toml,Pipfile,Pipfile.lock,poetry.lock,uv.lock,setup.cfg,*.yml,*.yaml,app.json,Procfile}";

/** The order environments are listed in for people: what is deployed first. */
export const DISPLAY_KIND_ORDER: readonly string[] = ["production", "staging", "testing", "development", "base"];

/** initializationOptions beyond ServerSettings. */
export interface InitOptions {
  /** The client sends workspace/didChangeWatchedFiles for WATCHED_FILES_GLOB on its own: no registration wanted. */
  clientWatchesFiles?: boolean;
}

export interface StatusRoot {
  root: string;
  djangoVersion: string;
  djangoVersionSource: string;
  environments: Array<{ name: string; kind: string }>;
  /** A `[tool.django-settings-hygiene]` section the server could not use (it then analyses with none). */
  configError?: { file: string; message: string };
}

export interface StatusPayload {
  roots: StatusRoot[];
}

/** Client configuration, under the "djangoSettingsHygiene" section; every key but debounceMs may differ per folder. */
export interface ServerSettings {
  djangoVersion: string;
  environments: Record<string, string>;
  disabledRules: string[];
  severities: Record<string, string>;
  extraSettingsFiles: string[];
  debounceMs: number;
}

export const DEFAULT_SETTINGS: ServerSettings = {
  djangoVersion: "",
  environments: {},
  disabledRules: [],
  severities: {},
  extraSettingsFiles: [],
  debounceMs: 0,
};

/** One security-relevant setting of one environment in the audit report. */
export interface ReportRow {
  setting: string;
  /** The effective value as shown (secrets masked). */
  value: string;
  /** Where the effective value was last written (absolute file, zero-based position), or null for Django's default. */
  setAt: { file: string; line: number; character: number; label: string } | null;
  /** The environment variables the value falls back from. */
  envVars: string[];
  verdict: "ok" | "problem" | "unknown";
  findings: Array<{ rule: string; djangoCheck: string | null; severity: string; message: string }>;
}

export interface ReportEnvironment {
  name: string;
  kind: string;
  /** The environment's module, relative to the root. */
  module: string;
  rows: ReportRow[];
  /** The environment variables this environment reads, from the inventory. */
  variables: Array<{ name: string; required: boolean; default: string | null; settings: string[]; documented: string[]; trips: string[] }>;
}

/** The audit of one root; environments come in DISPLAY_KIND_ORDER. */
export interface AuditReportData {
  /** The inventory as Markdown, appended to the export. */
  inventoryMarkdown: string;
  root: string;
  djangoVersion: string;
  djangoVersionSource: string;
  environments: ReportEnvironment[];
}

/** What AUDIT_REQUEST and COMMANDS.audit return: the data the report view shows, and the same report as Markdown. */
export interface AuditResponse {
  reports: AuditReportData[];
  markdown: string;
}
