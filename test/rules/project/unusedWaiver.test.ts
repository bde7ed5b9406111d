// unused-waiver table: a waiver that silences nothing or names no rule fires at its id; a used one, or one for a disabled rule, stays quiet.
import { strict as assert } from "node:assert";
import { test } from "node:test";
import { auditFiles, GOOD_BASE } from "../../helpers/project";

const ROWS: Array<{ name: string; line: string; disabled?: string[]; expect: string[] }> = [
  { name: "a waiver on a clean line", line: "X_FRAME_OPTIONS = 'DENY'  # dsh: ignore[xframe-not-deny]", expect: ["the waiver for xframe-not-deny suppresses nothing on this line; remove it"] },
  { name: "an id that is no rule", line: "X_FRAME_OPTIONS = 'DENY'  # dsh: ignore[xframe-not-denied]", expect: ['the waiver names "xframe-not-denied", which is not a rule; remove it or fix the id'] },
  { name: "a waiver that silences a finding", line: "X_FRAME_OPTIONS = 'SAMEORIGIN'  # dsh: ignore[xframe-not-deny]", expect: [] },
  { name: "a waiver for a disabled rule", line: "X_FRAME_OPTIONS = 'DENY'  # dsh: ignore[xframe-not-deny]", disabled: ["xframe-not-deny"], expect: [] },
  { name: "a waiver naming a project-wide rule", line: 'import os\nAPI = os.environ["STRIPE_API"]  # dsh: ignore[env-undocumented]', expect: [] },
];

for (const row of ROWS) {
  test(`unused-waiver: ${row.name}`, async () => {
    const a = await auditFiles(
      { "proj/__init__.py": "", "proj/settings/__init__.py": "", "proj/settings/production.py": `${GOOD_BASE}\n${row.line}\n` },
      { djangoVersion: "5.2", disabled: row.disabled },
    );
    assert.deepEqual(
      a.findings.filter((f) => f.rule === "unused-waiver").map((f) => f.message),
      row.expect,
    );
    const fixes = a.findings.filter((f) => f.rule === "unused-waiver").map((f) => f.fix?.safety);
    assert.ok(fixes.every((s) => s === "safe"), "the removal fix is safe");
  });
}
