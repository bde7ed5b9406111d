// The secrets scan's memory of literals that held nothing: a literal reached again along another path is judged again.
import assert from "node:assert/strict";
import { test } from "node:test";
import { auditFiles } from "../helpers/project";

test("a literal found harmless under one setting is still a secret under another that reuses it", async () => {
  // DEFAULT_LABEL comes first, so the scan visits the literal under its harmless name before the password's.
  const a = await auditFiles({ "settings.py": 'DEFAULT_LABEL = "s3cr3t-pa55word-value"\nEMAIL_HOST_PASSWORD = DEFAULT_LABEL\n' });
  const secrets = a.findings.filter((f) => f.message.includes("EMAIL_HOST_PASSWORD"));
  assert.ok(secrets.length > 0, `no finding names EMAIL_HOST_PASSWORD: ${a.findings.map((f) => f.rule).join(", ")}`);
  // And the literal under its own name alone is no secret, or the test above would prove nothing.
  const alone = await auditFiles({ "settings.py": 'DEFAULT_LABEL = "s3cr3t-pa55word-value"\n' });
  assert.deepEqual(alone.findings.filter((f) => f.message.includes("DEFAULT_LABEL") || f.message.includes("s3cr3t")).map((f) => f.rule), []);
});
