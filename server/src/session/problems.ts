// One problem, one report: per-environment findings grouped by the place where the fault is written.
import * as path from "path";
import type { EnvKind } from "../resolve/classify";
import type { Loc } from "../resolve/values";
import { SECRET_DIGEST, type CarriesSecretDigest } from "../rules/fingerprint";
import type { Finding, Fix, RelatedLocation, Severity } from "../rules/types";

/** One environment a problem hurts, and how it gets the faulty value (its own import of the module that sets it). */
export interface ProblemEnvironment {
  name: string;
  kind: EnvKind;
  /** The environment's own module's import that brings the value in, when the fault is written in another file. */
  anchor?: Loc;
  related: RelatedLocation[];
}

/**
 * A fault at one place: the rule, the text it is about and what is wrong there, with every environment it hurts. The
 * committed SECRET_KEY of base.py is one problem with four environments, not four findings.
 */
export interface Problem extends CarriesSecretDigest {
  rule: string;
  djangoCheck: string | null;
  severity: Severity;
  message: string;
  setting?: string;
  location: Loc;
  environments: ProblemEnvironment[];
  /** The distinct fixes the environments prepared (a deploy check fixed in each environment's own module). */
  fixes: Fix[];
  /** Stable across line moves and independent of the environments: rule, check, file, setting and a hash of the value. */
  fingerprint: string;
  /** The per-environment findings behind the problem, in environment order. */
  findings: Finding[];
}

/** Production first, then what else is deployed, then the rest: the order every output lists environments in. */
export const KIND_ORDER: readonly EnvKind[] = ["production", "staging", "testing", "development", "base"];

export function kindRank(kind: EnvKind): number {
  return KIND_ORDER.indexOf(kind);
}

/**
 * Each finding's grouping key, made once: the language server groups every finding of the workspace on each keystroke,
 * and the findings of environments the analysis reused are the same objects each time (15,000 keys of a few hundred
 * characters among 1,000 modules, rebuilt per keystroke, were much of its garbage).
 */
const placeKeys = new WeakMap<Finding, string>();

function placeKey(f: Finding): string {
  let key = placeKeys.get(f);
  if (key === undefined) {
    const r = f.location.range;
    key = [f.rule, f.djangoCheck ?? "", f.location.file, r.startOffset, r.endOffset, f.message].join("\u0000");
    placeKeys.set(f, key);
  }
  return key;
}

/** Groups findings that share rule, check, place and message; keeps the first-seen order of places. */
export function groupByPlace(findings: readonly Finding[]): Problem[] {
  const byKey = new Map<string, Problem>();
  for (const f of findings) {
    const key = placeKey(f);
    let p = byKey.get(key);
    if (!p) {
      p = { rule: f.rule, djangoCheck: f.djangoCheck, severity: f.severity, message: f.message, setting: f.setting, location: f.location, environments: [], fixes: [], fingerprint: f.fingerprint, findings: [], ...(f[SECRET_DIGEST] ? { [SECRET_DIGEST]: f[SECRET_DIGEST] } : {}) };
      byKey.set(key, p);
    }
    p.findings.push(f);
    if (!p.environments.some((e) => e.name === f.environment)) {
      p.environments.push({ name: f.environment, kind: f.environmentKind, ...(f.anchor ? { anchor: f.anchor } : {}), related: f.related });
    }
    if (f.fix && !p.fixes.some((x) => sameFix(x, f.fix!))) p.fixes.push(f.fix);
  }
  const out = [...byKey.values()];
  for (const p of out) p.environments.sort((a, b) => kindRank(a.kind) - kindRank(b.kind) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return out;
}

/** Two fixes are the same when they make the same edits: the same fix arrives from every environment that shares it. */
export function sameFix(a: Fix, b: Fix): boolean {
  if (a.edits.length !== b.edits.length) return false;
  return a.edits.every((e, i) => {
    const o = b.edits[i];
    return e.file === o.file && e.range.startOffset === o.range.startOffset && e.range.endOffset === o.range.endOffset && e.newText === o.newText;
  });
}

/**
 * " (in production and staging)" when the problem hurts only some of the project's environments; "" when it hurts them
 * all (a committed secret in the module every environment imports), so short messages stay short.
 */
export function environmentsSuffix(p: Problem, allEnvironments: readonly string[], loading: readonly string[] = allEnvironments): string {
  const names = p.environments.map((e) => e.name);
  // production.py's own problem hurts production, the one environment that loads the file: saying so adds nothing.
  if (names.length === 0 || names.length >= allEnvironments.length || loading.every((n) => names.includes(n))) return "";
  return ` (in ${listWords(names.map((n) => shortEnvironmentName(n, allEnvironments)))})`;
}

/** "production" for mysite.settings.production when no other environment ends in the same word; else the full name. */
export function shortEnvironmentName(name: string, all: readonly string[]): string {
  const last = name.slice(name.lastIndexOf(".") + 1);
  const clash = all.some((o) => o !== name && o.slice(o.lastIndexOf(".") + 1) === last);
  return clash ? name : last;
}

export function listWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join("");
  return items.slice(0, -1).join(", ") + " and " + items[items.length - 1];
}

/**
 * What an environment's own module inherits: the problems whose place is another file, by that file. The editor shows
 * one information diagnostic per environment module for them instead of repeating each on the import line.
 */
export function inheritedByEnvironment(problems: readonly Problem[]): Map<string, { environment: ProblemEnvironment; file: string; problems: Problem[] }> {
  const out = new Map<string, { environment: ProblemEnvironment; file: string; problems: Problem[] }>();
  for (const p of problems) {
    for (const e of p.environments) {
      if (!e.anchor || e.anchor.file === p.location.file) continue;
      let entry = out.get(e.name);
      if (!entry) out.set(e.name, (entry = { environment: e, file: e.anchor.file, problems: [] }));
      entry.problems.push(p);
    }
  }
  return out;
}

/** "base.py" or "base.py and components.py": the files an environment inherits problems from. */
export function sourceFiles(problems: readonly Problem[]): string {
  return listWords([...new Set(problems.map((p) => path.basename(p.location.file)))]);
}
