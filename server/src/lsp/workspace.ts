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
import { diagnosticFiles, toDiagnostics } from "./diagnostics";
import { DEFAULT_SETTINGS, STATUS_NOTIFICATION, type ServerSettings, type StatusPayload } from "./protocol";
import { fileOf, uriOf } from "./uris";

export class WorkspaceState {
  roots: string[] = [];
  settings: ServerSettings = { ...DEFAULT_SETTINGS };
  readonly audits = new Map<string, SessionAudit>();
  /** One per root: its caches, configuration and policy, the same as the CLI's for that folder. */
  private readonly sessions = new Map<string, Session>();
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

  /** Files were created, deleted or renamed: walk the workspace again on the next analysis. */
  filesChanged(): void {
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
    this.running = (async () => {
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

  private auditRoot(root: string, withInventory: boolean): SessionAudit {
    let session = this.sessions.get(root);
    if (!session) {
      session = new Session(this.engine, root, { overlay: this.overlay, keepTrees: true });
      this.sessions.set(root, session);
    }
    // pyproject.toml's section is shared with the CLI through the session; the editor's settings win where both say
    // something. The section, lock files and entry points are read again with the other project files (open, save, file
    // events), not on every keystroke.
    const overrides = this.overrides();
    const key = JSON.stringify(overrides);
    if (this.overridesKey.get(root) !== key) {
      session.setOverrides(overrides);
      this.overridesKey.set(root, key);
    }
    if (withInventory) session.projectFilesChanged();
    const audit = session.audit({ inventory: withInventory, keepDiskReads: !withInventory });
    if (session.configError) this.connection.console.warn(session.configError.message);
    return audit;
  }

  /** The editor's settings as session overrides (empty ones say nothing, so pyproject.toml's apply). */
  private overrides(): SessionOverrides {
    const s = this.settings;
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
    const groups = new Map<string, Array<{ file: string; problems: Problem[]; notes: Note[]; environments: string[] }>>();
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
      const notesByFile = new Map<string, Note[]>();
      for (const n of [...audit.project.notes, ...audit.project.environments.flatMap((e) => e.notes)]) {
        if (!n.range) continue;
        notesByFile.set(n.file, [...(notesByFile.get(n.file) ?? []), n]);
      }
      for (const file of new Set([...byFile.keys(), ...notesByFile.keys()])) {
        const uri = uriOf(file);
        const g = { file, problems: byFile.get(file) ?? [], notes: notesByFile.get(file) ?? [], environments };
        groups.set(uri, [...(groups.get(uri) ?? []), g]);
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
      const diagnostics = list.flatMap((g) => toDiagnostics(g.file, g.problems, g.notes, g.environments));
      const digest = createHash("sha1").update(JSON.stringify(diagnostics)).digest("base64");
      sent.set(uri, { sources, digest });
      if (this.published.get(uri)?.digest !== digest) void this.connection.sendDiagnostics({ uri, diagnostics });
    }
    this.published = sent;
    this.publishedEnvironments = envKeys;
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
