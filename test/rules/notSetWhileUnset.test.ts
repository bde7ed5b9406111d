// "Not set" messages name the variables an `if` needs set before it writes the setting (saleor's `if ENABLE_SSL:`).
import assert from "node:assert/strict";
import { test } from "node:test";
import { auditFiles } from "../helpers/project";

const HEAD = 'import os\nSECRET_KEY = os.environ["SECRET_KEY"]\nDEBUG = False\nALLOWED_HOSTS = ["example.com"]\nMIDDLEWARE = ["django.middleware.security.SecurityMiddleware"]\n';

async function messages(body: string, rule: string): Promise<string[]> {
  const a = await auditFiles({ "proj/__init__.py": "", "proj/settings.py": HEAD + body });
  return a.findings.filter((f) => f.rule === rule).map((f) => f.message);
}

const rows: Array<{ name: string; body: string; rule: string; want: RegExp[] }> = [
  {
    name: "an if on an env flag that is off while unset",
    body: 'ENABLE_SSL = os.environ.get("ENABLE_SSL", "false") == "true"\nif ENABLE_SSL:\n    SECURE_SSL_REDIRECT = True\n',
    rule: "ssl-redirect-off",
    want: [/^SECURE_SSL_REDIRECT is not set while ENABLE_SSL is unset \(the if at settings\.py:7 sets it once ENABLE_SSL is set; Django's default is False\)/],
  },
  {
    name: "an elif decided by two unset variables",
    body: 'if os.getenv("BEHIND_TLS"):\n    SECURE_HSTS_SECONDS = 3600\nelif os.getenv("HTTPS"):\n    SECURE_HSTS_SECONDS = 60\n',
    rule: "hsts-not-set",
    want: [/^SECURE_HSTS_SECONDS is not set while BEHIND_TLS and HTTPS are unset \(the if at settings\.py:6 sets it depending on them; Django's default is 0\)/],
  },
  {
    name: "near miss: an if decided by a literal says only that it is not set",
    body: 'USE_SSL = False\nif USE_SSL:\n    SECURE_SSL_REDIRECT = True\n',
    rule: "ssl-redirect-off",
    want: [/^SECURE_SSL_REDIRECT is not set \(Django's default is False\)/],
  },
  {
    name: "near miss: the branch taken while unset writes it too",
    body: 'if os.getenv("ENABLE_SSL"):\n    SECURE_SSL_REDIRECT = True\nelse:\n    SECURE_SSL_REDIRECT = False\n',
    rule: "ssl-redirect-off",
    want: [/^SECURE_SSL_REDIRECT is False whenever ENABLE_SSL is unset/],
  },
  {
    name: "near miss: written again after the if, so the if does not matter",
    body: 'if os.getenv("ENABLE_SSL"):\n    SECURE_SSL_REDIRECT = True\nSECURE_SSL_REDIRECT = True\n',
    rule: "ssl-redirect-off",
    want: [],
  },
];

for (const row of rows) {
  test(`not set while unset: ${row.name}`, async () => {
    const got = await messages(row.body, row.rule);
    assert.equal(got.length, row.want.length, got.join("\n"));
    row.want.forEach((re, i) => assert.match(got[i], re));
  });
}

test("not set while unset: a star-imported base's skipped branch is named in the importing environment", async () => {
  const a = await auditFiles({
    "proj/__init__.py": "",
    "proj/settings/__init__.py": "",
    "proj/settings/base.py": HEAD + 'if os.environ.get("ENABLE_HSTS"):\n    SECURE_HSTS_SECONDS = 31536000\n',
    "proj/settings/production.py": "from .base import *\n",
  });
  const got = a.findings.filter((f) => f.rule === "hsts-not-set" && f.environment === "proj.settings.production").map((f) => f.message);
  assert.equal(got.length, 1, got.join("\n"));
  assert.match(got[0], /not set while ENABLE_HSTS is unset \(the if at base\.py:6 sets it once ENABLE_HSTS is set/);
});
