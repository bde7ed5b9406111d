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
  debounceMs: 150,
};
