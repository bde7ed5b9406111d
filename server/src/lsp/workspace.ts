// The server's state: workspace roots, open documents, one module cache per root, debounced re-analysis and publishing.
import * as fs from "fs";
import { createHash } from "crypto";
import * as path from "path";
import type { Connection, TextDocuments } from "vscode-languageserver";
import type { TextDocument } from "vscode-languageserver-textdocument";
import { Engine, type Audit } from "../engine";
import { dotenvSecretTracked } from "../rules/secrets/dotenvSecretTracked";
import type { EnvKind } from "../resolve/classify";
import { ModuleLoader } from "../resolve/moduleLoader";
import type { ProjectCache } from "../resolve/project";
import type { Finding, Severity } from "../rules/types";
import type { Note } from "../resolve/namespace";
import type { FindingsMemo } from "../rules/run";
import { formatVersion } from "../resolve/djangoVersion";
import { configErrorDiagnostic, toDiagnostics } from "./diagnostics";
import { DEFAULT_SETTINGS, STATUS_NOTIFICATION, type ServerSettings, type StatusPayload } from "../protocol/protocol";
import { fileOf, uriOf } from "./uris";
import { INVENTORY_RULES } from "../inventory/findings";
import { ConfigError, EMPTY_CONFIG, loadProjectConfig, type ProjectConfig } from "../config/projectConfig";
import { RULES } from "../rules/index";

const INVENTORY_IDS: ReadonlySet<string> = new Set(INVENTORY_RULES.map((r) => r.id));
/** Findings in files other than settings modules: what an analysis without the inventory (engine.ts) leaves out. */
const PROJECT_FILE_RULE_IDS: ReadonlySet<string> = new Set([...INVENTORY_IDS, dotenvSecretTracked.id]);

/** workspace/configuration: one answer per item, in order (null where the client has nothing). */
export type ConfigurationSource = (items: Array<{ scopeUri?: string; section: string }>) => Promise<unknown[]>;

const SECTION = "djangoSettingsHygiene";

export class WorkspaceState {
  roots: string[] = [];
  /** initializationOptions and the client's settings without a scope; debounceMs is read from here only. */
  settings: ServerSettings = { ...DEFAULT_SETTINGS };
  /** Each root's own settings (workspace/configuration with the root as scopeUri): folders of a multi-root workspace differ. */
  private readonly folderSettings = new Map<string, ServerSettings>();
  /** Set when the client answers workspace/configuration; without it every root uses `settings`. */
  configurationSource: ConfigurationSource | undefined;
  /** The root's pyproject.toml section error, shown as a diagnostic there and in the status. */
  private readonly configErrors = new Map<string, { file: string; message: string }>();
  /** Config-error diagnostics last sent, by URI (message), to clear them when fixed. */
  private publishedConfigErrors = new Map<string, string>();
  readonly audits = new Map<string, Audit>();
  private readonly loaders = new Map<string, ModuleLoader>();
  private readonly caches = new Map<string, ProjectCache>();
  private readonly configs = new Map<string, ProjectConfig>();
  private readonly memos = new Map<string, FindingsMemo>();
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

  rootOf(file: string): string | undefined {
    const matches = this.roots.filter((r) => file === r || file.startsWith(r + path.sep));
    return matches.sort((a, b) => b.length - a.length)[0];
  }

  /** A document outside every workspace folder gets its own root: the nearest directory with manage.py, or its own. */
  ensureRootFor(file: string): void {
    if (this.rootOf(file)) return;
    let dir = path.dirname(file);
    for (;;) {
      if (fs.existsSync(path.join(dir, "manage.py"))) break;
      const up = path.dirname(dir);
      if (up === dir) {
        dir = path.dirname(file);
        break;
      }
      dir = up;
    }
    this.roots.push(dir);
  }

  /** The settings a root is analysed with: its folder's, or the unscoped ones until those arrive. */
  settingsFor(root: string): ServerSettings {
    return this.folderSettings.get(root) ?? this.settings;
  }

  /** Reads the unscoped settings and every root's again (the client said they changed); analyses meanwhile keep the old. */
  async refreshSettings(): Promise<void> {
    const roots = [...this.roots];
    const answers = await this.fetchSettings([undefined, ...roots]);
    if (!answers) return;
    this.settings = { ...DEFAULT_SETTINGS, ...this.settings, ...answers[0] };
    this.folderSettings.clear();
    roots.forEach((root, i) => this.folderSettings.set(root, { ...this.settings, ...answers[i + 1] }));
  }

  /** Reads the settings of roots that have none yet (a folder added, a file opened outside every folder). */
  private async fetchMissingSettings(): Promise<void> {
    const missing = this.roots.filter((r) => !this.folderSettings.has(r));
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
    this.inventoryDue = true;
    for (const c of this.caches.values()) c.discovery = undefined;
  }

  /**
   * Queues an analysis. Without an explicit delay it waits twice as long as the last analysis took, at most the
   * configured debounce: when one takes 2 ms, waiting 150 ms for more keystrokes saves nothing and only delays the
   * squiggle; on a workspace where it takes 100 ms, the debounce keeps typing from queueing analyses.
   */
  schedule(delay = Math.min(this.settings.debounceMs, Math.round(this.lastAnalysisMs * 2))): void {
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
  /** The status last sent, as JSON. */
  private lastStatus = "";
  /** How long the last analysis of every root took: the default debounce follows it. */
  private lastAnalysisMs = Number.POSITIVE_INFINITY;

  /** Runs one analysis of every root and publishes, unless a newer change arrived meanwhile. */
  async analyze(): Promise<void> {
    if (this.running) await this.running;
    const gen = this.generation;
    const withInventory = this.inventoryDue;
    this.inventoryDue = false;
    this.running = (async () => {
      await this.fetchMissingSettings();
      const started = performance.now();
      for (const root of this.roots) {
        if (gen !== this.generation) return;
        try {
          this.audits.set(root, this.auditRoot(root, withInventory));
        } catch (e) {
          this.connection.console.error(`analysis of ${root} failed: ${(e as Error).stack ?? e}`);
        }
      }
      if (gen !== this.generation) return;
      this.lastAnalysisMs = performance.now() - started;
      this.publish();
      this.connection.console.log(`analysed ${this.roots.length} root(s) in ${this.lastAnalysisMs.toFixed(1)} ms`);
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

  private auditRoot(root: string, withInventory: boolean): Audit {
    let loader = this.loaders.get(root);
    if (!loader) {
      loader = new ModuleLoader(this.engine.parser, root, this.overlay);
      this.loaders.set(root, loader);
    }
    let cache = this.caches.get(root);
    if (!cache) {
      cache = { entryDefaults: new Map() };
      this.caches.set(root, cache);
    }
    // pyproject.toml's [tool.django-settings-hygiene] is shared with the CLI; editor settings win where both say something.
    // It is read again with the other project files (open, save, file events), not on every keystroke.
    let config = withInventory ? undefined : this.configs.get(root);
    if (!config) {
      config = EMPTY_CONFIG;
      this.configErrors.delete(root);
      try {
        config = loadProjectConfig(root, [...RULES.map((r) => r.id), ...INVENTORY_IDS, "unused-waiver"]);
      } catch (e) {
        if (!(e instanceof ConfigError)) throw e;
        // Analysed without the section, as before, but not silently: a diagnostic on pyproject.toml and the status say so.
        this.connection.console.warn(e.message);
        this.configErrors.set(root, { file: path.join(root, "pyproject.toml"), message: e.message });
      }
      this.configs.set(root, config);
      this.memos.set(root, new WeakMap());
      // Lock files and entry points are project files too: the Django version and the DJANGO_SETTINGS_MODULE hints.
      cache.django = undefined;
      cache.hints = undefined;
    }
    const settings = this.settingsFor(root);
    const audit = this.engine.audit(root, {
      inventory: withInventory,
      // Between keystrokes only the editor's copies change; every other event (open, save, file watch) re-reads all.
      keepDiskReads: !withInventory,
      loader,
      cache,
      djangoVersion: settings.djangoVersion || config.djangoVersion,
      environmentKinds: { ...config.environments, ...(settings.environments as Record<string, EnvKind>) },
      extraSettingsFiles: [...config.extraSettings, ...settings.extraSettingsFiles].map((f) => path.resolve(root, f)),
      disabled: [...config.disabledRules, ...settings.disabledRules],
      memo: this.memos.get(root),
      severities: { ...config.severities, ...(settings.severities as Record<string, Severity>) },
    });
    if (!withInventory) {
      const previous = this.audits.get(root)?.findings.filter((f) => PROJECT_FILE_RULE_IDS.has(f.rule)) ?? [];
      audit.findings.push(...previous);
    }
    return audit;
  }

  private publish(): void {
    // Each audit's findings and notes, grouped by the file whose diagnostics they make: a finding shows at its own
    // place and, when inherited, at the environment's import too (see toDiagnostics, which merges environments within
    // one audit, so groups stay per audit).
    const groups = new Map<string, Array<{ findings: Finding[]; notes: Note[] }>>();
    for (const audit of this.audits.values()) {
      const mine = new Map<string, { findings: Finding[]; notes: Note[] }>();
      const slot = (file: string) => {
        const uri = uriOf(file);
        let g = mine.get(uri);
        if (!g) mine.set(uri, (g = { findings: [], notes: [] }));
        return g;
      };
      for (const f of audit.findings) {
        slot(f.location.file).findings.push(f);
        if (f.anchor && f.anchor.file !== f.location.file) slot(f.anchor.file).findings.push(f);
      }
      for (const n of audit.project.notes) if (n.range) slot(n.file).notes.push(n);
      for (const e of audit.project.environments) for (const n of e.notes) if (n.range) slot(n.file).notes.push(n);
      for (const [uri, g] of mine) groups.set(uri, [...(groups.get(uri) ?? []), g]);
    }
    for (const uri of this.published.keys()) if (!groups.has(uri)) void this.connection.sendDiagnostics({ uri, diagnostics: [] });
    // A file whose findings and notes are the very objects of last time (an environment the analysis reused) has the
    // same diagnostics: nothing to build or send. The others are built, and sent when their content changed; a digest
    // rather than the JSON itself is kept (a thousand lists as text held 5 MB).
    const sent = new Map<string, Published>();
    for (const [uri, list] of groups) {
      const sources = list.flatMap((g) => [...g.findings, SEPARATOR, ...g.notes, SEPARATOR]);
      const prev = this.published.get(uri);
      if (prev && sameObjects(prev.sources, sources)) {
        sent.set(uri, prev);
        continue;
      }
      const diagnostics = list.flatMap((g) => toDiagnostics(g.findings, g.notes).get(uri) ?? []);
      const digest = createHash("sha1").update(JSON.stringify(diagnostics)).digest("base64");
      sent.set(uri, { sources, digest });
      if (prev?.digest !== digest) void this.connection.sendDiagnostics({ uri, diagnostics });
    }
    this.published = sent;
    this.publishConfigErrors();
  }

  private publishConfigErrors(): void {
    const now = new Map<string, string>();
    for (const [root, err] of this.configErrors) if (this.roots.includes(root)) now.set(uriOf(err.file), err.message);
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
    for (const l of this.loaders.values()) l.dispose();
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
