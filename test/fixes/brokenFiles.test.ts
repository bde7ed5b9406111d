// Fixes are withheld from a Python file tree-sitter marks as broken, however its recovery hides the error.
import assert from "node:assert/strict";
import * as fs from "node:fs";
import { test } from "node:test";
import { auditFiles } from "../helpers/project";

const KEY_LINE = 'SECRET_KEY = "django-insecure-8x!m3q#k2v$9pdemo0w7z^0c&r1t(5y)e-h4n6b+u_j%lq2sa"\n';

async function keyFix(extra: string): Promise<{ found: boolean; fixed: boolean }> {
  const audit = await auditFiles({ "settings.py": `import os\n${KEY_LINE}${extra}` }, { djangoVersion: "5.2" });
  fs.rmSync(audit.dir, { recursive: true, force: true });
  const f = audit.findings.find((x) => x.rule === "hardcoded-secret-key");
  return { found: !!f, fixed: !!f?.fix };
}

test("a file broken only through a MISSING line break (`\"a\" \"b\"c`) is offered no fix; the finding stays", async () => {
  assert.deepEqual(await keyFix('X = "a" "b"c\n'), { found: true, fixed: false });
});

test("the same file with the statements on their own lines is offered the fix", async () => {
  assert.deepEqual(await keyFix('X = "a" "b"\nc = 1\n'), { found: true, fixed: true });
});
