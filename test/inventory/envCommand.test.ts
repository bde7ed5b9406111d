// runEnvCommand: exit codes, the three formats, --environment, a file PATH, and usage errors.
import { strict as assert } from "node:assert";
import * as path from "node:path";
import { Writable } from "node:stream";
import { test } from "node:test";
import { runEnvCommand } from "../../server/src/cli/envCommand";
import { splitProject, writeTree } from "./helpers";

class Capture extends Writable {
  text = "";
  _write(chunk: Buffer, _enc: string, done: () => void): void {
    this.text += chunk.toString();
    done();
  }
}

async function run(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out = new Capture();
  const err = new Capture();
  const code = await runEnvCommand(argv, out, err);
  return { code, out: out.text, err: err.text };
}

const UNDOCUMENTED = splitProject('import os\nSECRET_KEY = os.environ["DJANGO_SECRET_KEY"]\n', 'import os\nDEBUG = os.environ.get("DJANGO_DEBUG", "") == "1"\n', {
  "proj/settings/local.py": 'from .base import *\nimport os\nTIME_ZONE = os.environ.get("TZ_NAME", "UTC")\n',
});

test("env: exit 1 when a deployed environment requires an undocumented variable, 0 with --exit-zero", async () => {
  const dir = writeTree(UNDOCUMENTED);
  const r = await run([dir]);
  assert.equal(r.code, 1, r.err);
  assert.match(r.out, /^proj\.settings\.production \(production\) {2}proj\/settings\/production\.py$/m);
  assert.match(r.out, /^ {2}DJANGO_SECRET_KEY +required +- +- +SECRET_KEY +nowhere {2}\(undocumented\)$/m);
  assert.match(r.out, /^proj\/settings\/production\.py:3:14: warning env-undocumented DJANGO_SECRET_KEY is required/m);
  assert.equal((await run([dir, "--exit-zero"])).code, 0);
});

test("env: exit 0 once the variable is documented; env-unused alone does not fail", async () => {
  const dir = writeTree({ ...UNDOCUMENTED, ".env.example": "DJANGO_SECRET_KEY=\nSTALE=1\n" });
  const r = await run([dir]);
  assert.equal(r.code, 0, r.out);
  assert.match(r.out, /\.env\.example:2:1: information env-unused STALE/);
  assert.match(r.out, /; 0 warning\(s\), 1 info\.\n$/);
});

test("env --format json: the documented shape, environments filtered by --environment", async () => {
  const dir = writeTree(UNDOCUMENTED);
  const r = await run([dir, "--format", "json", "--environment", "production"]);
  const data = JSON.parse(r.out);
  assert.equal(data.version, 2);
  assert.deepEqual(data.environments.map((e: { name: string }) => e.name), ["proj.settings.production"]);
  const key = data.environments[0].variables.find((v: { name: string }) => v.name === "DJANGO_SECRET_KEY");
  assert.deepEqual({ required: key.required, settings: key.settings, documented: key.documented }, { required: true, settings: ["SECRET_KEY"], documented: [] });
  assert.deepEqual(data.findings.map((f: { rule: string; file: string; line: number }) => `${f.rule} ${f.file}:${f.line}`), ["env-undocumented proj/settings/production.py:3"]);
});

test("env --format markdown: the report section with one table per environment", async () => {
  const dir = writeTree(UNDOCUMENTED);
  const r = await run(["--format=markdown", dir, "-e", "proj.settings.production"]);
  assert.match(r.out, /^# Environment variables$/m);
  assert.match(r.out, /^## proj\.settings\.production \(production\)$/m);
  assert.match(r.out, /^\| `DJANGO_SECRET_KEY` \| required \| – \| – \| `SECRET_KEY` \| ❌ nowhere \|$/m);
  assert.doesNotMatch(r.out, /proj\.settings\.local/);
});

test("env PATH as a file: only the environments that file feeds", async () => {
  const dir = writeTree({ ...UNDOCUMENTED, "manage.py": "" });
  const r = await run([path.join(dir, "proj", "settings", "local.py"), "--format", "json"]);
  assert.deepEqual(JSON.parse(r.out).environments.map((e: { name: string }) => e.name), ["proj.settings.local"]);
  assert.equal(r.code, 0);
});

test("env: usage errors exit 2", async () => {
  const dir = writeTree(UNDOCUMENTED);
  for (const argv of [[dir, "--format", "yaml"], [dir, "--bogus"], [dir, dir], [dir, "--environment"], [path.join(dir, "nope")], [dir, "-e", "nothing-matches"]]) {
    const r = await run(argv);
    assert.equal(r.code, 2, argv.join(" "));
    assert.match(r.err, /^django-settings-hygiene env: /);
  }
  const help = await run(["--help"]);
  assert.equal(help.code, 0);
  assert.match(help.out, /^Usage: django-settings-hygiene env \[PATH\]/);
});
