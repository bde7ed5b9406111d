// Walks one environment's resolved settings, their env-read defaults and recorded calls for strings written in the code that are secrets.
import { contains, exprIndex } from "../parse/exprIndex";
import type { ModuleModel, Range } from "../parse/model";
import type { Environment } from "../resolve/environment";
import { isSettingName, type Binding, type Write } from "../resolve/namespace";
import { isLiteralValue } from "../resolve/evaluate";
import { envReadsOf, type EnvRead, type Loc, type Value } from "../resolve/values";
import { classify, RULE_PRIORITY, type Classification, type PathSeg } from "./classify";
import { sweepModule } from "./sweep";

export interface SecretCandidate extends Classification {
  /** Where the string is written. */
  loc: Loc;
  /** How the environment reaches it: setting and keys, a call's argument, or an env variable's name. */
  path: PathSeg[];
  /** The path for messages: `DATABASES['default']['PASSWORD']`. */
  label: string;
  /** The top-level setting, when the path starts at one. */
  setting?: string;
  /** The whole string as written at `loc` (a URL, when the secret is its password). */
  literal: string;
  /** `loc` is a plain string literal, so a fix may replace it. */
  isLiteral: boolean;
  /** Set when the string is the written default of this env read: "the default is committed with the code". */
  read?: EnvRead;
}

export type ModuleOf = (file: string) => ModuleModel | undefined;

const MAX_DEPTH = 14;
/**
 * A binding and the ones it replaced, up to this many, are scanned: a literal overridden later in the chain is still
 * committed. Chains are acyclic (each binding points at an older one), and the bound keeps a long one cheap.
 */
const MAX_CHAIN = 12;
const NO_NAMES: string[] = [];
const NO_SEGS: PathSeg[] = [];
const cache = new WeakMap<Environment, SecretCandidate[]>();
/** How a literal value was visited: the path, the names, the variable of the env read whose default holds it, the mode. */
interface Visit {
  path: readonly PathSeg[];
  names: readonly string[];
  holding: string | undefined;
  testing: boolean;
  overridden: boolean;
}

/**
 * Literal values (see isLiteralValue) that held no candidate, with the visits that found none. Compared field by field:
 * building a string key for each of a 3,000-line module's settings cost more than the comparison.
 */
const barren = new WeakMap<Value, Visit[]>();
/** A literal reached along more paths than this (inherited by many settings) forgets its oldest. */
const MAX_VISITS = 16;

function sameVisit(a: Visit, b: Visit): boolean {
  return a.testing === b.testing && a.overridden === b.overridden && a.holding === b.holding && sameSegs(a.path, b.path) && sameSegs(a.names, b.names);
}

/** The environment's secret candidates, one per place in the code; computed once and shared by every secrets rule. */
export function scanSecrets(env: Environment, module: ModuleOf): SecretCandidate[] {
  const hit = cache.get(env);
  if (hit) return hit;
  const found = new Map<string, SecretCandidate>();
  const testing = env.kind === "testing";

  // Every env read the environment performs, to recognise a string written as some read's default wherever it is reached from.
  const reads: EnvRead[] = [];
  const known = new Set<EnvRead>();
  const add = (r: EnvRead) => {
    if (known.has(r)) return;
    known.add(r);
    reads.push(r);
  };
  const addReads = (v: Value | undefined) => {
    // A literal value holds no env read; most of a large module's settings are literals, and walking them cost more than the rest of this collection.
    if (!v || isLiteralValue(v)) return;
    for (const r of envReadsOf(v)) add(r);
  };
  // Map.forEach and the chain walked in place: a 3,000-setting module made an entry array and a chain array per setting.
  env.settings.forEach((b) => {
    for (let x: Binding | undefined = b, n = 0; x && n < MAX_CHAIN; x = x.overrides, n++) addReads(x.value);
  });
  for (const c of env.calls) for (const v of [...c.args, ...Object.values(c.kwargs)]) addReads(v);
  const moduleReads = (env.result as { envReads?: EnvRead[] }).envReads ?? [];
  for (const r of moduleReads) add(r);
  // Defaults can hold reads of their own (`env("A", default=env("B", default="…"))`).
  for (let i = 0; i < reads.length; i++) addReads(reads[i].default);

  // Reads with a written default, by the file the default is written in, sorted by where the default starts.
  const defaultsByFile = new Map<string, EnvRead[]>();
  for (const r of reads) {
    if (!r.defaultLoc) continue;
    const list = defaultsByFile.get(r.defaultLoc.file) ?? [];
    list.push(r);
    defaultsByFile.set(r.defaultLoc.file, list);
  }
  for (const list of defaultsByFile.values()) list.sort((a, b) => a.defaultLoc!.range.startOffset - b.defaultLoc!.range.startOffset);
  /** The innermost read whose written default holds `loc`: a binary search, then a short walk back over enclosing defaults. */
  const defaultHolding = (loc: Loc): EnvRead | undefined => {
    const list = defaultsByFile.get(loc.file);
    if (!list) return undefined;
    const at = lastStartingBy(list, (r) => r.defaultLoc!.range.startOffset, loc.range.startOffset);
    for (let i = at; i >= 0 && at - i < 64; i--) if (contains(list[i].defaultLoc!.range, loc.range)) return list[i];
    return undefined;
  };

  // Apart for values the environment replaced: a default first met there is still judged where a live value holds it.
  const visitedLive = new Set<EnvRead>();
  const visitedReplaced = new Set<EnvRead>();
  /**
   * Set while the walk is in a value the environment replaced (`SECRET_KEY = os.environ["K"]` after base.py's literal):
   * the environment never gets it, so a string that is a secret only by the name it is stored under is not this
   * environment's problem. A string that is a secret by its shape (`sk_live_...`, `AKIA...`) still is: it leaks wherever it
   * is written.
   */
  let inOverridden = false;
  const consider = (v: Value & { k: "str" }, path: PathSeg[], names: string[]) => {
    const loc = v.loc;
    if (!loc) return;
    // A value returned by an env read carries the read's own location; its default is judged where it is written.
    if (v.env?.some((r) => r.loc.file === loc.file && r.loc.range.startOffset === loc.range.startOffset && r.loc.range.endOffset === loc.range.endOffset)) return;
    const model = module(loc.file);
    if (!model) return;
    const e = exprIndex(model).at(loc.range);
    if (!e) return;
    let literal: string;
    let isLiteral = false;
    if (e.t === "str") {
      // A piece of a literal (a URL's password taken apart by dj-database-url) is judged as the whole literal.
      literal = e.v;
      isLiteral = true;
    } else if (e.t === "fstr" || e.t === "binop") {
      literal = v.v;
    } else {
      return;
    }
    // A piece cut out of a literal (dj-database-url's parsed PASSWORD, ENGINE…) stands for the dict the literal became.
    if (isLiteral && v.v !== literal && path.length > 1) path = path.slice(0, -1);
    const read = defaultHolding(loc);
    const allNames = read ? [...names, read.variable] : names;
    const c = classifiedAt(loc.range, literal, path, allNames, testing);
    if (!c || (inOverridden && !c.format)) return;
    hits++;
    const candidate: SecretCandidate = {
      ...c,
      loc,
      path,
      label: pathLabel(path),
      setting: settingOf(path, env),
      literal,
      isLiteral,
      read,
    };
    const key = `${loc.file}\u0000${loc.range.startOffset}\u0000${loc.range.endOffset}`;
    const prev = found.get(key);
    if (!prev || better(candidate, prev)) found.set(key, candidate);
  };

  let hits = 0;
  const visit = (v: Value | undefined, path: PathSeg[], names: string[], depth: number): void => {
    if (!v || depth > MAX_DEPTH) return;
    // A literal that held no candidate along this path holds none now: it is the same value object only while its
    // expression is untouched. Which env read's default holds it depends on the rest of the module, so that read's
    // variable is part of what is remembered, as consider() adds it to the names; a literal has no call inside, so the read
    // holding the literal holds every string in it.
    if (isLiteralValue(v) && v.loc) {
      const now: Visit = { path, names, holding: defaultHolding(v.loc)?.variable, testing, overridden: inOverridden };
      const known = barren.get(v);
      if (known?.some((k) => sameVisit(k, now))) return;
      const before = hits;
      visitValue(v, path, names, depth);
      if (hits === before) {
        if (!known) barren.set(v, [now]);
        else {
          if (known.length >= MAX_VISITS) known.shift();
          known.push(now);
        }
      }
      return;
    }
    visitValue(v, path, names, depth);
  };
  const visitValue = (v: Value, path: PathSeg[], names: string[], depth: number): void => {
    const visitedDefaults = inOverridden ? visitedReplaced : visitedLive;
    for (const r of v.env ?? []) {
      if (r.default && !visitedDefaults.has(r)) {
        visitedDefaults.add(r);
        visit(r.default, path, [...names, r.variable], depth + 1);
      }
    }
    switch (v.k) {
      case "str":
        consider(v, path, names);
        return;
      case "list":
      case "tuple":
      case "set":
        v.items.forEach((item, i) => visit(item, [...path, i], names, depth + 1));
        return;
      case "dict":
        for (const [k, x] of v.entries) visit(x, [...path, k.k === "str" ? k.v : k.k === "int" ? k.v : "?"], names, depth + 1);
        return;
      case "unknown":
        for (const a of v.alternatives ?? []) visit(a, path, names, depth + 1);
        // A list known in part (`[*BASE_KEYS, "…"]`) still holds its known items as written.
        v.partial?.items.forEach((item, i) => visit(item, [...path, i], names, depth + 1));
        return;
      default:
        return;
    }
  };

  // The same chain walk as for the reads above, in place for the same reason (a helper taking a callback made a
  // closure per setting).
  env.settings.forEach((b, name) => {
    let live = true;
    for (let x: Binding | undefined = b, n = 0; x && n < MAX_CHAIN; x = x.overrides, n++) {
      inOverridden = !live;
      visit(x.value, [name], NO_NAMES, 0);
      live &&= derives(x);
    }
  });
  inOverridden = false;
  for (const c of env.calls) {
    const head = `${c.callee}()`;
    c.args.forEach((a, i) => visit(a, [head, i], [], 0));
    for (const [kw, a] of Object.entries(c.kwargs)) visit(a, [head, kw], [], 0);
  }
  // Reads whose result is kept in a lower-case name or passed on: their defaults are still committed.
  for (const r of reads) {
    // One met only inside a value the environment replaced stays that value's, not a committed default of its own.
    if (r.default && !visitedLive.has(r) && !visitedReplaced.has(r)) {
      visitedLive.add(r);
      visit(r.default, [r.variable], [r.variable], 0);
    }
  }

  // What the resolved settings never hold but the files still commit: branches decided against, lower-case names,
  // `stripe.api_key = …`, `os.environ["X"] = …`. A place the walk above already judged keeps that reading.
  let ran: WriteIndex | undefined;
  for (const file of env.files) {
    const model = module(file);
    if (!model) continue;
    for (const site of sweepModule(model)) {
      const key = `${site.loc.file}\u0000${site.loc.range.startOffset}\u0000${site.loc.range.endOffset}`;
      if (found.has(key)) continue;
      // With holes only the shape speaks (a URL's password, a token format): the name says nothing of a partial value.
      // Nor does a lower-case name (`_credential = r"credentials/\d+/"` in a helper module): Django never reads it, so
      // only what the string itself is counts (`_tok = "ghp_…"`). Settings, attribute and os.environ writes keep theirs.
      const head = site.path[0];
      const named = !site.holes && typeof head === "string" && (isSettingName(head) || head.includes("."));
      const c = classifiedAt(site.loc.range, site.literal, named ? site.path : NO_SEGS, NO_NAMES, testing);
      if (!c) continue;
      // A setting's statement the environment ran was judged by the walk, as the value it holds now: a string it no
      // longer holds was replaced (`DATABASES["default"]["PASSWORD"] = os.environ[...]` after base.py's literal), so only
      // its shape can still make it a leak.
      if (!c.format && (ran ??= settingWrites(env)).holds(site.loc)) continue;
      const label = pathLabel(site.path);
      found.set(key, {
        ...c,
        loc: site.loc,
        path: site.path,
        label,
        setting: settingOf(site.path, env),
        literal: site.literal,
        // A fix would make os.environ["X"] read another variable; it is the write itself that has to go.
        isLiteral: site.isLiteral && site.path[0] !== "os.environ",
      });
    }
  }

  const out = [...found.values()].sort(
    (a, b) => (a.loc.file < b.loc.file ? -1 : a.loc.file > b.loc.file ? 1 : a.loc.range.startOffset - b.loc.range.startOffset),
  );
  cache.set(env, out);
  return out;
}

/**
 * classify() for a string written at `range`, remembered on the range object: a keystroke elsewhere in the module
 * leaves the range (parse/incremental.ts keeps untouched statements) and the verdict, so re-scanning a 3,000-line
 * module compares a few fields per string instead of classifying it again. classify() has its own memory too, but
 * keyed by a string built from the whole literal and path, which costs more than this check.
 */
const verdicts = new WeakMap<Range, Array<{ literal: string; path: PathSeg[]; names: string[]; testing: boolean; c: Classification | undefined }>>();

function classifiedAt(range: Range, literal: string, path: PathSeg[], names: string[], testing: boolean): Classification | undefined {
  let list = verdicts.get(range);
  if (list) for (const v of list) if (v.literal === literal && v.testing === testing && sameSegs(v.path, path) && sameSegs(v.names, names)) return v.c;
  const c = classify({ path, value: literal, names, testing });
  if (!list) verdicts.set(range, (list = []));
  // A string reached along a few paths (inherited by several settings) keeps one verdict per path; no more than that.
  if (list.length >= 8) list.shift();
  list.push({ literal, path, names, testing, c });
  return c;
}

interface WriteIndex {
  /** Whether `loc` lies inside a statement that wrote one of the environment's settings. */
  holds(loc: Loc): boolean;
}

/** Whether a binding's first write, which replaced the binding before it, kept that one's value in use (`X += …`, `X = X.strip()`). */
function derives(b: Binding): boolean {
  const w = b.writes[0];
  return w !== undefined && (w.kind === "augassign" || w.derived === true);
}

/**
 * The statements that wrote the environment's settings and whose strings the current values no longer hold: every write
 * of a replaced binding, and a live binding's writes that a later one replaced in part (`X["k"] = …`) rather than
 * extended (`X += …`, `X = X + …`), by file and start.
 */
function settingWrites(env: Environment): WriteIndex {
  const byFile = new Map<string, Write[]>();
  const add = (w: Write) => {
    if (w.kind !== "assign" && w.kind !== "augassign" && w.kind !== "mutate") return;
    const list = byFile.get(w.file) ?? [];
    list.push(w);
    byFile.set(w.file, list);
  };
  env.settings.forEach((b) => {
    let live = true;
    for (let x: Binding | undefined = b, n = 0; x && n < MAX_CHAIN; x = x.overrides, n++) {
      if (!live) for (const w of x.writes) add(w);
      else {
        let extended = false;
        for (let i = x.writes.length - 1; i >= 0; i--) {
          const w = x.writes[i];
          if (!extended) add(w);
          if (w.kind === "augassign" || w.derived) extended = true;
        }
      }
      live &&= derives(x);
    }
  });
  for (const list of byFile.values()) list.sort((a, b) => a.range.startOffset - b.range.startOffset);
  return {
    holds(loc) {
      const list = byFile.get(loc.file);
      if (!list) return false;
      const at = lastStartingBy(list, (w) => w.range.startOffset, loc.range.startOffset);
      // Writes are statements and do not overlap, but several share one (`A = B = {...}`, an unpack): a short walk back.
      for (let i = at; i >= 0 && at - i < 64; i--) if (contains(list[i].range, loc.range)) return true;
      return false;
    },
  };
}

/** In a list sorted by start, the index of the last item starting at or before `offset` (-1 when none). */
function lastStartingBy<T>(list: readonly T[], start: (t: T) => number, offset: number): number {
  let lo = 0;
  let hi = list.length - 1;
  let at = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (start(list[mid]) <= offset) {
      at = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return at;
}

function sameSegs(a: readonly PathSeg[], b: readonly PathSeg[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * Which of two readings of the same place wins: the higher-priority rule, then the shorter path (the literal itself
 * rather than a piece of it, as dj-database-url's parsed PASSWORD would be), then the label, so that every environment
 * picks the same reading and messages stay identical across environments.
 */
function better(a: SecretCandidate, b: SecretCandidate): boolean {
  const pa = RULE_PRIORITY.indexOf(a.rule);
  const pb = RULE_PRIORITY.indexOf(b.rule);
  if (pa !== pb) return pa < pb;
  if (a.path.length !== b.path.length) return a.path.length < b.path.length;
  return a.label < b.label;
}

function settingOf(path: PathSeg[], env: Environment): string | undefined {
  const top = path[0];
  return typeof top === "string" && env.settings.has(top) ? top : undefined;
}

/** `DATABASES['default']['PASSWORD']`, `SECRET_KEY_FALLBACKS[0]`, `sentry_sdk.init(dsn=…)`. */
export function pathLabel(path: readonly PathSeg[]): string {
  const [head, ...rest] = path;
  if (typeof head === "string" && head.endsWith("()")) {
    const callee = head.slice(0, -2);
    const arg = rest[0];
    const inner = rest.slice(1).map(step).join("");
    return typeof arg === "string" ? `${callee}(${arg}=…)${inner}` : `${callee}(…)${inner}`;
  }
  return String(head) + rest.map(step).join("");
}

function step(p: PathSeg): string {
  return typeof p === "number" ? `[${p}]` : `['${p.replace(/\\/g, "\\\\").replace(/'/g, "\\'")}']`;
}
