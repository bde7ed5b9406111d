// One bounded walk of a project: its Python files and the files that may name a settings module, inside the root only.
import * as fs from "fs";
import * as path from "path";
import { entryFileProfile, type EntryFileProfile } from "./entryFiles";
import { isInside } from "./roots";

/** Directories never worth walking: dependencies, caches, VCS data, build output, translations. */
const SKIP_DIRS = new Set([
  "node_modules",
  "bower_components",
  "__pycache__",
  "site-packages",
  "dist",
  "build",
  "staticfiles",
  "media",
  "migrations",
  "static",
  "locale",
  "venv",
  "virtualenv",
]);

/** Dot-directories that hold deployment or CI files (the others are caches, VCS data, virtualenvs, editor state). */
const DOT_DIRS = new Set([".github", ".gitlab", ".circleci", ".envs", ".ebextensions", ".platform", ".devcontainer", ".do", ".buildkite", ".tekton", ".azure-pipelines"]);

export interface WalkLimits {
  /** Directory entries looked at, in total. */
  maxEntries: number;
  /** Wall-clock time for the whole walk. */
  maxMillis: number;
  maxDepth: number;
}

export const DEFAULT_WALK_LIMITS: WalkLimits = { maxEntries: 200_000, maxMillis: 10_000, maxDepth: 30 };

export interface Walk {
  root: string;
  /** Every Python file, sorted per directory. */
  python: string[];
  /** Files other than Python that may name a settings module, with what they are. */
  entryFiles: Array<{ file: string; profile: EntryFileProfile }>;
  /** Directories holding a manage.py. */
  manageDirs: string[];
  /** `src/` directories that are not packages: import roots of src layouts. */
  srcDirs: string[];
  /** Directories holding an __init__.py. */
  packages: Set<string>;
  /** What the walk could not do, said once each: a limit reached, links out of the root, unreadable directories. */
  problems: string[];
}

export function walkProject(root: string, limits: WalkLimits = DEFAULT_WALK_LIMITS): Walk {
  const absRoot = path.resolve(root);
  const realRoot = safeRealpath(absRoot) ?? absRoot;
  const out: Walk = { root: absRoot, python: [], entryFiles: [], manageDirs: [], srcDirs: [], packages: new Set(), problems: [] };
  const started = Date.now();
  let entries = 0;
  let stopped: string | undefined;
  let outside = 0;
  let unreadable = 0;
  let repeated = 0;
  const templates: string[] = [];
  const seen = new Set<string>();
  const stack: Array<{ dir: string; depth: number; dotted?: boolean }> = [{ dir: absRoot, depth: 0 }];
  // Depth-first with an explicit stack: a deep tree cannot overflow the call stack.
  while (stack.length && !stopped) {
    const { dir, depth, dotted } = stack.pop()!;
    const real = safeRealpath(dir);
    if (!real) {
      unreadable++;
      continue;
    }
    if (seen.has(real)) {
      repeated++;
      continue;
    }
    seen.add(real);
    let list: fs.Dirent[];
    try {
      list = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      unreadable++;
      continue;
    }
    list.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const names = new Set(list.map((e) => e.name));
    if (names.has("pyvenv.cfg")) continue; // a virtualenv under any name
    if (names.has("__init__.py")) out.packages.add(dir);
    const subdirs: Array<{ dir: string; dotted: boolean }> = [];
    for (const e of list) {
      if (++entries > limits.maxEntries) {
        stopped = `the walk of the project stopped after ${limits.maxEntries.toLocaleString("en")} directory entries (the limit); settings modules and entry points beyond were not looked for`;
        break;
      }
      if ((entries & 255) === 0 && Date.now() - started > limits.maxMillis) {
        stopped = `the walk of the project stopped after ${(limits.maxMillis / 1000).toFixed(0)} s (the limit); settings modules and entry points beyond were not looked for`;
        break;
      }
      const p = path.join(dir, e.name);
      let isDir = e.isDirectory();
      let isFile = e.isFile();
      if (e.isSymbolicLink()) {
        // A link is followed only to a place inside the root: a hostile repository may link to /etc or to $HOME.
        const target = safeRealpath(p);
        if (!target || !isInside(target, realRoot)) {
          outside++;
          continue;
        }
        try {
          const st = fs.statSync(p);
          isDir = st.isDirectory();
          isFile = st.isFile();
        } catch {
          continue;
        }
      }
      if (isDir) {
        // Inside .envs/ or .github/, dot-directories are what they hold (cookiecutter's .envs/.production/).
        if (!(dotted && e.name.startsWith(".") && !e.name.startsWith(".git")) && skipDir(e.name, names)) continue;
        if (isTemplateDir(e.name)) {
          templates.push(path.relative(absRoot, p).split(path.sep).join("/"));
          continue;
        }
        if (depth + 1 > limits.maxDepth) continue;
        subdirs.push({ dir: p, dotted: dotted || e.name.startsWith(".") });
        if (e.name === "src" && depth <= 2) out.srcDirs.push(p);
      } else if (isFile) {
        if (e.name.endsWith(".py")) {
          out.python.push(p);
          if (e.name === "manage.py") out.manageDirs.push(dir);
        } else {
          const profile = entryFileProfile(path.relative(absRoot, p), names);
          if (profile) out.entryFiles.push({ file: p, profile });
        }
      }
    }
    for (let i = subdirs.length - 1; i >= 0; i--) stack.push({ ...subdirs[i], depth: depth + 1 });
  }
  // src/ is an import root only when it is not itself a package.
  out.srcDirs = out.srcDirs.filter((d) => !out.packages.has(d));
  if (stopped) out.problems.push(stopped);
  if (outside) out.problems.push(`${outside} symbolic link${outside === 1 ? "" : "s"} leading out of the project (or nowhere) were not followed`);
  if (repeated) out.problems.push(`${repeated} director${repeated === 1 ? "y" : "ies"} reached again through a symlink (a symlink loop or repeat) ${repeated === 1 ? "was" : "were"} walked once`);
  if (templates.length) {
    const shown = templates.slice(0, 3).join(", ") + (templates.length > 3 ? ` and ${templates.length - 3} more` : "");
    out.problems.push(`${shown}: ${templates.length === 1 ? "a project template directory" : "project template directories"} (cookiecutter or copier), whose files are Jinja templates rather than Python, ${templates.length === 1 ? "was" : "were"} not analysed; audit a project generated from ${templates.length === 1 ? "it" : "them"}`);
  }
  if (unreadable) out.problems.push(`${unreadable} director${unreadable === 1 ? "y" : "ies"} could not be read`);
  return out;
}

function skipDir(name: string, siblings: ReadonlySet<string>): boolean {
  if (name.startsWith(".")) return !DOT_DIRS.has(name);
  if (SKIP_DIRS.has(name)) return true;
  // Django's templates/ hold HTML; a Helm chart's templates/ hold the manifests that may set DJANGO_SETTINGS_MODULE.
  if (name === "templates") return !siblings.has("Chart.yaml");
  return false;
}

/**
 * `{{cookiecutter.project_slug}}`, `{{ project_name }}`, `{% if docker %}app{% endif %}`: a directory named by a
 * template placeholder holds the template of a project, not a project. Its Python files are full of `{% if %}` blocks.
 */
function isTemplateDir(name: string): boolean {
  return (name.includes("{{") && name.includes("}}")) || (name.includes("{%") && name.includes("%}"));
}

function safeRealpath(p: string): string | undefined {
  try {
    return fs.realpathSync(p);
  } catch {
    return undefined;
  }
}
