// Language-server surface of the inventory: "add the missing variables" in .env.example (its diagnostics go through diagnostics.ts).
import * as path from "path";
import { CodeActionKind, type CodeAction } from "vscode-languageserver";
import type { Audit } from "../engine";
import { exampleLines, listsVariable } from "../fixes/envExample";
import { isEnvVarName } from "../fixes/envNames";
import { buildInventory, DEPLOYED_KINDS, isSecretName } from "../inventory/inventory";
import type { Value } from "../resolve/values";
import { parseDotenv } from "../inventory/sources/dotenv";
import { fileReader, isDotenvDoc } from "../inventory/sources/index";
import { LineIndex } from "../inventory/text";
import { fileOf } from "./uris";

/**
 * In a .env.example (or .sample/.template/.dist): appends every variable some settings module reads that the file
 * does not list, names only, each under a comment naming the settings that read it. `text` is the open document's
 * text when the editor has one, so the edit lands at its real end.
 */
export function addMissingVariablesAction(uri: string, audit: Audit, text?: string): CodeAction | undefined {
  const file = fileOf(uri);
  if (!file || !isDotenvDoc(path.basename(file))) return undefined;
  const rel = path.relative(audit.project.root, file);
  if (rel.startsWith("..") || path.isAbsolute(rel)) return undefined;
  const current = text ?? fileReader()(file) ?? "";
  // Commented-out entries (`# POSTGRES_PORT=5432`) count as listed: they are what this action writes for defaults.
  const listed = new Set(parseDotenv(current).map((e) => e.key));
  const inv = buildInventory(audit);

  const wanted = new Map<string, { settings: Set<string>; others: Set<string>; requiredIn: Set<string>; defaultValue?: Value; secret: boolean; committed: boolean }>();
  for (const e of inv.environments) {
    for (const v of e.variables) {
      // Only names are written here: a "variable" read from the code with a line break in it would add lines of its own.
      if (listed.has(v.variable) || listsVariable(current, v.variable) || !isEnvVarName(v.variable)) continue;
      const w = wanted.get(v.variable) ?? { settings: new Set(), others: new Set(), requiredIn: new Set(), secret: false, committed: false };
      for (const s of v.settings) w.settings.add(s);
      for (const r of v.reads) for (const n of [...r.names, ...r.calls]) w.others.add(n);
      if (v.required) w.requiredIn.add(e.env.name);
      // The default of the first environment that has one, production first (the inventory's order).
      w.defaultValue ??= v.reads.find((r) => r.read.hasDefault && r.read.default)?.read.default;
      w.committed ||= v.defaultMasked || v.secretDefaults.length > 0;
      w.secret ||= w.committed || isSecretName(v.variable) || v.settings.some(isSecretName);
      wanted.set(v.variable, w);
    }
  }
  if (wanted.size === 0) return undefined;
  // Required first, deployed environments before the others: they are the ones a deploy fails without.
  const rank = (w: { requiredIn: Set<string> }) => (inv.environments.some((e) => DEPLOYED_KINDS.has(e.env.kind) && w.requiredIn.has(e.env.name)) ? 0 : w.requiredIn.size ? 1 : 2);
  const order = [...wanted.entries()].sort(([a, x], [b, y]) => rank(x) - rank(y) || (a < b ? -1 : a > b ? 1 : 0));
  const blocks = order.map(([name, w]) => {
    const readers = w.settings.size ? [...w.settings] : w.others.size ? [...w.others] : ["a condition in the settings"];
    const need = w.requiredIn.size ? `required in ${[...w.requiredIn].join(", ")}` : w.committed ? "has a default committed in the code; set a real value per deployment" : "has a default; uncomment to change it";
    return exampleLines({ name, required: w.requiredIn.size > 0, comment: `read by ${readers.join(", ")} (${need})`, defaultValue: w.defaultValue, secret: w.secret }).join("\n");
  });
  const lines = new LineIndex(current);
  const end = lines.position(current.length);
  const lead = current.length === 0 ? "" : current.endsWith("\n") ? "\n" : "\n\n";
  return {
    title: `Add ${order.length} missing variable${order.length === 1 ? "" : "s"} to ${path.basename(file)}`,
    kind: CodeActionKind.QuickFix,
    edit: { changes: { [uri]: [{ range: { start: end, end }, newText: `${lead}${blocks.join("\n")}\n` }] } },
  };
}
