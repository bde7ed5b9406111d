// The edit applier shared by the CLI and the server: from the end, identical edits once, overlaps refused, whole fixes only.
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { test } from "node:test";
import { applyFixesToFiles, applyTextEdits, OverlappingEditsError, planFixes } from "../../server/src/fixes/apply";
import { rangeOfOffsets } from "../../server/src/fixes/literal";
import type { Fix, TextEdit } from "../../server/src/rules/types";
import { auditFiles } from "../helpers/project";
import { tempDir } from "../helpers/tempDirs";

const TEXT = "abcdefghij";
const edit = (start: number, end: number, newText: string, file = "/f.py", text = TEXT): TextEdit => ({ file, range: rangeOfOffsets(text, start, end), newText });

test("edits apply from the end, so offsets refer to the original text", () => {
  assert.equal(applyTextEdits(TEXT, [edit(0, 1, "AA"), edit(5, 6, "FF"), edit(9, 10, "")]), "AAbcdeFFghi");
});

test("insertions at one offset keep their order", () => {
  assert.equal(applyTextEdits("", [edit(0, 0, "A=\n", "/f", ""), edit(0, 0, "B=\n", "/f", "")]), "A=\nB=\n");
});

test("identical edits apply once", () => {
  assert.equal(applyTextEdits(TEXT, [edit(0, 0, "import os\n"), edit(0, 0, "import os\n")]), "import os\n" + TEXT);
});

test("overlapping edits are refused", () => {
  assert.throws(() => applyTextEdits(TEXT, [edit(0, 5, "x"), edit(3, 7, "y")]), OverlappingEditsError);
  assert.throws(() => applyTextEdits(TEXT, [edit(0, 5, "x"), edit(3, 3, "y")]), OverlappingEditsError, "an insertion inside a replaced span");
  assert.equal(applyTextEdits(TEXT, [edit(0, 5, "x"), edit(5, 5, "y")]), "xyfghij", "touching is not overlapping");
});

test("planFixes takes whole fixes, shares identical edits, and defers a clashing fix", () => {
  const a: Fix = { title: "a", safety: "safe", edits: [edit(0, 1, "A"), edit(9, 9, "!")] };
  const b: Fix = { title: "b", safety: "safe", edits: [edit(0, 1, "B")] };
  const c: Fix = { title: "c", safety: "safe", edits: [edit(5, 6, "F"), edit(9, 9, "!")] };
  const plan = planFixes([a, b, c], () => TEXT);
  assert.deepEqual(plan.applied.map((f) => f.title), ["a", "c"]);
  assert.deepEqual(plan.conflicting.map((f) => f.title), ["b"]);
  assert.equal(plan.changes[0].after, "AbcdeFghi!j");
});

test("applyFixesToFiles creates missing files and directories", () => {
  const dir = tempDir("dsh-apply-");
  const file = path.join(dir, "sub", ".env.example");
  const plan = applyFixesToFiles([{ title: "t", safety: "safe", edits: [{ file, range: rangeOfOffsets("", 0, 0), newText: "X=\n" }] }], dir);
  assert.equal(plan.changes[0].created, true);
  assert.equal(fs.readFileSync(file, "utf8"), "X=\n");
});

test("a Python module with a UTF-8 BOM: fixes land where the finding is, and the BOM stays", async () => {
  const key = "Kq2" + "Lm4Zp7Rt1Vb6Nc3Hd8Jf5Gs0Wy9Ue2Io7Pa4Sl1Dk6Fj3Gh8Xc5Vb0";
  const audit = await auditFiles({ "requirements.txt": "django\n", "settings.py": Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`import os\nSECRET_KEY = "${key}"\n`)]) });
  const fix = audit.findings.find((f) => f.rule === "hardcoded-secret-key")?.fix;
  assert.ok(fix);
  applyFixesToFiles([fix], audit.dir);
  const bytes = fs.readFileSync(path.join(audit.dir, "settings.py"));
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], "the BOM is kept");
  assert.equal(bytes.subarray(3).toString("utf8"), 'import os\nSECRET_KEY = os.environ["DJANGO_SECRET_KEY"]\n');
});

test("a Latin-1 Python module stays Latin-1", async () => {
  const key = "Zq8" + "Lm4Xp7Rt1Vb6Nc3Hd8Jf5Gs0Wy9Ue2Io7Pa4Sl1Dk6Fj3Gh8Xc5Vb1";
  const audit = await auditFiles({ "requirements.txt": "django\n", "settings.py": Buffer.from(`# caf\u00e9\nimport os\nSECRET_KEY = "${key}"\n`, "latin1") });
  const fix = audit.findings.find((f) => f.rule === "hardcoded-secret-key")?.fix;
  assert.ok(fix);
  applyFixesToFiles([fix], audit.dir);
  assert.equal(fs.readFileSync(path.join(audit.dir, "settings.py")).toString("latin1"), '# caf\u00e9\nimport os\nSECRET_KEY = os.environ["DJANGO_SECRET_KEY"]\n');
});
