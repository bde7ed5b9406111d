// Placeholder table: values that look like secrets but are stand-ins, test values or well-known defaults, and real-looking ones that are not.
import assert from "node:assert/strict";
import { test } from "node:test";
import { isRepetitive, isSequential, placeholderReason } from "../../server/src/secrets/placeholders";
import { ALNUM, rand } from "./planted";

const PLACEHOLDERS: string[] = [
  "",
  "   ",
  "abc",
  "changeme",
  "CHANGE_ME",
  "change-me-before-going-live",
  "your-secret-here",
  "your_api_key",
  "YourSecretKeyHere",
  "xxx",
  "xxxxxxxxxxxxxxxxxxxxxxxx",
  "<your-key>",
  "<password>",
  "sk_live_<key>",
  "${SECRET_KEY}",
  "${DB_PASSWORD:-default}",
  "$DATABASE_PASSWORD",
  "{{ secret_key }}",
  "%(password)s",
  "dummy",
  "dummy-password",
  "secret",
  "password",
  "Password1",
  "secret123",
  "mysecretkey",
  "super-secret-key",
  "supersecretpassword",
  "not-a-secret",
  "REPLACE_ME",
  "placeholder",
  "example-key",
  "aaaaaaaaaaaaaaaa",
  "0000000000",
  "abcdefgh",
  "123456789",
  "9876543210",
  "qwertyuiop",
  "abcabcabcabc",
  "********",
  "...",
  "TODO",
  "postgres",
  "root",
  "guest",
  "admin123",
  "django-insecure-change-me",
  "dev-secret-key",
  "local-dev-password",
];

const REAL: string[] = [
  rand("ph-real1", 50, ALNUM + "!@#%^&*(-_=+)"),
  "django-insecure-" + rand("ph-real2", 50, "abcdefghijklmnopqrstuvwxyz0123456789"),
  "hunter2",
  "ts-local-Dev-8842-qwx",
  "shop-db-Pa55-7Yq3Kz",
  "mg-smtp-5e1b7c9d2a4f6e8b0c3d",
  rand("ph-real3", 16, ALNUM),
];

for (const p of PLACEHOLDERS) {
  test(`placeholder: ${JSON.stringify(p)}`, () => {
    assert.notEqual(placeholderReason(p), undefined, `${JSON.stringify(p)} should be a placeholder`);
  });
}

test("real-looking values are not placeholders", () => {
  REAL.forEach((v, i) => assert.equal(placeholderReason(v), undefined, `real value #${i} was taken for a placeholder`));
});

test("test values are placeholders only in the testing environment", () => {
  for (const v of ["test-secret-key", "testing-password-1", "ci-only-" + rand("ph-ci", 40), "fake-smtp-password", "pytest_key_" + rand("ph-pt", 12)]) {
    assert.notEqual(placeholderReason(v, { testing: true }), undefined, `${v} in testing`);
  }
  assert.equal(placeholderReason("ci-only-" + rand("ph-ci", 40)), undefined, "a CI key outside testing is still a secret");
});

test("sequences and repetitions", () => {
  assert.ok(isSequential("abcdef") && isSequential("654321") && isSequential("asdfgh"));
  assert.ok(!isSequential("abcdeg"));
  assert.ok(isRepetitive("abab") && isRepetitive("zzzz") && isRepetitive("123123"));
  assert.ok(!isRepetitive("abcabd"));
});
