// Over the real-world-style layouts in test/fixtures/layouts: every secret their EXPECTED.md plants is found, and nothing else.
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { test } from "node:test";
import { SECRET_RULE_IDS } from "../../server/src/rules/secrets/index";
import { sharedEngine } from "../helpers/project";
import { REPO } from "./planted";

const LAYOUTS = path.join(REPO, "test", "fixtures", "layouts");
const SECRET_IDS = new Set(SECRET_RULE_IDS);

/**
 * "file:line rule" for each committed secret, from each layout's EXPECTED.md ("Not a Django check: …", the dev keys).
 * Layouts with only placeholders (`change-me-…`, `postgres`, empty defaults) or test keys in the testing environment
 * expect nothing.
 */
const EXPECTED: Record<string, string[]> = {
  broken: ["settings/base.py:6 hardcoded-secret-key"],
  conf_dir: ["conf/settings/base.py:8 hardcoded-secret-key"],
  cookiecutter: ["config/settings/local.py:9 hardcoded-secret-key", "config/settings/production.py:44 hardcoded-email-password"],
  dj_database_url: ["web/settings.py:11 hardcoded-secret-key"],
  env_switch: ["app/settings/base.py:8 hardcoded-secret-key"],
  getenv_style: [],
  local_tail: ["proj/local_settings.py:11 hardcoded-database-password"],
  settings_files: [],
  single_decouple: [],
  split_settings: ["project/settings/components/base.py:5 hardcoded-secret-key", "project/settings/components/database.py:8 hardcoded-database-password"],
  wagtail: ["mysite/settings/dev.py:7 hardcoded-secret-key"],
};

const present = fs.existsSync(LAYOUTS) ? fs.readdirSync(LAYOUTS).filter((d) => fs.statSync(path.join(LAYOUTS, d)).isDirectory()).sort() : [];

for (const layout of present) {
  test(`layout ${layout}: committed secrets found, placeholders left alone`, async (t) => {
    if (!(layout in EXPECTED)) {
      t.skip(`no expectation for the new layout ${layout} yet`);
      return;
    }
    const dir = path.join(LAYOUTS, layout);
    const audit = (await sharedEngine()).audit(dir);
    const got = [...new Set(audit.findings.filter((f) => SECRET_IDS.has(f.rule)).map((f) => `${path.relative(dir, f.location.file).split(path.sep).join("/")}:${f.location.range.start.line + 1} ${f.rule}`))].sort();
    assert.deepEqual(got, [...EXPECTED[layout]].sort());
    // The .env check never walks into a layout's own files unasked: none has a dotenv file.
    assert.equal(audit.findings.filter((f) => f.rule === "dotenv-secret-tracked").length, 0);
  });
}

test("every layout with an expectation is present", () => {
  for (const layout of Object.keys(EXPECTED)) assert.ok(present.includes(layout), `test/fixtures/layouts/${layout} is missing`);
});
