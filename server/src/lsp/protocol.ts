// The protocol extensions shared by the language server and the VS Code client: request and command names, payloads.

/** Custom request: the audit report's data for every environment of the workspace. */
export const AUDIT_REQUEST = "djangoSettingsHygiene/audit";
/** Notification from the server: detected environments and Django version, for the client's status item. */
export const STATUS_NOTIFICATION = "djangoSettingsHygiene/status";

/** Server-side commands (workspace/executeCommand), so any LSP editor can use them. */
export const COMMANDS = {
  showRuleDocs: "djangoSettingsHygiene.showRuleDocs",
  audit: "djangoSettingsHygiene.runAudit",
} as const;

export const DIAGNOSTIC_SOURCE = "django-settings-hygiene";

/**
 * The files whose changes on disk the server must hear of: Python modules, and what documents environment variables,
 * pins the Django version or tracks .env files. The VS Code client watches them itself; other clients are asked to.
 */
export const WATCHED_FILES_GLOB = "**/{*.py,.env,.env.*,*.env,.gitignore,requirements*.txt,pyproject.toml,Pipfile,Pipfile.lock,poetry.lock,uv.lock,setup.cfg,*.yml,*.yaml,app.json,Procfile}";

/** initializationOptions beyond ServerSettings. */
export interface InitOptions {
  /** The client sends workspace/didChangeWatchedFiles for WATCHED_FILES_GLOB on its own: no registration wanted. */
  clientWatchesFiles?: boolean;
}

export interface StatusPayload {
  roots: Array<{ root: string; djangoVersion: string; djangoVersionSource: string; environments: Array<{ name: string; kind: string }> }>;
}

/** Client configuration, under the "djangoSettingsHygiene" section. */
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
