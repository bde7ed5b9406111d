// Checks the params of every request and notification the server handles, and the settings a client sends, before any handler runs.
import { DIAGNOSTIC_SOURCE, type InitOptions, type ServerSettings } from "../protocol/protocol";

/** Says what is wrong with `value` (found at `at`, such as "params.textDocument.uri"), or undefined when it fits. */
type Check = (value: unknown, at: string) => string | undefined;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

const str: Check = (v, at) => (typeof v === "string" ? undefined : `${at} must be a string`);
const bool: Check = (v, at) => (typeof v === "boolean" ? undefined : `${at} must be a boolean`);
const int: Check = (v, at) => (Number.isSafeInteger(v) ? undefined : `${at} must be an integer`);
/** LSP's uinteger: line and character numbers, offsets. */
const uint: Check = (v, at) => (Number.isSafeInteger(v) && (v as number) >= 0 ? undefined : `${at} must be a non-negative integer`);
const anything: Check = () => undefined;

const optional =
  (c: Check): Check =>
  (v, at) =>
    v === undefined ? undefined : c(v, at);
const nullable =
  (c: Check): Check =>
  (v, at) =>
    v === null ? undefined : c(v, at);
const either =
  (a: Check, b: Check, what: string): Check =>
  (v, at) =>
    a(v, at) === undefined || b(v, at) === undefined ? undefined : `${at} must be ${what}`;
const oneOf =
  (...values: unknown[]): Check =>
  (v, at) =>
    values.includes(v) ? undefined : `${at} must be one of ${values.map((x) => JSON.stringify(x)).join(", ")}`;
const array =
  (item: Check): Check =>
  (v, at) => {
    if (!Array.isArray(v)) return `${at} must be an array`;
    for (let i = 0; i < v.length; i++) {
      const p = item(v[i], `${at}[${i}]`);
      if (p) return p;
    }
    return undefined;
  };
/** An object with at least these fields (others are allowed: clients add their own). */
const object =
  (fields: Record<string, Check> = {}): Check =>
  (v, at) => {
    if (!isObject(v)) return `${at} must be an object`;
    for (const [k, c] of Object.entries(fields)) {
      const p = c(v[k], `${at}.${k}`);
      if (p) return p;
    }
    return undefined;
  };

const position = object({ line: uint, character: uint });
const range = object({ start: position, end: position });
const documentId = object({ uri: str });
const folder = object({ uri: str, name: str });

/** A fix as the server put it in a diagnostic's data; code actions hand it back as a workspace edit. */
const fixData = object({
  title: str,
  safety: oneOf("safe", "unsafe"),
  edits: array(object({ file: str, newText: str, range: object({ start: position, end: position, startOffset: uint, endOffset: uint }) })),
});

/** The server reads `data` only from its own diagnostics; another server's data is that server's business. */
const diagnostic: Check = (v, at) => {
  const shape = object({
    range,
    message: either(str, object({ kind: str, value: str }), "a string or MarkupContent"),
    severity: optional(int),
    code: optional(either(str, int, "a string or an integer")),
    source: optional(str),
  })(v, at);
  if (shape) return shape;
  const d = v as { source?: string; data?: unknown };
  if (!d.source?.startsWith(DIAGNOSTIC_SOURCE) || d.data === undefined) return undefined;
  // lsp/diagnostics.ts's DiagnosticData: an inherited-problems summary has no rule and no fix.
  return object({ rule: optional(str), environments: optional(array(str)), fix: optional(fixData), fixes: optional(array(fixData)), inherited: optional(bool) })(d.data, `${at}.data`);
};

/**
 * Every method the server (or vscode-languageserver's document sync on its behalf) handles, with the shape its params
 * must have. Methods not listed are left to the library: it answers unknown requests with MethodNotFound and drops
 * unknown notifications.
 */
const PARAMS: Record<string, Check> = {
  initialize: object({
    processId: optional(nullable(int)),
    rootUri: optional(nullable(str)),
    rootPath: optional(nullable(str)),
    capabilities: object(),
    workspaceFolders: optional(nullable(array(folder))),
    initializationOptions: optional(nullable(object())),
  }),
  initialized: optional(object()),
  "textDocument/didOpen": object({ textDocument: object({ uri: str, languageId: str, version: int, text: str }) }),
  "textDocument/didChange": object({
    textDocument: object({ uri: str, version: int }),
    contentChanges: array(object({ range: optional(range), rangeLength: optional(uint), text: str })),
  }),
  "textDocument/didClose": object({ textDocument: documentId }),
  "textDocument/didSave": object({ textDocument: documentId, text: optional(str) }),
  "textDocument/willSave": object({ textDocument: documentId, reason: int }),
  "textDocument/willSaveWaitUntil": object({ textDocument: documentId, reason: int }),
  "textDocument/hover": object({ textDocument: documentId, position }),
  "textDocument/codeAction": object({
    textDocument: documentId,
    range,
    context: object({ diagnostics: array(diagnostic), only: optional(array(str)), triggerKind: optional(int) }),
  }),
  "workspace/didChangeConfiguration": object(),
  "workspace/didChangeWatchedFiles": object({ changes: array(object({ uri: str, type: oneOf(1, 2, 3) })) }),
  "workspace/didChangeWorkspaceFolders": object({ event: object({ added: array(folder), removed: array(folder) }) }),
  "workspace/executeCommand": object({ command: str, arguments: optional(array(anything)) }),
  "$/setTrace": object({ value: oneOf("off", "messages", "verbose") }),
};

/** What is wrong with a message's params, or undefined when they fit (or the method is not one the server checks). */
export function paramProblem(method: string, params: unknown): string | undefined {
  const check = Object.prototype.hasOwnProperty.call(PARAMS, method) ? PARAMS[method] : undefined;
  return check?.(params, "params");
}

/** The methods checked, for the hostile-message tests. */
export const CHECKED_METHODS: readonly string[] = Object.keys(PARAMS);

const KINDS = ["base", "development", "production", "staging", "testing"];
const SEVERITIES = ["error", "warning", "information", "hint"];
const recordOf =
  (values: string[]): Check =>
  (v, at) => {
    if (!isObject(v)) return `${at} must be an object`;
    for (const [k, x] of Object.entries(v)) if (!values.includes(x as string)) return `${at}.${k} must be one of ${values.join(", ")}`;
    return undefined;
  };

const SETTINGS: Record<keyof ServerSettings | keyof InitOptions, Check> = {
  djangoVersion: (v, at) => (typeof v === "string" && /^(\d+\.\d+)?$/.test(v) ? undefined : `${at} must look like "4.2" (or be empty)`),
  environments: recordOf(KINDS),
  disabledRules: array(str),
  severities: recordOf(SEVERITIES),
  extraSettingsFiles: array(str),
  debounceMs: (v, at) => (typeof v === "number" && Number.isFinite(v) && v >= 0 && v <= 60_000 ? undefined : `${at} must be a number of milliseconds from 0 to 60000`),
  clientWatchesFiles: bool,
};

/**
 * The settings in `raw` (initializationOptions, or the client's answer to workspace/configuration) that have the
 * right type, and one problem per setting dropped: a bad value keeps the setting's current value instead of reaching
 * the engine (a debounce of "fast", environments as a string). Keys the server does not know are ignored.
 */
export function sanitizeSettings(raw: unknown, where: string): { settings: Partial<ServerSettings> & InitOptions; problems: string[] } {
  const settings: Record<string, unknown> = {};
  const problems: string[] = [];
  if (raw === undefined || raw === null) return { settings, problems };
  if (!isObject(raw)) return { settings, problems: [`${where} must be an object`] };
  for (const [key, check] of Object.entries(SETTINGS)) {
    if (raw[key] === undefined) continue;
    const p = check(raw[key], `${where}.${key}`);
    if (p) problems.push(p);
    else settings[key] = raw[key];
  }
  return { settings: settings as Partial<ServerSettings> & InitOptions, problems };
}
