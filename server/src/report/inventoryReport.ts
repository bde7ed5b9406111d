// The environment-variable inventory as data (the `env --format json` schema, version 2) and as the Markdown section of the audit report.
import type { Audit } from "../engine";
import { inventoryFindings, type InventoryFindingOptions } from "../inventory/findings";
import { buildInventory, showDefault } from "../inventory/inventory";
import type { DocSourceKind } from "../inventory/sources/types";
import type { Loc } from "../resolve/values";
import { jsonLocation, relPath, toJsonFindings, type JsonFinding, type JsonLocation } from "./jsonReport";

export interface InventoryJsonRead extends JsonLocation {
  via: string;
  required: boolean;
  default: string | null;
  secretDefault: boolean;
  cast: string | null;
  settings: string[];
  names: string[];
  calls: string[];
}

export interface InventoryJsonTrip extends JsonLocation {
  rule: string;
  djangoCheck: string | null;
  severity: string;
  setting: string | null;
  message: string;
}

export interface InventoryJsonVariable {
  name: string;
  required: boolean;
  default: string | null;
  defaultMasked: boolean;
  secretDefault: boolean;
  cast: string | null;
  settings: string[];
  reads: InventoryJsonRead[];
  defaultTrips: InventoryJsonTrip[];
  documented: Array<JsonLocation & { source: DocSourceKind; context: string }>;
  providedLocally: JsonLocation[];
}

export interface InventoryJsonEnvironment {
  name: string;
  kind: string;
  module: string;
  variables: InventoryJsonVariable[];
  localEnvFiles: Array<{
    file: string;
    exists: boolean;
    via: string;
    pathKnown: boolean;
    conditional: boolean;
    loadedAt: JsonLocation;
    variables: string[];
  }>;
}

/** The audit's finding shape (README "JSON output", one per place), so one consumer reads both reports. */
export type InventoryJsonFinding = JsonFinding;

export interface InventoryJson {
  version: 2;
  environments: InventoryJsonEnvironment[];
  documentation: Array<{ file: string; source: DocSourceKind; variables: number }>;
  unused: Array<JsonLocation & { name: string; source: DocSourceKind; context: string }>;
  openReferences: Array<JsonLocation & { message: string; forDjango: boolean }>;
  findings: InventoryJsonFinding[];
  notes: Array<{ file: string; line: number | null; severity: string; message: string }>;
}

export interface InventoryReportOptions extends InventoryFindingOptions {
  /** Paths are relative to this directory (default: the project root). */
  base?: string;
  /** Only these environments (dotted names); documentation, unused entries and notes stay project-wide. */
  environments?: string[];
}

export function buildInventoryReport(audit: Audit, options: InventoryReportOptions = {}): InventoryJson {
  const inv = buildInventory(audit, { overlay: options.overlay });
  const base = options.base ?? audit.project.root;
  const keep = (name: string) => !options.environments || options.environments.includes(name);
  const loc = (l: Loc) => jsonLocation(base, l);
  const findings = inventoryFindings(audit, options).filter((f) => keep(f.environment));
  return {
    version: 2,
    environments: inv.environments
      .filter((e) => keep(e.env.name))
      .map((e) => ({
        name: e.env.name,
        kind: e.env.kind,
        module: relPath(base, e.env.file),
        variables: e.variables.map((v) => ({
          name: v.variable,
          required: v.required,
          default: v.defaultDisplay ?? null,
          defaultMasked: v.defaultMasked,
          secretDefault: v.secretDefaults.length > 0,
          cast: v.cast ?? null,
          settings: v.settings,
          reads: v.reads.map((r) => ({
            ...loc(r.read.loc),
            via: r.read.via,
            required: !r.read.hasDefault,
            default: r.read.hasDefault && r.read.default ? showDefault(v.variable, r.settings, r.read.default).text : null,
            secretDefault: v.secretDefaults.includes(r),
            cast: r.read.cast ?? null,
            settings: r.settings,
            names: r.names,
            calls: r.calls,
          })),
          defaultTrips: v.trips.map((f) => ({ ...loc(f.location), rule: f.rule, djangoCheck: f.djangoCheck, severity: f.severity, setting: f.setting ?? null, message: f.message })),
          documented: v.documented.map((d) => ({ ...loc(d.loc), source: d.source, context: d.context })),
          providedLocally: v.providedLocally.map((p) => loc(p.loc)),
        })),
        localEnvFiles: e.localEnvFiles.map((f) => ({
          file: relPath(base, f.file),
          exists: f.exists,
          via: f.via,
          pathKnown: f.pathKnown,
          conditional: f.conditional,
          loadedAt: loc(f.loadedAt),
          variables: f.keys.map((k) => k.variable),
        })),
      })),
    documentation: inv.docs.files.map((f) => ({ file: relPath(base, f.file), source: f.source, variables: f.variables })),
    unused: inv.unused.map((d) => ({ ...loc(d.loc), name: d.variable, source: d.source, context: d.context })),
    openReferences: inv.docs.open.map((o) => ({ ...loc(o.loc), message: o.message, forDjango: o.forDjango })),
    findings: toJsonFindings(base, findings),
    notes: inv.docs.notes.map((n) => ({ file: relPath(base, n.file), line: n.range ? n.range.start.line + 1 : null, severity: n.severity, message: n.message })),
  };
}


const at = (l: JsonLocation) => `${l.file}:${l.line}`;

/** The inventory as a Markdown section; `level` is the heading level of its title (2 inside the audit report). */
export function inventoryMarkdown(data: InventoryJson, level = 2): string {
  const h = (n: number) => "#".repeat(Math.min(6, level + n));
  const esc = (s: string) => s.replace(/\|/g, "\\|").replace(/\n/g, " ");
  const lines = [`${h(0)} Environment variables`, ""];
  if (data.documentation.length) {
    lines.push(`Documented in: ${data.documentation.map((d) => `\`${d.file}\` (${d.source}, ${d.variables})`).join(", ")}`, "");
  } else {
    lines.push("No documentation file found: no `.env.example`, compose file, Kubernetes manifest, Helm values, `app.json` or Procfile.", "");
  }
  for (const env of data.environments) {
    const required = env.variables.filter((v) => v.required).length;
    lines.push(`${h(1)} ${env.name} (${env.kind})`, "", `Module: \`${env.module}\` · ${env.variables.length} variable(s), ${required} required`, "");
    if (env.variables.length) {
      lines.push("| Variable | Needed | Default (when unset) | Cast | Read by | Documented in |", "|---|---|---|---|---|---|");
      for (const v of env.variables) {
        const trips = v.defaultTrips.length ? ` ⚠️ trips ${[...new Set(v.defaultTrips.map((t) => t.rule))].join(", ")}` : "";
        const secret = v.secretDefault ? " 🔑 secret-looking" : "";
        const def = v.required ? "–" : `\`${esc(v.default ?? "None")}\`${trips}${secret}`;
        const readBy = v.settings.length ? v.settings.map((s) => `\`${s}\``).join(", ") : esc(readersOf(v));
        const docs = v.documented.length ? v.documented.map((d) => `\`${at(d)}\``).join(", ") : v.required && isDeployed(env.kind) ? "❌ nowhere" : "nowhere";
        const local = v.providedLocally.length ? ` (local: ${v.providedLocally.map((p) => `\`${p.file}\``).join(", ")})` : "";
        lines.push(`| \`${v.name}\` | ${v.required ? "required" : "defaulted"} | ${def} | ${v.cast ?? "–"} | ${readBy} | ${docs}${local} |`);
      }
      lines.push("");
    }
    for (const f of env.localEnvFiles) lines.push(`- Loads \`${f.file}\` for local runs (${localDescription(f)})`);
    if (env.localEnvFiles.length) lines.push("");
  }
  if (data.unused.length) {
    lines.push(`${h(1)} Documented but read by no settings module`, "");
    for (const u of data.unused) lines.push(`- \`${u.name}\` at \`${at(u)}\` (${esc(u.context)})`);
    lines.push("");
  }
  const open = data.openReferences.filter((o) => o.forDjango);
  if (open.length) {
    lines.push(`${h(1)} References the tree cannot resolve`, "");
    for (const o of open) lines.push(`- \`${at(o)}\`: ${esc(o.message)}`);
    lines.push("");
  }
  return lines.join("\n");
}

export function readersOf(v: InventoryJsonVariable): string {
  if (v.settings.length) return v.settings.join(", ");
  const other = [...new Set(v.reads.flatMap((r) => [...r.names, ...r.calls]))];
  return other.length ? other.join(", ") : "(a condition)";
}

export function localDescription(f: InventoryJsonEnvironment["localEnvFiles"][number]): string {
  const parts = [`${f.via} at ${at(f.loadedAt)}`];
  if (!f.exists) parts.push("not in the tree");
  else parts.push(`${f.variables.length} key(s)`);
  if (!f.pathKnown) parts.push("path inferred from its literals");
  if (f.conditional) parts.push("conditional");
  return parts.join(", ");
}

export function isDeployed(kind: string): boolean {
  return kind === "production" || kind === "staging";
}
