// The inventory's project-level findings: env-undocumented (a required deployed variable no file documents) and env-unused (a documented variable nothing reads).
import { createHash } from "crypto";
import * as path from "path";
import { sortFindings, type Audit } from "../engine";
import type { EnvKind } from "../resolve/classify";
import type { TextOverlay } from "../resolve/moduleLoader";
import type { Loc } from "../resolve/values";
import type { Finding, RelatedLocation, Severity } from "../rules/types";
import { buildInventory, DEPLOYED_KINDS, type VariableInventory } from "./inventory";
import { fileReader } from "./sources/index";
import { LineIndex } from "./text";

/** What the catalogue keeps for a Rule, for these two checks that need the whole tree and so are not Rules. */
export interface InventoryRuleMeta {
  id: "env-undocumented" | "env-unused";
  severity: Severity;
  appliesTo: EnvKind[];
  summary: string;
}

export const INVENTORY_RULES: readonly InventoryRuleMeta[] = [
  {
    id: "env-undocumented",
    severity: "warning",
    appliesTo: ["production", "staging"],
    summary: "A variable a deployed environment requires is documented nowhere",
  },
  {
    id: "env-unused",
    severity: "information",
    appliesTo: ["production", "staging"],
    summary: "A documented variable is read by no settings module",
  },
];

export interface InventoryFindingOptions {
  /** Rule ids to skip, as the audit's `disabled`. */
  disabled?: string[];
  /** Per-rule severity overrides, as the audit's `severities`. */
  severities?: Record<string, Severity>;
  overlay?: TextOverlay;
  /**
   * Honour `# django-settings-hygiene: ignore[env-undocumented]` on the read's line here (default). Pass false when the
   * caller runs the findings through the engine's own waiver pass (rules/waivers.ts), which would otherwise report the
   * waiver as unused. Waivers in documentation files are always honoured here: that pass reads settings modules only.
   */
  pythonWaivers?: boolean;
}

const WAIVER = /django-settings-hygiene:\s*ignore(?:\[([^\]]*)\])?/;

/** `# django-settings-hygiene: ignore[rule]` (or a bare `ignore`) on the line waives the finding there. */
function waives(line: string, rule: string): boolean {
  const m = WAIVER.exec(line);
  if (!m) return false;
  return m[1] === undefined || m[1].split(",").some((r) => r.trim() === rule);
}

function sha(s: string): string {
  return createHash("sha256").update(s).digest("hex");
}

/** Stable across line moves, like the rule findings' fingerprints: no position, no value. */
function fingerprint(rule: string, environment: string, setting: string | undefined, extra: string[]): string {
  return sha([rule, "", environment, setting ?? "", sha(extra.join("\u0000"))].join("\u0000")).slice(0, 32);
}

export function inventoryFindings(audit: Audit, options: InventoryFindingOptions = {}): Finding[] {
  const inv = buildInventory(audit, { overlay: options.overlay });
  const project = audit.project;
  const read = fileReader(options.overlay);
  const severity = (id: InventoryRuleMeta["id"]) => options.severities?.[id] ?? INVENTORY_RULES.find((r) => r.id === id)!.severity;
  const enabled = (id: string) => !options.disabled?.includes(id);
  const out: Array<Finding & { fingerprint: string }> = [];

  const pythonLineWaives = (loc: Loc, rule: string): boolean => {
    if (options.pythonWaivers === false) return false;
    const loaded = project.loader.load(loc.file);
    if (!loaded.ok) return false;
    return loaded.model.comments.some((c) => c.line === loc.range.start.line && waives(c.text, rule));
  };

  if (enabled("env-undocumented")) {
    const open = inv.docs.open.filter((o) => o.forDjango);
    for (const e of inv.environments) {
      if (!DEPLOYED_KINDS.has(e.env.kind)) continue;
      for (const v of e.variables) {
        if (!v.required || v.documented.length > 0) continue;
        const requiredReads = v.reads.filter((r) => !r.read.hasDefault);
        const first = requiredReads[0];
        if (pythonLineWaives(first.read.loc, "env-undocumented")) continue;
        const setting = first.settings[0] ?? v.settings[0];
        const related: RelatedLocation[] = [
          ...requiredReads.slice(1).map((r) => ({ loc: r.read.loc, message: `${v.variable} is required here too` })),
          ...open.map((o) => ({ loc: o.loc, message: `${o.message}: it may provide ${v.variable}` })),
        ];
        out.push({
          rule: "env-undocumented",
          djangoCheck: null,
          severity: severity("env-undocumented"),
          environment: e.env.name,
          environmentKind: e.env.kind,
          message: undocumentedMessage(v, project.root),
          setting,
          location: first.read.loc,
          related,
          fingerprint: fingerprint("env-undocumented", e.env.name, setting, [v.variable]),
        });
      }
    }
  }

  if (enabled("env-unused")) {
    // Documentation serves deployments; with no deployed environment the finding goes to every environment.
    const deployed = inv.environments.filter((e) => DEPLOYED_KINDS.has(e.env.kind));
    const targets = deployed.length ? deployed : inv.environments;
    const lines = new Map<string, LineIndex | undefined>();
    for (const d of inv.unused) {
      if (!lines.has(d.loc.file)) {
        const text = read(d.loc.file);
        lines.set(d.loc.file, text === undefined ? undefined : new LineIndex(text));
      }
      const idx = lines.get(d.loc.file);
      if (idx && waives(idx.lineText(d.loc.range.start.line), "env-unused")) continue;
      const rel = path.relative(project.root, d.loc.file).split(path.sep).join("/");
      for (const e of targets) {
        out.push({
          rule: "env-unused",
          djangoCheck: null,
          severity: severity("env-unused"),
          environment: e.env.name,
          environmentKind: e.env.kind,
          message: `${d.variable} is documented here (${d.context}) but no settings module reads it`,
          location: d.loc,
          related: [],
          fingerprint: fingerprint("env-unused", e.env.name, undefined, [d.variable, rel, d.context]),
        });
      }
    }
  }
  return sortFindings(out);
}

function undocumentedMessage(v: VariableInventory, root: string): string {
  const readers = v.settings.length ? v.settings.join(", ") : v.reads.flatMap((r) => [...r.names, ...r.calls])[0] ?? "an if test";
  const local = v.providedLocally.length
    ? `; only ${[...new Set(v.providedLocally.map((p) => path.relative(root, p.file).split(path.sep).join("/")))].join(", ")} (local runs) sets it`
    : "";
  return `${v.variable} is required (${readers}) but documented nowhere: no .env.example, compose file, Kubernetes manifest, Helm values, app.json or Procfile lists it${local}`;
}
