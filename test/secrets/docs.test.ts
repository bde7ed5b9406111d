// docs/secrets.md stays in step with the code: every token format, every secrets rule and every placeholder marker is documented.
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { test } from "node:test";
import { SECRET_RULES } from "../../server/src/rules/secrets/index";
import { dotenvSecretTracked } from "../../server/src/rules/secrets/dotenvSecretTracked";

/** The per-environment secrets rules and the per-project .env check. */
const ALL_SECRET_RULES = [...SECRET_RULES, dotenvSecretTracked];
import { TOKEN_FORMATS } from "../../server/src/secrets/providers";
import { REPO } from "./planted";

const doc = fs.readFileSync(path.join(REPO, "docs", "secrets.md"), "utf8");
const source = fs.readFileSync(path.join(REPO, "server", "src", "secrets", "placeholders.ts"), "utf8");

test("every token format has a row in docs/secrets.md", () => {
  for (const f of TOKEN_FORMATS) assert.ok(doc.includes(`| \`${f.id}\` |`), f.id);
});

test("every secrets rule is described in docs/secrets.md", () => {
  for (const r of ALL_SECRET_RULES) assert.ok(doc.includes(`\`${r.id}\``), r.id);
});

test("every placeholder marker is listed in docs/secrets.md", () => {
  const markers = /const MARKERS = \[([\s\S]*?)\];/.exec(source)![1].match(/"([a-z]+)"/g)!.map((m) => m.slice(1, -1));
  for (const m of markers) assert.ok(doc.includes(`\`${m}\``) || doc.includes(`\`${m}(`), m);
});

test("every secrets rule has complete documentation metadata", () => {
  for (const r of ALL_SECRET_RULES) {
    for (const key of ["summary", "why", "example", "useInstead", "fixSafety", "versions"] as const) assert.ok(r.docs[key].trim().length > 20, `${r.id}.docs.${key}`);
    assert.deepEqual([...r.appliesTo].sort(), ["base", "development", "production", "staging", "testing"], `${r.id} applies to every environment`);
  }
});
