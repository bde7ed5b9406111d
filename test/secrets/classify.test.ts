// Which rule owns a string at a place: SECRET_KEY first, then URL passwords, database and e-mail passwords, AWS, tokens, generic names.
import assert from "node:assert/strict";
import { test } from "node:test";
import { classify, genericKind, type PathSeg } from "../../server/src/secrets/classify";
import { notCredentialLooking, shannon } from "../../server/src/secrets/entropy";
import { urlCredentials } from "../../server/src/secrets/urls";
import { ALNUM, UPPER_B32, fake, rand, scrub } from "./planted";

const KEY = fake(rand("cls-key", 50, ALNUM));
const PW = fake(rand("cls-pw", 14, ALNUM));
const AKIA = fake("AKIA", rand("cls-akia", 16, UPPER_B32));

const rows: Array<{ path: PathSeg[]; value: string; rule: string | undefined; names?: string[] }> = [
  { path: ["SECRET_KEY"], value: KEY, rule: "hardcoded-secret-key" },
  { path: ["SECRET_KEY_FALLBACKS", 0], value: KEY, rule: "hardcoded-secret-key" },
  { path: ["SECRET_KEY"], value: `postgres://u:${PW}@h/db`, rule: "hardcoded-secret-key" },
  { path: ["DATABASES", "default"], value: `postgres://u:${PW}@h/db`, rule: "hardcoded-url-password" },
  { path: ["DATABASES", "default", "PASSWORD"], value: PW, rule: "hardcoded-database-password" },
  { path: ["EMAIL_HOST_PASSWORD"], value: PW, rule: "hardcoded-email-password" },
  { path: ["EMAIL_HOST_PASSWORD"], value: AKIA, rule: "hardcoded-email-password" },
  { path: ["SOME_SETTING"], value: AKIA, rule: "hardcoded-aws-credentials" },
  { path: ["AWS_SESSION_TOKEN"], value: PW, rule: "hardcoded-aws-credentials" },
  { path: ["API_KEY"], value: KEY, rule: "hardcoded-credential" },
  { path: ["WEIRD"], value: KEY, rule: "hardcoded-credential", names: ["PAYMENT_SECRET"] },
  { path: ["WEIRD"], value: KEY, rule: undefined },
  { path: ["SESSION_COOKIE_NAME"], value: KEY, rule: undefined },
  // allauth: a URL path under a key that names a password is not one.
  { path: ["HEADLESS_FRONTEND_URLS", "account_reset_password"], value: "/account/password/reset/key/{key}", rule: undefined },
  { path: ["LOGIN_PASSWORD"], value: PW, rule: "hardcoded-credential" },
];

test("classification and rule priority", () => {
  for (const r of rows) {
    const got = classify({ path: r.path, value: r.value, names: r.names })?.rule;
    assert.equal(got, r.rule, scrub(`${JSON.stringify(r.path)}`));
  }
});

test("masked forms never hold the secret", () => {
  for (const r of rows) {
    const c = classify({ path: r.path, value: r.value, names: r.names });
    if (c) assert.ok(!c.masked.includes(c.secret), scrub(`${JSON.stringify(r.path)} masked`));
  }
});

test("generic names", () => {
  const cases: Array<[string, string | undefined]> = [
    ["API_KEY", "secret"], ["STRIPE_API_KEY", "secret"], ["client_secret", "secret"], ["secret", "secret"], ["JWT_SIGNING_KEY", "secret"],
    ["SENTRY_DSN", "secret"], ["DB_PASSWORD", "password"], ["smtpPassword", "password"], ["REDIS_PASS", "password"], ["passwd", "password"],
    ["RECAPTCHA_PUBLIC_KEY", undefined], ["STRIPE_PUBLISHABLE_KEY", undefined], ["CACHE_KEY_PREFIX", undefined], ["KEY_FUNCTION", undefined],
    ["BYPASS_LIST", undefined], ["TOKEN_TTL", undefined], ["AWS_ACCESS_KEY_ID", undefined],
  ];
  for (const [name, kind] of cases) assert.equal(genericKind(name), kind, name);
});

test("credential-looking shapes for generic names", () => {
  assert.equal(notCredentialLooking(KEY), undefined);
  for (const v of ["myapp.storage.S3Storage", "/etc/ssl/private/key.pem", "https://example.com/hook", "ops@example.com", "shop-production-cache-key", "short"]) {
    assert.notEqual(notCredentialLooking(v), undefined, v);
  }
  assert.ok(shannon("aaaa") === 0 && shannon("abcd") === 2);
});

test("URL credentials: userinfo up to the last @, ports and paths kept", () => {
  const [u] = urlCredentials(`redis://:${PW}@cache:6379/0`);
  assert.equal(u.scheme, "redis");
  assert.equal(u.password === PW, true);
  assert.equal(u.url.endsWith("@cache:6379/0"), true);
  const [v] = urlCredentials("amqp://app:p@ss@rabbit//");
  assert.equal(v.password, "p@ss");
  assert.deepEqual(urlCredentials("https://example.com/a@b"), []);
});
