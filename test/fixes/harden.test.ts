// "Harden production settings" on examples/mysite: every deploy-check fix at once, convergence, and Django still loading.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import * as path from "node:path";
import { test } from "node:test";
import { applyTextEdits } from "../../server/src/fixes/apply";
import { writeChanges } from "../helpers/writeChanges";
import { lineHunks } from "../../server/src/fixes/diff";
import { rangeOfOffsets } from "../../server/src/fixes/literal";
import { hardenEdit } from "../../server/src/lsp/harden";
import { DEPLOY_RULE_IDS, deployedEnvironmentFor, hardenEnvironment } from "../../server/src/session/harden";
import { copyExample, deployCheckIds, manageCheck, REPO_ROOT, requireDjango } from "../helpers/django";
import { sharedEngine } from "../helpers/project";

const PROD = "mysite.settings.production";
const CLI = path.join(REPO_ROOT, "bin", "django-settings-hygiene.js");
/** What a deployment sets; a generated-looking key that passes Django's strength test. */
const DEPLOY_VARS = { DJANGO_SECRET_KEY: "k".repeat(10) + "Zq8#vW2!pL6@xN4$rT0%yB7^mC3&hJ9*dF5(gS1)", DJANGO_ALLOWED_HOSTS: "mysite.example.com", EMAIL_HOST_PASSWORD: "x" };

async function hardened(): Promise<{ dir: string; result: ReturnType<typeof hardenEnvironment> }> {
  const dir = copyExample("mysite");
  const result = hardenEnvironment(await sharedEngine(), dir, PROD);
  return { dir, result };
}

test("harden mysite's production: the fixes of every deploy check that has one, in one change set", async () => {
  const { dir, result } = await hardened();
  assert.equal(result.kind, "production");
  const rel = result.changes.map((c) => path.relative(dir, c.file).split(path.sep).join("/"));
  assert.deepEqual(rel, [".env.example", "mysite/settings/base.py", "mysite/settings/development.py", "mysite/settings/production.py", "mysite/settings/testing.py"]);
  const prod = result.changes.find((c) => c.file.endsWith("production.py"))!.after;
  assert.match(prod, /^DEBUG = env\.bool\("DJANGO_DEBUG", default=False\)$/m, "DEBUG's default changes, the read stays");
  assert.match(prod, /^SECURE_HSTS_SECONDS = 300 {2}# five minutes to start; raise to 3600, 86400, then 31536000/m, "HSTS starts at 300 s");
  assert.match(prod, /^SECURE_HSTS_INCLUDE_SUBDOMAINS = True$/m, "the subdomains fix, found on the second pass");
  assert.doesNotMatch(prod, /SECURE_HSTS_PRELOAD/, "no preload while HSTS ramps up");
  assert.match(prod, /^CSRF_COOKIE_SECURE = True$/m);
  assert.match(prod, /^X_FRAME_OPTIONS = "DENY"$/m);
  assert.match(prod, /^SECRET_KEY = env\("DJANGO_SECRET_KEY"\)$/m);
  assert.match(prod, /^ALLOWED_HOSTS = env\.list\("DJANGO_ALLOWED_HOSTS"\)$/m);
  assert.deepEqual(result.remaining.map((f) => f.rule), ["hsts-preload-off"], "only preload is left, until the ramp-up reaches a year");
  assert.ok(result.applied.every((f) => result.remaining.every((r) => r.fix !== f)));
});

test("harden converges: hardening the hardened project changes nothing, and a second --unsafe-fixes run makes no edits", async () => {
  const { dir, result } = await hardened();
  writeChanges(result.changes);
  const again = hardenEnvironment(await sharedEngine(), dir, PROD);
  assert.deepEqual(again.changes, []);
  const audit = (await sharedEngine()).audit(dir);
  assert.deepEqual(audit.findings.filter((f) => f.environment === PROD && DEPLOY_RULE_IDS.has(f.rule)).map((f) => f.rule), ["hsts-preload-off"]);
  // The first run fixes what hardening leaves to the user (the committed database password is no deploy check); the
  // second has nothing left, and the deploy checks still report only the preload ramp-up.
  const first = spawnSync(process.execPath, [CLI, "audit", dir, "--unsafe-fixes"], { encoding: "utf8" });
  assert.match(first.stderr, /^Applied 1 fix to 2 files/m, first.stderr);
  const second = spawnSync(process.execPath, [CLI, "audit", dir, "--unsafe-fixes"], { encoding: "utf8" });
  assert.match(second.stderr, /^No fixes applied/m, second.stderr);
  const last = (await sharedEngine()).audit(dir);
  assert.deepEqual(last.findings.filter((f) => f.environment === PROD && DEPLOY_RULE_IDS.has(f.rule)).map((f) => f.rule), ["hsts-preload-off"]);
});

test("harden: production still loads in Django 3.2 and requires its variables; development and testing need none", async (t) => {
  if (!requireDjango(t)) return;
  const { dir, result } = await hardened();
  writeChanges(result.changes);
  assert.match(deployCheckIds(dir, PROD).error ?? "", /DJANGO_SECRET_KEY/, "production requires DJANGO_SECRET_KEY");
  assert.deepEqual(deployCheckIds(dir, PROD, DEPLOY_VARS), { ids: ["security.W021"] }, "with its variables set, only the preload warning is left");
  for (const m of ["mysite.settings.development", "mysite.settings.testing"]) {
    const r = manageCheck(dir, m);
    assert.equal(r.status, 0, `${m}: ${r.output}`);
    assert.match(r.output, /System check identified no issues/);
  }
});

test("the editor's edit: line hunks annotated for confirmation that turn each file into its hardened text", async () => {
  const { result } = await hardened();
  const edit = hardenEdit(result);
  const annotations = Object.values(edit.changeAnnotations!);
  assert.ok(annotations.length > 0 && annotations.every((a) => a.needsConfirmation === true));
  assert.ok(annotations.some((a) => /Set X_FRAME_OPTIONS = "DENY"/.test(a.description ?? "")), "the fix titles describe the change");
  for (const c of result.changes) {
    const hunks = lineHunks(c.before, c.after);
    const applied = applyTextEdits(c.before, hunks.map((h) => ({ file: c.file, range: rangeOfOffsets(c.before, h.start, h.end), newText: h.newText })));
    assert.equal(applied, c.after, path.basename(c.file));
  }
});

test("harden is offered for the module's own deployed environment, and for a production the file feeds", async () => {
  const dir = copyExample("mysite");
  const audit = (await sharedEngine()).audit(dir);
  const settings = path.join(dir, "mysite", "settings");
  assert.equal(deployedEnvironmentFor(audit, path.join(settings, "production.py")), PROD);
  assert.equal(deployedEnvironmentFor(audit, path.join(settings, "base.py")), PROD);
  assert.equal(deployedEnvironmentFor(audit, path.join(settings, "development.py")), undefined);
});

const HUNKS: Array<[string, string]> = [
  ["a\nb\nc\n", "a\nB\nc\n"],
  ["a\nb", "a\nb\nc\n"],
  ["", "x\n"],
  ["x\n", ""],
  ["a\r\nb\r\n", "a\r\nz\r\nb\r\n"],
  ["1\n2\n3\n4\n5\n", "0\n1\n3\n4\n5\n6\n"],
];

for (const [before, after] of HUNKS) {
  test(`lineHunks: ${JSON.stringify(before)} → ${JSON.stringify(after)}`, () => {
    const hunks = lineHunks(before, after);
    const applied = applyTextEdits(before, hunks.map((h) => ({ file: "f", range: rangeOfOffsets(before, h.start, h.end), newText: h.newText })));
    assert.equal(applied, after);
  });
}
