// Reads `[tool.django-settings-hygiene]` from pyproject.toml: the configuration the CLI and the language server share.
import * as fs from "fs";
import * as path from "path";
import { notLineTerminator, wildcardMatches, type WildcardToken } from "../parse/linearText";
import { ENV_KINDS, type EnvKind } from "../resolve/classify";
import type { Severity } from "../rules/types";
import { SEVERITY_ORDER } from "../rules/types";

// smol-toml ships a CommonJS build (its "require" export), but its type declarations are ESM-only.
 
const { parse: parseToml } = require("smol-toml") as { parse(text: string): unknown };

export interface ProjectConfig {
  djangoVersion?: string;
  /** Module (dotted), path or file stem → environment kind. */
  environments: Record<string, EnvKind>;
  disabledRules: string[];
  severities: Record<string, Severity>;
  /** Glob (relative to the root) → rule ids ignored in matching files ("*" for all). */
  perPathIgnores: Record<string, string[]>;
  extraSettings: string[];
  failLevel?: Severity;
  /** Where the configuration came from, for messages. */
  source?: string;
}

export const EMPTY_CONFIG: ProjectConfig = { environments: {}, disabledRules: [], severities: {}, perPathIgnores: {}, extraSettings: [] };

/** The keys a user may write, as they appear in TOML. */
const KEYS = ["django-version", "environments", "disable", "severity", "per-path-ignores", "extra-settings", "fail-level"];

export class ConfigError extends Error {}

export function loadProjectConfig(root: string, knownRules: readonly string[]): ProjectConfig {
  const file = path.join(root, "pyproject.toml");
  if (!fs.existsSync(file)) return { ...EMPTY_CONFIG };
  let toml: Record<string, unknown>;
  try {
    toml = parseToml(fs.readFileSync(file, "utf8")) as Record<string, unknown>;
  } catch (e) {
    throw new ConfigError(`${file}: not valid TOML: ${(e as Error).message.split("\n")[0]}`);
  }
  const section = (toml.tool as Record<string, unknown> | undefined)?.["django-settings-hygiene"];
  if (section === undefined) return { ...EMPTY_CONFIG };
  return parseSection(section, knownRules, `${path.basename(file)} [tool.django-settings-hygiene]`);
}

/** Validates the section; every mistake is named with the key, so a typo never silently disables nothing. */
export function parseSection(section: unknown, knownRules: readonly string[], where: string): ProjectConfig {
  if (!section || typeof section !== "object" || Array.isArray(section)) throw new ConfigError(`${where} must be a table`);
  const s = section as Record<string, unknown>;
  const errors: string[] = [];
  for (const k of Object.keys(s)) if (!KEYS.includes(k)) errors.push(`unknown key "${k}" (known: ${KEYS.join(", ")})`);
  const cfg: ProjectConfig = { ...EMPTY_CONFIG, environments: {}, severities: {}, perPathIgnores: {}, source: where };
  const rule = (id: unknown, key: string) => {
    if (typeof id !== "string" || !knownRules.includes(id)) errors.push(`${key}: unknown rule "${String(id)}"`);
    return String(id);
  };
  if (s["django-version"] !== undefined) {
    const v = String(s["django-version"]);
    if (!/^\d+\.\d+$/.test(v)) errors.push(`django-version must look like "4.2", not "${v}"`);
    else cfg.djangoVersion = v;
  }
  if (s.environments !== undefined) {
    if (typeof s.environments !== "object" || Array.isArray(s.environments)) errors.push("environments must be a table of module = kind");
    else
      for (const [mod, kind] of Object.entries(s.environments as Record<string, unknown>)) {
        if (!ENV_KINDS.includes(kind as EnvKind)) errors.push(`environments.${mod}: "${String(kind)}" is not one of ${ENV_KINDS.join(", ")}`);
        else cfg.environments[mod] = kind as EnvKind;
      }
  }
  if (s.disable !== undefined) {
    if (!Array.isArray(s.disable)) errors.push("disable must be a list of rule ids");
    else cfg.disabledRules = s.disable.map((id) => rule(id, "disable"));
  }
  if (s.severity !== undefined) {
    if (typeof s.severity !== "object" || Array.isArray(s.severity)) errors.push("severity must be a table of rule = level");
    else
      for (const [id, level] of Object.entries(s.severity as Record<string, unknown>)) {
        rule(id, "severity");
        if (!SEVERITY_ORDER.includes(level as Severity)) errors.push(`severity.${id}: "${String(level)}" is not one of ${SEVERITY_ORDER.join(", ")}`);
        else cfg.severities[id] = level as Severity;
      }
  }
  if (s["per-path-ignores"] !== undefined) {
    const p = s["per-path-ignores"];
    if (typeof p !== "object" || Array.isArray(p)) errors.push('per-path-ignores must be a table of "glob" = [rule ids]');
    else
      for (const [glob, ids] of Object.entries(p as Record<string, unknown>)) {
        if (!Array.isArray(ids)) errors.push(`per-path-ignores."${glob}" must be a list`);
        else cfg.perPathIgnores[glob] = ids.map((id) => (id === "*" ? "*" : rule(id, `per-path-ignores."${glob}"`)));
      }
  }
  if (s["extra-settings"] !== undefined) {
    if (!Array.isArray(s["extra-settings"])) errors.push("extra-settings must be a list of paths");
    else cfg.extraSettings = s["extra-settings"].map(String);
  }
  if (s["fail-level"] !== undefined) {
    const level = String(s["fail-level"]);
    if (!SEVERITY_ORDER.includes(level as Severity)) errors.push(`fail-level: "${level}" is not one of ${SEVERITY_ORDER.join(", ")}`);
    else cfg.failLevel = level as Severity;
  }
  if (errors.length) throw new ConfigError(`${where}: ${errors.join("; ")}`);
  return cfg;
}

/** Minimal glob: `**` any path, `*` any name part, `?` one character; matched against POSIX paths relative to the root. */
export function globMatches(glob: string, relPosix: string): boolean {
  // Tokens, not a RegExp: the globs come from the checkout's pyproject.toml, and `*a*a*a*…` as a RegExp backtracks
  // polynomially in the path's length (the tokens mean what `**/` → `(?:.*/)?`, `**` → `.*`, `*` → `[^/]*` meant).
  const tokens: WildcardToken[] = [];
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === "*" && glob[i + 1] === "*") {
      tokens.push(glob[i + 2] === "/" ? { kind: "dirs" } : { kind: "any", test: notLineTerminator });
      i += glob[i + 2] === "/" ? 2 : 1;
    } else if (c === "*") tokens.push({ kind: "any", test: notSlash });
    else if (c === "?") tokens.push({ kind: "one", test: notSlash });
    else tokens.push({ kind: "one", test: (x) => x === c });
  }
  return wildcardMatches(tokens, relPosix);
}

function notSlash(c: string): boolean {
  return c !== "/";
}
