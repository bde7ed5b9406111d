// secureSettingFix table: where the secure value goes (rewrite, env-read default, insertion after star-imports or at the end).
import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { test } from "node:test";
import { applyTextEdits } from "../../server/src/fixes/apply";
import { secureSettingFix } from "../../server/src/fixes/secureSetting";
import type { Rule } from "../../server/src/rules/types";
import { auditFiles } from "../helpers/project";

/** A rule that asks for X_FRAME_OPTIONS = "DENY" in production, so the table exercises the builder alone. */
const probe: Rule = {
  id: "xframe-not-deny",
  djangoChecks: [],
  severity: "warning",
  appliesTo: ["production"],
  docs: { summary: "s", why: "w", example: "e", useInstead: "u", fixSafety: "f", versions: "v" },
  check(ctx) {
    const s = ctx.get("X_FRAME_OPTIONS");
    const fix = secureSettingFix(ctx, s, '"DENY"', { safety: "unsafe", comment: "no framing" });
    return [{ message: "m", setting: s.name, subject: s, value: s.value, fix }];
  },
};

const PKG = { "requirements.txt": "django\n", "proj/__init__.py": "", "proj/settings/__init__.py": "" };

const ROWS: Array<{ name: string; base?: string; production: string; expect: string | undefined }> = [
  {
    name: "rewrites production's own assignment, comment added",
    production: 'from .base import *\nX_FRAME_OPTIONS = "SAMEORIGIN"\n',
    expect: 'from .base import *\nX_FRAME_OPTIONS = "DENY"  # no framing\n',
  },
  {
    name: "an inherited value: inserted after the star-import block, base.py untouched",
    base: 'X_FRAME_OPTIONS = "SAMEORIGIN"\n',
    production: 'from .base import *\nfrom .mail import *\n\nDEBUG = False\n',
    expect: 'from .base import *\nfrom .mail import *\nX_FRAME_OPTIONS = "DENY"  # no framing\n\nDEBUG = False\n',
  },
  {
    name: "a default (unset) value: inserted",
    production: "from .base import *\n",
    expect: 'from .base import *\nX_FRAME_OPTIONS = "DENY"  # no framing\n',
  },
  {
    name: "an env read's default in production: the default changes, the read stays",
    production: 'import os\nfrom .base import *\nX_FRAME_OPTIONS = os.environ.get("XFO", "SAMEORIGIN")\n',
    expect: 'import os\nfrom .base import *\nX_FRAME_OPTIONS = os.environ.get("XFO", "DENY")\n',
  },
  {
    name: "a later conditional write in production: appended at the end so it wins",
    production: 'import os\nfrom .base import *\nif os.environ.get("EMBED"):\n    X_FRAME_OPTIONS = "SAMEORIGIN"\n',
    expect: 'import os\nfrom .base import *\nif os.environ.get("EMBED"):\n    X_FRAME_OPTIONS = "SAMEORIGIN"\nX_FRAME_OPTIONS = "DENY"  # no framing\n',
  },
  { name: "a module with a syntax error: no fix", production: "from .base import *\nX = [\n", expect: undefined },
];

for (const row of ROWS) {
  test(`secureSettingFix: ${row.name}`, async () => {
    const a = await auditFiles({ ...PKG, "proj/settings/base.py": row.base ?? "DEBUG = False\n", "proj/settings/mail.py": "EMAIL_PORT = 25\n", "proj/settings/production.py": row.production }, { rules: [probe] });
    const f = a.findings.find((x) => x.rule === "xframe-not-deny" && x.environment === "proj.settings.production");
    assert.ok(f, "the probe ran");
    if (row.expect === undefined) return assert.equal(f.fix, undefined);
    assert.ok(f.fix);
    const prodFile = path.join(a.dir, "proj", "settings", "production.py");
    assert.ok(f.fix.edits.every((e) => e.file === prodFile), "only the environment's own module changes");
    assert.equal(applyTextEdits(fs.readFileSync(prodFile, "utf8"), f.fix.edits), row.expect);
    assert.match(f.fix.title, row.name.includes("default changes") ? /^Default X_FRAME_OPTIONS to "DENY" when XFO is unset in production\.py/ : /^Set X_FRAME_OPTIONS = "DENY" in production\.py/);
  });
}
