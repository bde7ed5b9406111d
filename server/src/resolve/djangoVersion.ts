// Detects the project's Django version from lock files, pins and specifiers; the newest LTS when nothing says.
import * as fs from "fs";
import * as path from "path";
import { isInside, realOrSelf } from "../project/roots";

// smol-toml ships a CommonJS build (its "require" export), but its type declarations are ESM-only.
 
const { parse: parseToml } = require("smol-toml") as { parse(text: string): unknown };

export interface DjangoVersion {
  major: number;
  minor: number;
}

export interface DetectedVersion {
  version: DjangoVersion;
  /** Where it came from, relative to the root, or "default" / "override". */
  source: string;
  /** With the default version: a dependency file that names Django without a usable version (still evidence of Django). */
  requiredIn?: string;
}

/** The newest long-term-support release, assumed when the project does not say. */
export const DEFAULT_DJANGO_VERSION: DjangoVersion = { major: 5, minor: 2 };

export function parseVersion(s: string): DjangoVersion | undefined {
  const m = /^\s*(\d+)\.(\d+)/.exec(s);
  return m ? { major: Number(m[1]), minor: Number(m[2]) } : undefined;
}

export function formatVersion(v: DjangoVersion): string {
  return `${v.major}.${v.minor}`;
}

/** True when `v` is at least `major.minor`. */
export function atLeast(v: DjangoVersion, major: number, minor: number): boolean {
  return v.major > major || (v.major === major && v.minor >= minor);
}

/**
 * Reads a PEP 440 / Poetry specifier and returns the version it pins, or its lower bound:
 * "==4.2.7" → 4.2, ">=4.2,<5" → 4.2, "^5.0" → 5.0, "~=3.2.0" → 3.2, "*" → undefined.
 */
export function versionFromSpecifier(spec: string): { version: DjangoVersion; exact: boolean } | undefined {
  const clauses = spec.split(",").map((c) => c.trim()).filter(Boolean);
  let lower: DjangoVersion | undefined;
  for (const c of clauses) {
    const m = /^(===|==|~=|>=|\^|~|>|)\s*v?(\d+(?:\.\d+)*)/.exec(c);
    if (!m) continue;
    const v = parseVersion(m[2].includes(".") ? m[2] : m[2] + ".0");
    if (!v) continue;
    // "==4.*" (or Poetry's "4.*") admits every 4.x: a lower bound, not a pin, so a real pin elsewhere wins.
    const wildcard = c.slice(m[0].length).trimStart().startsWith(".*");
    if (!wildcard && (m[1] === "==" || m[1] === "===" || (m[1] === "" && clauses.length === 1))) return { version: v, exact: true };
    if (m[1] !== ">") lower = v;
  }
  return lower ? { version: lower, exact: false } : undefined;
}

/** `Django>=4.2,<5.0 ; python_version >= "3.8"` → ">=4.2,<5.0"; non-Django lines give undefined. */
function djangoSpecOf(requirement: string): string | undefined {
  const m = /^\s*django\s*(\[[^\]]*\])?\s*([^;#]*)/i.exec(requirement);
  if (!m) return undefined;
  const rest = m[2].trim();
  if (/^[A-Za-z0-9_-]/.test(rest)) return undefined; // django-environ, django_extensions…
  return rest || "*";
}

/** The real path of the root being read: a lock file linked to somewhere outside it is not read. */
let readRoot: string | undefined;

function readText(file: string): string | undefined {
  try {
    if (readRoot && !isInside(fs.realpathSync(file), readRoot)) return undefined;
    const stat = fs.statSync(file);
    if (!stat.isFile() || stat.size > 4 * 1024 * 1024) return undefined;
    return fs.readFileSync(file, "utf8");
  } catch {
    return undefined;
  }
}

function tomlOf(file: string): Record<string, unknown> | undefined {
  const text = readText(file);
  if (text === undefined) return undefined;
  try {
    return parseToml(text) as Record<string, unknown>;
  } catch {
    return undefined;
  }
}

type Candidate = { version: DjangoVersion; exact: boolean; source: string; rank: number };

/** Searches `root` and the directories holding manage.py. Lock files beat pins, pins beat ranges. */
export function detectDjangoVersion(root: string, extraDirs: string[] = []): DetectedVersion {
  readRoot = realOrSelf(path.resolve(root));
  try {
    return detect(root, extraDirs);
  } finally {
    readRoot = undefined;
  }
}

function detect(root: string, extraDirs: string[]): DetectedVersion {
  const dirs = [...new Set([root, ...extraDirs].map((d) => path.resolve(d)))];
  const found: Candidate[] = [];
  let requiredIn: string | undefined;
  const mentions = (file: string, text: string | undefined) => {
    if (!requiredIn && text && /(^|[\s"'[,])django\s*([<>=~!^[;,"'\s]|$)/im.test(text)) requiredIn = rel(file);
  };
  const rel = (f: string) => path.relative(root, f).split(path.sep).join("/") || path.basename(f);
  for (const dir of dirs) {
    for (const lock of ["poetry.lock", "uv.lock"]) {
      const toml = tomlOf(path.join(dir, lock));
      const pkgs = toml?.package;
      if (Array.isArray(pkgs)) {
        for (const p of pkgs as Array<Record<string, unknown>>) {
          if (String(p.name).toLowerCase() === "django" && typeof p.version === "string") {
            const v = parseVersion(p.version);
            if (v) found.push({ version: v, exact: true, source: rel(path.join(dir, lock)), rank: 0 });
          }
        }
      }
    }
    const pipLock = readText(path.join(dir, "Pipfile.lock"));
    if (pipLock) {
      try {
        const j = JSON.parse(pipLock) as Record<string, Record<string, { version?: string }>>;
        const d = j.default?.django ?? j.default?.Django;
        const v = d?.version && parseVersion(d.version.replace(/^==/, ""));
        if (v) found.push({ version: v, exact: true, source: rel(path.join(dir, "Pipfile.lock")), rank: 0 });
      } catch {
        /* a broken lock file says nothing */
      }
    }
    const reqFiles: string[] = [];
    for (const d of [dir, path.join(dir, "requirements")]) {
      try {
        for (const n of fs.readdirSync(d)) if (/^requirements.*\.(txt|in)$/i.test(n) || (d.endsWith("requirements") && /\.(txt|in)$/.test(n))) reqFiles.push(path.join(d, n));
      } catch {
        /* no such directory */
      }
    }
    for (const f of reqFiles.sort()) {
      const text = readText(f);
      if (!text) continue;
      mentions(f, text);
      for (const line of text.split(/\r?\n/)) {
        const spec = djangoSpecOf(line);
        const v = spec && versionFromSpecifier(spec);
        if (v) found.push({ ...v, source: rel(f), rank: v.exact ? 1 : 2 });
      }
    }
    for (const f of ["pyproject.toml", "Pipfile", "setup.cfg", "setup.py", "poetry.lock", "uv.lock", "Pipfile.lock"]) mentions(path.join(dir, f), readText(path.join(dir, f)));
    const pyproject = tomlOf(path.join(dir, "pyproject.toml"));
    if (pyproject) {
      const project = pyproject.project as { dependencies?: unknown } | undefined;
      for (const dep of Array.isArray(project?.dependencies) ? project!.dependencies : []) {
        const spec = typeof dep === "string" ? djangoSpecOf(dep) : undefined;
        const v = spec && versionFromSpecifier(spec);
        if (v) found.push({ ...v, source: rel(path.join(dir, "pyproject.toml")), rank: v.exact ? 1 : 2 });
      }
      const poetry = (pyproject.tool as Record<string, unknown> | undefined)?.poetry as { dependencies?: Record<string, unknown> } | undefined;
      for (const [name, spec] of Object.entries(poetry?.dependencies ?? {})) {
        if (name.toLowerCase() !== "django") continue;
        const s = typeof spec === "string" ? spec : typeof spec === "object" && spec && "version" in spec ? String((spec as { version: unknown }).version) : undefined;
        const v = s && versionFromSpecifier(s);
        if (v) found.push({ ...v, source: rel(path.join(dir, "pyproject.toml")), rank: v.exact ? 1 : 2 });
      }
    }
    const pipfile = tomlOf(path.join(dir, "Pipfile"));
    if (pipfile) {
      const pkgs = (pipfile.packages ?? {}) as Record<string, unknown>;
      for (const [name, spec] of Object.entries(pkgs)) {
        if (name.toLowerCase() !== "django") continue;
        const s = typeof spec === "string" ? spec : typeof spec === "object" && spec && "version" in spec ? String((spec as { version: unknown }).version) : undefined;
        const v = s && versionFromSpecifier(s);
        if (v) found.push({ ...v, source: rel(path.join(dir, "Pipfile")), rank: v.exact ? 1 : 2 });
      }
    }
    const setupCfg = readText(path.join(dir, "setup.cfg"));
    if (setupCfg) {
      // setup.cfg is INI: install_requires continues on indented lines.
      let inRequires = false;
      for (const line of setupCfg.split(/\r?\n/)) {
        if (/^install_requires\s*=/.test(line)) {
          inRequires = true;
          const rest = line.replace(/^install_requires\s*=/, "");
          const spec = djangoSpecOf(rest);
          const v = spec && versionFromSpecifier(spec);
          if (v) found.push({ ...v, source: rel(path.join(dir, "setup.cfg")), rank: v.exact ? 1 : 2 });
          continue;
        }
        if (inRequires && /^\s+\S/.test(line)) {
          const spec = djangoSpecOf(line);
          const v = spec && versionFromSpecifier(spec);
          if (v) found.push({ ...v, source: rel(path.join(dir, "setup.cfg")), rank: v.exact ? 1 : 2 });
        } else if (inRequires && /^\S/.test(line)) inRequires = false;
      }
    }
  }
  if (found.length === 0) return requiredIn ? { version: DEFAULT_DJANGO_VERSION, source: "default", requiredIn } : { version: DEFAULT_DJANGO_VERSION, source: "default" };
  found.sort((a, b) => a.rank - b.rank);
  return { version: found[0].version, source: found[0].source };
}
