// Runs the catalogue over environments: picks the rules that apply, locates each finding, applies SILENCED_SYSTEM_CHECKS.
import type { Range } from "../parse/model";
import type { Environment, ResolvedSetting } from "../resolve/environment";
import type { ModuleResult } from "../resolve/interpreter";
import type { Project } from "../resolve/project";
import { pyContains, type Loc } from "../resolve/values";
import { RULES } from "./index";
import type { Finding, Fix, RelatedLocation, Rule, RuleContext, RuleResult, Severity } from "./types";
import * as path from "path";
import { digestOf, findingFingerprint, SECRET_DIGEST, secretDigest } from "./fingerprint";
import { pyRepr } from "../resolve/values";

export interface RunOptions {
  /** Rule ids to skip. */
  disabled?: string[];
  /** Per-rule severity overrides. */
  severities?: Record<string, Severity>;
  rules?: readonly Rule[];
  /**
   * Findings per module run, for a caller that analyses again and again (the language server): an environment whose
   * run resolve/project.ts reused gets its findings back without running the rules. The owner drops it when files
   * other than settings modules change (fixes read .env.example and the project's style).
   */
  memo?: FindingsMemo;
}

export type FindingsMemo = WeakMap<ModuleResult, { key: string; settingsKey: string; findings: Finding[]; deps: FixDeps }>;

/** The texts of modules outside the environment that its findings' fixes edit, as they were when the fixes were made. */
type FixDeps = Array<[string, string | undefined]>;

/**
 * Runs every rule on every environment. Waivers are not applied here: the engine applies them once to these and to the
 * project-wide checks' findings together, so a waiver can name any rule id.
 */
export function runRules(project: Project, options: RunOptions = {}): Finding[] {
  const out: Finding[] = [];
  const settingsKey = options.memo ? JSON.stringify([options.disabled, options.severities, (options.rules ?? RULES).map((r) => r.id)]) : "";
  for (const env of project.environments) {
    if (!options.memo) {
      out.push(...runOnEnvironment(project, env, options));
      continue;
    }
    // What else the findings depend on; the options' part is compared on its own, not repeated in a key per environment.
    const key = `${env.name}\u0000${env.kind}\u0000${env.kindSource}\u0000${env.djangoVersion.major}.${env.djangoVersion.minor}`;
    const hit = options.memo.get(env.result);
    // A fix that edits other environments' modules (a SECRET_KEY base.py shares) was computed on their text then, which
    // may have changed since without this environment's run changing: then the findings are computed afresh.
    const same = hit !== undefined && hit.key === key && hit.settingsKey === settingsKey && hit.deps.every(([file, text]) => textOf(project, file) === text);
    const findings = same ? hit.findings : runOnEnvironment(project, env, options);
    if (!same) options.memo.set(env.result, { key, settingsKey, findings, deps: fixDeps(project, env, findings) });
    out.push(...findings);
  }
  return out;
}

function textOf(project: Project, file: string): string | undefined {
  const r = project.loader.load(file);
  return r.ok ? r.model.text : undefined;
}

/** The Python modules the environment does not load that its findings' fixes edit, with their current texts. */
function fixDeps(project: Project, env: Environment, findings: readonly Finding[]): FixDeps {
  const files = new Set<string>();
  for (const f of findings) for (const e of f.fix?.edits ?? []) if (e.file.endsWith(".py") && !env.files.includes(e.file)) files.add(e.file);
  return [...files].map((file) => [file, textOf(project, file)]);
}

export function runOnEnvironment(project: Project, env: Environment, options: RunOptions = {}): Finding[] {
  const ctx: RuleContext = {
    env,
    version: env.djangoVersion,
    root: project.root,
    environments: project.environments,
    get: (n) => env.get(n),
    module: (file) => {
      const r = project.loader.load(file);
      return r.ok ? r.model : undefined;
    },
  };
  const silenced = env.get("SILENCED_SYSTEM_CHECKS").value;
  const out: Finding[] = [];
  for (const rule of options.rules ?? RULES) {
    if (options.disabled?.includes(rule.id)) continue;
    if (!rule.appliesTo.includes(env.kind)) continue;
    if (rule.versions && !rule.versions(env.djangoVersion)) continue;
    let results: RuleResult[];
    try {
      results = rule.check(ctx);
    } catch (e) {
      // A rule bug must not take the whole audit down; it becomes a visible note instead.
      env.notes.push({ file: env.file, severity: "error", message: `rule ${rule.id} failed: ${(e as Error).message}` });
      continue;
    }
    for (const r of results) {
      const djangoCheck = r.djangoCheck ?? (rule.djangoChecks.length === 1 ? rule.djangoChecks[0] : null);
      // Django drops a silenced message by exact id; a str SILENCED_SYSTEM_CHECKS means a substring test.
      if (djangoCheck && pyContains(silenced, { k: "str", v: djangoCheck }) === true) continue;
      const placed = locate(env, r);
      out.push({
        rule: rule.id,
        djangoCheck,
        severity: options.severities?.[rule.id] ?? rule.severity,
        environment: env.name,
        environmentKind: env.kind,
        message: r.message,
        setting: r.setting,
        fingerprint: fingerprint(rule.id, djangoCheck, path.relative(project.root, placed.location.file).split(path.sep).join("/"), r),
        ...placed,
        ...(r.fix && editsParsedFiles(project, r.fix) ? { fix: r.fix } : {}),
        ...(r.secret !== undefined ? { [SECRET_DIGEST]: secretDigest(r.secret) } : {}),
      });
    }
  }
  return out;
}

/**
 * A fix edits a Python file blind when that file has a syntax error: tree-sitter's recovery decides where statements end,
 * so an appended setting can land inside an unclosed bracket and break the file further. Like ruff, no fix is offered
 * for such a file; the finding stays.
 */
function editsParsedFiles(project: Project, fix: Fix): boolean {
  return fix.edits.every((e) => {
    if (!e.file.endsWith(".py")) return true;
    const loaded = project.loader.load(e.file);
    return !loaded.ok || loaded.model.syntaxErrors.length === 0;
  });
}

const ZERO: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 }, startOffset: 0, endOffset: 0 };

function within(inner: Range, outer: Range): boolean {
  return inner.startOffset >= outer.startOffset && inner.endOffset <= outer.endOffset;
}

/** Where the finding is shown: the value as written, the setting's name for long values, the import for defaults. */
function locate(env: Environment, r: RuleResult): { location: Loc; anchor?: Loc; related: RelatedLocation[] } {
  const subject: ResolvedSetting | undefined = r.subject;
  const binding = subject?.binding;
  let location: Loc | undefined = r.at;
  if (!location && binding) {
    const last = binding.writes[binding.writes.length - 1];
    const v = r.value ?? subject!.value;
    const valueLoc = v.loc;
    if (valueLoc && valueLoc.file === last.file && within(valueLoc.range, last.range) && valueLoc.range.start.line === valueLoc.range.end.line && last.kind !== "mutate") {
      location = valueLoc;
    } else {
      location = { file: last.file, range: last.kind === "mutate" || last.kind === "del" ? last.range : last.targetRange };
    }
  }
  const firstImport = binding?.via[0];
  if (!location) {
    // A setting left at Django's default: point at the module, on its first star-import if it has one.
    const star = firstStarImport(env);
    location = star ?? { file: env.file, range: ZERO };
    return { location, related: [] };
  }
  const related: RelatedLocation[] = [];
  let anchor: Loc | undefined;
  if (location.file !== env.file) {
    if (firstImport && firstImport.file === env.file) anchor = { file: env.file, range: firstImport.range };
    else anchor = firstStarImport(env) ?? { file: env.file, range: ZERO };
    related.push({ loc: anchor, message: `${env.name} gets this value through this import` });
    for (const hop of binding?.via.slice(1) ?? []) related.push({ loc: { file: hop.file, range: hop.range }, message: `…which imports it from ${path.basename(hop.from)}` });
  }
  return { location, anchor, related };
}

/** The earliest import in the environment's own module that brought settings in. */
function firstStarImport(env: Environment): Loc | undefined {
  let best: Range | undefined;
  for (const b of env.settings.values()) {
    const hop = b.via[0];
    if (hop && hop.file === env.file && (!best || hop.range.startOffset < best.startOffset)) best = hop.range;
  }
  return best && { file: env.file, range: best };
}

/**
 * Identifies a problem across edits that move lines, and across the environments it hurts: rule, check id, the file
 * where it is written, setting and a hash of the value (never the value itself, which may be a secret). The committed
 * SECRET_KEY of base.py has one fingerprint whichever environment reports it. Baselines and SARIF use it.
 */
function fingerprint(rule: string, check: string | null, file: string, r: RuleResult): string {
  // The key only when there is one: fingerprints of results without one stay what baselines already hold.
  const parts = [rule, check ?? "", file, r.setting ?? "", digestOf(r.value ? pyRepr(r.value) : r.message)];
  return findingFingerprint(r.key === undefined ? parts : [...parts, r.key]);
}
