// What a CLI argument names: the project root around a file argument, and which environments `--environment` picks.
import * as fs from "fs";
import * as path from "path";
import type { Environment } from "../resolve/environment";

/** `--environment production` matches the kind; `mysite.settings.prod` or its last parts match the module. */
export function matchesEnvironment(e: Environment, wanted: string): boolean {
  return e.kind === wanted || e.name === wanted || e.name.endsWith("." + wanted);
}

/** For a file argument: the nearest ancestor with manage.py, pyproject.toml or .git, else the file's directory. */
export function projectRootOf(file: string): string {
  let dir = path.dirname(file);
  for (;;) {
    if (["manage.py", "pyproject.toml", ".git"].some((m) => fs.existsSync(path.join(dir, m)))) return dir;
    const up = path.dirname(dir);
    if (up === dir) return path.dirname(file);
    dir = up;
  }
}

/** The nearest directory at or above `dir` that holds `.git` (a directory, or a worktree's file): the repository root. */
export function repositoryRootOf(dir: string): string | undefined {
  let cur = path.resolve(dir);
  for (;;) {
    if (fs.existsSync(path.join(cur, ".git"))) return cur;
    const up = path.dirname(cur);
    if (up === cur) return undefined;
    cur = up;
  }
}
