// One project root's analysis state and policy, shared by the CLI and the language server: configuration, caches, ignores, problems.
import * as path from "path";
import type { Engine, Audit } from "../engine";
import { ConfigError, EMPTY_CONFIG, globMatches, loadProjectConfig, type ProjectConfig } from "../config/projectConfig";
import type { EnvKind } from "../resolve/classify";
import { ModuleLoader, type TextOverlay } from "../resolve/moduleLoader";
import type { ProjectCache } from "../resolve/project";
import type { FindingsMemo } from "../rules/run";
import type { Finding, Severity } from "../rules/types";
import { ALL_RULE_IDS } from "../rules/catalogue";
import { groupByPlace, type Problem } from "./problems";

/** What the person running the tool says beyond pyproject.toml: command-line flags, or the editor's settings. They win. */
export interface SessionOverrides {
  djangoVersion?: string;
  environments?: Record<string, EnvKind>;
  disabledRules?: string[];
  severities?: Record<string, Severity>;
  /** Paths relative to the root, or absolute. */
  extraSettingsFiles?: string[];
  failLevel?: Severity;
}

export interface SessionOptions {
  overrides?: SessionOverrides;
  /** Unsaved editor text, which wins over the disk. */
  overlay?: TextOverlay;
  /** Keep the open documents' syntax trees for incremental re-parsing (the language server). */
  keepTrees?: boolean;
  /** Throw on a broken pyproject section (the CLI exits 2) instead of recording it in `configError` (the editor shows it). */
  strictConfig?: boolean;
}

export interface SessionAudit extends Audit {
  /** The findings grouped by place: what every output shows. */
  problems: Problem[];
  config: ProjectConfig;
}

/** The effective configuration: pyproject.toml's section under the overrides. */
export interface EffectiveConfig extends ProjectConfig {
  failLevel?: Severity;
}

/**
 * Owns what one project root's analyses share: the module loader, the project and findings caches, the configuration
 * and its policy (disabled rules, severities, per-path ignores; waivers are applied by the rule runner). The CLI makes
 * one per audited path and asks once; the language server keeps one per root and asks on every change. Both get the
 * same findings for the same files and configuration, because both ask this.
 */
export class Session {
  readonly root: string;
  readonly loader: ModuleLoader;
  private cache: ProjectCache = { entryDefaults: new Map() };
  private memo: FindingsMemo = new WeakMap();
  private overrides: SessionOverrides;
  private projectConfig: ProjectConfig | undefined;
  /** Why pyproject.toml's section was not used, when it is broken: the editor shows it on pyproject.toml. */
  configError: ConfigError | undefined;
  /** The last audit, whose project-file findings a keystroke's analysis (which skips the inventory) carries over. */
  private last: SessionAudit | undefined;

  constructor(
    private readonly engine: Engine,
    root: string,
    private readonly options: SessionOptions = {},
  ) {
    this.root = path.resolve(root);
    this.overrides = options.overrides ?? {};
    this.loader = new ModuleLoader(engine.parser, this.root, options.overlay, options.keepTrees ?? false);
  }

  /** pyproject.toml's section, read once until projectFilesChanged(). */
  get fileConfig(): ProjectConfig {
    if (!this.projectConfig) {
      this.configError = undefined;
      try {
        this.projectConfig = loadProjectConfig(this.root, ALL_RULE_IDS);
      } catch (e) {
        if (!(e instanceof ConfigError) || this.options.strictConfig) throw e;
        this.configError = e;
        this.projectConfig = EMPTY_CONFIG;
      }
    }
    return this.projectConfig;
  }

  /** The configuration every analysis uses: the file's section with the overrides on top. */
  get config(): EffectiveConfig {
    const c = this.fileConfig;
    const o = this.overrides;
    return {
      ...c,
      djangoVersion: o.djangoVersion || c.djangoVersion,
      environments: { ...c.environments, ...o.environments },
      disabledRules: [...new Set([...c.disabledRules, ...(o.disabledRules ?? [])])],
      severities: { ...c.severities, ...o.severities },
      extraSettings: [...c.extraSettings, ...(o.extraSettingsFiles ?? [])],
      failLevel: o.failLevel ?? c.failLevel,
    };
  }

  /** The editor's settings changed: every cached finding may be judged differently now. */
  setOverrides(overrides: SessionOverrides): void {
    this.overrides = overrides;
    this.memo = new WeakMap();
  }

  /** Files were created, deleted or renamed: the next analysis walks the tree again. */
  filesChanged(): void {
    this.cache.discovery = undefined;
  }

  /**
   * A file other than an open settings module may have changed (open, save, a file event): pyproject.toml, lock files,
   * entry points, .env files. The next analysis reads them again.
   */
  projectFilesChanged(): void {
    this.projectConfig = undefined;
    this.cache.django = undefined;
    this.cache.hints = undefined;
    this.memo = new WeakMap();
  }

  /**
   * Analyses the root. `inventory: false` (the language server between keystrokes) skips the checks over files that
   * are not settings modules and carries their last findings over; `keepDiskReads` keeps what the last analysis read
   * from disk, since a keystroke changes only the editor's copy.
   */
  audit(options: { inventory?: boolean; keepDiskReads?: boolean } = {}): SessionAudit {
    const config = this.config;
    const inventory = options.inventory !== false;
    const audit = this.engine.audit(this.root, {
      inventory,
      keepDiskReads: options.keepDiskReads,
      loader: this.loader,
      cache: this.cache,
      memo: this.memo,
      djangoVersion: config.djangoVersion,
      environmentKinds: config.environments,
      extraSettingsFiles: config.extraSettings.map((f) => path.resolve(this.root, f)),
      disabled: config.disabledRules,
      severities: config.severities,
    });
    let findings = audit.findings;
    if (!inventory && this.last) findings = [...findings, ...carryOver(this.last.findings, audit)];
    findings = findings.filter((f) => !this.ignoredByPath(f, config));
    const result: SessionAudit = { project: audit.project, findings, problems: groupByPlace(findings), config };
    this.last = result;
    return result;
  }

  /** `per-path-ignores`: a glob relative to the root and the rule ids (or "*") ignored in matching files. */
  private ignoredByPath(f: Finding, config: ProjectConfig): boolean {
    const globs = Object.entries(config.perPathIgnores);
    if (globs.length === 0) return false;
    const rel = path.relative(this.root, f.location.file).split(path.sep).join("/");
    return globs.some(([glob, ids]) => (ids.includes("*") || ids.includes(f.rule)) && globMatches(glob, rel));
  }

  dispose(): void {
    this.loader.dispose();
  }
}

/**
 * The last findings of the checks a keystroke's analysis does not run (the inventory, .env files, waivers in .env
 * files), carried over to this analysis. Those in files other than settings modules cannot have changed. An
 * env-undocumented finding sits at a read in a settings module, which the keystroke may have moved or deleted: it
 * follows the variable's current required read, or goes with it.
 */
function carryOver(previous: readonly Finding[], audit: Audit): Finding[] {
  const out: Finding[] = [];
  for (const f of previous) {
    if (f.rule === "env-undocumented") {
      const moved = relocateRead(f, audit);
      if (moved) out.push(moved);
    } else if (PROJECT_FILE_RULES.has(f.rule) || (f.rule === "unused-waiver" && !f.location.file.endsWith(".py"))) {
      out.push(f);
    }
  }
  return out;
}

const PROJECT_FILE_RULES: ReadonlySet<string> = new Set(["env-unused", "dotenv-secret-tracked"]);

/** The finding at its variable's first required read in the same environment and file now, if there still is one. */
function relocateRead(f: Finding, audit: Audit): Finding | undefined {
  const env = audit.project.environments.find((e) => e.name === f.environment);
  if (!env) return undefined;
  const variable = f.variable;
  if (!variable) return undefined;
  const reads = env.result.envReads.filter((r) => r.variable === variable && !r.hasDefault && r.loc.file === f.location.file);
  if (reads.length === 0) return undefined;
  const others = reads.slice(1).map((r) => ({ loc: r.loc, message: `${variable} is required here too` }));
  const docs = f.related.filter((r) => !r.loc.file.endsWith(".py"));
  return { ...f, location: reads[0].loc, related: [...others, ...docs] };
}
