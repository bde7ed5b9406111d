// The VS Code status item's text for a server status: a count first, production first, a detail short enough that
// the popup (and its Audit link) stays inside the window with many environments, and configuration errors.
import { strict as assert } from "node:assert";
import { test } from "node:test";
import { statusView } from "../../client/src/statusView";
import type { StatusPayload } from "../../server/src/protocol/protocol";

const env = (kind: string, name: string) => ({ kind, name });
const root = (environments: Array<{ kind: string; name: string }>, extra: Partial<StatusPayload["roots"][number]> = {}) => ({
  root: "/w",
  djangoVersion: "4.2",
  djangoVersionSource: "requirements.txt",
  environments,
  ...extra,
});

const MANY = Array.from({ length: 300 }, (_, i) => env(i % 2 ? "development" : "staging", `clients.client_${i}.settings.deploy_${i}`));

const CASES: Array<{ name: string; status: StatusPayload; text: string; detail: string | RegExp }> = [
  { name: "no environment yet", status: { roots: [] }, text: "Django ? · 0 environments", detail: "" },
  { name: "one", status: { roots: [root([env("production", "mysite.settings")])] }, text: "Django 4.2 · 1 environment", detail: "production: mysite.settings" },
  {
    name: "production first, whatever the server's order",
    status: { roots: [root([env("base", "s.base"), env("development", "s.dev"), env("production", "s.prod"), env("testing", "s.test")])] },
    text: "Django 4.2 · 4 environments",
    detail: "production: s.prod, testing: s.test +2 more",
  },
  {
    name: "hundreds, with the production one last",
    status: { roots: [root([...MANY, env("production", "clients.main.settings.production")])] },
    text: "Django 4.2 · 301 environments",
    detail: /^production: clients\.main\.settings\.production \+300 more$/,
  },
  {
    name: "a name longer than the detail allows is cut",
    status: { roots: [root([env("production", `a.${"very_long_module_name.".repeat(8)}production`), env("staging", "s")])] },
    text: "Django 4.2 · 2 environments",
    detail: /^production: a\.very_long.{20,}… \+1 more$/,
  },
  {
    name: "several roots are counted together",
    status: { roots: [root([env("production", "a.prod")]), { ...root([env("production", "b.prod"), env("base", "b.base")]), root: "/v", djangoVersion: "5.2" }] },
    text: "Django 4.2 · 3 environments",
    detail: "production: a.prod, production: b.prod +1 more",
  },
];

for (const c of CASES) {
  test(`status item: ${c.name}`, () => {
    const v = statusView(c.status);
    assert.equal(v.text, c.text);
    if (typeof c.detail === "string") assert.equal(v.detail, c.detail);
    else assert.match(v.detail, c.detail);
    assert.ok(v.detail.length <= 80, `detail is ${v.detail.length} characters`);
    assert.equal(v.configError, undefined);
    // The tooltip keeps the full list, production first.
    const lines = v.tooltip ? v.tooltip.split("\n") : [];
    assert.equal(lines.length, c.status.roots.reduce((n, r) => n + r.environments.length, 0));
    if (lines.some((l) => l.startsWith("production:"))) assert.match(lines[0], /^production:/);
  });
}

test("status item: a configuration error replaces the environments", () => {
  const message = 'pyproject.toml [tool.django-settings-hygiene]: unknown key "x" (known: django-version, environments, disable, severity, per-path-ignores, extra-settings, fail-level)';
  const v = statusView({ roots: [root([env("production", "p")], { configError: { file: "/w/pyproject.toml", message } })] });
  assert.equal(v.text, "pyproject.toml: configuration error");
  assert.ok(v.detail.length <= 60 && v.detail.endsWith("…"), v.detail);
  assert.equal(v.tooltip, message);
  assert.deepEqual(v.configError, { file: "/w/pyproject.toml", message });
});
