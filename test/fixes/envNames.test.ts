// Variable names the fixes write: conventional or derived, and always a valid name, whatever the code holds.
import assert from "node:assert/strict";
import { test } from "node:test";
import { envVarName, isEnvVarName, toEnvVarName } from "../../server/src/fixes/envNames";

const valid: Array<[string, boolean]> = [
  ["DJANGO_SECRET_KEY", true],
  ["_PRIVATE", true],
  ["a1", true],
  ["1PASSWORD", false],
  ["K\ntouch /tmp/PWNED #", false],
  ["API\rTOKEN", false],
  ["MY-VAR", false],
  ["my.var", false],
  ["", false],
  ["ÉCOLE", false],
  ["X=Y", false],
];
for (const [name, ok] of valid) test(`isEnvVarName(${JSON.stringify(name)}) is ${ok}`, () => assert.equal(isEnvVarName(name), ok));

const derived: Array<{ raw: string; out: string }> = [
  { raw: "1PASSWORD", out: "_1PASSWORD" },
  { raw: "A-B", out: "A_B" },
  { raw: "A\nB", out: "A_B" },
  { raw: "__", out: "SECRET_VALUE" },
  { raw: "", out: "SECRET_VALUE" },
];
for (const c of derived) test(`toEnvVarName(${JSON.stringify(c.raw)}) → ${c.out}`, () => assert.equal(toEnvVarName(c.raw), c.out));

const paths: Array<{ path: Array<string | number>; out: string }> = [
  { path: ["SECRET_KEY"], out: "DJANGO_SECRET_KEY" },
  { path: ["DATABASES", "default", "PASSWORD"], out: "DATABASE_PASSWORD" },
  { path: ["DATABASES", "1", "PASSWORD"], out: "_1_DATABASE_PASSWORD" },
  { path: ["SOCIALACCOUNT_PROVIDERS", "google\ntouch x", "secret"], out: "SOCIALACCOUNT_PROVIDERS_GOOGLE_TOUCH_X_SECRET" },
  { path: ["PROVIDERS", "9lives"], out: "PROVIDERS_9LIVES" },
  { path: [0], out: "SECRET_VALUE" },
];
for (const c of paths) {
  test(`envVarName(${JSON.stringify(c.path)}) → ${c.out}`, () => {
    const name = envVarName(c.path);
    assert.equal(name, c.out);
    assert.ok(isEnvVarName(name));
  });
}
