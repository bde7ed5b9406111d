// The shop fixture (split settings, .env.example, compose, Kubernetes, Helm, app.json, Procfile): its inventory checked line by line, its JSON against the documented schema and example.
import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { test } from "node:test";
import Ajv from "ajv";
import { formatInventoryText } from "../../server/src/cli/envCommand";
import { buildInventoryReport, inventoryMarkdown, type InventoryJson } from "../../server/src/report/inventoryReport";
import { auditDir } from "./helpers";

const REPO = path.resolve(__dirname, "..", "..", "..");
const FIXTURE = path.join(REPO, "test", "fixtures", "inventory", "shop");
const SCHEMA_DOC = path.join(REPO, "docs", "inventory-schema.md");

async function report(): Promise<InventoryJson> {
  return buildInventoryReport(await auditDir(FIXTURE));
}

/** The fenced ```json blocks of the schema document: the example first, the JSON Schema second. */
function jsonBlocks(): unknown[] {
  const md = fs.readFileSync(SCHEMA_DOC, "utf8");
  return [...md.matchAll(/```json\n([\s\S]*?)```/g)].map((m) => JSON.parse(m[1]));
}

test("fixture: the text inventory matches EXPECTED.txt line by line", async () => {
  const actual = formatInventoryText(await report()).split("\n");
  const expected = fs.readFileSync(path.join(FIXTURE, "EXPECTED.txt"), "utf8").split("\n");
  for (let i = 0; i < Math.max(actual.length, expected.length); i++) {
    assert.equal(actual[i], expected[i], `EXPECTED.txt line ${i + 1}`);
  }
});

test("fixture: the JSON validates against the schema in docs/inventory-schema.md", async () => {
  const [, schema] = jsonBlocks();
  const ajv = new Ajv({ allErrors: true, strict: false });
  const validate = ajv.compile(schema as object);
  const data = await report();
  assert.ok(validate(data), JSON.stringify(validate.errors, null, 2));
  // The schema must be able to say no: a wrong type and a missing field are rejected.
  const broken = JSON.parse(JSON.stringify(data));
  broken.environments[0].variables[0].required = "yes";
  delete broken.unused;
  assert.equal(validate(broken), false);
});

test("fixture: every entry of the documented example is the fixture's real output", async () => {
  const [example] = jsonBlocks() as [InventoryJson];
  const data = await report();
  const strip = <T>(x: T): T => JSON.parse(JSON.stringify(x, (k, v) => (k === "message" && typeof v === "string" && v.includes(" whenever ") ? "(rule message)" : v)));
  for (const env of example.environments) {
    const real = data.environments.find((e) => e.name === env.name);
    assert.ok(real, env.name);
    assert.deepEqual({ ...env, variables: [], localEnvFiles: [] }, { ...real, variables: [], localEnvFiles: [] });
    for (const v of env.variables) assert.deepEqual(strip(v), strip(real.variables.find((x) => x.name === v.name)), v.name);
    assert.deepEqual(env.localEnvFiles, real.localEnvFiles);
  }
  for (const key of ["documentation", "unused", "openReferences", "findings"] as const) {
    for (const entry of example[key] as unknown[]) {
      assert.ok((data[key] as unknown[]).some((x) => JSON.stringify(x) === JSON.stringify(entry)), `${key}: ${JSON.stringify(entry)}`);
    }
  }
});

test("fixture: secrets never leave the documentation or the local .env", async () => {
  const text = JSON.stringify(await report());
  for (const secret of ["local-only-value", "postgres://localhost/shop", "change-me@db", "hunter2-default-pass", "django-insecure-change-me"]) {
    assert.ok(!text.includes(secret), `${secret} must not be printed`);
  }
});

test("fixture: the Markdown section for the audit report", async () => {
  const md = inventoryMarkdown(await report(), 2).split("\n");
  assert.equal(md[0], "## Environment variables");
  assert.ok(md.includes("### shop.settings.production (production)"), "one heading per environment");
  assert.ok(md.includes("| `SHOP_PAYMENT_API_KEY` | required | – | – | `PAYMENT_API_KEY` | ❌ nowhere (local: `.env`) |"), "an undocumented required variable");
  assert.ok(md.includes("| `DJANGO_SECURE_SSL_REDIRECT` | defaulted | `False` ⚠️ trips ssl-redirect-off | bool | `SECURE_SSL_REDIRECT` | `docker-compose.yml:11` |"), "a default that trips a rule");
  assert.ok(md.includes("| `EMAIL_HOST_PASSWORD` | defaulted | `'hunt…(20 chars)'` 🔑 secret-looking | – | `EMAIL_HOST_PASSWORD` | `.envs/.production/.django:3` |"), "a masked secret default");
  assert.ok(md.includes("### Documented but read by no settings module"));
  assert.ok(md.includes("- `LEGACY_PAYMENTS_TOKEN` at `.env.example:8` (.env.example)"));
  assert.ok(md.includes("- `k8s/deployment.yaml:35`: envFrom Secret shop-secrets of Deployment web is not in the tree"));
});
