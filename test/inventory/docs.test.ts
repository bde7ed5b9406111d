// The hand-written pages of the two project-level checks keep the generated pages' shape and agree with INVENTORY_RULES.
import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { test } from "node:test";
import { INVENTORY_RULES } from "../../server/src/inventory/findings";
import { RULES } from "../../server/src/rules/index";

const REPO = path.resolve(__dirname, "..", "..", "..");

for (const rule of INVENTORY_RULES) {
  test(`docs/rules/${rule.id}.md matches its metadata`, () => {
    const page = fs.readFileSync(path.join(REPO, "docs", "rules", `${rule.id}.md`), "utf8");
    const lines = page.split("\n");
    assert.equal(lines[0], `# ${rule.id}`);
    assert.equal(lines[2], `${rule.summary}.`);
    assert.ok(lines.includes(`| Severity | ${rule.severity} |`), "severity row");
    assert.ok(lines.includes(`| Environments | ${rule.appliesTo.join(", ")} |`), "environments row");
    for (const heading of ["## Why is this bad?", "## Example", "## Use instead", "## Silencing"]) assert.ok(lines.includes(heading), heading);
    assert.ok(page.includes(`ignore[${rule.id}]`), "the waiver is documented");
  });
}

test("the inventory's rule ids never collide with the catalogue's", () => {
  for (const r of INVENTORY_RULES) assert.equal(RULES.find((x) => x.id === r.id), undefined, r.id);
});
