// Classifies a settings module as base, development, production, staging or testing from its name.
import * as path from "path";

export type EnvKind = "base" | "development" | "production" | "staging" | "testing";

export const ENV_KINDS: EnvKind[] = ["base", "development", "production", "staging", "testing"];

/** Checked in this order, so "test_production" is a test module and "prod_base" a production one. */
const WORDS: Array<[EnvKind, string[]]> = [
  ["testing", ["test", "tests", "testing", "ci", "pytest", "unittest"]],
  ["staging", ["staging", "stage", "stg", "preprod", "uat"]],
  ["production", ["prod", "production", "live", "prd", "deploy", "deployment"]],
  ["development", ["dev", "development", "local", "develop", "localhost", "docker_dev"]],
  ["base", ["base", "common", "defaults", "default", "shared", "core", "global"]],
];

/** The words of a module name: "settings_prod" → ["settings", "prod"]; "__init__" uses its package's name. */
export function nameWords(file: string): string[] {
  let stem = path.basename(file, ".py");
  if (stem === "__init__") stem = path.basename(path.dirname(file));
  return stem.toLowerCase().split(/[_\-.]+/).filter(Boolean);
}

export function classifyByName(file: string): EnvKind | undefined {
  const words = nameWords(file);
  for (const [kind, list] of WORDS) if (words.some((w) => list.includes(w))) return kind;
  return undefined;
}
