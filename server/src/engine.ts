// The engine's single entry point for every adapter: parse → resolve → rules, for one project root.
import type { Parser } from "web-tree-sitter";
import { pythonParser } from "./parse/treeSitter";
import { analyzeProject, type AnalyzeOptions, type Project } from "./resolve/project";
import { INVENTORY_RULES, inventoryFindings } from "./inventory/findings";
import { runRules, type ProjectChecks, type RunOptions } from "./rules/run";
import type { Finding } from "./rules/types";
import { dotenvFindings } from "./secrets/dotenv";

export interface AuditOptions extends AnalyzeOptions, RunOptions {
  /**
   * Run the checks over files that are not settings modules: the environment-variable inventory (env-undocumented,
   * env-unused) and committed .env files (dotenv-secret-tracked). On by default; the language server skips them
   * between keystrokes, since a keystroke in a settings module cannot change what those files say.
   */
  inventory?: boolean;
}

export interface Audit {
  project: Project;
  findings: Finding[];
}

export class Engine {
  private constructor(readonly parser: Parser) {}

  static async create(): Promise<Engine> {
    return new Engine(await pythonParser());
  }

  audit(root: string, options: AuditOptions = {}): Audit {
    const project = analyzeProject(this.parser, root, options);
    // Not a Django project: one note says so, and no rule runs (a Scrapy settings.py, a Flask config).
    if (!project.isDjango) return { project, findings: [] };
    const inventoryIds = INVENTORY_RULES.map((r) => r.id);
    const checks: ProjectChecks = {
      ids: inventoryIds,
      // The inventory reads documentation files and every env read; the language server skips it between keystrokes.
      run: (ruleFindings) =>
        options.inventory === false ? [] : inventoryFindings({ project, findings: ruleFindings }, { disabled: options.disabled, severities: options.severities, pythonWaivers: false }),
    };
    // .env files are not settings modules: their check runs once per project, beside the per-environment rules.
    const dotenv = options.inventory === false ? [] : dotenvFindings(project, options);
    return { project, findings: sortFindings([...runRules(project, options, checks), ...dotenv]) };
  }
}

/** Stable order for every output: file, line, column, rule, environment. */
export function sortFindings(findings: Finding[]): Finding[] {
  return [...findings].sort(
    (a, b) =>
      cmp(a.location.file, b.location.file) ||
      a.location.range.startOffset - b.location.range.startOffset ||
      cmp(a.rule, b.rule) ||
      cmp(a.environment, b.environment) ||
      cmp(a.djangoCheck ?? "", b.djangoCheck ?? ""),
  );
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
