// Inline waivers: the long and short forms, several ids, unknown ids and waivers that suppress nothing, and their removal fix.
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { test } from "node:test";
import { applyFixesToFiles } from "../../server/src/fixes/apply";
import { parseWaivers } from "../../server/src/rules/waivers";
import { auditFiles, GOOD_BASE } from "../helpers/project";
import { ALNUM, fake, rand, scrub } from "./planted";

const KEY = fake(rand("waiver-key", 50, ALNUM));

function base(extra: string): string {
  return GOOD_BASE.replace(/^SECRET_KEY = .*$/m, "import os\nSECRET_KEY = os.environ[\"DJANGO_SECRET_KEY\"]") + extra;
}

async function run(extra: string) {
  const audit = await auditFiles({ "proj/__init__.py": "", "proj/settings/__init__.py": "", "proj/settings/base.py": base(extra), "proj/settings/production.py": "from .base import *\n" }, { djangoVersion: "5.2" });
  const file = path.join(audit.dir, "proj", "settings", "base.py");
  const rules = (rule: string) => audit.findings.filter((f) => f.rule === rule && f.location.file === file);
  return { audit, file, rules };
}

test("parseWaivers: long and short forms, several ids, positions of each id", () => {
  const text = "X = 1  # dsh: ignore[a-rule, other-rule]\n";
  const [w] = parseWaivers("/f.py", text, { text: "# dsh: ignore[a-rule, other-rule]", startOffset: 7, line: 0 });
  assert.deepEqual(w.ids.map((i) => i.id), ["a-rule", "other-rule"]);
  assert.deepEqual(w.ids.map((i) => text.slice(i.range.startOffset, i.range.endOffset)), ["a-rule", "other-rule"]);
  const [long] = parseWaivers("/f.py", "# django-settings-hygiene: ignore[x]", { text: "# django-settings-hygiene: ignore[x]", startOffset: 0, line: 0 });
  assert.deepEqual(long.ids.map((i) => i.id), ["x"]);
});

test("a waiver on the finding's line suppresses it, in every environment", async () => {
  const plain = await run(`API_TOKEN = "${KEY}"\n`);
  assert.equal(plain.rules("hardcoded-credential").length, 1, "reported for production (base.py is a part of it)");
  const waived = await run(`API_TOKEN = "${KEY}"  # django-settings-hygiene: ignore[hardcoded-credential]\n`);
  assert.equal(waived.rules("hardcoded-credential").length, 0);
  assert.equal(waived.rules("unused-waiver").length, 0);
  const short = await run(`API_TOKEN = "${KEY}"  # dsh: ignore[debug-enabled, hardcoded-credential]\n`);
  assert.equal(short.rules("hardcoded-credential").length, 0);
  assert.deepEqual(short.rules("unused-waiver").map((f) => f.message), ["the waiver for debug-enabled suppresses nothing on this line; remove it"]);
});

test("a waiver on another line does not apply", async () => {
  const r = await run(`# dsh: ignore[hardcoded-credential]\nAPI_TOKEN = "${KEY}"\n`);
  assert.equal(r.rules("hardcoded-credential").length, 1);
  assert.equal(r.rules("unused-waiver").length, 1);
});

test("an unknown rule id is reported, once, as a warning", async () => {
  const r = await run(`DEBUG = False  # dsh: ignore[no-such-rule]\n`);
  const unused = r.rules("unused-waiver");
  assert.equal(unused.length, 1);
  assert.equal(unused[0].severity, "warning");
  assert.match(unused[0].message, /"no-such-rule", which is not a rule/);
});

test("a waiver for a disabled rule is neither applied nor reported", async () => {
  const audit = await auditFiles(
    { "proj/__init__.py": "", "proj/settings/__init__.py": "", "proj/settings/base.py": base(`X = 1  # dsh: ignore[debug-enabled]\n`), "proj/settings/production.py": "from .base import *\n" },
    { djangoVersion: "5.2", disabled: ["debug-enabled"] },
  );
  assert.equal(audit.findings.filter((f) => f.rule === "unused-waiver").length, 0);
});

const removals: Array<{ name: string; line: string; after: string }> = [
  { name: "the only waiver on a code line", line: "X = 1  # dsh: ignore[no-such-rule]", after: "X = 1" },
  { name: "one id of two", line: `API_TOKEN = "${KEY}"  # dsh: ignore[no-such-rule, hardcoded-credential]`, after: `API_TOKEN = "${KEY}"  # dsh: ignore[hardcoded-credential]` },
  { name: "the last id of two", line: `API_TOKEN = "${KEY}"  # dsh: ignore[hardcoded-credential, no-such-rule]`, after: `API_TOKEN = "${KEY}"  # dsh: ignore[hardcoded-credential]` },
  { name: "after another comment", line: "X = 1  # noqa: F405  # dsh: ignore[no-such-rule]", after: "X = 1  # noqa: F405" },
  { name: "before an explanation", line: "X = 1  # dsh: ignore[no-such-rule] legacy", after: "X = 1  # legacy" },
];

for (const c of removals) {
  test(`the unused-waiver fix is safe and removes only the waiver: ${c.name}`, async () => {
    const r = await run(`${c.line}\n`);
    const fixes = r.rules("unused-waiver").map((f) => f.fix!);
    assert.ok(fixes.length > 0 && fixes.every((f) => f && f.safety === "safe"));
    applyFixesToFiles(fixes.slice(0, 1), path.dirname(r.file));
    const lines = fs.readFileSync(r.file, "utf8").split("\n");
    assert.equal(scrub(lines[lines.length - 2]), scrub(c.after));
  });
}

test("a comment-only waiver line goes entirely", async () => {
  const r = await run(`# dsh: ignore[no-such-rule]\nX = 1\n`);
  applyFixesToFiles(r.rules("unused-waiver").map((f) => f.fix!), path.dirname(r.file));
  assert.ok(fs.readFileSync(r.file, "utf8").endsWith("SESSION_COOKIE_SECURE = True\nCSRF_COOKIE_SECURE = True\nX = 1\n"));
});
