// Modules → environments: the project model (entry points, roots), which modules are settings, their kinds, the Django version.
import * as path from "path";
import type { Parser } from "web-tree-sitter";
import type { ModuleModel, Stmt } from "../parse/model";
import type { EntryRef, ScanCache } from "../project/entryPoints";
import { decideKind, type KindEvidence } from "../project/kinds";
import { buildProjectModel, dottedUnder, resolveDotted, type ProjectModel } from "../project/model";
import { isInside } from "../project/roots";
import { isTestModule, mayHoldSettings, settingsChain, type SettingsChain, type StarEdgeList, type StarEdges } from "../project/settingsChain";
import { walkProject, type Walk, type WalkLimits } from "../project/walk";
import { placeKind, type EnvKind, type PlaceKind } from "./classify";
import { configurationEnvironments, configurationSelections } from "./configurations";
import { inSettingsDir } from "./discover";
import { detectDjangoVersion, parseVersion, type DetectedVersion, type DjangoVersion } from "./djangoVersion";
import { Environment } from "./environment";
import { Interpreter, type ModuleResult } from "./interpreter";
import { ModuleLoader, type LoadResult, type TextOverlay } from "./moduleLoader";
import { FILE_START, type Note } from "./namespace";
import { pyRepr } from "./values";

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
  /** Bounds of the walk of the tree (tests use small ones); DEFAULT_WALK_LIMITS otherwise. */
  walkLimits?: WalkLimits;
}

/**
 * What stays valid while no file is created, deleted or renamed: the directory walk. The owner drops `discovery` when
 * files come or go, and `django` and `hints` (the project model: entry points, roots, named modules) when any file
 * outside the settings modules may have changed (the language server: on open, save and file events; a keystroke in a
 * settings module cannot). `entryDefaults` keeps each entry point's scan by size and mtime, so that re-building the
 * model re-reads only the files that changed.
 */
export interface ProjectCache {
  discovery?: Walk;
  entryDefaults: ScanCache;
  django?: DetectedVersion;
  hints?: ProjectModel;
  /**
   * Each settings module's last run and what it loaded: a run whose files all load to the same parse (a keystroke in
   * production.py leaves base.py's environment alone) is reused instead of re-run. Dropped with `discovery`, since a
   * file that appears can change which import succeeds.
   */
  runs?: Map<string, { result: ModuleResult; loads: Map<string, LoadResult> }>;
  /** Each module's dotted name, path relative to the root, stem and kind by place, which hang on the walk only: dropped with `discovery`. */
  names?: Map<string, ModuleNames>;
  /** The environment made of each reused run, so that what is remembered per environment (the secrets scan) is reused too. */
  environments?: WeakMap<ModuleResult, Environment>;
  /**
   * Each module's resolved star-import targets with the parse they came from, kept as `runs` are (dropped with
   * `discovery`, under the same import roots): a keystroke among 1,000 modules re-resolved every star-import of the
   * project to find the settings chains again.
   */
  starEdges?: { importRoots: string; byFile: Map<string, { model: ModuleModel; edges: StarEdgeList }> };
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
  /** False when nothing says the project is Django's: then there are no environments, and a note says why. */
  isDjango: boolean;
  /** The entry points found (every place that names a settings module), for reports. */
  entryPoints: EntryRef[];
}

/** Top-level names that, several together, make a module look like a project's Django settings. */
const KEY_SETTINGS = ["INSTALLED_APPS", "MIDDLEWARE", "MIDDLEWARE_CLASSES", "DATABASES", "ROOT_URLCONF", "SECRET_KEY", "TEMPLATES"];
/** Settings no other framework reads: one of them in a settings module says the project is Django's. */
const DJANGO_ONLY = ["INSTALLED_APPS", "MIDDLEWARE", "MIDDLEWARE_CLASSES", "ROOT_URLCONF", "WSGI_APPLICATION", "ASGI_APPLICATION", "AUTH_PASSWORD_VALIDATORS", "DEFAULT_AUTO_FIELD", "ALLOWED_HOSTS", "AUTH_USER_MODEL"];

const DJANGO_BACKEND = /['"]django\.(db|core\.cache)\.backends\./;

export function analyzeProject(parser: Parser, root: string, options: AnalyzeOptions = {}): Project {
  const absRoot = path.resolve(root);
  const cache = options.cache;
  // A new walk (files came or went) re-reads what hangs on the tree: lock files, entry points.
  const walked = !cache?.discovery;
  const walk = cache?.discovery ?? walkProject(absRoot, options.walkLimits);
  if (cache) cache.discovery = walk;
  const model = (walked ? undefined : cache?.hints) ?? buildProjectModel(parser, absRoot, cache?.entryDefaults ?? new Map(), undefined, walk);
  if (cache) cache.hints = model;
  const notes: Note[] = [...model.notes];

  const override = options.djangoVersion && parseVersion(options.djangoVersion);
  if (options.djangoVersion && !override) throw new Error(`--django-version must look like 4.2, not "${options.djangoVersion}"`);
  const detected = (walked ? undefined : cache?.django) ?? detectDjangoVersion(absRoot, [...walk.manageDirs, ...model.nameRoots.filter((r) => isInside(r, absRoot))]);
  if (cache) cache.django = detected;
  const django: DetectedVersion = override ? { version: override, source: "override" } : detected;

  const loader = options.loader ?? new ModuleLoader(parser, absRoot, options.overlay, false);
  loader.setImportRoots(model.importRoots);
  loader.beginRun({ keepDiskReads: options.keepDiskReads });

  const names = (walked ? undefined : cache?.names) ?? new Map<string, ModuleNames>();
  if (cache) cache.names = names;
  const named = (file: string): ModuleNames => {
    let n = names.get(file);
    if (!n) names.set(file, (n = moduleNames(file, absRoot, model)));
    return n;
  };

  // What to look at: the named modules, what the configuration names, and the candidates of the model.
  const kinds = options.environmentKinds ?? {};
  const configuredFiles = configuredModules(kinds, absRoot, model, notes);
  const forced = new Set<string>([...model.named.keys(), ...configuredFiles, ...(options.extraSettingsFiles ?? []).map((f) => path.resolve(f))]);
  const toRun: string[] = [...forced];
  for (const f of model.candidates) {
    if (forced.has(f)) continue;
    const loaded = loader.load(f);
    // Binary, oversized or unreadable in a settings-like place: said, since it may be a settings module no one can read.
    if (!loaded.ok) notes.push({ file: f, range: FILE_START, severity: "warning", message: `${path.basename(f)} is not analysed: ${loaded.reason}` });
    else if (mayHoldSettings(loaded.model) && !isTestModule(loaded.model)) toRun.push(f);
  }

  const interp = new Interpreter(loader);
  const previous = walked ? undefined : cache?.runs;
  const runs = new Map<string, { result: ModuleResult; loads: Map<string, LoadResult> }>();
  const results = new Map<string, ModuleResult>();
  // A candidate that a named or environment-named module already ran (its base, a component) is a part of that module,
  // not an environment, so it is not run again on its own; unless its own name makes it one (a development.py that
  // development_quiet.py imports) or an entry point's computed name selects it. In a dense import graph (200 modules
  // star-importing each other) this is nearly all of the work.
  const envNamed = (f: string) => (named(f).place?.kind ?? "base") !== "base";
  const leads = (f: string) => forced.has(f) || envNamed(f);
  const order = [...toRun.filter(leads), ...toRun.filter((f) => !leads(f))];
  const ranByLead = new Set<string>();
  for (const f of order) {
    if (!leads(f) && ranByLead.has(f) && !model.patterned.has(f)) continue;
    const prev = previous?.get(f);
    const reused = prev && sameLoads(prev.loads, loader) ? prev : undefined;
    const run = reused ?? { result: interp.run(f), loads: new Map<string, LoadResult>() };
    if (!reused) for (const file of run.result.files) run.loads.set(file, loader.load(file));
    runs.set(f, run);
    results.set(f, run.result);
    if (leads(f)) for (const file of run.result.files) if (file !== f) ranByLead.add(file);
  }
  // Back in the order of toRun: environments are listed in it.
  const ran = new Map(results);
  results.clear();
  for (const f of toRun) {
    const r = ran.get(f);
    if (r) results.set(f, r);
  }
  if (cache) cache.runs = runs;

  // Which of them are settings: the forced ones, and candidates that look like settings; a settings module that another
  // one star-imports or includes is a part of it, unless something names it.
  const fragments = new Set([...results.values()].flatMap((r) => r.fragments));
  const chains = new Map<string, SettingsChain>();
  const starEdges: StarEdges = new Map();
  const rootsKey = model.importRoots.join("\u0000");
  const keptEdges = !walked && cache?.starEdges?.importRoots === rootsKey ? cache.starEdges.byFile : undefined;
  if (keptEdges) {
    for (const [file, kept] of keptEdges) {
      const loaded = loader.load(file);
      if (loaded.ok && loaded.model === kept.model) starEdges.set(file, kept.edges);
    }
  }
  const chainOf = (file: string): SettingsChain => {
    let c = chains.get(file);
    if (!c) {
      const r = results.get(file);
      chains.set(file, (c = settingsChain(file, loader, new Set(r ? r.files.filter((f) => fragments.has(f)) : []), starEdges)));
    }
    return c;
  };
  const looksLikeSettings = (file: string, result: ModuleResult): boolean => {
    // (Candidates reach this far only when they assign a setting, star-import or include: see mayHoldSettings.)
    if (KEY_SETTINGS.filter((k) => result.namespace.has(k)).length >= 2) return true;
    if (result.configurations?.some((c) => KEY_SETTINGS.filter((k) => c.namespace.has(k)).length >= 2)) return true;
    // A project's lone settings.py (not an app's, which sits beside its models.py, nor a template-tag library).
    if (path.basename(file) === "settings.py" && !isAppModule(file, model)) return true;
    // An environment-named module in a settings package (settings/staging.py, settings/development/ddt.py).
    const place = named(file).place;
    return place !== undefined && place.kind !== "base" && (inSettingsDir(file, absRoot) || model.packageMembers.has(file));
  };
  const passing: string[] = [];
  for (const [file, result] of results) {
    const loaded = loader.load(file);
    if (!loaded.ok) {
      // Binary, oversized or unreadable: not a settings module, whatever its name says.
      if (forced.has(file)) notes.push({ file, range: FILE_START, severity: "warning", message: `${path.basename(file)} is not analysed: ${loaded.reason}` });
      continue;
    }
    if (loaded.model.statements.length === 0 && loaded.model.syntaxErrors.length === 0) continue;
    if (forced.has(file) || looksLikeSettings(file, result)) passing.push(file);
  }
  // A module an entry point's computed name can select (`"app.settings." + environment`) runs on its own in some
  // deployment even when another environment star-imports it (LibrePhotos' development.py imports production.py).
  // A patterned module not named for a base: never made a split-settings fragment (below).
  const patternedNotBase = (f: string) => model.patterned.has(f) && named(f).place?.kind !== "base";
  // Only a module named for an environment: `*` also matches the components production.py star-imports.
  const selected = (f: string) => patternedNotBase(f) && named(f).place !== undefined;
  const parts = new Set<string>();
  // In an import cycle neither module is a part of the other: one is only when something above it (a module it does not
  // reach back to) takes it in.
  for (const file of passing) for (const f of chainOf(file).parts) if (!parts.has(f) && !(results.has(f) && chainOf(f).all.includes(file))) parts.add(f);
  // django-split-settings: the modules below a package that include()s are its components and environment files, even
  // those an include() the analysis cannot read names (`"environments/{}.py".format(ENV)`).
  for (const file of passing) {
    const loaded = loader.load(file);
    if (!loaded.ok || !includes(loaded.model)) continue;
    const dir = path.dirname(file);
    // Not a module an entry point's computed name selects: awx's production.py sits beside an including development.py.
    for (const f of passing) if (f !== file && isInside(f, dir) && !model.named.has(f) && !patternedNotBase(f)) fragments.add(f);
  }
  const isNamed = (f: string) => model.named.has(f) || selected(f) || configuredFiles.has(f) || (options.extraSettingsFiles ?? []).some((x) => path.resolve(x) === f);

  const deployedElsewhere = [...model.named.values()].some((n) => n.refs.some((r) => r.implies === "production" || r.implies === "staging"));
  // A module a deployment names outright (not a setdefault fallback): "Procfile:1", for kindSource.
  const explicit = [...model.named.entries()].flatMap(([file, n]) => n.refs.filter((r) => (r.implies === "production" || r.implies === "staging") && r.how !== "default").map((r) => ({ file, r })));
  const relPaths = new Map<string, string>();
  const rel = (f: string) => {
    let r = relPaths.get(f);
    if (r === undefined) relPaths.set(f, (r = toPosix(path.relative(absRoot, f))));
    return r;
  };
  const environments: Environment[] = [];
  const modules: string[] = [];
  const envFiles: string[] = [];
  for (const file of passing) {
    const n = named(file);
    const configured = kinds[n.name] ?? kinds[n.rel] ?? kinds[n.stem];
    if (!configured && !isNamed(file) && (parts.has(file) || fragments.has(file))) {
      modules.push(file);
      continue;
    }
    envFiles.push(file);
  }
  // Sets beside the arrays: 250 projects' parts against 750 environment modules made these lookups quadratic.
  const envFileSet = new Set(envFiles);
  const moduleSet = new Set(modules);
  for (const f of parts) {
    if (envFileSet.has(f) || moduleSet.has(f)) continue;
    modules.push(f);
    moduleSet.add(f);
  }
  // Each environment module's siblings, in envFiles order, so that finding a deployed sibling is not a scan of every module.
  const envFilesByDir = new Map<string, string[]>();
  for (const f of envFiles) {
    const dir = path.dirname(f);
    const list = envFilesByDir.get(dir);
    if (list) list.push(f);
    else envFilesByDir.set(dir, [f]);
  }

  const isDjango = djangoEvidence(django, model, envFiles, results, loader, chainOf);
  if (!isDjango.found) {
    // What the walk left out on purpose still explains an empty result: a cookiecutter template's project directory.
    const kept = notes.filter((n) => n.message.includes("project template director"));
    notes.length = 0;
    notes.push(...kept);
    notes.push({ file: absRoot, severity: "information", message: `not a Django project as far as the files say (${isDjango.why}): nothing is reported` });
    environments.length = 0;
    return { root: absRoot, django, environments, modules: [], notes, loader, isDjango: false, entryPoints: model.refs };
  }

  // Notes about modules that are not settings (read only for a name the settings import) stay out of sight: one quiet
  // note says how many there were.
  const settingsFiles = new Set<string>();
  for (const f of envFiles) for (const x of chainOf(f).all) settingsFiles.add(x);
  const hidden = new Map<string, number>();
  let selections: ReturnType<typeof configurationSelections> | undefined;
  for (const file of envFiles) {
    const result = results.get(file)!;
    const n = named(file);
    if (result.configurations?.length) {
      // django-configurations: one environment per configuration class, named <module>.<Class> (resolve/configurations.ts),
      // its kind from the DJANGO_CONFIGURATION the Python entry points select.
      selections ??= configurationSelections(parser, pythonEntryFiles(model));
      environments.push(...configurationEnvironments(result, n.name, file, django.version, selections));
      continue;
    }
    const ownNotes = result.notes.filter((note) => settingsFiles.has(note.file) || (note.file === file));
    for (const note of result.notes) if (!ownNotes.includes(note)) hidden.set(note.file, (hidden.get(note.file) ?? 0) + 1);
    // A production module beside it that it does not load itself (an `if` in __init__.py picking production.py makes
    // __init__.py the deployed module, not a development default beside it).
    const deployedSibling = (envFilesByDir.get(path.dirname(file)) ?? []).find(
      (f) => f !== file && !chainOf(file).all.includes(f) && (named(f).place?.kind === "production" || named(f).place?.kind === "staging"),
    );
    const other = explicit.find((x) => x.file !== file);
    const deployedExplicitly = other && `${rel(other.file)} (${rel(other.r.file)}:${other.r.line})`;
    for (const spec of environmentsOf(file, n, model, kinds, { deployedElsewhere, deployedSibling: deployedSibling && rel(deployedSibling), deployedExplicitly, rel })) {
      const known = cache?.environments?.get(result);
      const same =
        known && known.name === spec.name && known.kind === spec.kind && known.kindSource === spec.kindSource && known.kindGuessed === spec.kindGuessed && sameVersion(known.djangoVersion, django.version) && sameNotes(known.notes, ownNotes);
      const env = same ? known : new Environment(spec.name, spec.kind, file, result, django.version, spec.kindSource, spec.kindGuessed, ownNotes);
      if (cache && !same) (cache.environments ??= new WeakMap()).set(result, env);
      environments.push(env);
    }
  }
  if (hidden.size) {
    const count = [...hidden.values()].reduce((a, b) => a + b, 0);
    const some = [...hidden.keys()].sort().slice(0, 3).map(rel);
    notes.push({
      file: absRoot,
      severity: "information",
      message: `${count} note${count === 1 ? "" : "s"} about ${hidden.size} module${hidden.size === 1 ? "" : "s"} the settings import names from (${some.join(", ")}${hidden.size > 3 ? ", …" : ""}) are not shown: they are not settings modules`,
    });
  }
  if (model.unresolved.length && environments.length === 0) {
    const r = model.unresolved[0];
    notes.push({ file: r.file, severity: "information", message: `${rel(r.file)}:${r.line} names the settings module ${r.module}, which is not in the project` });
  } else {
    // taiga's Dockerfile deploys settings.config, which `RUN cp docker/config.py settings/config.py` creates at build
    // time: that deployment's settings go unjudged, which is worth saying once per module.
    const said = new Set<string>();
    for (const r of model.unresolved) {
      if ((r.implies !== "production" && r.implies !== "staging") || r.pattern || said.has(r.module)) continue;
      said.add(r.module);
      notes.push({
        file: r.file,
        severity: "information",
        message: `${rel(r.file)}:${r.line} deploys the settings module ${r.module}, which is not in the project (made at build or deploy time?): its settings are not judged`,
      });
    }
  }
  environments.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  if (cache) {
    const byFile = new Map<string, { model: ModuleModel; edges: StarEdgeList }>();
    for (const [file, edges] of starEdges) {
      const loaded = loader.load(file);
      if (loaded.ok) byFile.set(file, { model: loaded.model, edges });
    }
    cache.starEdges = { importRoots: rootsKey, byFile };
  }
  return { root: absRoot, django, environments, modules, notes, loader, isDjango: true, entryPoints: model.refs };
}

/** The Python files among the entry points (manage.py, wsgi/asgi modules, gunicorn configs…), each once. */
function pythonEntryFiles(model: ProjectModel): string[] {
  return [...new Set(model.refs.filter((r) => r.file.endsWith(".py")).map((r) => r.file))];
}

/** One environment a settings module yields. A module yields one today; django-configurations classes will yield several. */
interface EnvironmentSpec {
  name: string;
  kind: EnvKind;
  kindSource: string;
  kindGuessed: boolean;
}

function environmentsOf(
  file: string,
  n: ModuleNames,
  model: ProjectModel,
  kinds: Record<string, EnvKind>,
  context: Pick<KindEvidence, "deployedElsewhere" | "deployedSibling" | "deployedExplicitly" | "rel">,
): EnvironmentSpec[] {
  const configured = kinds[n.name] ?? kinds[n.rel] ?? kinds[n.stem];
  const decision = decideKind({ configured, refs: model.named.get(file)?.refs ?? [], place: n.place, docsNamed: /(^|[._])(sphinx|docs?)([._]|$)/i.test(n.name) || /(^|\/)(docs?|documentation)\//i.test(n.rel), ...context });
  return [{ name: n.name, kind: decision.kind, kindSource: decision.source, kindGuessed: decision.guessed }];
}

/** What a module is called, worked out once per walk: a keystroke among a thousand modules asked again for each. */
interface ModuleNames {
  name: string;
  rel: string;
  stem: string;
  place: PlaceKind | undefined;
}

function moduleNames(file: string, root: string, model: ProjectModel): ModuleNames {
  const name = model.named.get(file)?.dotted ?? dottedName(file, [model.nameRoots, model.importRoots]);
  const parts = name.split(".");
  const isInit = path.basename(file) === "__init__.py";
  const packages = isInit ? parts : parts.slice(0, -1);
  return { name, rel: toPosix(path.relative(root, file)), stem: path.basename(file, ".py"), place: placeKind(file, packages) };
}

/** Files the `environments` mapping names by dotted name or path (stems match whatever is found). */
function configuredModules(kinds: Record<string, EnvKind>, root: string, model: ProjectModel, notes: Note[]): Set<string> {
  const out = new Set<string>();
  const index = new Map<string, string[]>();
  for (const f of model.walk.python) {
    const k = path.basename(f);
    index.set(k, [...(index.get(k) ?? []), f]);
    index.set("*file:" + f, []);
  }
  for (const key of Object.keys(kinds)) {
    const asPath = path.resolve(root, key);
    if (key.endsWith(".py") || key.includes("/")) {
      if (index.has("*file:" + asPath)) out.add(asPath);
      else notes.push({ file: root, severity: "information", message: `environments: ${key} is not a Python file of the project` });
      continue;
    }
    if (!key.includes(".")) continue; // a stem
    const hit = resolveDotted(key, path.join(root, "pyproject.toml"), model.importRoots, index);
    if (hit) out.add(hit.file);
    else notes.push({ file: root, severity: "information", message: `environments: no module ${key} in the project` });
  }
  return out;
}

/** Whether the project is Django's: a requirement, a manage.py importing Django, an entry point naming a module, the settings. */
function djangoEvidence(
  django: DetectedVersion,
  model: ProjectModel,
  envFiles: string[],
  results: ReadonlyMap<string, ModuleResult>,
  loader: ModuleLoader,
  chainOf: (f: string) => SettingsChain,
): { found: boolean; why: string } {
  // A Django version given by the user (--django-version, django-version in pyproject.toml) says so too.
  if (django.requiredIn || django.source !== "default") return { found: true, why: "" };
  if (model.djangoEntry || model.named.size) return { found: true, why: "" };
  for (const file of envFiles) {
    const r = results.get(file)!;
    if (DJANGO_ONLY.some((k) => r.namespace.has(k) || !!r.configurations?.some((c) => c.namespace.has(k)))) return { found: true, why: "" };
    // A database or cache backend of Django's own (`"ENGINE": "django.db.backends.postgresql"`).
    if (["DATABASES", "CACHES"].some((k) => { const b = r.namespace.get(k); return !!b && DJANGO_BACKEND.test(pyRepr(b.value)); })) return { found: true, why: "" };
    for (const f of chainOf(file).all) {
      const loaded = loader.load(f);
      if (loaded.ok && loaded.model.importedModules.some((m) => m === "django" || m.startsWith("django."))) return { found: true, why: "" };
    }
  }
  return { found: false, why: envFiles.length ? "no Django requirement, manage.py or DJANGO_SETTINGS_MODULE, and the settings-like modules neither import Django nor set Django's own settings" : "no Django requirement, manage.py, DJANGO_SETTINGS_MODULE or settings module" };
}

/** True when the module calls django-split-settings' include() at its top level (or in a branch of it). */
function includes(model: ModuleModel): boolean {
  const visit = (stmts: Stmt[]): boolean =>
    stmts.some((s) =>
      s.kind === "call"
        ? (s.call.fn.t === "name" && s.call.fn.id === "include") || (s.call.fn.t === "attr" && s.call.fn.attr === "include")
        : s.kind === "if"
          ? s.branches.some((b) => visit(b.body))
          : s.kind === "try" && (visit(s.body) || s.handlers.some((h) => visit(h.body))),
    );
  return visit(model.statements);
}

/** Files beside which a settings.py is an app's own options, not a project's settings. */
const APP_FILES = ["models.py", "apps.py", "admin.py", "views.py"];

function isAppModule(file: string, model: ProjectModel): boolean {
  const dir = path.dirname(file);
  if (/^(templatetags|management|commands|tests?|migrations)$/.test(path.basename(dir))) return true;
  return APP_FILES.some((f) => model.walk.python.includes(path.join(dir, f)));
}

/** True when every file a run loaded loads to the same result now. */
function sameLoads(loads: ReadonlyMap<string, LoadResult>, loader: ModuleLoader): boolean {
  for (const [file, loaded] of loads) if (loader.load(file) !== loaded) return false;
  return true;
}

function sameNotes(a: readonly Note[], b: readonly Note[]): boolean {
  return a.length === b.length && a.every((n, i) => n === b[i]);
}

function sameVersion(a: DjangoVersion, b: DjangoVersion): boolean {
  return a.major === b.major && a.minor === b.minor;
}

/**
 * "mysite.settings.production" for <project dir>/mysite/settings/production.py. Roots come in tiers (the roots at which
 * entry points' names resolve, then the other import roots): the first tier holding the file decides, and within it
 * the nearest root.
 */
export function dottedName(file: string, tiers: string[][]): string {
  const abs = path.resolve(file);
  for (const roots of tiers) {
    let best: string | undefined;
    for (const r of roots) {
      const d = dottedUnder(abs, r);
      if (d && (!best || d.length < best.length)) best = d;
    }
    if (best) return best;
  }
  return path.basename(abs, ".py");
}

export function toPosix(p: string): string {
  return p.split(path.sep).join("/");
}
