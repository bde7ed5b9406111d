// Shared helpers for the checklist rule tests: per-environment tables, and fix goldens with parse and convergence checks.
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { test } from "node:test";
import { parseModule } from "../../../server/src/parse/parseModule";
import { pythonParser } from "../../../server/src/parse/treeSitter";
import type { Finding, TextEdit } from "../../../server/src/rules/types";
import { GOOD_BASE, sharedEngine, writeProject, type ProjectFiles } from "../../helpers/project";

export { GOOD_BASE };

/** The checklist rules' view of a "clean" deployed base: deploy checks pass and nothing on the checklist fires. */
export const CLEAN_BASE =
  GOOD_BASE +
  [
    'INSTALLED_APPS += ["django.contrib.admin"]',
    'MIDDLEWARE.insert(1, "csp.middleware.CSPMiddleware")',
    'CONTENT_SECURITY_POLICY = {"DIRECTIVES": {"default-src": ["\'self\'"]}}',
    'DATABASES = {"default": {"ENGINE": "django.db.backends.postgresql", "NAME": "app", "CONN_MAX_AGE": 60}}',
    'LOGGING = {"version": 1, "handlers": {"console": {"class": "logging.StreamHandler"}}, "root": {"handlers": ["console"]}}',
    'ADMINS = [("Ops", "ops@example.com")]',
    "USE_TZ = True",
    'AUTH_PASSWORD_VALIDATORS = [{"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"}]',
    "",
  ].join("\n");

export interface EnvRow {
  name: string;
  /** Files of the project; proj/__init__.py and proj/settings/__init__.py are added. */
  files: ProjectFiles;
  environment: string;
  djangoVersion?: string;
  /** Rule ids (one per finding of the rule under test) expected in that environment. */
  expect: number;
  /** Each message of the rule must match. */
  message?: RegExp;
}

/** Audits a project and returns the findings of one rule in one environment. */
export async function findingsFor(ruleId: string, files: ProjectFiles, environment: string, djangoVersion = "5.2"): Promise<{ findings: Finding[]; dir: string }> {
  const dir = writeProject({ "proj/__init__.py": "", "proj/settings/__init__.py": "", ...files });
  const e = await sharedEngine();
  const audit = e.audit(dir, { djangoVersion });
  return { findings: audit.findings.filter((f) => f.rule === ruleId && f.environment === environment), dir };
}

/** One node:test per row: the rule reports `expect` findings for `environment`. */
export function envTable(ruleId: string, rows: EnvRow[]): void {
  for (const row of rows) {
    test(`${ruleId}: ${row.name}`, async () => {
      const { findings } = await findingsFor(ruleId, row.files, row.environment, row.djangoVersion);
      assert.equal(findings.length, row.expect, findings.map((f) => f.message).join("\n"));
      if (row.message) for (const f of findings) assert.match(f.message, row.message);
    });
  }
}

/** Applies non-overlapping edits (offsets into the current texts), last first, and writes the files back. */
export function applyEdits(edits: TextEdit[]): string[] {
  const byFile = new Map<string, TextEdit[]>();
  for (const e of edits) byFile.set(e.file, [...(byFile.get(e.file) ?? []), e]);
  for (const [file, list] of byFile) {
    let text = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : "";
    const sorted = [...list].sort((a, b) => b.range.startOffset - a.range.startOffset || b.range.endOffset - a.range.endOffset);
    for (let i = 1; i < sorted.length; i++) assert.ok(sorted[i].range.endOffset <= sorted[i - 1].range.startOffset, `overlapping edits in ${file}`);
    for (const e of sorted) text = text.slice(0, e.range.startOffset) + e.newText + text.slice(e.range.endOffset);
    fs.writeFileSync(file, text);
  }
  return [...byFile.keys()];
}

export interface GoldenCase {
  name: string;
  files: ProjectFiles;
  environment?: string;
  djangoVersion?: string;
  /** Which finding to fix, when the rule reports several. */
  pick?: (f: Finding) => boolean;
  /** The file the fix edits (relative), and its whole text afterwards. */
  file: string;
  after: string;
  safety: "safe" | "unsafe";
  /** Messages of the same rule allowed to remain after the fix (the HSTS ramp-up). Default: none at all. */
  remaining?: RegExp[];
}

/**
 * The fix golden: applying the finding's fix gives exactly `after`, every edited file still parses, and a fresh audit
 * no longer reports the finding (the fix converges).
 */
export function fixGolden(ruleId: string, c: GoldenCase): void {
  test(`${ruleId} fix: ${c.name}`, async () => {
    const environment = c.environment ?? "proj.settings.production";
    const version = c.djangoVersion ?? "5.2";
    const { findings, dir } = await findingsFor(ruleId, c.files, environment, version);
    const f = findings.find((x) => x.fix && (!c.pick || c.pick(x)));
    assert.ok(f?.fix, `no fixable finding: ${findings.map((x) => x.message).join(" | ")}`);
    assert.equal(f.fix.safety, c.safety);
    const changed = applyEdits(f.fix.edits);
    assert.equal(fs.readFileSync(path.join(dir, c.file), "utf8"), c.after);
    const parser = await pythonParser();
    for (const file of changed) {
      const { model } = parseModule(parser, file, fs.readFileSync(file, "utf8"));
      assert.deepEqual(model.syntaxErrors, [], `${file} no longer parses`);
    }
    const e = await sharedEngine();
    const again = e.audit(dir, { djangoVersion: version }).findings.filter((x) => x.rule === ruleId && x.environment === environment);
    const left = again.filter((x) => !(c.remaining ?? []).some((re) => re.test(x.message)));
    assert.deepEqual(left.map((x) => x.message), [], "the finding is still reported after the fix");
    assert.ok(!again.some((x) => x.message === f.message), "the same finding is still reported after the fix");
  });
}

/** A split project: base.py, and production.py beginning with `from .base import *`. */
export function split(base: string, production: string, more: ProjectFiles = {}): ProjectFiles {
  return { "proj/settings/base.py": base, "proj/settings/production.py": "from .base import *\n" + production, ...more };
}
