// One audit's result (a project and its findings) and the order findings are reported in: shared by the engine and
// every layer above the rules.
import type { Project } from "../resolve/project";
import type { Finding } from "./types";

/** What an audit of one root gives: the project as analysed and every finding, waivers applied. */
export interface Audit {
  project: Project;
  findings: Finding[];
}

/** File, then place, then rule: the order every output lists findings in. */
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
