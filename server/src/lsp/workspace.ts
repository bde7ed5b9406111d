// The server's state: workspace roots, open documents, one module cache per root, debounced re-analysis and publishing.
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
import { toDiagnostics } from "./diagnostics";
import { DEFAULT_SETTINGS, STATUS_NOTIFICATION, type ServerSettings, type StatusPayload } from "./protocol";
import { fileOf, uriOf } from "./uris";
import { INVENTORY_RULES } from "../inventory/findings";
import { ConfigError, EMPTY_CONFIG, loadProjectConfig, type ProjectConfig } from "../config/projectConfig";
import { RULES } from "../rules/index";
import { findProjectRoot, isInside } from "../project/roots";

const INVENTORY_IDS: ReadonlySet<string> = new Set(INVENTORY_RULES.map((r) => r.id));
/** Findings in files other than settings modules: what an analysis without the inventory (engine.ts) leaves out. */
const PROJECT_FILE_RULE_IDS: ReadonlySet<string> = new Set([...INVENTORY_IDS, dotenvSecretTracked.id]);

export class WorkspaceState {
  /** The workspace folders, as the client sends them (server.ts keeps this list); see analysisRoots for what is analysed. */
  roots: string[] = [];
  /** Roots found for documents opened outside every workspace folder: the project marker above them (see ensureRootFor). */
  private readonly fileRoots: string[] = [];
  /** Each workspace folder's project root (itself, or the project above a folder opened inside a package). */
  private readonly folderRoots = new Map<string, string>();
  settings: ServerSettings = { ...DEFAULT_SETTINGS };
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

  /**
   * What is analysed: each workspace folder's project root (the folder itself, or the project above a settings package
   * opened on its own, found by its markers: never /, the home or the temporary directory), and the roots found for
   * documents outside every folder.
   */
  analysisRoots(): string[] {
    const out: string[] = [];
    for (const folder of this.roots) {
      let root = this.folderRoots.get(folder);
      if (!root) this.folderRoots.set(folder, (root = findProjectRoot(folder) ?? folder));
      if (!out.includes(root)) out.push(root);
    }
    for (const r of this.fileRoots) if (!out.includes(r) && !out.some((o) => isInside(r, o))) out.push(r);
    return out;
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

  /** Files were created, deleted or renamed: walk the workspace again on the next analysis. */
  filesChanged(): void {
    this.folderRoots.clear();
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
      const started = performance.now();
      const roots = this.analysisRoots();
      // A folder removed from the workspace takes its diagnostics with it.
      for (const r of [...this.audits.keys()]) if (!roots.includes(r)) this.audits.delete(r);
      for (const root of roots) {
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
      try {
        config = loadProjectConfig(root, [...RULES.map((r) => r.id), ...INVENTORY_IDS, "unused-waiver"]);
      } catch (e) {
        if (e instanceof ConfigError) this.connection.console.warn(e.message);
        else throw e;
      }
      this.configs.set(root, config);
      this.memos.set(root, new WeakMap());
      // Lock files and entry points are project files too: the Django version and the DJANGO_SETTINGS_MODULE hints.
      cache.django = undefined;
      cache.hints = undefined;
    }
    const audit = this.engine.audit(root, {
      inventory: withInventory,
      // Between keystrokes only the editor's copies change; every other event (open, save, file watch) re-reads all.
      keepDiskReads: !withInventory,
      loader,
      cache,
      djangoVersion: this.settings.djangoVersion || config.djangoVersion,
      environmentKinds: { ...config.environments, ...(this.settings.environments as Record<string, EnvKind>) },
      extraSettingsFiles: [...config.extraSettings, ...this.settings.extraSettingsFiles].map((f) => path.resolve(root, f)),
      disabled: [...config.disabledRules, ...this.settings.disabledRules],
      memo: this.memos.get(root),
      severities: { ...config.severities, ...(this.settings.severities as Record<string, Severity>) },
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
  }

  status(): StatusPayload {
    return {
      roots: [...this.audits.entries()].map(([root, a]) => ({
        root,
        djangoVersion: formatVersion(a.project.django.version),
        djangoVersionSource: a.project.django.source,
        environments: a.project.environments.map((e) => ({ name: e.name, kind: e.kind })),
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
