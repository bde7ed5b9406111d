// Masking: at most a short prefix and the length, in every output; the CLI's text and JSON never show a planted secret in full.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import * as path from "node:path";
import { test } from "node:test";
import { leaks, maskEmbeddedSecrets, maskSecret, maskSecretsInDiff, maskSecretsInText, maskUrlPassword } from "../../server/src/secrets/mask";
import { materialize, PLANTED, REPO } from "./planted";

const CLI = path.join(REPO, "bin", "django-settings-hygiene.js");

test("maskSecret shows a public prefix or a few characters of long values, and the length", () => {
  assert.equal(maskSecret("sk_live_" + "a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6", "sk_live_"), "sk_live_…(40 chars)");
  assert.equal(maskSecret("abcdefghijklmnopqrstuvwxyz"), "abcd…(26 chars)");
  assert.equal(maskSecret("abcdefghijkl"), "ab…(12 chars)");
  assert.equal(maskSecret("abcdefg"), "…(7 chars)");
  assert.equal(maskSecret("ab…"), "…(3 chars)");
  assert.equal(maskSecret("sk_live_x", "sk_live_"), "sk_l…(9 chars)", "never half the value or more, whatever the prefix");
  assert.equal(maskUrlPassword("postgres://app:pw1234567@db/app", "pw1234567"), "postgres://app:…(9 chars)@db/app");
  assert.equal(maskSecretsInText("a TOKEN1234 b TOKEN1234", ["TOKEN1234"]), "a …(9 chars) b …(9 chars)");
});

for (const format of ["text", "json"]) {
  test(`no CLI output (${format}) contains a planted secret in full`, () => {
    const dir = materialize("planted");
    const r = spawnSync(process.execPath, [CLI, "audit", dir, "--format", format, "--no-color"], { encoding: "utf8" });
    assert.equal(r.status, 1, "findings exit 1");
    const output = r.stdout + r.stderr;
    for (const p of PLANTED) assert.ok(!leaks(output, p.value), `${format} output shows the planted ${p.name} in full`);
    // The masked forms are there instead: the findings were reported, not dropped.
    assert.ok(output.includes("…("), "masked values appear");
  });
}

test("no CLI output of --diff contains a planted secret in full", () => {
  const dir = materialize("planted");
  const r = spawnSync(process.execPath, [CLI, "audit", dir, "--unsafe-fixes", "--diff"], { encoding: "utf8" });
  assert.equal(r.status, 1);
  for (const p of PLANTED) assert.ok(!leaks(r.stdout + r.stderr, p.value), `the diff shows the planted ${p.name} in full`);
});

test("maskEmbeddedSecrets masks tokens and URL passwords inside any string, and leaves the rest", () => {
  for (const p of PLANTED) {
    const shown = maskEmbeddedSecrets(`prefix ${p.value} suffix`);
    if (["stripe", "github", "google_oauth", "openai", "pem", "aws_key_id", "email_password"].includes(p.name)) assert.ok(!leaks(shown, p.value), `${p.name} is masked`);
  }
  assert.equal(maskEmbeddedSecrets("redis://:s3cr3tPassw0rdX@cache:6379/0"), "redis://:…(15 chars)@cache:6379/0");
  assert.equal(maskEmbeddedSecrets("amqp://guest:guest@localhost//"), "amqp://guest:guest@localhost//", "placeholders stay readable");
  assert.equal(maskEmbeddedSecrets("django.middleware.security.SecurityMiddleware"), "django.middleware.security.SecurityMiddleware");
});

// Kiwi: the folder is named like its database password; the diff's paths must stay what they are.
test("maskSecretsInDiff masks content lines, never the file headers or hunk headers", () => {
  const diff = '--- a/kiwi/settings.py\n+++ b/kiwi/settings.py\n@@ -1,2 +1,2 @@\n-PASSWORD = "kiwi"\n+PASSWORD = os.environ["DB_PASSWORD"]\n--- kiwi comment\n NAME = "kiwi"\n';
  const out = maskSecretsInDiff(diff, ["kiwi"]);
  const lines = out.split("\n");
  assert.equal(lines[0], "--- a/kiwi/settings.py");
  assert.equal(lines[1], "+++ b/kiwi/settings.py");
  assert.equal(lines[2], "@@ -1,2 +1,2 @@");
  assert.equal(lines[3], '-PASSWORD = "…(4 chars)"');
  assert.equal(lines[5], "--- …(4 chars) comment", "a removed line that looks like a header is still masked");
  assert.ok(!leaks(lines.slice(3).join("\n"), "kiwi"));
});
