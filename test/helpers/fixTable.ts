// Fix tables for rules: the fix a finding carries, the module it produces, and that the module re-audits clean for the rule.
import assert from "node:assert/strict";
import * as path from "node:path";
import { test } from "node:test";
import { planFixes } from "../../server/src/fixes/apply";
import { writeChanges } from "./writeChanges";
import { auditSplit, GOOD_BASE, PRODUCTION_ENV, sharedEngine } from "./project";

export interface FixCase {
  name: string;
  /** Defaults to GOOD_BASE. */
  base?: string;
  /** production.py after its first line, `from .base import *`. */
  production: string;
  djangoVersion?: string;
  /** production.py after the fix, whole; undefined when the rule must offer no fix. */
  expect?: string;
  safety?: "safe" | "unsafe";
  title?: RegExp;
}

/** GOOD_BASE with no sign of HTTPS: no redirect, no HSTS. Cookie fixes are unsafe on it. */
export const PLAIN_HTTP_BASE = GOOD_BASE.replace("SECURE_SSL_REDIRECT = True", "SECURE_SSL_REDIRECT = False").replace("SECURE_HSTS_SECONDS = 31536000", "SECURE_HSTS_SECONDS = 0");

/**
 * One test per row: the rule fires on proj.settings.production with the expected fix (or none); applying the fix changes
 * production.py into `expect`, which parses, and a new audit of the fixed project no longer reports the rule there.
 */
export function fixTable(ruleId: string, rows: FixCase[]): void {
  for (const row of rows) {
    test(`${ruleId} fix: ${row.name}`, async () => {
      const djangoVersion = row.djangoVersion ?? "5.2";
      const r = await auditSplit(row.base ?? GOOD_BASE, row.production, { djangoVersion });
      const f = r.findings.find((x) => x.rule === ruleId);
      assert.ok(f, `${ruleId} fires before the fix`);
      if (row.expect === undefined) return assert.equal(f.fix, undefined, "no fix is offered");
      assert.ok(f.fix, "a fix is offered");
      if (row.safety) assert.equal(f.fix.safety, row.safety);
      if (row.title) assert.match(f.fix.title, row.title);
      const prod = path.join(r.dir, "proj", "settings", "production.py");
      assert.ok(f.fix.edits.every((e) => e.file === prod || !e.file.endsWith(".py")), "only production.py's Python changes");
      const plan = planFixes([f.fix]);
      assert.equal(plan.changes.find((c) => c.file === prod)?.after, row.expect);
      writeChanges(plan.changes);
      const again = (await sharedEngine()).audit(r.dir, { djangoVersion });
      const loaded = again.project.loader.load(prod);
      assert.ok(loaded.ok && loaded.model.syntaxErrors.length === 0, "the fixed module parses");
      assert.deepEqual(
        again.findings.filter((x) => x.rule === ruleId && x.environment === PRODUCTION_ENV).map((x) => x.message),
        [],
        "the rule is silent after the fix",
      );
    });
  }
}
