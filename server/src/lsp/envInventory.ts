// Language-server surface of the inventory: env-unused diagnostics in documentation files, and "add the missing variables" in .env.example.
import * as path from "path";
import { CodeActionKind, DiagnosticSeverity, DiagnosticTag, type CodeAction, type Diagnostic } from "vscode-languageserver";
import type { Audit } from "../engine";
import { inventoryFindings, type InventoryFindingOptions } from "../inventory/findings";
import { buildInventory, DEPLOYED_KINDS } from "../inventory/inventory";
import { parseDotenv } from "../inventory/sources/dotenv";
import { fileReader, isDotenvDoc } from "../inventory/sources/index";
import { LineIndex } from "../inventory/text";
import { DOCS_BASE } from "../rules/index";
import type { Finding } from "../rules/types";
import type { DiagnosticData } from "./diagnostics";
import { DIAGNOSTIC_SOURCE } from "./protocol";
import { fileOf, lspRange, uriOf } from "./uris";

const SEVERITY: Record<Finding["severity"], DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/**
 * Diagnostics for the documentation files (.env.example, compose files, manifests): the inventory findings located
 * outside Python modules, one per place with the environments merged. env-undocumented findings sit in settings
 * modules and reach the editor with the audit's own findings, so they are not repeated here.
 */
export function inventoryDiagnostics(audit: Audit, options: InventoryFindingOptions = {}): Map<string, Diagnostic[]> {
  const byKey = new Map<string, { uri: string; diagnostic: Diagnostic; environments: string[] }>();
  for (const f of inventoryFindings(audit, options)) {
    if (f.location.file.endsWith(".py")) continue;
    const uri = uriOf(f.location.file);
    const key = `${uri}|${f.location.range.startOffset}|${f.rule}|${f.message}`;
    const hit = byKey.get(key);
    if (hit) {
      if (!hit.environments.includes(f.environment)) hit.environments.push(f.environment);
      continue;
    }
    const environments = [f.environment];
    const data: DiagnosticData = { rule: f.rule, environments };
    byKey.set(key, {
      uri,
      environments,
      diagnostic: {
        range: lspRange(f.location.range),
        severity: SEVERITY[f.severity],
        code: f.rule,
        codeDescription: { href: `${DOCS_BASE}${f.rule}.md` },
        source: DIAGNOSTIC_SOURCE,
        message: f.message,
        tags: f.rule === "env-unused" ? [DiagnosticTag.Unnecessary] : undefined,
        data,
      },
    });
  }
  const out = new Map<string, Diagnostic[]>();
  for (const { uri, diagnostic } of byKey.values()) out.set(uri, [...(out.get(uri) ?? []), diagnostic]);
  return out;
}

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
  const listed = new Set(parseDotenv(current).map((e) => e.key));
  const inv = buildInventory(audit);

  const wanted = new Map<string, { settings: Set<string>; others: Set<string>; requiredIn: Set<string> }>();
  for (const e of inv.environments) {
    for (const v of e.variables) {
      if (listed.has(v.variable)) continue;
      const w = wanted.get(v.variable) ?? { settings: new Set(), others: new Set(), requiredIn: new Set() };
      for (const s of v.settings) w.settings.add(s);
      for (const r of v.reads) for (const n of [...r.names, ...r.calls]) w.others.add(n);
      if (v.required && DEPLOYED_KINDS.has(e.env.kind)) w.requiredIn.add(e.env.name);
      wanted.set(v.variable, w);
    }
  }
  if (wanted.size === 0) return undefined;
  // Required-in-deployment first: they are the ones a deploy fails without.
  const order = [...wanted.entries()].sort(([a, x], [b, y]) => Number(y.requiredIn.size > 0) - Number(x.requiredIn.size > 0) || (a < b ? -1 : a > b ? 1 : 0));
  const blocks = order.map(([name, w]) => {
    const readers = w.settings.size ? [...w.settings] : w.others.size ? [...w.others] : ["a condition in the settings"];
    const need = w.requiredIn.size ? `required in ${[...w.requiredIn].join(", ")}` : "has a default";
    return `# read by ${readers.join(", ")} (${need})\n${name}=`;
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
