// The engine's single entry point for every adapter: parse → resolve → rules → waivers, for one project root.
import type { Parser } from "web-tree-sitter";
import { pythonParser } from "./parse/treeSitter";
import { analyzeProject, type AnalyzeOptions } from "./resolve/project";
import { inventoryFindings } from "./inventory/findings";
import { runRules, type RunOptions } from "./rules/run";
import { activeRuleIds, ALL_RULE_IDS, PROJECT_RULES } from "./rules/catalogue";
import type { Finding } from "./rules/types";
import { sortFindings, type Audit } from "./rules/audit";
import { applyProjectWaivers, lineWaivers, UNUSED_WAIVER, type ExtraWaivers } from "./rules/waivers";
import { readFromDisk } from "./fixes/apply";
import { dotenvFindings } from "./rules/dotenvFindings";
import { isSecretName } from "./inventory/inventory";
import type { Note } from "./resolve/namespace";

export type { Audit } from "./rules/audit";
export { sortFindings } from "./rules/audit";

export interface AuditOptions extends AnalyzeOptions, RunOptions {
  /**
   * Run the checks over files that are not settings modules: the environment-variable inventory (env-undocumented,
   * env-unused) and committed .env files (dotenv-secret-tracked). On by default; the language server skips them
   * between keystrokes, since a keystroke in a settings module cannot change what those files say.
   */
  inventory?: boolean;
}


const KNOWN_IDS: ReadonlySet<string> = new Set(ALL_RULE_IDS);

export class Engine {
  private constructor(readonly parser: Parser) {}

  static async create(): Promise<Engine> {
    return new Engine(await pythonParser());
  }

  audit(root: string, options: AuditOptions = {}): Audit {
    const project = analyzeProject(this.parser, root, options);
    for (const env of project.environments) maskQuotedSecrets(env.notes);
    // Not a Django project: one note says so, and no rule runs (a Scrapy settings.py, a Flask config).
    if (!project.isDjango) return { project, findings: [] };
    const ruleFindings = runRules(project, options);
    // The project-wide checks read the rule findings (which defaults trip a rule) and files that are not settings.
    const extra: ExtraWaivers = { waivers: [], texts: new Map() };
    const projectFindings =
      options.inventory === false
        ? []
        : [
            ...inventoryFindings({ project, findings: ruleFindings }, { disabled: options.disabled, severities: options.severities, waivers: false }),
            ...dotenvFindings(project, options, extra),
          ];
    documentationWaivers(projectFindings, extra);
    // One waiver pass over everything, so a waiver anywhere can name any rule id, and an unused one is reported once.
    // Without the project-wide checks, a waiver naming one of them is neither used nor unused this time.
    const active = activeRuleIds(options);
    if (options.inventory === false) for (const r of PROJECT_RULES) if (r.scope === "project") active.delete(r.id);
    const findings = applyProjectWaivers(project, [...ruleFindings, ...projectFindings], KNOWN_IDS, active, options.severities?.[UNUSED_WAIVER], extra);
    return { project, findings: sortFindings(findings) };
  }
}

/**
 * A note quoting a committed value under a secret-looking name (`API_PIN = os.getenv("API_PIN", 482913)`) says what it
 * is without the value: secrets never appear in full in any output. Done once per note (the quote is dropped).
 */
function maskQuotedSecrets(notes: Note[]): void {
  for (const n of notes) {
    const q = n.quotes;
    if (!q) continue;
    delete n.quotes;
    if (!q.names.some(isSecretName) || q.text.length === 0) continue;
    n.message = n.message.split(q.text).join(`<a ${q.text.length}-character value, not shown>`);
  }
}

/**
 * Waivers on the lines of documentation files that hold findings (compose, Kubernetes, Procfile): settings modules and
 * .env files have theirs already.
 */
function documentationWaivers(findings: readonly Finding[], extra: ExtraWaivers): void {
  const lines = new Map<string, number[]>();
  for (const f of findings) {
    const file = f.location.file;
    if (file.endsWith(".py") || extra.texts.has(file)) continue;
    lines.set(file, [...(lines.get(file) ?? []), f.location.range.start.line]);
  }
  for (const [file, at] of lines) {
    const text = readFromDisk(file);
    if (text === undefined) continue;
    extra.texts.set(file, text);
    extra.waivers.push(...lineWaivers(file, text, at));
  }
}

/** Stable order for every output: file, line, column, rule, environment. */
