// What a CLI argument names: the project root around a file or folder argument, and which environments it and `--environment` pick.
import * as fs from "fs";
import * as path from "path";
import { isInside, projectRootFor } from "../project/roots";
import type { Environment } from "../resolve/environment";

/** `--environment production` matches the kind; `mysite.settings.prod` or its last parts match the module. */
export function matchesEnvironment(e: Environment, wanted: string): boolean {
  return e.kind === wanted || e.name === wanted || e.name.endsWith("." + wanted);
}

/** For a file argument: the project root found upward (manage.py, pyproject.toml, requirements, lock files, .git). */
export function projectRootOf(file: string): string {
  return projectRootFor(file);
}

/**
 * An audited path: the project root it belongs to (found upward, so that a settings package audited alone keeps its
 * project's Django version, entry points and dotted names), and the part of the project it narrows the audit to:
 * a file or a folder below the root, or nothing when the path is the root itself.
 */
export interface AuditTarget {
  root: string;
  scope?: string;
  isFile: boolean;
}

export function auditTarget(p: string, isFile: boolean): AuditTarget {
  const abs = path.resolve(p);
  const root = projectRootFor(abs);
  return { root, scope: isFile || root !== abs ? abs : undefined, isFile };
}

/** True when the environment reads a file inside the target's scope (a change there can change the environment). */
export function environmentInScope(e: Environment, target: AuditTarget): boolean {
  return !target.scope || e.files.some((f) => isInside(f, target.scope!));
}

/** True when a project-level finding (a .env file) is inside the target's scope. */
export function fileInScope(file: string, target: AuditTarget): boolean {
  return !target.scope || isInside(file, target.scope);
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
