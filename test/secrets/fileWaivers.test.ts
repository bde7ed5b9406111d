// File-level waivers, `# dsh: ignore-file[rule-id]`: the rule is silenced throughout that file and nowhere else,
// in the engine (editor) and in the CLI alike; one that silences nothing is reported with a fix that removes it.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { test } from "node:test";
import { applyFixesToFiles } from "../../server/src/fixes/apply";
import { parseWaivers } from "../../server/src/rules/waivers";
import { auditFiles, GOOD_BASE } from "../helpers/project";
import { ALNUM, fake, rand, REPO } from "./planted";

const KEY = fake(rand("file-waiver-key", 50, ALNUM));
const OTHER = fake(rand("file-waiver-other", 50, ALNUM));

/** base.py holds two credentials on two lines, production.py one more: `header` goes at the top of base.py. */
function files(header: string): Record<string, string> {
  const base = GOOD_BASE.replace(/^SECRET_KEY = .*$/m, 'import os\nSECRET_KEY = os.environ["DJANGO_SECRET_KEY"]');
  return {
    "proj/__init__.py": "",
    "proj/settings/__init__.py": "",
    "proj/settings/base.py": `${header}${base}API_TOKEN = "${KEY}"\nSTRIPE_API_KEY = "${OTHER}"\n`,
    "proj/settings/production.py": `from .base import *\nMAILER_TOKEN = "${rand("file-waiver-prod", 44, ALNUM)}"\n`,
  };
}

interface Case {
  name: string;
  header: string;
  /** hardcoded-credential findings left in base.py and in production.py (each counted once per place). */
  base: number;
  production: number;
  unused: string[];
}

const CASES: Case[] = [
  { name: "no waiver", header: "", base: 2, production: 1, unused: [] },
  { name: "short form at the top", header: "# dsh: ignore-file[hardcoded-credential]\n", base: 0, production: 1, unused: [] },
  { name: "long form after the docstring", header: '"""Settings."""\n# django-settings-hygiene: ignore-file[hardcoded-credential]\n', base: 0, production: 1, unused: [] },
  { name: "among other ids", header: "# dsh: ignore-file[debug-enabled, hardcoded-credential]\n", base: 0, production: 1, unused: ["the file-level waiver for debug-enabled suppresses nothing in this file; remove it"] },
  { name: "another rule only", header: "# dsh: ignore-file[hardcoded-secret-key]\n", base: 2, production: 1, unused: ["the file-level waiver for hardcoded-secret-key suppresses nothing in this file; remove it"] },
  { name: "a line waiver on the comment's own line waives that line only", header: "# dsh: ignore[hardcoded-credential]\n", base: 2, production: 1, unused: ["the waiver for hardcoded-credential suppresses nothing on this line; remove it"] },
  { name: "an unknown id", header: "# dsh: ignore-file[no-such-rule]\n", base: 2, production: 1, unused: ['the waiver names "no-such-rule", which is not a rule; remove it or fix the id'] },
];

test("parseWaivers: ignore-file waives the file, ignore the line", () => {
  const text = "# dsh: ignore-file[a-rule]\nX = 1  # dsh: ignore[b-rule]\n";
  const [file] = parseWaivers("/f.py", text, { text: "# dsh: ignore-file[a-rule]", startOffset: 0, line: 0 });
  const [line] = parseWaivers("/f.py", text, { text: "# dsh: ignore[b-rule]", startOffset: 33, line: 1 });
  assert.deepEqual([file.scope, file.ids.map((i) => i.id)], ["file", ["a-rule"]]);
  assert.deepEqual([line.scope, line.ids.map((i) => i.id)], ["line", ["b-rule"]]);
  assert.equal(text.slice(file.ids[0].range.startOffset, file.ids[0].range.endOffset), "a-rule");
});

for (const c of CASES) {
  test(`file-level waivers in the engine: ${c.name}`, async () => {
    const audit = await auditFiles(files(c.header), { djangoVersion: "5.2" });
    try {
      const at = (rel: string, rule: string) => new Set(audit.findings.filter((f) => f.rule === rule && f.location.file === path.join(audit.dir, ...rel.split("/"))).map((f) => f.location.range.startOffset));
      assert.equal(at("proj/settings/base.py", "hardcoded-credential").size, c.base);
      assert.equal(at("proj/settings/production.py", "hardcoded-credential").size, c.production);
      const unused = [...new Set(audit.findings.filter((f) => f.rule === "unused-waiver").map((f) => f.message))];
      assert.deepEqual(unused, c.unused);
    } finally {
      fs.rmSync(audit.dir, { recursive: true, force: true });
    }
  });
}

test("the CLI honours a file-level waiver as the engine does", async () => {
  for (const [header, expected] of [["", 3], ["# dsh: ignore-file[hardcoded-credential]\n", 1]] as const) {
    const audit = await auditFiles(files(header), { djangoVersion: "5.2" });
    try {
      const r = spawnSync(process.execPath, [path.join(REPO, "bin", "django-settings-hygiene.js"), "audit", audit.dir, "--format", "json", "--django-version", "5.2", "--exit-zero"], { encoding: "utf8" });
      assert.equal(r.status, 0, r.stderr);
      const places = new Set(
        (JSON.parse(r.stdout).findings as Array<{ rule: string; file: string; line: number }>).filter((f) => f.rule === "hardcoded-credential").map((f) => `${f.file}:${f.line}`),
      );
      assert.equal(places.size, expected, [...places].join(", "));
    } finally {
      fs.rmSync(audit.dir, { recursive: true, force: true });
    }
  }
});

test("the unused-waiver fix removes a file-level waiver line whole", async () => {
  const audit = await auditFiles(files("# dsh: ignore-file[hardcoded-secret-key]\n"), { djangoVersion: "5.2" });
  try {
    const fixes = audit.findings.filter((f) => f.rule === "unused-waiver").map((f) => f.fix!);
    assert.ok(fixes.length > 0 && fixes.every((f) => f.safety === "safe"));
    applyFixesToFiles(fixes.slice(0, 1), audit.dir);
    assert.ok(fs.readFileSync(path.join(audit.dir, "proj", "settings", "base.py"), "utf8").startsWith("import os\n"));
  } finally {
    fs.rmSync(audit.dir, { recursive: true, force: true });
  }
});
