// Per-format table for the provider token detector: a true positive and a near miss for every format, generated at run time.
import assert from "node:assert/strict";
import { test } from "node:test";
import { findTokens, providers, TOKEN_FORMATS } from "../../server/src/secrets/providers";
import { ALNUM, B64, B64URL, LETTERS, LOWER_HEX, UPPER_ALNUM, UPPER_B32, fake, rand } from "./planted";

interface Case {
  /** The format expected to match the positive. */
  id: string;
  positive: string;
  /** Looks close but must not match this format (wrong length, charset, prefix, or a placeholder body). */
  nearMiss: string;
  /** Setting or variable names around the value, for formats that need context. */
  names?: string[];
}

const HEX = LOWER_HEX;
const r = (seed: string, n: number, alphabet = ALNUM) => rand(`prov-${seed}`, n, alphabet);
const dash = "-".repeat(5);
const pemBody = [0, 1, 2].map((i) => r(`pem${i}`, 64, B64)).join("\n");

const CASES: Case[] = [
  { id: "aws-access-key-id", positive: fake("AKIA", r("akia", 16, UPPER_B32)), nearMiss: "AKIA" + r("akia-short", 12, UPPER_B32) },
  { id: "aws-secret-access-key", positive: fake(r("aws-secret", 40, B64)), nearMiss: "aws/credentials/production/shop/keyfile1", names: ["AWS_SECRET_ACCESS_KEY"] },
  { id: "github-token", positive: fake("ghp_", r("ghp", 36)), nearMiss: "ghp_" + r("ghp-short", 30) },
  { id: "github-fine-grained-token", positive: fake("github_pat_", r("ghfg1", 22), "_", r("ghfg2", 59)), nearMiss: "github_pat_" + r("ghfg-nm", 40) },
  { id: "gitlab-token", positive: fake("glpat-", r("glpat", 20, B64URL)), nearMiss: "glpat-" + r("glpat-short", 12) },
  { id: "gitlab-other-token", positive: fake("glrt-", r("glrt", 24, B64URL)), nearMiss: "glxx-" + r("glrt-nm", 24) },
  { id: "slack-token", positive: fake("xoxb-", r("xoxb1", 12, "0123456789"), "-", r("xoxb2", 24)), nearMiss: "xoxb-" + r("xoxb-nm", 6) },
  { id: "slack-app-token", positive: fake("xapp-1-", r("xapp1", 11, UPPER_ALNUM), "-", r("xapp2", 13, "0123456789"), "-", r("xapp3", 64, HEX)), nearMiss: "xapp-1-" + r("xapp-nm", 11) },
  { id: "slack-webhook", positive: fake("https://hooks.slack.com/services/T", r("swT", 8, UPPER_ALNUM), "/B", r("swB", 10, UPPER_ALNUM), "/", r("swX", 24)), nearMiss: "https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX" },
  { id: "stripe-secret-key", positive: fake("rk_", "live_", r("rk", 32)), nearMiss: "sk_live_" + "x".repeat(24) },
  { id: "stripe-webhook-secret", positive: fake("whsec_", r("whsec", 32)), nearMiss: "whsec_" + r("whsec-short", 16) },
  { id: "sendgrid-api-key", positive: fake("SG.", r("sg1", 22, B64URL), ".", r("sg2", 43, B64URL)), nearMiss: "SG." + r("sg-nm", 22, B64URL) },
  { id: "mailgun-api-key", positive: fake("key-", r("mailgun", 32, HEX)), nearMiss: "key-" + r("mailgun-nm", 32, "ghijklmnop") },
  { id: "mailchimp-api-key", positive: fake(r("mailchimp", 32, HEX), "-us", "14"), nearMiss: r("mailchimp-nm", 32, HEX) + "-eu14" },
  { id: "twilio-api-key", positive: fake("SK", r("twsk", 32, HEX)), nearMiss: "SK" + r("twsk-nm", 31, HEX) },
  { id: "twilio-account-sid", positive: fake("AC", r("twac", 32, HEX)), nearMiss: "AC" + r("twac-nm", 32, "ghijklmnopqrstuv") },
  { id: "twilio-auth-token", positive: fake(r("twauth", 32, HEX)), nearMiss: r("twauth-nm", 31, HEX), names: ["TWILIO_AUTH_TOKEN"] },
  { id: "google-api-key", positive: fake("AIza", r("aiza", 35, B64URL)), nearMiss: "AIza" + r("aiza-nm", 20, B64URL) },
  { id: "google-oauth-client-secret", positive: fake("GOCSPX-", r("gocspx", 28, B64URL)), nearMiss: "GOCSPX-" + r("gocspx-nm", 12, B64URL) },
  { id: "sentry-dsn", positive: fake("https://", r("sentry", 32, HEX), "@o1.ingest.sentry.io/42"), nearMiss: "https://o1.ingest.sentry.io/42" },
  { id: "anthropic-api-key", positive: fake("sk-ant-", "api03-", r("anthropic", 93, B64URL)), nearMiss: "sk-ant-" + r("anthropic-nm", 20) },
  { id: "openai-project-key", positive: fake("sk-", "proj-", r("openai-proj", 64, B64URL)), nearMiss: "sk-proj-" + r("openai-proj-nm", 20) },
  { id: "openai-api-key", positive: fake("sk-", r("openai1", 20), "T3Blbk", "FJ", r("openai2", 20)), nearMiss: "sk-" + r("openai-nm", 30) },
  { id: "azure-storage-key", positive: fake("DefaultEndpointsProtocol=https;AccountName=shop;AccountKey=", r("azure", 86, B64), "==;EndpointSuffix=core.windows.net"), nearMiss: "DefaultEndpointsProtocol=https;AccountName=shop;AccountKey=" + r("azure-nm", 40, B64) + "==" },
  { id: "private-key", positive: fake(`${dash}BEGIN RSA PRIVATE KEY${dash}\n${pemBody}\n${dash}END RSA PRIVATE KEY${dash}`), nearMiss: `${dash}BEGIN PUBLIC KEY${dash}\n${pemBody}\n${dash}END PUBLIC KEY${dash}` },
  { id: "npm-token", positive: fake("npm_", r("npm", 36)), nearMiss: "npm_" + r("npm-nm", 20) },
  { id: "pypi-token", positive: fake("pypi-", "AgEIcHlwaS5vcmc", r("pypi", 60, B64URL)), nearMiss: "pypi-" + r("pypi-nm", 60, B64URL) },
  { id: "digitalocean-token", positive: fake("dop_v1_", r("do", 64, HEX)), nearMiss: "dop_v1_" + r("do-nm", 40, HEX) },
  { id: "shopify-token", positive: fake("shpat_", r("shopify", 32, HEX)), nearMiss: "shpat_" + r("shopify-nm", 32, "ghijklmnopqrstuv") },
  { id: "huggingface-token", positive: fake("hf_", r("hf", 34, LETTERS)), nearMiss: "hf_" + r("hf-nm", 34, "0123456789") },
  { id: "telegram-bot-token", positive: fake(r("tg1", 9, "0123456789"), ":AA", r("tg2", 33, B64URL)), nearMiss: r("tg1-nm", 9, "0123456789") + ":BB" + r("tg2-nm", 33, B64URL) },
  { id: "discord-webhook", positive: fake("https://discord.com/api/webhooks/", r("dw1", 18, "0123456789"), "/", r("dw2", 68, B64URL)), nearMiss: "https://discord.com/api/webhooks/" + r("dw1-nm", 18, "0123456789") + "/" + r("dw2-nm", 20) },
  { id: "square-token", positive: fake("sq0csp-", r("square", 43, B64URL)), nearMiss: "sq0xyz-" + r("square-nm", 43, B64URL) },
  { id: "newrelic-key", positive: fake("NRAK-", r("nr", 27, UPPER_ALNUM)), nearMiss: "NRAK-" + r("nr-nm", 20, UPPER_ALNUM) },
  { id: "linear-api-key", positive: fake("lin_api_", r("linear", 40)), nearMiss: "lin_api_" + r("linear-nm", 20) },
  { id: "postman-api-key", positive: fake("PMAK-", r("pm1", 24, HEX), "-", r("pm2", 34, HEX)), nearMiss: "PMAK-" + r("pm-nm", 24, HEX) },
  { id: "doppler-token", positive: fake("dp.pt.", r("doppler", 43)), nearMiss: "dp.pt." + r("doppler-nm", 20) },
  { id: "databricks-token", positive: fake("dapi", r("databricks", 32, HEX)), nearMiss: "dapi" + r("databricks-nm", 20, HEX) },
  { id: "mapbox-secret-token", positive: fake("sk.eyJ", r("mapbox1", 60, B64URL), ".", r("mapbox2", 22, B64URL)), nearMiss: "pk.eyJ" + r("mapbox-nm", 60, B64URL) },
  { id: "firebase-fcm-key", positive: fake("AAAA", r("fcm1", 7, B64URL), ":APA91b", r("fcm2", 134, B64URL)), nearMiss: "AAAA" + r("fcm-nm", 7, B64URL) + ":APA91b" + r("fcm2-nm", 40, B64URL) },
  { id: "facebook-access-token", positive: fake("EAAB", r("fb", 60)), nearMiss: "EAAB" + r("fb-nm", 20) },
  { id: "jwt", positive: fake("eyJ", r("jwt1", 30, B64URL), ".eyJ", r("jwt2", 40, B64URL), ".", r("jwt3", 43, B64URL)), nearMiss: "eyJ" + r("jwt-nm", 30, B64URL) },
];

test("at least 20 providers and a case for every format", () => {
  assert.ok(providers().length >= 20, `${providers().length} providers`);
  const covered = new Set(CASES.map((c) => c.id));
  for (const f of TOKEN_FORMATS) assert.ok(covered.has(f.id), `no case for ${f.id}`);
});

for (const c of CASES) {
  test(`provider format ${c.id}: true positive`, () => {
    const names = c.names ?? [];
    const found = findTokens(c.positive, names);
    assert.equal(found[0]?.format.id, c.id, `${c.id} positive matched ${found.map((m) => m.format.id).join(", ") || "nothing"}`);
    // Inside a longer string (a connection string, a header value) it is still found.
    assert.ok(findTokens(`Bearer ${c.positive} ;`, names).some((m) => m.format.id === c.id), `${c.id} inside text`);
  });
  test(`provider format ${c.id}: near miss`, () => {
    const found = findTokens(c.nearMiss, c.names ?? []).filter((m) => m.format.id === c.id);
    assert.equal(found.length, 0, `${c.id} near miss matched`);
  });
}

test("formats that need context match only with it", () => {
  const secret = CASES.find((c) => c.id === "aws-secret-access-key")!.positive;
  assert.equal(findTokens(secret, []).length, 0, "a bare 40-character string is not an AWS key");
  assert.equal(findTokens(secret, ["AWS_SECRET_ACCESS_KEY"])[0]?.format.id, "aws-secret-access-key");
  const twilio = CASES.find((c) => c.id === "twilio-auth-token")!.positive;
  assert.equal(findTokens(twilio, ["TWILIO_AUTH_TOKEN"])[0]?.format.id, "twilio-auth-token");
  assert.equal(findTokens(twilio, ["CACHE_VERSION_HASH"]).length, 0);
});

test("a token glued to more token characters is not matched in its middle", () => {
  const body = rand("prov-glued", 36);
  assert.equal(findTokens(`xghp_${body}`).length, 0);
  assert.equal(findTokens(`ghp_${body}x`).filter((m) => m.format.id === "github-token").length, 1, "a longer body is still a GitHub token (they grow)");
});
