// The inventory: per environment, every variable its settings read (required or defaulted, default, cast, rules its default trips), where it is documented, and what is documented but unread.
import type { Audit } from "../rules/audit";
import type { Environment } from "../resolve/environment";
import { isSettingName } from "../resolve/namespace";
import { envReadsOf, pyRepr, type EnvRead, type Loc, type Value } from "../resolve/values";
import type { TextOverlay } from "../resolve/moduleLoader";
import { displayValue } from "../secrets/display";
import type { Finding } from "../rules/types";
import { localEnvFiles, type LocalEnvFile } from "./localEnv";
import { pythonMentions } from "./mentions";
import { fileReader, scanDocumentation, walkTree, type DocEntry, type DocumentationScan } from "./sources/index";

/** Rule ids of the project-level checks; their findings never count as "the default trips a rule". */
export const INVENTORY_RULE_IDS = ["env-undocumented", "env-unused"] as const;

/** Environments that get deployed: where a missing required variable stops the site. */
export const DEPLOYED_KINDS = new Set(["production", "staging"]);

export interface ReadSite {
  read: EnvRead;
  /** Settings (uppercase names) whose value depends on this read, including ones later overridden. */
  settings: string[];
  /** Other module-level names that hold it (`db_url = env("DATABASE_URL")`). */
  names: string[];
  /** Top-level calls of the environment's own module that receive it (`sentry_sdk.init(dsn=…)`). */
  calls: string[];
}

export interface VariableInventory {
  variable: string;
  /** Some read has no default: the settings fail to load while it is unset. */
  required: boolean;
  reads: ReadSite[];
  settings: string[];
  /** The default the environment ends up with (the last defaulted read its current values depend on), masked when secret-looking. */
  defaultDisplay?: string;
  defaultMasked: boolean;
  /**
   * Reads whose default is non-empty and masked when shown (a secret-looking name, a URL with a password): a secret
   * committed as a fallback. Judging it is left to the secrets rules; `trips` cross-references what they found.
   */
  secretDefaults: ReadSite[];
  cast?: string;
  /** Rule findings of this environment that hold only because this variable is unset and its default applies. */
  trips: Finding[];
  documented: DocEntry[];
  /** Keys of local .env files the settings load. */
  providedLocally: Array<{ file: string; loc: Loc }>;
}

export interface EnvironmentInventory {
  env: Environment;
  variables: VariableInventory[];
  localEnvFiles: LocalEnvFile[];
}

export interface Inventory {
  root: string;
  environments: EnvironmentInventory[];
  docs: DocumentationScan;
  /** Entries for Django that no settings module reads and nothing else in the project consumes. */
  unused: DocEntry[];
  /** django-environ prefixes in effect (`env.prefix = "DJANGO_"`). */
  prefixes: string[];
}

export interface InventoryOptions {
  /** Open editors' text, which wins over the disk (the language server's documents). */
  overlay?: TextOverlay;
}

/**
 * Variables the platform, the interpreter or Django itself read: documenting them is right even though no settings
 * module does.
 */
const CONSUMED_ELSEWHERE = new Set([
  "DJANGO_SETTINGS_MODULE",
  "DJANGO_CONFIGURATION",
  "DJANGO_ALLOW_ASYNC_UNSAFE",
  "DJANGO_COLORS",
  "DJANGO_SUPERUSER_USERNAME",
  "DJANGO_SUPERUSER_EMAIL",
  "DJANGO_SUPERUSER_PASSWORD",
  "PORT",
  "HOST",
  "WEB_CONCURRENCY",
  "TZ",
  "LANG",
  "LC_ALL",
  "PATH",
  "HOME",
  "DEBIAN_FRONTEND",
]);
const CONSUMED_PREFIX = /^(PYTHON|PIP_|POETRY_|UV_|GUNICORN_|UWSGI_|UVICORN_|NEW_RELIC_|DD_|OTEL_)/;

const memo = new WeakMap<Audit, Inventory>();

export function buildInventory(audit: Audit, options: InventoryOptions = {}): Inventory {
  if (!options.overlay) {
    const hit = memo.get(audit);
    if (hit) return hit;
  }
  const inv = compute(audit, options);
  if (!options.overlay) memo.set(audit, inv);
  return inv;
}

function compute(audit: Audit, options: InventoryOptions): Inventory {
  const project = audit.project;
  const read = fileReader(options.overlay);
  const tree = walkTree(project.root);
  const perEnv = project.environments.map((env) => ({ env, sites: readSites(env), local: localEnvFiles(project, env, read) }));
  const readVariables = new Set(perEnv.flatMap((e) => e.sites.map((s) => s.read.variable)));
  const docs = scanDocumentation(project.root, tree, readVariables, read);
  const byVariable = new Map<string, DocEntry[]>();
  for (const d of docs.entries) byVariable.set(d.variable, [...(byVariable.get(d.variable) ?? []), d]);

  // Grouped once: each environment scanning every finding was quadratic (1,000 environments × 2,500 findings).
  const findingsByEnv = new Map<string, Finding[]>();
  for (const f of audit.findings) {
    const list = findingsByEnv.get(f.environment);
    if (list) list.push(f);
    else findingsByEnv.set(f.environment, [f]);
  }
  const environments: EnvironmentInventory[] = perEnv.map(({ env, sites, local }) => {
    const trips = tripsOf(findingsByEnv.get(env.name) ?? [], env);
    // Reads the current values depend on: production's `env.bool("X", default=True)` decides, not base's overridden one.
    const effective = new Set([...env.result.namespace.values()].flatMap((b) => envReadsOf(b.value)));
    const groups = new Map<string, ReadSite[]>();
    for (const s of sites) groups.set(s.read.variable, [...(groups.get(s.read.variable) ?? []), s]);
    const variables = [...groups.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([variable, reads]): VariableInventory => {
        const settings = unique(reads.flatMap((r) => r.settings));
        const defaults = reads.filter((r) => r.read.hasDefault);
        const defaulted = defaults.filter((r) => effective.has(r.read)).pop() ?? defaults[defaults.length - 1];
        const shown = defaulted?.read.default ? showDefault(variable, settings, defaulted.read.default) : undefined;
        return {
          variable,
          required: reads.some((r) => !r.read.hasDefault),
          reads,
          settings,
          defaultDisplay: shown?.text,
          defaultMasked: shown?.masked ?? false,
          secretDefaults: reads.filter((r) => hasSecretDefault(variable, r)),
          cast: reads.find((r) => r.read.cast)?.read.cast,
          trips: unique(reads.flatMap((r) => trips.get(r.read) ?? [])),
          documented: byVariable.get(variable) ?? [],
          providedLocally: uniqueBy(
            local.flatMap((f) => f.keys.filter((k) => k.variable === variable).map((k) => ({ file: f.file, loc: k.loc }))),
            (p) => `${p.file}|${p.loc.range.startOffset}`,
          ),
        };
      });
    return { env, variables, localEnvFiles: local };
  });

  const prefixes = unique(project.environments.flatMap((e) => [...e.result.namespace.values()].flatMap((b) => (b.value.k === "envobj" && b.value.prefix ? [b.value.prefix] : []))));
  const candidates = docs.entries.filter((d) => d.forDjango && !readVariables.has(d.variable) && !CONSUMED_ELSEWHERE.has(d.variable) && !CONSUMED_PREFIX.test(d.variable));
  const consumed = new Set(docs.consumed.map((c) => c.variable));
  const wanted = new Set<string>();
  for (const c of candidates) {
    wanted.add(c.variable);
    // With env.prefix = "DJANGO_", code that mentions "SECRET_KEY" reads DJANGO_SECRET_KEY.
    for (const p of prefixes) if (c.variable.startsWith(p)) wanted.add(c.variable.slice(p.length));
  }
  const mentions = pythonMentions(tree.python, wanted, read);
  const mentioned = (v: string) => mentions.has(v) || prefixes.some((p) => v.startsWith(p) && mentions.has(v.slice(p.length)));
  const unused = candidates
    .filter((c) => !consumed.has(c.variable) && !mentioned(c.variable))
    .sort((a, b) => (a.loc.file < b.loc.file ? -1 : a.loc.file > b.loc.file ? 1 : a.loc.range.startOffset - b.loc.range.startOffset));
  return { root: project.root, environments, docs, unused, prefixes };
}

function unique<T>(xs: T[]): T[] {
  return [...new Set(xs)];
}

function uniqueBy<T>(xs: T[], key: (x: T) => string): T[] {
  const seen = new Set<string>();
  return xs.filter((x) => (seen.has(key(x)) ? false : (seen.add(key(x)), true)));
}

/** Every read an environment makes, in the order its modules run, with the names and calls that depend on each. */
export function readSites(env: Environment): ReadSite[] {
  const sites = new Map<string, ReadSite>();
  const byRead = new Map<EnvRead, ReadSite>();
  const site = (r: EnvRead): ReadSite => {
    const known = byRead.get(r);
    if (known) return known;
    // The same read evaluated twice (a target path re-read) is one place in the source.
    const key = `${r.variable}|${r.loc.file}|${r.loc.range.startOffset}`;
    let s = sites.get(key);
    if (!s) {
      s = { read: r, settings: [], names: [], calls: [] };
      sites.set(key, s);
    } else if (!r.hasDefault && s.read.hasDefault) {
      // `if not SECRET_KEY: raise ...` made a defaulted read required (resolve/interpreter.ts, raisesWhenUnset).
      s.read = r;
    }
    byRead.set(r, s);
    return s;
  };
  for (const r of env.result.envReads) site(r);
  for (const [name, binding] of env.result.namespace) {
    const seen = new Set<unknown>();
    // An overridden value was still computed at import: a required read in it fails the load all the same.
    for (let b: typeof binding | undefined = binding; b && !seen.has(b); b = b.overrides) {
      seen.add(b);
      for (const r of envReadsOf(b.value)) {
        const s = site(r);
        const list = isSettingName(name) ? s.settings : s.names;
        if (!list.includes(name)) list.push(name);
      }
    }
  }
  for (const c of env.calls) {
    for (const v of [...c.args, ...Object.values(c.kwargs)]) {
      for (const r of envReadsOf(v)) {
        const s = site(r);
        const label = `${c.callee}()`;
        if (!s.calls.includes(label)) s.calls.push(label);
      }
    }
  }
  // Names in a configuration module or file the deployment supplies are not environment variables.
  return [...sites.values()].filter((s) => !s.read.configuration);
}

function overlaps(a: Loc, b: Loc): boolean {
  return a.file === b.file && a.range.startOffset < b.range.endOffset && b.range.startOffset < a.range.endOffset;
}

/**
 * The part of a value written exactly at `loc` (one dict entry, one list item, an alternative), with the reads that
 * decide it: its own, deeply, and those attached to each enclosing value on the way (an `if` test decided by a default
 * tags the whole setting, not its parts).
 */
/** Where each part of a value sits, for the reads at a finding's location; the first part in walk order wins. */
interface LocIndex {
  at: Map<string, { v: Value; enclosing: EnvRead[] }>;
  all: EnvRead[];
}

const locKey = (l: Loc) => `${l.file}\u0000${l.range.startOffset}\u0000${l.range.endOffset}`;

/**
 * Built once per setting, not walked once per finding: a DATABASES with 16,000 entries has as many findings, and a walk
 * per finding over the whole value was quadratic (minutes).
 */
function locIndex(value: Value): LocIndex {
  const at = new Map<string, { v: Value; enclosing: EnvRead[] }>();
  const visit = (v: Value, enclosing: EnvRead[], depth: number): void => {
    if (depth > 50) return;
    if (v.loc && !at.has(locKey(v.loc))) at.set(locKey(v.loc), { v, enclosing });
    const here = v.env?.length ? [...enclosing, ...v.env] : enclosing;
    const children = v.k === "list" || v.k === "tuple" || v.k === "set" ? v.items : v.k === "dict" ? v.entries.map(([, x]) => x) : v.k === "unknown" ? (v.alternatives ?? []) : [];
    for (const c of children) visit(c, here, depth + 1);
  };
  visit(value, [], 0);
  return { at, all: envReadsOf(value) };
}

function readsAt(index: LocIndex, loc: Loc): EnvRead[] | undefined {
  const hit = index.at.get(locKey(loc));
  if (!hit) return undefined;
  // A value with reads of its own rests on them: DATABASES' PASSWORD from DB_PASSWORD's default, not on DB_NAME and
  // DB_HOST, whose reads the dict around it also carries (DefectDojo, Kiwi). An enclosing read counts when the place
  // is inside its default; the others only when nothing narrower is known.
  const own = envReadsOf(hit.v);
  if (own.length) return [...hit.enclosing.filter((r) => r.defaultLoc && overlaps(r.defaultLoc, loc)), ...own];
  return hit.enclosing;
}

/**
 * A finding's reads when no part of the value sits at its place: the read whose default it points at (django-environ's
 * scheme, `environ.Env(DB_PASSWORD=(str, "..."))`), else the reads it overlaps, else all of them.
 */
function readsAround(all: EnvRead[], loc: Loc): EnvRead[] {
  const byDefault = all.filter((r) => (r.defaultLoc && overlaps(r.defaultLoc, loc)) || (r.default?.loc && overlaps(r.default.loc, loc)));
  if (byDefault.length) return byDefault;
  const overlapping = all.filter((r) => overlaps(r.loc, loc));
  return overlapping.length ? overlapping : all;
}

/**
 * Which defaulted reads each of the environment's findings rests on. Every variable is unset in the analysis, so a finding
 * holds because of the defaults its value was computed from. When the finding points at part of the value (one
 * DATABASES entry) only that part's reads count; when it points at a read (or its default), that read; when it points
 * elsewhere (the setting's name for a long value), every defaulted read of the setting.
 */
function tripsOf(findings: readonly Finding[], env: Environment): Map<EnvRead, Finding[]> {
  const out = new Map<EnvRead, Finding[]>();
  const indexes = new Map<string, LocIndex>();
  for (const f of findings) {
    if (!f.setting || (INVENTORY_RULE_IDS as readonly string[]).includes(f.rule)) continue;
    let index = indexes.get(f.setting);
    if (!index) indexes.set(f.setting, (index = locIndex(env.get(f.setting).value)));
    const all = index.all;
    const reads = readsAt(index, f.location) ?? readsAround(all, f.location);
    for (const r of unique(reads)) {
      if (!r.hasDefault) continue;
      const list = out.get(r);
      if (list) list.push(f);
      else out.set(r, [f]);
    }
  }
  return out;
}

const PROBE = "probe-value-0123456789";

/** True when display masks values under this name (SECRET_KEY, *_PASSWORD, *_TOKEN…). */
export function isSecretName(name: string): boolean {
  let secret = secretNames.get(name);
  if (secret === undefined) {
    secret = displayValue(name, { k: "str", v: PROBE }) !== pyRepr({ k: "str", v: PROBE });
    // Asked for every variable and setting of every environment: 1,000 environments ask about the same few names.
    if (secretNames.size >= 10_000) secretNames.clear();
    secretNames.set(name, secret);
  }
  return secret;
}

const secretNames = new Map<string, boolean>();

/** A default as people see it: masked when the variable or a setting it feeds looks secret, or it is a URL with a password. */
export function showDefault(variable: string, settings: string[], def: Value): { text: string; masked: boolean } {
  const maskAs = [variable, ...settings].find(isSecretName) ?? variable;
  const text = displayValue(maskAs, def);
  // maskString's mark: "'ab…(12 chars)'", also inside a URL whose password it hid (the ellipsis escaped: the bundles stay
  // ASCII, see test/startup/asciiBundles.test.ts).
  return { text, masked: /\u2026\(\d+ chars\)/.test(text) };
}

function hasSecretDefault(variable: string, r: ReadSite): boolean {
  const d = r.read.hasDefault ? r.read.default : undefined;
  if (!d || d.k === "none" || (d.k === "str" && d.v === "")) return false;
  return showDefault(variable, r.settings, d).masked;
}
