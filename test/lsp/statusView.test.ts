// The VS Code status item's text for a server status: a count first and a row short enough that the popup's Audit
// link stays inside the window with any number of environments; production named or counted, and first in the
// tooltip's list; configuration errors.
import { strict as assert } from "node:assert";
import { test } from "node:test";
import { ROW_MAX, statusView } from "../../client/src/statusView";
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

const CASES: Array<{ name: string; status: StatusPayload; text: string; detail: string }> = [
  { name: "no environment yet", status: { roots: [] }, text: "0 environments", detail: "Django ?" },
  { name: "one", status: { roots: [root([env("production", "mysite.settings")])] }, text: "1 environment", detail: "Django 4.2 · mysite.settings" },
  {
    name: "production named, whatever the server's order",
    status: { roots: [root([env("base", "s.base"), env("development", "s.dev"), env("production", "s.prod"), env("testing", "s.test")])] },
    text: "4 environments",
    detail: "Django 4.2 · s.prod",
  },
  {
    name: "a production name too long for the row is counted instead",
    status: { roots: [root([env("production", "mysite.settings.production"), env("base", "mysite.settings.base")])] },
    text: "2 environments",
    detail: "Django 4.2 · 1 production",
  },
  {
    name: "hundreds, with two production modules",
    status: { roots: [root([...MANY, env("production", "clients.main.settings.production"), env("production", "p")])] },
    text: "302 environments",
    detail: "Django 4.2 · 2 production",
  },
  { name: "no production", status: { roots: [root([env("development", "d"), env("base", "b")])] }, text: "2 environments", detail: "Django 4.2" },
  {
    name: "several roots are counted together, the first root's version shown",
    status: { roots: [root([env("production", "a.prod")]), { ...root([env("production", "b.prod"), env("base", "b.base")]), root: "/v", djangoVersion: "5.2" }] },
    text: "3 environments",
    detail: "Django 4.2 · 2 production",
  },
];

for (const c of CASES) {
  test(`status item: ${c.name}`, () => {
    const v = statusView(c.status);
    assert.deepEqual({ text: v.text, detail: v.detail }, { text: c.text, detail: c.detail });
    assert.ok(v.text.length + v.detail.length <= ROW_MAX, `${v.text} ${v.detail}`);
    assert.equal(v.configError, undefined);
    // The tooltip keeps the full list, production first.
    const lines = v.tooltip ? v.tooltip.split("\n") : [];
    assert.equal(lines.length, c.status.roots.reduce((n, r) => n + r.environments.length, 0));
    const kinds = lines.map((l) => l.split(":")[0]);
    const productions = kinds.filter((k) => k === "production").length;
    assert.ok(kinds.slice(0, productions).every((k) => k === "production"), kinds.join(", "));
  });
}

test("status item: a configuration error replaces the environments", () => {
  const message = 'pyproject.toml [tool.django-settings-hygiene]: unknown key "x" (known: django-version, environments, disable, severity, per-path-ignores, extra-settings, fail-level)';
  const v = statusView({ roots: [root([env("production", "p")], { configError: { file: "/w/pyproject.toml", message } })] });
  assert.equal(v.text, "pyproject.toml error");
  assert.equal(v.detail, 'unknown key "x" (known: djang…');
  assert.ok(v.text.length + v.detail.length <= ROW_MAX);
  const toml = statusView({ roots: [root([], { configError: { file: "/w/pyproject.toml", message: "/w/pyproject.toml: not valid TOML: invalid value" } })] });
  assert.equal(toml.detail, "not valid TOML: invalid value");
  assert.equal(v.tooltip, message);
  assert.deepEqual(v.configError, { file: "/w/pyproject.toml", message });
});

test("status item: a workspace with roots but no Django settings says so", () => {
  const v = statusView({ roots: [root([])] });
  assert.deepEqual({ text: v.text, detail: v.detail }, { text: "No Django settings", detail: "no diagnostics" });
  assert.match(v.tooltip, /Django settings module/);
});
