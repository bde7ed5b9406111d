// dotenv-secret-tracked over compose files: a secret a service's `environment:` commits, literally or as a `${VAR:-default}`.
import * as path from "path";
import type { Project } from "../resolve/project";
import { classify } from "../secrets/classify";
import { committedSecretFinding, sitePath } from "../rules/dotenvFindings";
import type { Finding, Severity } from "../rules/types";
import type { DocEntry } from "./sources/types";

/** A compose file for local work by its name: its short values are stand-ins, as in the testing environment. */
function localComposeFile(file: string): boolean {
  return /(^|[._-])(dev|devel|develop|development|local|override|test|tests|ci)([._-]|$)/i.test(path.basename(file));
}

/**
 * DefectDojo's `DD_SECRET_KEY: "${DD_SECRET_KEY:-hhZC…}"` and plane's `SECRET_KEY: ${SECRET_KEY:-60gp…}`: compose files
 * are committed by design, and a plain `docker compose up` deploys with the default. Only services that run Django
 * (the settings read the variable, or the command is Django's) are judged; the advice is to interpolate without a
 * default and keep the value where the deployment runs.
 */
export function composeSecretFindings(project: Project, entries: readonly DocEntry[], severity: Severity): Finding[] {
  const out: Finding[] = [];
  const seen = new Set<string>();
  for (const e of entries) {
    if (e.source !== "compose" || !e.value || !e.forDjango) continue;
    const at = e.value.loc;
    const key = `${at.file}\u0000${at.range.startOffset}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const c = classify({ path: sitePath(e.variable), value: e.value.text, names: [e.variable], testing: localComposeFile(at.file) });
    if (!c) continue;
    const rel = path.relative(project.root, at.file).split(path.sep).join("/");
    const message = `${e.variable} in ${rel} (${e.context}) is ${c.what} (${c.masked}), and compose files are committed: write \${${e.variable}} without a default and set the value where the deployment runs`;
    out.push(committedSecretFinding(project, at, rel, e.variable, c, message, severity));
  }
  return out;
}
