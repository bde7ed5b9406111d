// Table runner for the secrets rules: writes a split-settings project per row and compares where one rule reports.
import assert from "node:assert/strict";
import * as path from "node:path";
import { test } from "node:test";
import { auditFiles, type ProjectFiles } from "../../helpers/project";
import { leaks } from "../../../server/src/secrets/mask";
import { scrub } from "../../secrets/planted";

export interface SecretRow {
  name: string;
  /** proj/settings/base.py. */
  base?: string;
  /** proj/settings/production.py, after `from .base import *`. */
  production?: string;
  /** proj/settings/test.py, after `from .base import *` (a testing environment). */
  testing?: string;
  /** More files (paths relative to the project root). */
  files?: ProjectFiles;
  /** The environment whose findings are compared; proj.settings.production unless told. */
  environment?: string;
  /** Where the rule reports, as "file:line" (file relative to proj/settings/), sorted; [] for a near miss. */
  expect: string[];
  /** Values that must not appear in any message of the audit. */
  secrets?: string[];
  /** Substrings each reported message must contain. */
  messageIncludes?: string[];
  /** When set, whether each reported finding carries a fix. */
  fixable?: boolean;
}

export function secretTable(ruleId: string, rows: SecretRow[]): void {
  for (const row of rows) {
    test(`${ruleId}: ${row.name}`, async () => {
      const files: ProjectFiles = {
        "proj/__init__.py": "",
        "proj/settings/__init__.py": "",
        "proj/settings/base.py": row.base ?? "DEBUG = False\n",
        "proj/settings/production.py": "from .base import *\n" + (row.production ?? ""),
        ...(row.testing !== undefined ? { "proj/settings/test.py": "from .base import *\n" + row.testing } : {}),
        ...(row.files ?? {}),
      };
      const audit = await auditFiles(files, { djangoVersion: "5.2" });
      const env = row.environment ?? "proj.settings.production";
      const mine = audit.findings.filter((f) => f.rule === ruleId && f.environment === env);
      const where = mine.map((f) => `${path.relative(path.join(audit.dir, "proj", "settings"), f.location.file).split(path.sep).join("/")}:${f.location.range.start.line + 1}`).sort();
      assert.deepEqual(where, [...row.expect].sort(), scrub(`${row.name}: ${ruleId} in ${env}; messages: ${mine.map((f) => f.message).join(" | ")}`, row.secrets));
      for (const secret of row.secrets ?? []) {
        for (const f of audit.findings) assert.ok(!leaks(f.message, secret), `${row.name}: a ${f.rule} message shows a secret in full`);
      }
      for (const part of row.messageIncludes ?? []) {
        for (const f of mine) assert.ok(f.message.includes(part), scrub(`${row.name}: message lacks ${JSON.stringify(part)}: ${f.message}`, row.secrets));
      }
      if (row.fixable !== undefined) for (const f of mine) assert.equal(f.fix !== undefined, row.fixable, `${row.name}: fixable`);
    });
  }
}

/** A Python string literal. */
export function py(s: string): string {
  return JSON.stringify(s);
}
