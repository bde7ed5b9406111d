// The published npm package: `npm pack`, install the tarball into an empty folder, run `npx django-settings-hygiene audit`.
import { strict as assert } from "node:assert";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { after, test } from "node:test";

const REPO = path.resolve(__dirname, "..", "..", "..");
const NPM = process.platform === "win32" ? "npm.cmd" : "npm";
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "dsh-pack-"));
after(() => fs.rmSync(tmp, { recursive: true, force: true }));

function npm(args: string[], cwd: string) {
  // The bundles are built by `npm test` before the tests run: packing need not build them again.
  const r = spawnSync(NPM, args, { cwd, encoding: "utf8", env: { ...process.env, npm_config_update_notifier: "false", npm_config_fund: "false", npm_config_audit: "false" } });
  assert.equal(r.status, 0, `npm ${args.join(" ")}\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

test("the packed tarball holds the bundles and docs only, installs from the registry alone, and audits examples/mysite", () => {
  const packed = JSON.parse(npm(["pack", "--json", "--ignore-scripts", "--pack-destination", tmp], REPO)) as Array<{ filename: string; files: Array<{ path: string }> }>;
  const files = packed[0].files.map((f) => f.path).sort();
  for (const must of ["bin/django-settings-hygiene.js", "bin/loadBundle.js", "dist/cli.js", "dist/server.js", "dist/tree-sitter.wasm", "dist/tree-sitter-python.wasm", "README.md", "LICENSE", "docs/rules/debug-enabled.md", "package.json"]) {
    assert.ok(files.includes(must), `${must} is packed`);
  }
  for (const f of files) {
    assert.ok(!/^(server|client|test|scripts|bench|examples|out)\//.test(f), `${f} is a dev file`);
    assert.ok(!f.endsWith(".map") && !f.endsWith(".ts") && f !== "dist/extension.js", `${f} is not for npm users`);
  }
  const pkg = JSON.parse(fs.readFileSync(path.join(REPO, "package.json"), "utf8"));
  assert.equal(pkg.private, undefined, "publishable");
  // The CLI and server are bundled; the one runtime dependency is the VS Code client's (the .vsix carries it too).
  assert.deepEqual(Object.keys(pkg.dependencies ?? {}), ["vscode-languageclient"]);

  const consumer = path.join(tmp, "consumer");
  fs.mkdirSync(consumer);
  fs.writeFileSync(path.join(consumer, "package.json"), JSON.stringify({ name: "consumer", version: "1.0.0", private: true }));
  npm(["install", "--prefer-offline", "--no-audit", "--no-fund", path.join(tmp, packed[0].filename)], consumer);
  // The CLI needs nothing from node_modules: it runs with the package's own dependencies removed.
  fs.rmSync(path.join(consumer, "node_modules", "vscode-languageclient"), { recursive: true, force: true });
  const site = path.join(tmp, "mysite");
  fs.cpSync(path.join(REPO, "examples", "mysite"), site, { recursive: true });
  const r = spawnSync("npx", ["--no-install", "django-settings-hygiene", "audit", site, "--format", "json"], { cwd: consumer, encoding: "utf8" });
  assert.equal(r.status, 1, `findings give exit 1\n${r.stderr}`);
  const report = JSON.parse(r.stdout) as { version: number; findings: Array<{ rule: string }>; environments: Array<{ kind: string }> };
  assert.equal(report.version, 2);
  assert.ok(report.findings.some((f) => f.rule === "hardcoded-secret-key"));
  assert.ok(report.environments.some((e) => e.kind === "production"));
  const version = spawnSync("npx", ["--no-install", "django-settings-hygiene", "--version"], { cwd: consumer, encoding: "utf8" });
  assert.equal(version.stdout.trim(), pkg.version);
});
