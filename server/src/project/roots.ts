// Where a project starts: its root found upward from a path (project markers), and the directories never taken for one.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

/** Files and directories whose presence makes a directory a project root. */
const MARKERS = [
  "manage.py",
  "pyproject.toml",
  "setup.py",
  "setup.cfg",
  "requirements.txt",
  "requirements",
  "Pipfile",
  "Pipfile.lock",
  "poetry.lock",
  "uv.lock",
  "tox.ini",
  "pytest.ini",
  ".git",
];

export function hasProjectMarker(dir: string): boolean {
  if (MARKERS.some((m) => exists(path.join(dir, m)))) return true;
  try {
    return fs.readdirSync(dir).some((n) => /^requirements[\w.-]*\.(txt|in)$/i.test(n));
  } catch {
    return false;
  }
}

/**
 * Directories that are never a project root, whatever they hold: the filesystem root, the home directory (a dotfiles
 * repository makes ~ look like a project) and the temporary directory (a scratch file opened from /tmp).
 */
export function isForbiddenRoot(dir: string): boolean {
  const abs = path.resolve(dir);
  if (path.dirname(abs) === abs) return true;
  const real = realOrSelf(abs);
  for (const d of [os.homedir(), os.tmpdir()]) {
    if (!d) continue;
    const r = path.resolve(d);
    if (abs === r || real === r || real === realOrSelf(r)) return true;
  }
  return false;
}

/** How many directories above a non-package directory without a marker are looked at for one. */
const LEVELS_ABOVE = 3;

/**
 * The project root for a directory: the directory itself when it holds a project marker and is not a Python package;
 * else upward through Python packages (a settings package, an app: never a root), then at most LEVELS_ABOVE more
 * directories, to the first that holds a marker. Forbidden directories stop the search. Undefined when nothing is found.
 */
export function findProjectRoot(start: string): string | undefined {
  let dir = path.resolve(start);
  if (isForbiddenRoot(dir)) return undefined;
  let found: string | undefined;
  let above = 0;
  for (;;) {
    const marker = hasProjectMarker(dir);
    const pkg = exists(path.join(dir, "__init__.py"));
    if (marker) {
      found = dir;
      // manage.py inside a package: the project's root is above it when a marker says so.
      if (!pkg) return found;
    } else if (!pkg) {
      if (found) return found;
      if (above++ >= LEVELS_ABOVE) return undefined;
    }
    const up = path.dirname(dir);
    if (up === dir || isForbiddenRoot(up)) return found;
    dir = up;
  }
}

/** The project root for an audited path (file or directory): found upward, else the directory itself. */
export function projectRootFor(p: string): string {
  const abs = path.resolve(p);
  const dir = isDirectory(abs) ? abs : path.dirname(abs);
  return findProjectRoot(dir) ?? dir;
}

/** True when `file` is `dir` or inside it (both absolute). */
export function isInside(file: string, dir: string): boolean {
  if (file === dir) return true;
  const prefix = dir.endsWith(path.sep) ? dir : dir + path.sep;
  return file.startsWith(prefix);
}

/** The import roots for a module in `file`: those above it, deepest first (its own project's), then the others in order. */
export function importRootsFor(file: string, roots: readonly string[]): string[] {
  const above = roots.filter((r) => isInside(file, r)).sort((a, b) => b.length - a.length);
  return [...above, ...roots.filter((r) => !above.includes(r))];
}

export function realOrSelf(p: string): string {
  try {
    return fs.realpathSync(p);
  } catch {
    return p;
  }
}

function exists(p: string): boolean {
  try {
    fs.statSync(p);
    return true;
  } catch {
    return false;
  }
}

function isDirectory(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}
