// env-unused table: a documented variable no settings module reads fires where it is documented; a read one stays quiet.
import { strict as assert } from "node:assert";
import { test } from "node:test";
import { auditFiles, type ProjectFiles } from "../../helpers/project";

const PKG = { "proj/__init__.py": "", "proj/settings/__init__.py": "" };
const READS = 'import os\nSECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")\n';

const ROWS: Array<{ name: string; files: ProjectFiles; expect: string[] }> = [
  { name: "documented and read by nothing", files: { ...PKG, "proj/settings/production.py": READS, ".env.example": "DJANGO_SECRET_KEY=\nOLD_NAME=1\n" }, expect: [".env.example:2"] },
  { name: "documented and read", files: { ...PKG, "proj/settings/production.py": READS, ".env.example": "DJANGO_SECRET_KEY=\n" }, expect: [] },
  { name: "a variable Django itself reads", files: { ...PKG, "proj/settings/production.py": READS, ".env.example": "DJANGO_SECRET_KEY=\nDJANGO_SETTINGS_MODULE=proj.settings.production\n" }, expect: [] },
  // A waiver in .env.example names a project-wide rule: it works, and is not "not a rule".
  { name: "waived in .env.example", files: { ...PKG, "proj/settings/production.py": READS, ".env.example": "DJANGO_SECRET_KEY=\nOLD_NAME=1  # dsh: ignore[env-unused]\n" }, expect: [] },
];

for (const row of ROWS) {
  test(`env-unused: ${row.name}`, async () => {
    const a = await auditFiles(row.files);
    const got = a.findings.filter((f) => f.rule === "env-unused").map((f) => `${f.location.file.slice(a.dir.length + 1).split("\\").join("/")}:${f.location.range.start.line + 1}`);
    assert.deepEqual(got, row.expect);
    assert.deepEqual(a.findings.filter((f) => f.rule === "unused-waiver").map((f) => f.message), []);
  });
}
