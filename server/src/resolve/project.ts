// Modules → environments: discovery, classification, star-import resolution and the Django version of a whole project.
import * as path from "path";
import type { Parser } from "web-tree-sitter";
import { settingsModuleDefaults } from "../parse/settingsModuleDefaults";
import { readSource } from "../parse/source";
import { classifyByName, type EnvKind } from "./classify";
import { configurationEnvironments, configurationSelections } from "./configurations";
import { discover, moduleFile, type Discovery } from "./discover";
import { detectDjangoVersion, parseVersion, type DetectedVersion, type DjangoVersion } from "./djangoVersion";
import { Environment } from "./environment";
import { Interpreter, type ModuleResult } from "./interpreter";
import { ModuleLoader, type LoadResult, type TextOverlay } from "./moduleLoader";
import { FILE_START, type Note } from "./namespace";

export interface AnalyzeOptions {
  /** "X.Y": overrides detection. */
  djangoVersion?: string;
  /** Module name (dotted), path relative to the root, or file stem → kind; wins over every other signal. */
  environmentKinds?: Record<string, EnvKind>;
  /** Extra files to treat as settings modules. */
  extraSettingsFiles?: string[];
  overlay?: TextOverlay;
  /** Reuse parses across runs (the language server keeps one loader per workspace). */
  loader?: ModuleLoader;
  /** Reuse discovery and entry-point hints across runs; the owner drops it when files are created or deleted. */
  cache?: ProjectCache;
  /**
   * Files not open in the editor are as `loader` last read them (the language server, between keystrokes): they are
   * not read again. Needs `loader`; see ModuleLoader.beginRun.
   */
  keepDiskReads?: boolean;
}

/**
 * What stays valid while no file is created, deleted or renamed: the directory walk and manage.py/wsgi.py hints. The
 * owner drops `discovery` when files come or go, and `django` and `hints` when any file outside the settings modules
 * may have changed (the language server: on open, save and file events; a keystroke in a settings module cannot).
 */
export interface ProjectCache {
  discovery?: Discovery;
  entryDefaults: Map<string, { text: string; modules: string[] }>;
  django?: DetectedVersion;
  hints?: { hints: Map<string, { kind: EnvKind; source: string }>; extraCandidates: string[] };
  /**
   * Each settings module's last run and what it loaded: a run whose files all load to the same parse (a keystroke in
   * production.py leaves base.py's environment alone) is reused instead of re-run. Dropped with `discovery`, since a
   * file that appears can change which import succeeds.
   */
  runs?: Map<string, { result: ModuleResult; loads: Map<string, LoadResult> }>;
  /** Each module's dotted name, path relative to the root, stem and kind by name, which hang on the walk only: dropped with `discovery`. */
  names?: Map<string, ModuleNames>;
  /** The environment made of each reused run, so that what is remembered per environment (the secrets scan) is reused too. */
  environments?: WeakMap<ModuleResult, Environment>;
}

export interface Project {
  root: string;
  django: DetectedVersion;
  environments: Environment[];
  /** Settings modules that only feed others (base parts, split-settings components), for "which files matter". */
  modules: string[];
  notes: Note[];
  /** The parsed modules, for rules and fixes that need a module's model (comments, import anchor, style). */
  loader: ModuleLoader;
}

export function analyzeProject(parser: Parser, root: string, options: AnalyzeOptions = {}): Project {
  const absRoot = path.resolve(root);
  const cache = options.cache;
  // A new walk (files came or went) re-reads what hangs on the tree: lock files, entry points.
  const walked = !cache?.discovery;
  const discovered = cache?.discovery ?? discover(absRoot, options.extraSettingsFiles);
  if (cache) cache.discovery = discovered;
  // Candidates grow below (entry-point targets); work on a copy so a cached discovery stays as walked.
  const found: Discovery = { ...discovered, candidates: [...discovered.candidates] };
  const notes: Note[] = found.problems.map((message) => ({ file: absRoot, severity: "information" as const, message }));
  const importRoots = [...found.projectDirs, absRoot];

  let django: DetectedVersion;
  const override = options.djangoVersion && parseVersion(options.djangoVersion);
  if (options.djangoVersion && !override) throw new Error(`--django-version must look like 4.2, not "${options.djangoVersion}"`);
  if (override) django = { version: override, source: "override" };
  else {
    django = (walked ? undefined : cache?.django) ?? detectDjangoVersion(absRoot, found.projectDirs);
    if (cache) cache.django = django;
  }

  const entry = (walked ? undefined : cache?.hints) ?? entryHints(parser, found, importRoots, cache);
  if (cache) cache.hints = entry;
  const hints = entry.hints;
  for (const file of entry.extraCandidates) if (!found.candidates.includes(file)) found.candidates.push(file);

  const loader = options.loader ?? new ModuleLoader(parser, absRoot, options.overlay, false);
  loader.beginRun({ keepDiskReads: options.keepDiskReads });
  const interp = new Interpreter(loader);
  const previous = walked ? undefined : cache?.runs;
  const runs = new Map<string, { result: ModuleResult; loads: Map<string, LoadResult> }>();
  const results = new Map<string, ModuleResult>();
  for (const f of found.candidates) {
    const prev = previous?.get(f);
    const reused = prev && sameLoads(prev.loads, loader) ? prev : undefined;
    const run = reused ?? { result: interp.run(f), loads: new Map<string, LoadResult>() };
    if (!reused) for (const file of run.result.files) run.loads.set(file, loader.load(file));
    runs.set(f, run);
    results.set(f, run.result);
  }
  if (cache) cache.runs = runs;
  const fedOthers = new Set<string>();
  for (const [file, r] of results) for (const f of r.files) if (f !== file) fedOthers.add(f);
  const fragments = new Set([...results.values()].flatMap((r) => r.fragments));

  const names = (walked ? undefined : cache?.names) ?? new Map<string, ModuleNames>();
  if (cache) cache.names = names;
  const environments: Environment[] = [];
  const modules: string[] = [];
  for (const [file, result] of results) {
    const loaded = loader.load(file);
    if (!loaded.ok) {
      // Binary, oversized or unreadable: not a settings module, whatever its name says.
      notes.push({ file, range: FILE_START, severity: "warning", message: `${path.basename(file)} is not analysed: ${loaded.reason}` });
      continue;
    }
    if (loaded.model.statements.length === 0 && loaded.model.syntaxErrors.length === 0) continue;
    let named = names.get(file);
    if (!named) {
      const stem = path.basename(file, ".py");
      names.set(file, (named = { name: dottedName(file, importRoots), rel: toPosix(path.relative(absRoot, file)), stem, byName: classifyByName(file) }));
    }
    const { name, rel, stem, byName } = named;
    if (result.configurations?.length) {
      // django-configurations: one environment per configuration class, named <module>.<Class> (resolve/configurations.ts).
      environments.push(...configurationEnvironments(result, name, file, django.version, configurationSelections(parser, found.entryPoints)));
      continue;
    }
    const configured = options.environmentKinds?.[name] ?? options.environmentKinds?.[rel] ?? options.environmentKinds?.[stem];
    const hint = hints.get(file);
    let kind: EnvKind | undefined;
    let kindSource = "";
    if (configured) [kind, kindSource] = [configured, "configuration"];
    else if (fragments.has(file)) {
      // A split-settings fragment only makes sense inside the namespace that includes it.
      modules.push(file);
      continue;
    }
    else if (byName) [kind, kindSource] = [byName, "module name"];
    else if (hint) [kind, kindSource] = [hint.kind, `DJANGO_SETTINGS_MODULE in ${hint.source}`];
    else if (stem === "settings" && fedOthers.has(file)) [kind, kindSource] = ["base", "settings.py that other settings modules import"];
    else if (stem === "settings") [kind, kindSource] = ["production", "a single settings.py is what gets deployed"];
    else if (stem === "__init__" || fedOthers.has(file)) {
      modules.push(file);
      continue;
    } else [kind, kindSource] = ["production", "a settings module with no development, testing or staging name"];
    const known = cache?.environments?.get(result);
    const same = known && known.name === name && known.kind === kind && known.kindSource === kindSource && sameVersion(known.djangoVersion, django.version);
    const env = same ? known : new Environment(name, kind, file, result, django.version, kindSource);
    if (cache && !same) (cache.environments ??= new WeakMap()).set(result, env);
    environments.push(env);
  }
  environments.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return { root: absRoot, django, environments, modules, notes, loader };
}

/** What a module is called, worked out once per walk: a keystroke among a thousand modules asked again for each. */
interface ModuleNames {
  name: string;
  rel: string;
  stem: string;
  byName: EnvKind | undefined;
}

/** True when every file a run loaded loads to the same result now. */
function sameLoads(loads: ReadonlyMap<string, LoadResult>, loader: ModuleLoader): boolean {
  for (const [file, loaded] of loads) if (loader.load(file) !== loaded) return false;
  return true;
}

function sameVersion(a: DjangoVersion, b: DjangoVersion): boolean {
  return a.major === b.major && a.minor === b.minor;
}

/** DJANGO_SETTINGS_MODULE defaults: wsgi/asgi name what is deployed, manage.py what developers run. */
function entryHints(parser: Parser, found: Discovery, importRoots: string[], cache: ProjectCache | undefined): NonNullable<ProjectCache["hints"]> {
  const hints = new Map<string, { kind: EnvKind; source: string }>();
  const extraCandidates: string[] = [];
  for (const entry of found.entryPoints) {
    const src = readSource(entry);
    if (!src.ok) continue;
    const isDeploy = path.basename(entry) !== "manage.py";
    let defaults = cache?.entryDefaults.get(entry);
    if (!defaults || defaults.text !== src.text) {
      defaults = { text: src.text, modules: settingsModuleDefaults(parser, src.text) };
      cache?.entryDefaults.set(entry, defaults);
    }
    for (const dotted of defaults.modules) {
      const file = moduleFile(dotted, [path.dirname(entry), path.dirname(path.dirname(entry)), ...importRoots]);
      if (!file) continue;
      const prev = hints.get(file);
      if (!prev || isDeploy) hints.set(file, { kind: isDeploy ? "production" : "development", source: path.basename(entry) });
      if (!found.candidates.includes(file) && !extraCandidates.includes(file)) extraCandidates.push(file);
    }
  }
  return { hints, extraCandidates };
}

/** "mysite.settings.production" for <project dir>/mysite/settings/production.py; the nearest import root wins. */
export function dottedName(file: string, roots: string[]): string {
  const abs = path.resolve(file);
  let best: string | undefined;
  for (const r of roots) {
    // A root that is not a prefix cannot hold the file; path.relative over every project dir of a large workspace, for
    // every module on every keystroke, was most of the language server's time between rules.
    if (!abs.startsWith(r) || (abs.length > r.length && abs[r.length] !== path.sep && !r.endsWith(path.sep))) continue;
    const rel = path.relative(r, abs);
    if (rel.startsWith("..") || path.isAbsolute(rel)) continue;
    if (!best || rel.length < best.length) best = rel;
  }
  const rel = best ?? path.basename(abs);
  const parts = rel.replace(/\.py$/, "").split(path.sep);
  if (parts[parts.length - 1] === "__init__") parts.pop();
  return parts.join(".");
}

export function toPosix(p: string): string {
  return p.split(path.sep).join("/");
}
