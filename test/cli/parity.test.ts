// The CLI and the language server give the same findings for the same files and pyproject.toml: ignores, waivers, severities.
import { strict as assert } from "node:assert";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { after, test } from "node:test";
import { pathToFileURL } from "node:url";
import { startClient, type TestClient } from "../lsp/client";
import { tempDir } from "../helpers/tempDirs";

const REPO = path.resolve(__dirname, "..", "..", "..");
const CLI = path.join(REPO, "bin", "django-settings-hygiene.js");

const FILES: Record<string, string> = {
  "manage.py": 'import os\nos.environ.setdefault("DJANGO_SETTINGS_MODULE", "proj.settings.production")\n',
  "proj/__init__.py": "",
  "proj/settings/__init__.py": "",
  "proj/settings/base.py": [
    'SECRET_KEY = "django-insecure-k3y-th4t-is-long-enough-to-look-real-0123456789abcdef"',
    "DEBUG = True",
    'X_FRAME_OPTIONS = "SAMEORIGIN"  # dsh: ignore[xframe-not-deny]',
    'MIDDLEWARE = ["django.middleware.security.SecurityMiddleware", "django.middleware.clickjacking.XFrameOptionsMiddleware"]',
    'API_TOKEN = "ghp_0123456789abcdefghijklmnopqrstuvwxyzAB"',
    "",
  ].join("\n"),
  "proj/settings/production.py": "from .base import *\nSECURE_SSL_REDIRECT = False  # dsh: ignore[hsts-not-set]\n",
  "proj/settings/test.py": 'from .base import *\nEMAIL_HOST_PASSWORD = "s3cr3t-Pa55w0rd-for-tests"\n',
  "pyproject.toml": [
    "[tool.django-settings-hygiene]",
    'django-version = "4.2"',
    'disable = ["csp-missing"]',
    'severity = { "debug-enabled" = "error", "weak-secret-key" = "hint" }',
    'per-path-ignores = { "proj/settings/test.py" = ["hardcoded-email-password"], "proj/settings/base.py" = ["hardcoded-provider-token"] }',
    "",
  ].join("\n"),
};

let client: TestClient | undefined;
after(async () => {
  if (!client) return;
  await client.connection.sendRequest("shutdown");
  client.connection.sendNotification("exit");
});

test("CLI and language server: the same problems, places, severities and waivers for one pyproject.toml", async () => {
  const dir = tempDir("dsh-parity-");
  for (const [rel, text] of Object.entries(FILES)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), text);
  }
  const r = spawnSync(process.execPath, [CLI, "audit", dir, "--format", "json", "--exit-zero"], { encoding: "utf8" });
  assert.equal(r.status, 0, r.stderr);
  const report = JSON.parse(r.stdout) as { findings: Array<{ rule: string; severity: string; file: string; line: number; column: number }> };
  const cli = report.findings.map((f) => `${f.file}:${f.line}:${f.column} ${f.rule} ${f.severity}`).sort();

  client = startClient();
  await client.connection.sendRequest("initialize", {
    processId: process.pid,
    rootUri: pathToFileURL(dir).toString(),
    workspaceFolders: [{ uri: pathToFileURL(dir).toString(), name: "parity" }],
    capabilities: {},
  });
  client.connection.sendNotification("initialized", {});
  const files = ["proj/settings/base.py", "proj/settings/production.py", "proj/settings/test.py"];
  const uris = files.map((f) => pathToFileURL(path.join(dir, f)).toString());
  await Promise.all(uris.map((u) => client!.waitFor(u, () => true, 20000)));
  const severity = ["", "error", "warning", "information", "hint"];
  const editor: string[] = [];
  for (const [i, u] of uris.entries()) {
    for (const d of client.diagnostics.get(u) ?? []) {
      if (!d.code) continue; // notes and inherited-problem summaries are the editor's own, not findings
      editor.push(`${files[i]}:${d.range.start.line + 1}:${d.range.start.character + 1} ${d.code} ${severity[d.severity ?? 0]}`);
    }
  }
  editor.sort();
  assert.deepEqual(editor, cli);
  // The checks the configuration and waivers decide, so an empty comparison cannot pass for the wrong reason.
  assert.ok(cli.some((l) => l.includes("debug-enabled error")), "severity override applied");
  assert.ok(cli.some((l) => l.includes("weak-secret-key hint")), "severity override applied");
  assert.ok(cli.some((l) => l.includes("hardcoded-secret-key")), "the committed key is reported");
  assert.ok(!cli.some((l) => l.includes("xframe-not-deny")), "an inline waiver");
  assert.ok(!cli.some((l) => l.includes("csp-missing")), "a disabled rule");
  assert.ok(!cli.some((l) => l.includes("hardcoded-email-password") || l.includes("hardcoded-provider-token")), "per-path ignores");
  assert.ok(cli.some((l) => l.includes("unused-waiver")), "the waiver on production.py silences nothing");
});
