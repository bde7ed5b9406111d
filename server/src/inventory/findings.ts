// The inventory's project-level findings: env-undocumented (a required deployed variable no file documents) and env-unused (a documented variable nothing reads).
import { digestOf, findingFingerprint } from "../rules/fingerprint";
import * as path from "path";
import { sortFindings, type Audit } from "../rules/audit";
import type { TextOverlay } from "../resolve/moduleLoader";
import type { Loc } from "../resolve/values";
import type { Finding, ProjectRule, RelatedLocation, Severity } from "../rules/types";
import { envUndocumented } from "../rules/project/envUndocumented";
import { envUnused } from "../rules/project/envUnused";
import { buildInventory, DEPLOYED_KINDS, type VariableInventory } from "./inventory";
import { fileReader } from "./sources/index";
import { LineIndex } from "./text";
import { parseWaivers } from "../rules/waivers";
import { dotenvSecretTracked } from "../rules/secrets/dotenvSecretTracked";
import { composeSecretFindings } from "./composeSecrets";

/** The two checks this pass runs; their metadata and docs live in rules/project/, with the catalogue. */
export const INVENTORY_RULES: readonly ProjectRule[] = [envUndocumented, envUnused];

export interface InventoryFindingOptions {
  /** Rule ids to skip, as the audit's `disabled`. */
  disabled?: string[];
  /** Per-rule severity overrides, as the audit's `severities`. */
  severities?: Record<string, Severity>;
  overlay?: TextOverlay;
  /**
   * Honour waivers on the findings' lines (default): a settings module's comment on the read, a `#` comment on the
   * documenting line. Pass false when the caller runs every finding through one waiver pass (the engine does), which
   * would otherwise report these waivers as unused.
   */
  waivers?: boolean;
}

/** A waiver for `rule` in this comment or line, in the one syntax every check reads (rules/waivers.ts). */
function waives(text: string, rule: string): boolean {
  const at = text.indexOf("#");
  if (at < 0) return false;
  return parseWaivers("", text, { text: text.slice(at), startOffset: at, line: 0 }).some((w) => w.ids.some((i) => i.id === rule));
}

/** Stable across line moves and the same for every environment, like the rule findings': file, setting, what it names. */
function fingerprint(rule: string, file: string, setting: string | undefined, extra: string[]): string {
  return findingFingerprint([rule, "", file, setting ?? "", digestOf(extra.join("\u0000"))]);
}

export function inventoryFindings(audit: Audit, options: InventoryFindingOptions = {}): Finding[] {
  const inv = buildInventory(audit, { overlay: options.overlay });
  const project = audit.project;
  const read = fileReader(options.overlay);
  const severity = (id: "env-undocumented" | "env-unused") => options.severities?.[id] ?? INVENTORY_RULES.find((r) => r.id === id)!.severity;
  const enabled = (id: string) => !options.disabled?.includes(id);
  const out: Array<Finding & { fingerprint: string }> = [];

  const pythonLineWaives = (loc: Loc, rule: string): boolean => {
    if (options.waivers === false) return false;
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
          variable: v.variable,
          location: first.read.loc,
          related,
          fingerprint: fingerprint("env-undocumented", relPosix(project.root, first.read.loc.file), setting, [v.variable]),
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
      if (options.waivers !== false && idx && waives(idx.lineText(d.loc.range.start.line), "env-unused")) continue;
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
          fingerprint: fingerprint("env-unused", rel, undefined, [d.variable, d.context]),
        });
      }
    }
  }
  if (enabled(dotenvSecretTracked.id)) out.push(...(composeSecretFindings(project, inv.docs.entries, options.severities?.[dotenvSecretTracked.id] ?? dotenvSecretTracked.severity) as Array<Finding & { fingerprint: string }>));
  return sortFindings(out);
}

function undocumentedMessage(v: VariableInventory, root: string): string {
  const readers = v.settings.length ? v.settings.join(", ") : v.reads.flatMap((r) => [...r.names, ...r.calls])[0] ?? "an if test";
  const local = v.providedLocally.length
    ? `; only ${[...new Set(v.providedLocally.map((p) => path.relative(root, p.file).split(path.sep).join("/")))].join(", ")} (local runs) sets it`
    : "";
  return `${v.variable} is required (${readers}) but documented nowhere: no .env.example, compose file, Dockerfile ENV, Kubernetes manifest, Helm values, app.json or Procfile lists it${local}`;
}

function relPosix(root: string, file: string): string {
  return path.relative(root, file).split(path.sep).join("/");
}
