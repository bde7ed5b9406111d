// env-undocumented table: a required deployed variable documented nowhere fires at its read; documented or defaulted stays quiet.
import { strict as assert } from "node:assert";
import { test } from "node:test";
import { auditFiles, type ProjectFiles } from "../../helpers/project";

const PKG = { "proj/__init__.py": "", "proj/settings/__init__.py": "" };
const REQUIRED = 'import os\nSECRET_KEY = os.environ["DJANGO_SECRET_KEY"]\n';

const ROWS: Array<{ name: string; files: ProjectFiles; expect: string[] }> = [
  { name: "required in production, documented nowhere", files: { ...PKG, "proj/settings/production.py": REQUIRED }, expect: ["proj/settings/production.py:2 proj.settings.production"] },
  { name: "documented in .env.example", files: { ...PKG, "proj/settings/production.py": REQUIRED, ".env.example": "DJANGO_SECRET_KEY=\n" }, expect: [] },
  { name: "defaulted", files: { ...PKG, "proj/settings/production.py": 'import os\nSECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")\n' }, expect: [] },
  { name: "required in development only", files: { ...PKG, "proj/settings/development.py": REQUIRED }, expect: [] },
  { name: "waived on the read's line", files: { ...PKG, "proj/settings/production.py": REQUIRED.replace("]\n", "]  # dsh: ignore[env-undocumented]\n") }, expect: [] },
];

for (const row of ROWS) {
  test(`env-undocumented: ${row.name}`, async () => {
    const a = await auditFiles(row.files);
    const got = a.findings
      .filter((f) => f.rule === "env-undocumented")
      .map((f) => `${f.location.file.slice(a.dir.length + 1).split("\\").join("/")}:${f.location.range.start.line + 1} ${f.environment}`);
    assert.deepEqual(got, row.expect);
    assert.ok(!a.findings.some((f) => f.rule === "unused-waiver"), "no waiver is left unused");
  });
}
