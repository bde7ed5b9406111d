// "Harden production settings": every deploy-check fix for one environment, re-audited until nothing more applies.
import type { Engine } from "../engine";
import { applyTextEdits, planFixes, readFromDisk, type FileChange } from "../fixes/apply";
import type { EnvKind } from "../resolve/classify";
import type { TextOverlay } from "../resolve/moduleLoader";
import { DEPLOY_RULES } from "../rules/deploy";
import type { Finding, Fix, TextEdit } from "../rules/types";
import { sameFix } from "./problems";
import { Session, type SessionOverrides } from "./session";

/** Django's own deploy checks: what hardening fixes. The checklist's and the secrets rules' fixes are left to the user. */
export const DEPLOY_RULE_IDS: ReadonlySet<string> = new Set(DEPLOY_RULES.map((r) => r.id));

/** One fix fed the next: the HSTS subdomains check only fires once SECURE_HSTS_SECONDS is set. Bounded like the CLI's. */
const MAX_PASSES = 5;

export interface HardenOptions {
  /** Unsaved editor text, which wins over the disk. */
  overlay?: TextOverlay;
  overrides?: SessionOverrides;
}

export interface HardenResult {
  environment: string;
  kind: EnvKind;
  /** Each changed file, from its current text to the hardened one. */
  changes: FileChange[];
  /** The fixes applied, in order, across passes. */
  applied: Fix[];
  /** What the deploy checks still report for the environment afterwards (no fix, or none that applies yet). */
  remaining: Finding[];
}

/**
 * Applies every deploy-check fix for `environment` (safe and unsafe: hardening is asked for explicitly, and the editor
 * shows a preview) in memory, re-auditing after each pass so fixes that only become possible after another (HSTS
 * subdomains after HSTS itself) are included, until a pass adds nothing. Nothing is written.
 *
 * Python modules are re-read through an overlay holding the hardened text. Other files (.env.example) are not read by
 * the analysis, so their fixes are computed against the disk each pass: those edits are collected and applied together.
 */
export function hardenEnvironment(engine: Engine, root: string, environment: string, options: HardenOptions = {}): HardenResult {
  const base = (file: string) => options.overlay?.get(file) ?? readFromDisk(file);
  const hardened = new Map<string, string>();
  const session = new Session(engine, root, { overlay: { get: (f) => hardened.get(f) ?? options.overlay?.get(f) }, overrides: options.overrides });
  const otherEdits: TextEdit[] = [];
  const applied: Fix[] = [];
  let remaining: Finding[] = [];
  let kind: EnvKind = "production";
  try {
    for (let pass = 0; ; pass++) {
      const audit = session.audit();
      kind = audit.project.environments.find((e) => e.name === environment)?.kind ?? kind;
      remaining = audit.findings.filter((f) => f.environment === environment && DEPLOY_RULE_IDS.has(f.rule));
      if (pass === MAX_PASSES) break;
      const fixes: Fix[] = [];
      for (const f of remaining) if (f.fix && !fixes.some((x) => sameFix(x, f.fix!)) && !applied.some((x) => sameFix(x, f.fix!))) fixes.push(f.fix);
      const plan = planFixes(fixes, (file) => (file.endsWith(".py") ? hardened.get(file) ?? base(file) : base(file)));
      let progressed = false;
      for (const c of plan.changes) {
        if (!c.file.endsWith(".py")) continue;
        hardened.set(c.file, c.after);
        progressed = true;
      }
      for (const fix of plan.applied) {
        for (const e of fix.edits) if (!e.file.endsWith(".py") && !otherEdits.some((o) => sameEdit(o, e))) {
          otherEdits.push(e);
          progressed = true;
        }
      }
      applied.push(...plan.applied);
      if (!progressed) break;
    }
  } finally {
    session.dispose();
  }
  const changes: FileChange[] = [];
  for (const [file, after] of hardened) {
    const before = base(file) ?? "";
    if (after !== before) changes.push({ file, before, after, created: false });
  }
  const byFile = new Map<string, TextEdit[]>();
  for (const e of otherEdits) byFile.set(e.file, [...(byFile.get(e.file) ?? []), e]);
  for (const [file, edits] of byFile) {
    const current = base(file);
    const after = applyTextEdits(current ?? "", edits);
    if (after !== current) changes.push({ file, before: current ?? "", after, created: current === undefined });
  }
  changes.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  return { environment, kind, changes, applied, remaining };
}

function sameEdit(a: TextEdit, b: TextEdit): boolean {
  return a.file === b.file && a.range.startOffset === b.range.startOffset && a.range.endOffset === b.range.endOffset && a.newText === b.newText;
}

/**
 * The production environment hardening is offered for from a file: the one whose own module it is, else the first
 * production (then staging) environment that loads it. Undefined when the file feeds no deployed environment.
 */
export function deployedEnvironmentFor(audit: { project: { environments: ReadonlyArray<{ name: string; kind: string; file: string; files?: readonly string[] }> } }, file: string | undefined): string | undefined {
  const envs = audit.project.environments.filter((e) => e.kind === "production" || e.kind === "staging");
  const own = envs.find((e) => e.file === file);
  if (own) return own.name;
  const ordered = [...envs.filter((e) => e.kind === "production"), ...envs.filter((e) => e.kind === "staging")];
  return ordered.find((e) => file !== undefined && e.files?.includes(file))?.name;
}
