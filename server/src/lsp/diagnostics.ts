// Findings → LSP diagnostics per file: one diagnostic per fault and place, environments merged, inherited values echoed at the import.
import * as path from "path";
import { DiagnosticSeverity, DiagnosticTag, type Diagnostic, type Location } from "vscode-languageserver";
import { INVENTORY_RULES } from "../inventory/findings";
import { DOCS_BASE, docsUrl, ruleById } from "../rules/index";
import type { Finding, Fix } from "../rules/types";
import type { Note } from "../resolve/namespace";
import { DIAGNOSTIC_SOURCE } from "../protocol/protocol";
import { lspRange, uriOf } from "./uris";

const SEVERITY: Record<Finding["severity"], DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** What a code action needs back from a diagnostic. */
export interface DiagnosticData {
  rule: string;
  environments: string[];
  fix?: Fix;
  /**
   * Set on an environment module's echo of a problem inherited from another file: where the value is set. A waiver
   * belongs there, so the echo offers none (one on the import line would silence nothing).
   */
  inheritedFrom?: Location;
}

interface Pending {
  uri: string;
  diagnostic: Diagnostic;
  environments: string[];
}

/** The inventory's rules are not in the rule catalogue (they judge the project, not an environment) but have pages. */
const INVENTORY_IDS: ReadonlySet<string> = new Set(INVENTORY_RULES.map((r) => r.id));

export function toDiagnostics(findings: Finding[], notes: Note[]): Map<string, Diagnostic[]> {
  const byKey = new Map<string, Pending>();
  const add = (file: string, f: Finding, range: Finding["location"]["range"], message: string, related: Diagnostic["relatedInformation"], inheritedFrom?: Location) => {
    const uri = uriOf(file);
    const key = `${uri}|${range.startOffset}|${range.endOffset}|${f.rule}|${f.djangoCheck}|${message}`;
    const hit = byKey.get(key);
    if (hit) {
      if (!hit.environments.includes(f.environment)) hit.environments.push(f.environment);
      return;
    }
    const rule = ruleById(f.rule);
    const tags: DiagnosticTag[] = [];
    if (f.rule.includes("deprecated")) tags.push(DiagnosticTag.Deprecated);
    if (f.rule === "unused-waiver" || f.rule === "env-unused") tags.push(DiagnosticTag.Unnecessary);
    const data: DiagnosticData = { rule: f.rule, environments: [f.environment], fix: f.fix, ...(inheritedFrom ? { inheritedFrom } : {}) };
    byKey.set(key, {
      uri,
      environments: data.environments,
      diagnostic: {
        range: lspRange(range),
        severity: SEVERITY[f.severity],
        code: f.rule,
        codeDescription: rule ? { href: docsUrl(rule) } : INVENTORY_IDS.has(f.rule) ? { href: `${DOCS_BASE}${f.rule}.md` } : undefined,
        source: f.djangoCheck ? `${DIAGNOSTIC_SOURCE} (${f.djangoCheck})` : DIAGNOSTIC_SOURCE,
        message,
        relatedInformation: related,
        tags: tags.length ? tags : undefined,
        data,
      },
    });
  };
  for (const f of findings) {
    const related = f.related.map((r) => ({ location: { uri: uriOf(r.loc.file), range: lspRange(r.loc.range) }, message: r.message }));
    add(f.location.file, f, f.location.range, f.message, related.length ? related : undefined);
    if (f.anchor && f.anchor.file !== f.location.file) {
      // The environment's own module shows the inherited fault too, linked to where it is written.
      const where = `${path.basename(f.location.file)}:${f.location.range.start.line + 1}`;
      const setAt: Location = { uri: uriOf(f.location.file), range: lspRange(f.location.range) };
      add(f.anchor.file, { ...f, fix: undefined }, f.anchor.range, `${f.message} (inherited from ${where})`, [{ location: setAt, message: `set here` }], setAt);
    }
  }
  const out = new Map<string, Diagnostic[]>();
  for (const p of byKey.values()) {
    p.diagnostic.message = `${p.diagnostic.message} [${p.environments.join(", ")}]`;
    const list = out.get(p.uri) ?? [];
    list.push(p.diagnostic);
    out.set(p.uri, list);
  }
  for (const n of notes) {
    if (!n.range) continue;
    const uri = uriOf(n.file);
    const list = out.get(uri) ?? [];
    if (list.some((d) => d.message === n.message && d.range.start.line === n.range!.start.line)) continue;
    list.push({
      range: lspRange(n.range),
      severity: n.severity === "error" ? DiagnosticSeverity.Warning : DiagnosticSeverity.Information,
      source: DIAGNOSTIC_SOURCE,
      message: n.message,
    });
    out.set(uri, list);
  }
  return out;
}

// smol-toml ships a CommonJS build (its "require" export), but its type declarations are ESM-only.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { parse: parseToml } = require("smol-toml") as { parse(text: string): unknown };

/**
 * pyproject.toml's `[tool.django-settings-hygiene]` could not be used (config/projectConfig.ts says why): an error on
 * the TOML mistake's position when the file does not parse, else on the section's header, else on the first line.
 */
export function configErrorDiagnostic(text: string, message: string): Diagnostic {
  let line = 0;
  let character = 0;
  let length = 0;
  try {
    parseToml(text);
    const lines = text.split(/\r\n|\r|\n/);
    const header = lines.findIndex((l) => /^\s*\[\s*tool\s*\.\s*["']?django-settings-hygiene["']?\s*[\].]/.test(l));
    if (header >= 0) {
      line = header;
      character = lines[header].length - lines[header].trimStart().length;
      length = lines[header].trim().length;
    }
  } catch (e) {
    const at = e as { line?: number; column?: number };
    if (typeof at.line === "number" && at.line > 0) {
      line = at.line - 1;
      character = Math.max(0, (at.column ?? 1) - 1);
      length = 1;
    }
  }
  return {
    range: { start: { line, character }, end: { line, character: character + length } },
    severity: DiagnosticSeverity.Error,
    source: DIAGNOSTIC_SOURCE,
    message: `${message}; the section is ignored until it is fixed`,
  };
}
