// Shared by the end-to-end tests: prerequisites and skip rules, a code-server on loopback with throwaway user data,
// and a headless Debian chromium driven by playwright-core. Recipe: shared notes "real-editor-tests.md".
import { strict as assert } from "node:assert";
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import type { Browser, Page } from "playwright-core";

export const repo = path.resolve(__dirname, "..", "..", "..");
const pkg = JSON.parse(fs.readFileSync(path.join(repo, "package.json"), "utf8")) as { name: string; version: string; publisher: string };
export const extensionId = `${pkg.publisher}.${pkg.name}`;
export const vsix = path.join(repo, `${pkg.name}-${pkg.version}.vsix`);
export const demo = path.join(repo, "examples", "mysite");
export const artifactsRoot = path.join(repo, "test-artifacts", "e2e");
const cacheDir = process.env.DSH_CODE_SERVER_DIR ?? path.join(repo, ".cache", "code-server");
const entry = path.join(cacheDir, "node_modules", "code-server", "out", "node", "entry.js");
const chromiumPath = process.env.DSH_CHROMIUM ?? "/usr/bin/chromium";
const CI = !!process.env.CI && process.env.CI !== "false" && process.env.CI !== "0";

/** Generous but bounded: a cold code-server start renders a file in about 10 s on this machine. */
export const STEP = 60_000;
export const STARTUP = 120_000;

let setupTried = false;

const shown = (file: string): string => (path.relative(repo, file).startsWith("..") ? file : path.relative(repo, file));

/** Why the e2e tests cannot run here (undefined when they can). Runs the idempotent setup once if the cache is missing. */
function prerequisites(extra: Array<[string, string]>): string | undefined {
  const missing = (): string[] => [
    ...(fs.existsSync(entry) ? [] : [`code-server (${shown(entry)})`]),
    ...(fs.existsSync(chromiumPath) ? [] : [`chromium (${chromiumPath})`]),
  ];
  if (missing().length && !setupTried && process.env.DSH_E2E_SETUP !== "0") {
    setupTried = true;
    const r = spawnSync("bash", [path.join(repo, "scripts", "e2e-setup.sh")], { stdio: ["ignore", "inherit", "inherit"], timeout: 15 * 60_000 });
    if (r.status !== 0) return `scripts/e2e-setup.sh failed (exit ${r.status ?? r.signal}); ${missing().join(" and ")} missing`;
  }
  const still = missing();
  if (still.length) return `${still.join(" and ")} missing: run bash scripts/e2e-setup.sh`;
  for (const [file, how] of extra) if (!fs.existsSync(file)) return `${shown(file)} missing: ${how}`;
  return undefined;
}

/**
 * The e2e gate. Without DSH_E2E=1: skip ("run npm run test:e2e"), so the unit run `node --test out/test/` passes over
 * these. With it: `unavailable` says what is missing; that skips outside CI and fails the suite (in `before`) in CI.
 */
export function e2eGate(extra: Array<[string, string]> = []): { skip: string | false; unavailable: string | undefined } {
  if (process.env.DSH_E2E !== "1") return { skip: "run npm run test:e2e", unavailable: undefined };
  const unavailable = prerequisites(extra);
  return { skip: unavailable && !CI ? unavailable : false, unavailable };
}

export interface SessionOptions {
  /** Folder under test-artifacts/e2e/ for screenshots and logs. */
  name: string;
  /** Install these .vsix files into the session's --extensions-dir before starting. */
  install?: string[];
  /** Written to the workspace's .vscode/settings.json before code-server starts (a file written later is read late). */
  workspaceSettings?: Record<string, unknown>;
  /** VS Code web "payload" entries (extensionDevelopmentPath, extensionTestsPath: vscode-remote URIs; use `remoteUri`). */
  payload?: (host: string) => Array<[string, string]>;
}

/** One code-server + chromium, on a copy of examples/mysite in a temp folder; `close()` stops both and removes it. */
export class Session {
  readonly tmp = fs.mkdtempSync(path.join(os.tmpdir(), "dsh-e2e-"));
  readonly workspace = path.join(this.tmp, "mysite");
  readonly artifacts: string;
  serverLog = "";
  /** Everything the page printed to its console (the remote extension host's console lands here too). */
  readonly console: string[] = [];
  page!: Page;
  private server: ChildProcess | undefined;
  private browser: Browser | undefined;
  private shots = 0;

  private constructor(private readonly options: SessionOptions) {
    this.artifacts = path.join(artifactsRoot, options.name);
  }

  static async start(options: SessionOptions): Promise<Session> {
    const s = new Session(options);
    try {
      await s.boot();
    } catch (e) {
      if (fs.existsSync(s.artifacts)) {
        await s.page?.screenshot({ path: path.join(s.artifacts, "failed-startup.png") }).catch(() => undefined);
      }
      await s.close();
      throw e;
    }
    return s;
  }

  private async boot(): Promise<void> {
    fs.rmSync(this.artifacts, { recursive: true, force: true });
    fs.mkdirSync(this.artifacts, { recursive: true });
    fs.cpSync(demo, this.workspace, { recursive: true, filter: (src) => path.basename(src) !== "__pycache__" });
    if (this.options.workspaceSettings) {
      fs.mkdirSync(path.join(this.workspace, ".vscode"));
      fs.writeFileSync(path.join(this.workspace, ".vscode", "settings.json"), JSON.stringify(this.options.workspaceSettings, null, 2));
    }
    for (const d of ["ud/User", "ext", "xdg/config", "xdg/data", "xdg/cache"]) fs.mkdirSync(path.join(this.tmp, d), { recursive: true });
    // A user's settings: no welcome page, no tips, nothing that steals focus from the editor.
    fs.writeFileSync(
      path.join(this.tmp, "ud", "User", "settings.json"),
      JSON.stringify({
        "workbench.startupEditor": "none",
        "workbench.tips.enabled": false,
        "workbench.enableExperiments": false,
        "extensions.ignoreRecommendations": true,
        "extensions.autoCheckUpdates": false,
        "extensions.autoUpdate": false,
        "security.workspace.trust.enabled": false,
        "telemetry.telemetryLevel": "off",
        "update.mode": "none",
        "editor.minimap.enabled": false,
        "editor.hover.enabled": false,
        "editor.quickSuggestions": { other: false, comments: false, strings: false },
        "files.autoSave": "off",
        "window.restoreWindows": "none",
        "chat.commandCenter.enabled": false,
      }),
    );
    fs.writeFileSync(path.join(this.tmp, "config.yaml"), "auth: none\ncert: false\n");
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      // Keep code-server and the extension host away from the real home's config, data and caches.
      XDG_CONFIG_HOME: path.join(this.tmp, "xdg/config"),
      XDG_DATA_HOME: path.join(this.tmp, "xdg/data"),
      XDG_CACHE_HOME: path.join(this.tmp, "xdg/cache"),
      // No extension gallery: nothing to query beyond loopback.
      EXTENSIONS_GALLERY: "{}",
    };
    const common = ["--config", path.join(this.tmp, "config.yaml"), "--user-data-dir", path.join(this.tmp, "ud"), "--extensions-dir", path.join(this.tmp, "ext")];

    for (const vsixFile of this.options.install ?? []) {
      const r = spawnSync(process.execPath, [entry, ...common, "--install-extension", vsixFile], { env, encoding: "utf8", timeout: STEP });
      assert.equal(r.status, 0, `--install-extension ${vsixFile} failed:\n${r.stdout}\n${r.stderr}`);
    }

    this.server = spawn(
      process.execPath,
      [entry, ...common, "--auth", "none", "--bind-addr", "127.0.0.1:0", "--disable-telemetry", "--disable-update-check", "--disable-workspace-trust", "--disable-getting-started-override", this.workspace],
      { env, stdio: ["ignore", "pipe", "pipe"] },
    );
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`code-server did not listen within ${STARTUP / 1000}s:\n${this.serverLog}`)), STARTUP);
      const onData = (chunk: Buffer) => {
        this.serverLog += chunk.toString();
        const m = /HTTP server listening on (http:\/\/[^\s/]+)/.exec(this.serverLog);
        if (m) {
          clearTimeout(timer);
          resolve(m[1].replace("0.0.0.0", "127.0.0.1"));
        }
      };
      this.server!.stdout!.on("data", onData);
      this.server!.stderr!.on("data", onData);
      this.server!.once("exit", (code, signal) => {
        clearTimeout(timer);
        reject(new Error(`code-server exited (${code ?? signal}) before listening:\n${this.serverLog}`));
      });
    });

    const { chromium } = await import("playwright-core");
    this.browser = await chromium.launch({
      executablePath: chromiumPath,
      // Chromium writes crash-report and dconf folders under XDG dirs: keep those in the session's temp folder too.
      env: { ...process.env, HOME: this.tmp, XDG_CONFIG_HOME: env.XDG_CONFIG_HOME, XDG_CACHE_HOME: env.XDG_CACHE_HOME, XDG_DATA_HOME: env.XDG_DATA_HOME },
      headless: true,
      timeout: STEP,
      args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    });
    const context = await this.browser.newContext({ viewport: { width: 1600, height: 1000 } });
    this.page = await context.newPage();
    this.page.setDefaultTimeout(STEP);
    this.page.on("console", (m) => this.console.push(m.text()));
    let target = `${url}/?folder=${encodeURIComponent(this.workspace)}`;
    if (this.options.payload) target += `&payload=${encodeURIComponent(JSON.stringify(this.options.payload(new URL(url).host)))}`;
    await this.page.goto(target, { timeout: STARTUP });
    await this.page.locator(".monaco-workbench").waitFor({ timeout: STARTUP });
    // The explorer lists the workspace once the remote file system answers.
    await this.page.locator(".explorer-folders-view .monaco-list-row", { hasText: "manage.py" }).waitFor({ timeout: STARTUP });
  }

  /** Saves a numbered screenshot under the session's artifacts folder; returns its path. */
  async screenshot(name: string): Promise<string> {
    const file = path.join(this.artifacts, `${String(++this.shots).padStart(2, "0")}-${name}.png`);
    await this.page.screenshot({ path: file });
    return file;
  }

  /** Runs a step; on failure saves a screenshot and code-server's log beside the other artifacts, then rethrows. */
  async step(name: string, body: () => Promise<void>): Promise<void> {
    try {
      await body();
    } catch (e) {
      await this.page?.screenshot({ path: path.join(this.artifacts, `failed-${name}.png`) }).catch(() => undefined);
      fs.writeFileSync(path.join(this.artifacts, `failed-${name}.code-server.log`), this.serverLog);
      fs.writeFileSync(path.join(this.artifacts, `failed-${name}.console.log`), this.console.join("\n"));
      throw e;
    }
  }

  /** Closes the browser, stops code-server by its pid (SIGKILL after 5 s), keeps the logs, removes the temp folder. */
  async close(): Promise<void> {
    await this.browser?.close().catch(() => undefined);
    const server = this.server;
    if (server?.pid && server.exitCode === null && server.signalCode === null) {
      const exited = new Promise((r) => server.once("exit", r));
      server.kill("SIGTERM");
      const timer = setTimeout(() => server.exitCode === null && server.signalCode === null && server.kill("SIGKILL"), 5_000);
      await exited;
      clearTimeout(timer);
    }
    if (fs.existsSync(this.artifacts)) {
      fs.writeFileSync(path.join(this.artifacts, "code-server.log"), this.serverLog);
      fs.writeFileSync(path.join(this.artifacts, "browser-console.log"), this.console.join("\n"));
    }
    fs.rmSync(this.tmp, { recursive: true, force: true, maxRetries: 3 });
  }
}

/** Polls `check` until it holds, for at most `timeout` ms. */
export async function until(check: () => Promise<boolean>, message: string, timeout = STEP): Promise<void> {
  const deadline = Date.now() + timeout;
  while (!(await check())) {
    if (Date.now() > deadline) assert.fail(`${message} (after ${timeout / 1000}s)`);
    await new Promise((r) => setTimeout(r, 250));
  }
}
