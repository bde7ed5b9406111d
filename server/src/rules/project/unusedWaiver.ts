// Waiver check unused-waiver: a waiver comment that names no rule or silences nothing (run by rules/waivers.ts).
import type { ProjectRule } from "../types";
import { ALL_KINDS } from "../secrets/secretHelpers";

export const unusedWaiver: ProjectRule = {
  id: "unused-waiver",
  scope: "waivers",
  djangoChecks: [],
  severity: "warning",
  appliesTo: ALL_KINDS,
  docs: {
    summary: "A waiver comment names no rule, or silences nothing on its line",
    why: [
      "A waiver (`# django-settings-hygiene: ignore[rule-id]`, or `# dsh: ignore[rule-id]`) is a promise that a finding on",
      "that line was reviewed and accepted. Once the value is fixed, moved or the id is mistyped, the comment silences nothing",
      "and still reads like an accepted risk; worse, a mistyped id hides nothing while looking as if it did. Like ruff's",
      "RUF100 and ESLint's `--report-unused-disable-directives`, the tool reports such waivers so they are removed or",
      "corrected. A waiver for a rule that the configuration disables is neither used nor reported.",
    ].join("\n"),
    example: 'DEBUG = False  # dsh: ignore[debug-enabled]\nX_FRAME_OPTIONS = "DENY"  # dsh: ignore[xframe-not-denied]',
    useInstead: 'DEBUG = False\nX_FRAME_OPTIONS = "DENY"',
    fixSafety: "safe: removes the unused id from the waiver, or the whole comment when nothing else is left in it; nothing that runs changes",
    versions: "All versions.",
  },
};
