// Finds settings modules by path and by the DJANGO_SETTINGS_MODULE defaults, without parsing every Python file.
import * as fs from "fs";
import * as path from "path";
import { classifyByName } from "./classify";

/** Directories never worth walking: dependencies, caches, VCS data, build output. */
const SKIP_DIRS = new Set([
  "node_modules",
  ".git",
  ".hg",
  ".svn",
  "__pycache__",
  ".tox",
  ".nox",
  ".venv",
  "venv",
  "env",
  ".env",
  "site-packages",
  ".mypy_cache",
  ".pytest_cache",
  ".ruff_cache",
  "dist",
  "build",
  ".eggs",
  "staticfiles",
  "media",
  "migrations",
  "templates",
  "static",
  "locale",
]);

/** Directory names whose Python files are settings modules. */
const SETTINGS_DIRS = new Set(["settings", "envs", "environments", "settings_env"]);

/** Basenames that are settings modules anywhere: settings.py, settings_prod.py, test_settings.py… */
function isSettingsFileName(name: string): boolean {
  if (!name.endsWith(".py")) return false;
  const stem = name.slice(0, -3).toLowerCase();
  return stem === "settings" || stem.startsWith("settings_") || stem.endsWith("_settings");
}

export interface Discovery {
  /** Absolute paths of candidate settings modules. */
  candidates: string[];
  /** manage.py, wsgi.py and asgi.py files, whose DJANGO_SETTINGS_MODULE defaults name environments. */
  entryPoints: string[];
  /** Directories holding a manage.py: the import roots of Django projects. */
  projectDirs: string[];
  /** Symlink loops and unreadable directories met on the way. */
  problems: string[];
}

export function discover(root: string, extraFiles: string[] = []): Discovery {
  const out: Discovery = { candidates: [], entryPoints: [], projectDirs: [], problems: [] };
  const seen = new Set<string>();
  const walk = (dir: string, inSettingsDir: boolean, depth: number) => {
    let real: string;
    try {
      real = fs.realpathSync(dir);
    } catch {
      out.problems.push(`cannot read ${dir}`);
      return;
    }
    if (seen.has(real)) {
      out.problems.push(`symlink loop or repeat at ${dir}; skipped`);
      return;
    }
    seen.add(real);
    if (depth > 25) return;
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      out.problems.push(`cannot read ${dir}`);
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const pyFiles: string[] = [];
    for (const e of entries) {
      const p = path.join(dir, e.name);
      let isDir = e.isDirectory();
      let isFile = e.isFile();
      if (e.isSymbolicLink()) {
        try {
          const st = fs.statSync(p);
          isDir = st.isDirectory();
          isFile = st.isFile();
        } catch {
          continue;
        }
      }
      if (isDir) {
        if (SKIP_DIRS.has(e.name) || (e.name.startsWith(".") && e.name !== ".")) continue;
        walk(p, inSettingsDir || SETTINGS_DIRS.has(e.name), depth + 1);
      } else if (isFile) {
        if (e.name === "manage.py") {
          out.entryPoints.push(p);
          out.projectDirs.push(dir);
        } else if (e.name === "wsgi.py" || e.name === "asgi.py") {
          out.entryPoints.push(p);
        }
        if ((inSettingsDir && e.name.endsWith(".py")) || isSettingsFileName(e.name)) out.candidates.push(p);
        else if (e.name.endsWith(".py")) pyFiles.push(p);
      }
    }
    if (!inSettingsDir) envNamedDirectory(pyFiles, out.candidates);
  };
  walk(path.resolve(root), false, 0);
  for (const f of extraFiles) if (!out.candidates.includes(path.resolve(f))) out.candidates.push(path.resolve(f));
  return out;
}

/**
 * A directory under any name (conf/, deploy/, a bare package) that holds split settings: at least two modules named
 * for environments, one of them a deployed or development one (production.py beside base.py). Names only: nothing is parsed.
 */
function envNamedDirectory(pyFiles: string[], candidates: string[]): void {
  const named = pyFiles.filter((f) => classifyByName(f) !== undefined && path.basename(f) !== "__init__.py");
  const kinds = new Set(named.map((f) => classifyByName(f)));
  const deployedOrDev = kinds.has("production") || kinds.has("staging") || kinds.has("development");
  if (named.length >= 2 && kinds.size >= 2 && deployedOrDev) candidates.push(...named);
}

/** The module file for a dotted name such as "mysite.settings.production", searched from the given import roots. */
export function moduleFile(dotted: string, roots: string[]): string | undefined {
  const parts = dotted.split(".");
  for (const r of roots) {
    const base = path.join(r, ...parts);
    if (isFileSync(base + ".py")) return base + ".py";
    if (isFileSync(path.join(base, "__init__.py"))) return path.join(base, "__init__.py");
  }
  return undefined;
}

function isFileSync(p: string): boolean {
  try {
    return fs.statSync(p).isFile();
  } catch {
    return false;
  }
}
