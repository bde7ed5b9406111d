// Environment kinds, and the kind a settings module's name and package path suggest (dev/, testing/, tests/settings.py…).
import * as path from "path";

export type EnvKind = "base" | "development" | "production" | "staging" | "testing";

export const ENV_KINDS: EnvKind[] = ["base", "development", "production", "staging", "testing"];

/** Checked in this order, so "test_production" is a test module and "prod_base" a production one. */
const WORDS: Array<[EnvKind, string[]]> = [
  ["testing", ["test", "tests", "testing", "ci", "pytest", "unittest", "unittests"]],
  ["staging", ["staging", "stage", "stg", "preprod", "uat", "qa"]],
  ["production", ["prod", "production", "live", "prd", "deploy", "deployment", "heroku"]],
  ["development", ["dev", "development", "local", "develop", "localhost", "devstack", "localdev", "debug", "sandbox"]],
  ["base", ["base", "common", "defaults", "default", "shared", "core", "global"]],
];

/** The words of a name: "settings_prod" → ["settings", "prod"], "docker-compose.dev" → ["docker", "compose", "dev"]. */
export function wordsOf(name: string): string[] {
  return name.toLowerCase().split(/[_\-.\s]+/).filter(Boolean);
}

/** The kind a list of words names, testing first; undefined when none does. */
export function kindOfWords(words: readonly string[]): EnvKind | undefined {
  for (const [kind, list] of WORDS) if (words.some((w) => list.includes(w))) return kind;
  return undefined;
}

/** The words of a module name: "settings_prod" → ["settings", "prod"]; "__init__" uses its package's name. */
export function nameWords(file: string): string[] {
  let stem = path.basename(file, ".py");
  if (stem === "__init__") stem = path.basename(path.dirname(file));
  return wordsOf(stem);
}

export function classifyByName(file: string): EnvKind | undefined {
  return kindOfWords(nameWords(file));
}

/** What a module's place says about its kind, and which part of the place says it (for kindSource). */
export interface PlaceKind {
  kind: EnvKind;
  /** "path settings/testing/" or "module name devstack.py". */
  source: string;
}

/**
 * The kind a module's dotted path suggests: a testing word anywhere (`tests/settings.py`, `settings/testing/base.py`)
 * makes it testing, since a test module is never what gets deployed; otherwise the deepest part that names a kind
 * (the stem, then its packages outwards: `settings/development/ddt.py` is development). A base word counts only in the
 * stem, and only when no package says more (`settings/testing/base.py` is testing, `settings/base.py` base).
 * `packages` are the module's package names below its import root, outermost first.
 */
export function placeKind(file: string, packages: readonly string[]): PlaceKind | undefined {
  const stem = path.basename(file, ".py");
  const own = stem === "__init__" ? [] : [stem];
  const parts = [...packages, ...own];
  const label = (i: number) => (i === packages.length ? `module name ${stem}.py` : `path ${parts.slice(0, i + 1).join("/")}/`);
  for (let i = parts.length - 1; i >= 0; i--) if (kindOfWords(wordsOf(parts[i])) === "testing") return { kind: "testing", source: label(i) };
  for (let i = parts.length - 1; i >= 0; i--) {
    const k = kindOfWords(wordsOf(parts[i]).filter((w) => !WORDS[4][1].includes(w)));
    if (k) return { kind: k, source: label(i) };
  }
  if (own.length && kindOfWords(wordsOf(stem)) === "base") return { kind: "base", source: label(packages.length) };
  return undefined;
}
