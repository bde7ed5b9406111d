// Rule table for cors-regex-matches-all: origin regexes that admit unrelated origins.
import assert from "node:assert/strict";
import { test } from "node:test";
import { matchesProbe } from "../../../server/src/rules/checklist/corsRegexMatchesAll";
import { fromRequiredEnv, ruleTable } from "../../helpers/project";

const R = "cors-regex-matches-all";
const CORS = 'MIDDLEWARE.insert(0, "corsheaders.middleware.CorsMiddleware")\n';

ruleTable(R, [
  { name: 'r".*" fires', production: CORS + 'CORS_ALLOWED_ORIGIN_REGEXES = [r".*"]\n', expect: [R] },
  { name: 'r"^https://.*$" fires', production: CORS + 'CORS_ALLOWED_ORIGIN_REGEXES = [r"^https://.*$"]\n', expect: [R] },
  { name: "the old name fires", production: CORS + 'CORS_ORIGIN_REGEX_WHITELIST = (r"^https?://",)\n', expect: [R] },
  { name: "a domain pattern is silent", production: CORS + 'CORS_ALLOWED_ORIGIN_REGEXES = [r"^https://\\w+\\.example\\.com$"]\n', expect: [] },
  { name: "an unknown list is silent", production: CORS + fromRequiredEnv("CORS_ALLOWED_ORIGIN_REGEXES"), expect: [] },
  { name: "a nested-quantifier pattern that admits all fires", production: CORS + 'CORS_ALLOWED_ORIGIN_REGEXES = [r"^(https?://)?(\\w+\\.)*\\w+$"]\n', expect: [R] },
  { name: "a catastrophic pattern is stopped at its budget and silent", production: CORS + 'CORS_ALLOWED_ORIGIN_REGEXES = [r"^https://(.*.*)*x$"]\n', expect: [] },
  { name: "without CorsMiddleware: silent", production: 'CORS_ALLOWED_ORIGIN_REGEXES = [r".*"]\n', expect: [] },
]);

test("cors-regex-matches-all: Python regex spellings", () => {
  assert.equal(matchesProbe("(?i)^HTTPS://.*"), "https://attacker.invalid");
  assert.equal(matchesProbe(String.raw`\Ahttps://(?P<sub>\w+)\.example\.com\Z`), undefined);
  assert.equal(matchesProbe("^https://"), "https://attacker.invalid");
  assert.equal(matchesProbe("[unclosed"), undefined);
  assert.equal(matchesProbe(String.raw`^https://.*\.example\.com$`), undefined);
});

test("cors-regex-matches-all: a pattern with a quantified group runs in a worker and still gives its answer", () => {
  assert.equal(matchesProbe(String.raw`^https://([a-z0-9-]+\.)+example\.com$`), undefined);
  assert.equal(matchesProbe(String.raw`^https://([a-z0-9-]+\.?)+$`), "https://attacker.invalid");
});
