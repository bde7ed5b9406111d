// Golden fix tests: each test/fixes/golden/<case>/before project, fixed with every secrets fix, must equal <case>/after; then no secret remains (convergence) and a second pass changes nothing (idempotence).
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { test } from "node:test";
import type { Audit } from "../../server/src/engine";
import { applyFixesToFiles, planFixes } from "../../server/src/fixes/apply";
import { SECRET_RULE_IDS } from "../../server/src/rules/secrets/index";
import type { Fix } from "../../server/src/rules/types";
import { sharedEngine } from "../helpers/project";
import { ALNUM, assertSameText, copyFixture, fake, listFiles, rand, REPO, type Planted } from "../secrets/planted";

const GOLDEN = path.join(REPO, "test", "fixes", "golden");
const SECRET_IDS = new Set(SECRET_RULE_IDS);

/** Provider-format tokens the golden files need, generated so the repository never holds one. */
const PLANTED: Planted[] = [{ name: "stripe_webhook", value: fake(rand("golden-whsec", 32, ALNUM)), rule: "hardcoded-provider-token" }];

function secretFixes(audit: Audit): Fix[] {
  const seen = new Set<string>();
  const out: Fix[] = [];
  for (const f of audit.findings) {
    if (!SECRET_IDS.has(f.rule) || !f.fix) continue;
    const key = JSON.stringify(f.fix.edits);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(f.fix);
  }
  return out;
}

/** The literal text at each secret finding, for scrubbing failure messages. */
function secretTexts(audit: Audit): string[] {
  return audit.findings
    .filter((f) => SECRET_IDS.has(f.rule))
    .map((f) => fs.readFileSync(f.location.file, "utf8").slice(f.location.range.startOffset, f.location.range.endOffset).replace(/^["']|["']$/g, ""));
}

for (const name of fs.readdirSync(GOLDEN).sort()) {
  test(`golden fix: ${name}`, async () => {
    const dir = copyFixture(path.join(GOLDEN, name, "before"), PLANTED, `dsh-golden-${name}-`);
    const expected = copyFixture(path.join(GOLDEN, name, "after"), PLANTED, `dsh-golden-${name}-after-`);
    const engine = await sharedEngine();
    const first = engine.audit(dir);
    const secrets = secretTexts(first);
    const fixes = secretFixes(first);
    assert.ok(fixes.length > 0, `${name}: the before project has fixable secrets`);
    for (const fix of fixes) assert.equal(fix.safety, "unsafe", `${name}: moving a value to the environment is unsafe (${fix.title.replace(/'[^']*'/g, "…")})`);
    const plan = applyFixesToFiles(fixes, dir);
    assert.equal(plan.conflicting.length, 0, `${name}: no fix clashes with another`);

    assert.deepEqual(listFiles(dir), listFiles(expected), `${name}: the same files exist after the fix`);
    for (const rel of listFiles(expected)) {
      assertSameText(fs.readFileSync(path.join(dir, rel), "utf8"), fs.readFileSync(path.join(expected, rel), "utf8"), `${name}/${rel}`, secrets);
    }

    // Convergence: the fixed project parses and no secret is left.
    const second = engine.audit(dir);
    for (const rel of listFiles(dir).filter((f) => f.endsWith(".py"))) {
      const loaded = second.project.loader.load(path.join(dir, rel));
      assert.ok(loaded.ok && loaded.model.syntaxErrors.length === 0, `${name}/${rel} parses after the fix`);
    }
    const left = second.findings.filter((f) => SECRET_IDS.has(f.rule));
    assert.deepEqual(left.map((f) => `${f.rule} ${path.relative(dir, f.location.file)}:${f.location.range.start.line + 1}`), [], `${name}: no secret remains`);

    // Idempotence: whatever fixes the second audit still offers change nothing in the files the first pass wrote.
    const again = planFixes(secretFixes(second));
    assert.deepEqual(again.changes.map((c) => c.file), [], `${name}: a second application changes nothing`);
  });
}
