// A deployed project that follows the whole checklist gets no checklist finding at all (no rule over-reaches).
import assert from "node:assert/strict";
import { test } from "node:test";
import { CHECKLIST_RULES } from "../../../server/src/rules/checklist/index";
import { sharedEngine, writeProject } from "../../helpers/project";
import { CLEAN_BASE, split } from "./checklistTestHelpers";

const IDS = new Set(CHECKLIST_RULES.map((r) => r.id));

for (const version of ["3.2", "4.2", "5.2", "6.0"]) {
  test(`clean: a project following the checklist is silent on Django ${version}`, async () => {
    const dir = writeProject({
      "proj/__init__.py": "",
      "proj/settings/__init__.py": "",
      ...split(CLEAN_BASE, ""),
      "proj/settings/test.py": 'from .base import *\nPASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]\n',
      "proj/settings/development.py": "from .base import *\nDEBUG = True\n",
    });
    const e = await sharedEngine();
    const found = e.audit(dir, { djangoVersion: version }).findings.filter((f) => IDS.has(f.rule));
    assert.deepEqual(found.map((f) => `${f.environment} ${f.rule}: ${f.message}`), []);
  });
}
