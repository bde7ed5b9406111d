// Where a fix may write: a regular file inside the project root, with symlinks resolved and never followed out of it.
import * as fs from "fs";
import * as path from "path";
import { findTop } from "../secrets/gitTracked";

/** The fs calls the checks make, so tests can put a fault-injecting layer in front of them (see safeWrite.ts). */
export type TargetFs = Pick<typeof fs, "lstatSync" | "statSync" | "realpathSync">;

export type WriteTarget =
  | {
      ok: true;
      /** The path asked for. */
      file: string;
      /** The file to replace: `file` itself, or what its symlinks resolve to (written through, the links kept). */
      real: string;
      /** Whether `real` exists; when not, the fix creates it (.env.example, .gitignore). */
      exists: boolean;
      /** The project root (real path) the file was checked against. */
      root: string;
    }
  | { ok: false; file: string; reason: string };

function inside(child: string, parent: string): boolean {
  const rel = path.relative(parent, child);
  return rel === "" || (!rel.startsWith(".." + path.sep) && rel !== ".." && !path.isAbsolute(rel));
}

function code(e: unknown): string | undefined {
  return (e as NodeJS.ErrnoException)?.code;
}

/**
 * The root a file may be written under: the deepest audited root holding it, or, for the one fix target that lives
 * above an audited root (the .gitignore at the top of the git work tree holding it, dotenv-secret-tracked's fix), that
 * work tree's top.
 */
function rootFor(file: string, roots: readonly string[]): string | undefined {
  const within = roots.map((r) => path.resolve(r)).filter((r) => inside(file, r));
  if (within.length) return within.sort((a, b) => b.length - a.length)[0];
  if (path.basename(file) !== ".gitignore") return undefined;
  for (const r of roots) {
    const { top } = findTop(r);
    if (path.dirname(file) === top) return top;
  }
  return undefined;
}

/**
 * Checks that `file` may be written for a project audited at `roots` and says what to replace. Refused: a path outside
 * every root; a symlink (of the file or of a directory on the way) whose target is outside the root, or does not
 * exist, or loops; anything but a regular file. A symlink inside the root is written through to its target, so the
 * link stays a link.
 */
export function resolveWriteTarget(file: string, roots: readonly string[], tfs: TargetFs = fs): WriteTarget {
  const abs = path.resolve(file);
  const refuse = (reason: string): WriteTarget => ({ ok: false, file: abs, reason });
  const lexicalRoot = rootFor(abs, roots);
  if (!lexicalRoot) return refuse(`it is outside the project root${roots.length === 1 ? ` ${path.resolve(roots[0])}` : "s"}`);
  let root: string;
  try {
    root = tfs.realpathSync(lexicalRoot);
  } catch (e) {
    return refuse(`the project root ${lexicalRoot} cannot be resolved (${code(e) ?? String(e)})`);
  }
  let link: fs.Stats | undefined;
  try {
    link = tfs.lstatSync(abs);
  } catch (e) {
    if (code(e) !== "ENOENT" && code(e) !== "ENOTDIR") return refuse(`it cannot be examined (${code(e) ?? String(e)})`);
  }
  if (!link) {
    // A new file: the nearest directory that exists decides where it lands.
    let dir = path.dirname(abs);
    const missing: string[] = [path.basename(abs)];
    for (;;) {
      try {
        const st = tfs.statSync(dir);
        if (!st.isDirectory()) return refuse(`${dir} is not a directory`);
        break;
      } catch (e) {
        if (code(e) !== "ENOENT") return refuse(`${dir} cannot be examined (${code(e) ?? String(e)})`);
        // A dangling symlink on the way would be created through: refuse it rather than follow it.
        try {
          if (tfs.lstatSync(dir).isSymbolicLink()) return refuse(`${dir} is a symlink whose target does not exist`);
        } catch {
          /* really missing */
        }
        missing.unshift(path.basename(dir));
        const up = path.dirname(dir);
        if (up === dir) return refuse("no directory on its path exists");
        dir = up;
      }
    }
    let realDir: string;
    try {
      realDir = tfs.realpathSync(dir);
    } catch (e) {
      return refuse(`${dir} cannot be resolved (${code(e) ?? String(e)})`);
    }
    const real = path.join(realDir, ...missing);
    if (!inside(real, root)) return refuse(`its directory ${dir} resolves to ${realDir}, outside the project root ${root}`);
    return { ok: true, file: abs, real, exists: false, root };
  }
  let real: string;
  try {
    real = tfs.realpathSync(abs);
  } catch (e) {
    if (link.isSymbolicLink()) return refuse(code(e) === "ELOOP" ? "it is a symlink that loops" : "it is a symlink whose target does not exist");
    return refuse(`it cannot be resolved (${code(e) ?? String(e)})`);
  }
  if (!inside(real, root)) {
    return refuse(link.isSymbolicLink() ? `it is a symlink to ${real}, outside the project root ${root}` : `it resolves to ${real} (through a symlinked directory), outside the project root ${root}`);
  }
  let st: fs.Stats;
  try {
    st = tfs.statSync(real);
  } catch (e) {
    return refuse(`it cannot be examined (${code(e) ?? String(e)})`);
  }
  if (!st.isFile()) return refuse("it is not a regular file");
  return { ok: true, file: abs, real, exists: true, root };
}
