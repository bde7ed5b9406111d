// Settings-like places: which Python files of a walk could be settings modules by where they sit and what they are called.
import * as path from "path";
import { classifyByName } from "./classify";

/** Directory names whose Python files are settings modules (split settings). */
export const SETTINGS_DIRS = new Set(["settings", "envs", "environments", "settings_env", "conf_settings"]);

/** Basenames that are settings modules anywhere: settings.py, settings_prod.py, test_settings.py… */
export function isSettingsFileName(name: string): boolean {
  if (!name.endsWith(".py")) return false;
  const stem = name.slice(0, -3).toLowerCase();
  return stem === "settings" || stem.startsWith("settings_") || stem.endsWith("_settings");
}

/** True when a directory between the root and the file is named like a settings package. */
export function inSettingsDir(file: string, root: string): boolean {
  const rel = path.relative(root, path.dirname(file));
  if (!rel || rel.startsWith("..")) return false;
  return rel.split(path.sep).some((d) => SETTINGS_DIRS.has(d));
}

/**
 * The places a settings module would sit when no entry point names one: files named like settings, files inside a
 * settings package, and directories under any name (conf/, deploy/, a bare package) that hold split settings: at least
 * two modules named for environments, one of them deployed or development (production.py beside base.py).
 */
export function settingsLikeFiles(python: readonly string[], root: string): string[] {
  const out: string[] = [];
  const byDir = new Map<string, string[]>();
  for (const f of python) {
    if (isSettingsFileName(path.basename(f)) || inSettingsDir(f, root)) out.push(f);
    else {
      const d = path.dirname(f);
      let list = byDir.get(d);
      if (!list) byDir.set(d, (list = []));
      list.push(f);
    }
  }
  for (const files of byDir.values()) out.push(...envNamedModules(files));
  return out.sort();
}

/** Modules of one directory named for environments, when they look like split settings (see settingsLikeFiles). */
export function envNamedModules(files: readonly string[]): string[] {
  const named = files.filter((f) => classifyByName(f) !== undefined && path.basename(f) !== "__init__.py");
  const kinds = new Set(named.map((f) => classifyByName(f)));
  const deployedOrDev = kinds.has("production") || kinds.has("staging") || kinds.has("development");
  return named.length >= 2 && kinds.size >= 2 && deployedOrDev ? named : [];
}

/**
 * The settings package around a module an entry point names: the nearest enclosing directory (at most three up, inside
 * the root) named like one (`config/settings/`, `lms/envs/`), else the module's own directory when it holds split
 * settings. Its other modules are looked at as environments too (production.py beside the development.py manage.py names).
 */
export function settingsPackageOf(file: string, root: string, siblings: readonly string[]): string | undefined {
  let d = path.dirname(file);
  for (let i = 0; i < 3; i++) {
    const rel = path.relative(root, d);
    if (!rel || rel.startsWith("..")) break;
    if (SETTINGS_DIRS.has(path.basename(d))) return d;
    d = path.dirname(d);
  }
  const here = path.dirname(file);
  return envNamedModules(siblings.filter((f) => path.dirname(f) === here)).length ? here : undefined;
}
