// Shared helpers for the resolver tests: run a project through the engine and read one environment's settings.
import * as path from "node:path";
import type { Environment } from "../../server/src/resolve/environment";
import { envReadsOf, pyRepr, type Value } from "../../server/src/resolve/values";
import { auditFiles, type AuditOptions, type ProjectFiles } from "../helpers/project";

export interface EnvUnderTest {
  env: Environment;
  dir: string;
  /** Project-relative POSIX path of an absolute file. */
  rel(file: string): string;
}

/** Audits `files` and returns the environment named `name` (a dotted module name); throws when it is absent. */
export async function environment(files: ProjectFiles, name: string, options: AuditOptions = {}): Promise<EnvUnderTest> {
  const a = await auditFiles(files, { djangoVersion: "5.2", ...options });
  const env = a.project.environments.find((e) => e.name === name);
  if (!env) throw new Error(`no environment ${name}; have ${a.project.environments.map((e) => e.name).join(", ")}`);
  return { env, dir: a.dir, rel: (f) => path.relative(a.dir, f).split(path.sep).join("/") };
}

/** A lone settings.py holding `text`: the environment "settings". */
export async function lone(text: string, options: AuditOptions = {}): Promise<Environment> {
  return (await environment({ "settings.py": text }, "settings", options)).env;
}

/** Python's repr of a setting's value, "<unknown>" when it is not known. */
export function repr(env: Environment, name: string): string {
  return pyRepr(env.get(name).value);
}

/** The env reads a value depends on, as [variable, via, hasDefault, repr(default)]. */
export function reads(v: Value): Array<[string, string, boolean, string | undefined]> {
  return envReadsOf(v).map((r) => [r.variable, r.via, r.hasDefault, r.default && pyRepr(r.default)]);
}
