// The planted fixture: every planted secret is found by its rule (in some environment); the placeholders fixture yields no secret finding.
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { test } from "node:test";
import { SECRET_RULE_IDS } from "../../server/src/rules/secrets/index";
import { sharedEngine } from "../helpers/project";
import { materialize, PLANTED, scrub } from "./planted";

const SECRET_IDS = new Set(SECRET_RULE_IDS);

test("every planted secret is found, by the rule that owns it", async () => {
  const dir = materialize("planted");
  const audit = (await sharedEngine()).audit(dir);
  const texts = new Map<string, string>();
  const found = audit.findings
    .filter((f) => SECRET_IDS.has(f.rule))
    .map((f) => {
      if (!texts.has(f.location.file)) texts.set(f.location.file, fs.readFileSync(f.location.file, "utf8"));
      return { rule: f.rule, text: texts.get(f.location.file)!.slice(f.location.range.startOffset, f.location.range.endOffset) };
    });
  for (const p of PLANTED) {
    // The finding's span is where the value is written: the literal (escaped for Python) or the .env value.
    const escaped = p.value.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\n/g, "\\n");
    const hit = found.find((f) => f.text.includes(escaped) || f.text.includes(p.value));
    assert.ok(hit, `planted ${p.name} is not reported`);
    assert.equal(hit.rule, p.rule, `planted ${p.name} is reported by ${hit.rule}`);
  }
  // Nothing else: every secret finding is one of the planted ones.
  for (const f of found) assert.ok(PLANTED.some((p) => f.text.includes(p.value.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\n/g, "\\n")) || f.text.includes(p.value)), scrub(`unexpected ${f.rule} at ${f.text}`));
});

test("the testing environment's obvious test values are not reported", async () => {
  const dir = materialize("planted");
  const audit = (await sharedEngine()).audit(dir);
  const inTest = audit.findings.filter((f) => SECRET_IDS.has(f.rule) && f.location.file === path.join(dir, "proj", "settings", "test.py"));
  assert.deepEqual(inTest.map((f) => f.rule), []);
});

test("placeholders, test values and well-known defaults yield no secret finding", async () => {
  const dir = materialize("placeholders");
  const audit = (await sharedEngine()).audit(dir);
  const secrets = audit.findings.filter((f) => SECRET_IDS.has(f.rule));
  assert.deepEqual(secrets.map((f) => `${f.rule} ${path.relative(dir, f.location.file)}:${f.location.range.start.line + 1} ${f.message}`), []);
});
