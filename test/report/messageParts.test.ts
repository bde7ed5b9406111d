// messageParts: a message's headline (what is wrong) and its detail, cut outside quotes and brackets; every finding on
// the example projects has a headline short enough for a Problems row.
import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { test } from "node:test";
import { HEADLINE_MAX, messageParts } from "../../server/src/report/messageParts";
import { sharedEngine } from "../helpers/project";

const REPO = path.resolve(__dirname, "..", "..", "..");

const CASES: Array<{ message: string; headline: string; detail?: string }> = [
  { message: "DEBUG is on whenever DJANGO_DEBUG is unset: error pages would expose code", headline: "DEBUG is on whenever DJANGO_DEBUG is unset", detail: "error pages would expose code" },
  { message: "SECRET_KEY is written in the code ('ab:…(5 chars)'); read it from the environment", headline: "SECRET_KEY is written in the code ('ab:…(5 chars)')", detail: "read it from the environment" },
  { message: 'X is "a: b; c. d": bad', headline: 'X is "a: b; c. d"', detail: "bad" },
  { message: "HSTS is 0 (Django's default: 0), so browsers never insist on HTTPS", headline: "HSTS is 0 (Django's default: 0)", detail: "so browsers never insist on HTTPS" },
  { message: "URL postgres://u@h/db is used. Rotate it", headline: "URL postgres://u@h/db is used", detail: "Rotate it" },
  { message: "one clause only", headline: "one clause only" },
  { message: "ends with a colon:", headline: "ends with a colon:" },
  { message: "[a: b] list first; then detail", headline: "[a: b] list first", detail: "then detail" },
];

for (const c of CASES) {
  test(`messageParts: ${c.message}`, () => {
    const got = messageParts(c.message);
    assert.equal(got.headline, c.headline);
    assert.equal(got.detail, c.detail);
  });
}

test(`every finding on the example projects has a headline of at most ${HEADLINE_MAX} characters`, async () => {
  const engine = await sharedEngine();
  const roots = [path.join(REPO, "examples", "mysite")];
  const fixtures = path.join(REPO, "test", "fixtures", "projects");
  if (fs.existsSync(fixtures)) for (const d of fs.readdirSync(fixtures)) roots.push(path.join(fixtures, d));
  const long: string[] = [];
  let seen = 0;
  for (const root of roots) {
    if (!fs.statSync(root).isDirectory()) continue;
    for (const f of engine.audit(root).findings) {
      seen++;
      const { headline } = messageParts(f.message);
      if (headline.length > HEADLINE_MAX) long.push(`${f.rule} (${headline.length}): ${headline}`);
    }
  }
  assert.ok(seen >= 10, `only ${seen} findings on the examples`);
  assert.deepEqual(long, []);
});
