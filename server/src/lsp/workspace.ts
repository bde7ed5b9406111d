// The server's state: workspace roots, open documents, one engine Session per root, debounced re-analysis and publishing.
import * as fs from "fs";
import { createHash } from "crypto";
import * as path from "path";
import type { Connection, TextDocuments } from "vscode-languageserver";
import type { TextDocument } from "vscode-languageserver-textdocument";
import type { Engine } from "../engine";
import type { EnvKind } from "../resolve/classify";
import type { Severity } from "../rules/types";
import type { Note } from "../resolve/namespace";
import { formatVersion } from "../resolve/djangoVersion";
import { Session, type SessionAudit, type SessionOverrides } from "../session/session";
import type { Problem } from "../session/problems";
import { deployedEnvironmentFor, hardenEnvironment, type HardenResult } from "../session/harden";
import { diagnosticFiles, toDiagnostics } from "./diagnostics";
import { configErrorDiagnostic } from "./configDiagnostics";
import { DEFAULT_SETTINGS, STATUS_NOTIFICATION, type ServerSettings, type StatusPayload } from "../protocol/protocol";
import { fileOf, uriOf } from "./uris";
import { findProjectRoot, isInside } from "../project/roots";

/** workspace/configuration: one answer per item, in order (null where the client has nothing). */
export type ConfigurationSource = (items: Array<{ scopeUri?: string; section: string }>) => Promise<unknown[]>;

const SECTION = "djangoSettingsHygiene";

export class WorkspaceState {
  /** The workspace folders, as the client sends them (server.ts keeps this list); see analysisRoots for what is analysed. */
  roots: string[] = [];
  /** Roots found for documents opened outside every workspace folder: the project marker above them (see ensureRootFor). */
  private readonly fileRoots: string[] = [];
  /** Each workspace folder's project root (itself, or the project above a folder opened inside a package). */
  private readonly folderRoots = new Map<string, string>();
  /** initializationOptions and the client's settings without a scope; debounceMs is read from here only. */
  settings: ServerSettings = { ...DEFAULT_SETTINGS };
  readonly audits = new Map<string, SessionAudit>();
  /** One per root: its caches, configuration and policy, the same as the CLI's for that folder. */
  private readonly sessions = new Map<string, Session>();
  /** Each root's own settings (workspace/configuration with the root as scopeUri): folders of a multi-root workspace differ. */
  private readonly folderSettings = new Map<string, ServerSettings>();
  /** Set when the client answers workspace/configuration; without it every root uses `settings`. */
  configurationSource: ConfigurationSource | undefined;
  /** The root's pyproject.toml section error, shown as a diagnostic there and in the status. */
  private readonly configErrors = new Map<string, { file: string; message: string }>();
  /** Config-error diagnostics last sent, by URI (message), to clear them when fixed. */
  private publishedConfigErrors = new Map<string, string>();
  /** What was last sent per URI, to skip rebuilding and re-sending an unchanged list. */
  private published = new Map<string, Published>();
  private timer: NodeJS.Timeout | undefined;
  /** Bumped on every change; an analysis that finishes after a newer change publishes nothing. */
  private generation = 0;
  private running: Promise<void> | undefined;

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
    private readonly engine: Engine,
  ) {}

  /** Open documents win over the disk, so diagnostics follow unsaved edits. */
  private overlay = {
    get: (file: string): string | undefined => {
      for (const doc of this.documents.all()) if (fileOf(doc.uri) === file) return doc.getText();
      return undefined;
    },
  };

  /**
   * What is analysed: each workspace folder's project root (the folder itself, or the project above a settings package
   * opened on its own, found by its markers: never /, the home or the temporary directory), and the roots found for
   * documents outside every folder.
   */
  analysisRoots(): string[] {
    const out: string[] = [];
    for (const folder of this.roots) {
      const root = this.projectRootOfFolder(folder);
      if (!out.includes(root)) out.push(root);
    }
    for (const r of this.fileRoots) if (!out.includes(r) && !out.some((o) => isInside(r, o))) out.push(r);
    return out;
  }

  private projectRootOfFolder(folder: string): string {
    let root = this.folderRoots.get(folder);
    if (!root) this.folderRoots.set(folder, (root = findProjectRoot(folder) ?? folder));
    return root;
  }

  rootOf(file: string): string | undefined {
    const matches = this.analysisRoots().filter((r) => isInside(file, r));
    return matches.sort((a, b) => b.length - a.length)[0];
  }

  /**
   * A document outside every workspace folder is analysed only inside a project: the nearest directory above it with a
   * project marker (manage.py, pyproject.toml, requirements, a lock file, .git), never /, the home or the temporary
   * directory. A scratch file in /tmp gets no root, so nothing is walked for it.
   */
  ensureRootFor(file: string): void {
    if (this.rootOf(file)) return;
    const root = findProjectRoot(path.dirname(file));
    if (root && !this.fileRoots.includes(root)) this.fileRoots.push(root);
  }

  /** Where settings are scoped: the workspace folders and the roots of documents outside them. */
  private settingsScopes(): string[] {
    return [...this.roots, ...this.fileRoots.filter((r) => !this.roots.includes(r))];
  }

  /**
   * The settings a root is analysed with: its folder's (the folder whose project root it is, when the folder was opened
   * inside the project), or the unscoped ones until those arrive.
   */
  settingsFor(root: string): ServerSettings {
    const own = this.folderSettings.get(root);
    if (own) return own;
    const folder = this.roots.find((f) => this.projectRootOfFolder(f) === root);
    return (folder && this.folderSettings.get(folder)) || this.settings;
  }

  /** Reads the unscoped settings and every root's again (the client said they changed); analyses meanwhile keep the old. */
  async refreshSettings(): Promise<void> {
    const roots = this.settingsScopes();
    const answers = await this.fetchSettings([undefined, ...roots]);
    if (!answers) return;
    this.settings = { ...DEFAULT_SETTINGS, ...this.settings, ...answers[0] };
    this.folderSettings.clear();
    roots.forEach((root, i) => this.folderSettings.set(root, { ...this.settings, ...answers[i + 1] }));
  }

  /** Reads the settings of roots that have none yet (a folder added, a file opened outside every folder). */
  private async fetchMissingSettings(): Promise<void> {
    const missing = this.settingsScopes().filter((r) => !this.folderSettings.has(r));
    if (missing.length === 0) return;
    const answers = await this.fetchSettings(missing);
    missing.forEach((root, i) => this.folderSettings.set(root, { ...this.settings, ...answers?.[i] }));
  }

  /** One workspace/configuration request; `undefined` asks for the unscoped settings. Undefined when there is no answer. */
  private async fetchSettings(roots: Array<string | undefined>): Promise<Array<Partial<ServerSettings>> | undefined> {
    if (!this.configurationSource) return undefined;
    try {
      const answers = await this.configurationSource(roots.map((r) => (r === undefined ? { section: SECTION } : { scopeUri: uriOf(r), section: SECTION })));
      return roots.map((_, i) => (answers[i] ?? {}) as Partial<ServerSettings>);
    } catch {
      return undefined; // a client that cannot answer keeps the defaults
    }
  }

  /** Files were created, deleted or renamed: walk the workspace again on the next analysis. */
  filesChanged(): void {
    this.folderRoots.clear();
    this.inventoryDue = true;
    for (const s of this.sessions.values()) s.filesChanged();
  }

  /**
   * Queues an analysis. By default an edit is analysed at once (the leading edge): an analysis runs synchronously, so
   * the edits that arrive while it runs wait in the input stream, are all read when it ends, and make one follow-up
   * between them; nothing waits longer than the analysis in progress. `debounceMs` (0 by default) adds a fixed wait,
   * for editors that send a change per character on very large workspaces.
   */
  schedule(delay = this.settings.debounceMs): void {
    this.generation++;
    if (this.timer) clearTimeout(this.timer);
    if (this.immediate) clearImmediate(this.immediate);
    this.timer = undefined;
    this.immediate = undefined;
    const run = () => {
      this.timer = undefined;
      this.immediate = undefined;
      void this.analyze();
    };
    // A zero timeout is a 1 ms timer in node; an immediate runs as soon as the pending messages are read.
    if (delay <= 0) this.immediate = setImmediate(run);
    else this.timer = setTimeout(run, delay);
  }

  private immediate: NodeJS.Immediate | undefined;
  /** Each root's environment names at the last publish, joined. */
  private publishedEnvironments = new Map<string, string>();
  /** The status last sent, as JSON. */
  private lastStatus = "";
  /** How long the last analysis of every root took, for the log. */
  private lastAnalysisMs = 0;

  /** Runs one analysis of every root and publishes, unless a newer change arrived meanwhile. */
  async analyze(): Promise<void> {
    if (this.running) await this.running;
    const gen = this.generation;
    const withInventory = this.inventoryDue;
    this.inventoryDue = false;
    // A run that a newer change overtakes hands its inventory on: else the first analysis, overtaken by the didOpen
    // that follows `initialized`, would leave the inventory's findings out until the next save.
    const overtaken = () => {
      if (gen === this.generation) return false;
      if (withInventory) this.inventoryDue = true;
      return true;
    };
    this.running = (async () => {
      await this.fetchMissingSettings();
      const started = performance.now();
      const roots = this.analysisRoots();
      // A folder removed from the workspace takes its diagnostics with it.
      for (const r of [...this.audits.keys()]) if (!roots.includes(r)) this.audits.delete(r);
      for (const root of roots) {
        if (overtaken()) return;
        try {
          this.audits.set(root, this.auditRoot(root, withInventory));
        } catch (e) {
          this.connection.console.error(`analysis of ${root} failed: ${(e as Error).stack ?? e}`);
        }
      }
      if (overtaken()) return;
      this.lastAnalysisMs = performance.now() - started;
      this.publish();
      this.connection.console.log(`analysed ${roots.length} root(s) in ${this.lastAnalysisMs.toFixed(1)} ms`);
      // Sent when it changed: with a thousand environments it is 50 KB of JSON, and a keystroke rarely changes it.
      const status = this.status();
      const json = JSON.stringify(status);
      if (json !== this.lastStatus) {
        this.lastStatus = json;
        void this.connection.sendNotification(STATUS_NOTIFICATION, status);
      }
    })();
    await this.running;
    this.running = undefined;
  }

  /**
   * The inventory reads documentation files and costs far more than a keystroke's re-analysis: it runs on open, save
   * and file-system events, and between them its last findings are carried over. The same events re-read the other
   * files a keystroke cannot change: pyproject.toml, .env files, lock files and entry points.
   */
  inventoryDue = true;

  private auditRoot(root: string, withInventory: boolean): SessionAudit {
    let session = this.sessions.get(root);
    if (!session) {
      session = new Session(this.engine, root, { overlay: this.overlay, keepTrees: true });
      this.sessions.set(root, session);
    }
    // pyproject.toml's section is shared with the CLI through the session; this folder's editor settings win where
    // both say something. The section, lock files and entry points are read again with the other project files (open,
    // save, file events), not on every keystroke.
    const overrides = this.overrides(root);
    const key = JSON.stringify(overrides);
    if (this.overridesKey.get(root) !== key) {
      session.setOverrides(overrides);
      this.overridesKey.set(root, key);
    }
    if (withInventory) session.projectFilesChanged();
    const audit = session.audit({ inventory: withInventory, keepDiskReads: !withInventory });
    // Analysed without a broken section, as the session does, but not silently: a diagnostic on pyproject.toml and
    // the status say so.
    if (session.configError) {
      this.connection.console.warn(session.configError.message);
      this.configErrors.set(root, { file: path.join(root, "pyproject.toml"), message: session.configError.message });
    } else this.configErrors.delete(root);
    return audit;
  }

  /**
   * "Harden production settings" for a document: every deploy-check fix of the deployed environment it feeds, computed
   * on the editor's text with this root's settings. Undefined outside a root, before its first analysis, or when the
   * file feeds no production or staging environment.
   */
  harden(file: string | undefined): HardenResult | undefined {
    const root = file && this.rootOf(file);
    const audit = root && this.audits.get(root);
    if (!root || !audit) return undefined;
    const environment = deployedEnvironmentFor(audit, file);
    if (!environment) return undefined;
    return hardenEnvironment(this.engine, root, environment, { overlay: this.overlay, overrides: this.overrides(root) });
  }

  /** A folder's editor settings as session overrides (empty ones say nothing, so pyproject.toml's apply). */
  private overrides(root: string): SessionOverrides {
    const s = this.settingsFor(root);
    return {
      djangoVersion: s.djangoVersion || undefined,
      environments: s.environments as Record<string, EnvKind>,
      disabledRules: s.disabledRules,
      severities: s.severities as Record<string, Severity>,
      extraSettingsFiles: s.extraSettingsFiles,
    };
  }

  private readonly overridesKey = new Map<string, string>();

  private publish(): void {
    // Each audit's problems and notes, by the file whose diagnostics they make: a problem where it is written, and in
    // each environment module that inherits it (as part of that module's one summary diagnostic).
    const groups = new Map<string, Array<{ file: string; problems: Problem[]; notes: Note[]; environments: string[]; loading: string[] }>>();
    // A message names the environments a problem hurts when they are not all of them: a change in the list of
    // environments can change every diagnostic, so the files' cached diagnostics are trusted only while it holds.
    const envKeys = new Map<string, string>();
    let environmentsChanged = false;
    for (const [root, audit] of this.audits) {
      const environments = audit.project.environments.map((e) => e.name);
      const envKey = environments.join("\u0000");
      envKeys.set(root, envKey);
      if (this.publishedEnvironments.get(root) !== envKey) environmentsChanged = true;
      const byFile = diagnosticFiles(audit.problems);
      const loadingByFile = new Map<string, string[]>();
      // Pushed, not copied: a thousand environments' files and notes made these quadratic on every keystroke.
      for (const e of audit.project.environments) for (const f of e.files) pushTo(loadingByFile, f, e.name);
      const notesByFile = new Map<string, Note[]>();
      for (const n of audit.project.notes) if (n.range) pushTo(notesByFile, n.file, n);
      for (const e of audit.project.environments) for (const n of e.notes) if (n.range) pushTo(notesByFile, n.file, n);
      for (const file of new Set([...byFile.keys(), ...notesByFile.keys()])) {
        const uri = uriOf(file);
        const loading = loadingByFile.get(file) ?? [];
        const g = { file, problems: byFile.get(file) ?? [], notes: notesByFile.get(file) ?? [], environments, loading };
        pushTo(groups, uri, g);
      }
    }
    for (const uri of this.published.keys()) if (!groups.has(uri)) void this.connection.sendDiagnostics({ uri, diagnostics: [] });
    // A file whose findings and notes are the very objects of last time (an environment the analysis reused) has the
    // same diagnostics: nothing to build or send. The others are built, and sent when their content changed; a digest
    // rather than the JSON itself is kept (a thousand lists as text held 5 MB).
    const sent = new Map<string, Published>();
    for (const [uri, list] of groups) {
      const sources = list.flatMap((g) => [...g.problems.flatMap((p) => p.findings), SEPARATOR, ...g.notes, SEPARATOR]);
      const prev = environmentsChanged ? undefined : this.published.get(uri);
      if (prev && sameObjects(prev.sources, sources)) {
        sent.set(uri, prev);
        continue;
      }
      const diagnostics = list.flatMap((g) => toDiagnostics(g.file, g.problems, g.notes, g.environments, g.loading.length ? g.loading : g.environments));
      const digest = createHash("sha1").update(JSON.stringify(diagnostics)).digest("base64");
      sent.set(uri, { sources, digest });
      if (this.published.get(uri)?.digest !== digest) void this.connection.sendDiagnostics({ uri, diagnostics });
    }
    this.published = sent;
    this.publishedEnvironments = envKeys;
    this.publishConfigErrors();
  }

  private publishConfigErrors(): void {
    const now = new Map<string, string>();
    const roots = this.analysisRoots();
    for (const [root, err] of this.configErrors) if (roots.includes(root)) now.set(uriOf(err.file), err.message);
    for (const uri of this.publishedConfigErrors.keys()) if (!now.has(uri)) void this.connection.sendDiagnostics({ uri, diagnostics: [] });
    for (const [uri, message] of now) {
      if (this.publishedConfigErrors.get(uri) === message) continue;
      const file = fileOf(uri)!;
      void this.connection.sendDiagnostics({ uri, diagnostics: [configErrorDiagnostic(readText(file), message)] });
    }
    this.publishedConfigErrors = now;
  }

  status(): StatusPayload {
    return {
      roots: [...this.audits.entries()].map(([root, a]) => ({
        root,
        djangoVersion: formatVersion(a.project.django.version),
        djangoVersionSource: a.project.django.source,
        environments: a.project.environments.map((e) => ({ name: e.name, kind: e.kind })),
        ...(this.configErrors.has(root) ? { configError: this.configErrors.get(root) } : {}),
      })),
    };
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    if (this.immediate) clearImmediate(this.immediate);
    for (const s of this.sessions.values()) s.dispose();
  }
}

/** A URI's last published diagnostics: the findings and notes they were built from, and a digest of their JSON. */
interface Published {
  sources: readonly unknown[];
  digest: string;
}

/** Ends each audit's findings and then its notes in a URI's sources, so that moving an item across cannot look alike. */
const SEPARATOR = Symbol("end of group");

function sameObjects(a: readonly unknown[], b: readonly unknown[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function readText(file: string): string {
  try {
    return fs.readFileSync(file, "utf8");
  } catch {
    return "";
  }
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
