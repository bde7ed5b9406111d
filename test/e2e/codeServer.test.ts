// End-to-end test in a real VS Code: the packaged .vsix installed into code-server (VS Code 1.100's workbench and
// extension host, from npm), driven through Debian's chromium by playwright-core, reading what a user sees:
// squiggles, the Problems panel (base.py's SECRET_KEY once, one summary per inheriting module), the hover, the SECRET_KEY
// fix written to disk, the audit report webview, fix on save under source.fixAll.djangoSettingsHygiene, "Harden
// production settings" through its refactor preview (and Django 3.2 still loading the result), a broken
// pyproject.toml section shown as a diagnostic and in the status, Restart Server, the walkthrough, and the status popup
// with many environments.
// Runs only with DSH_E2E=1 (`npm run test:e2e`, which installs code-server with scripts/e2e-setup.sh and packages the
// extension first). Screenshots of every step go to test-artifacts/e2e/code-server/; the ones the README shows are
// written to images/ too, on every run, so they stay current.
import { strict as assert } from "node:assert";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { after, before, describe, test } from "node:test";
import type { Frame, Locator, Page } from "playwright-core";
import { e2eGate, extensionId, repo, Session, STARTUP, STEP, until, vsix } from "./harness";

const SOURCE = "django-settings-hygiene";
const IMAGES = path.join(repo, "images");
const gate = e2eGate([[vsix, "run npm run package"]]);

// Skipped: one skipped test (node 20 does not count a skipped describe), so the unit run's summary shows it.
if (gate.skip) test("VS Code (code-server) with the packaged extension", { skip: gate.skip }, () => undefined);
else describe("VS Code (code-server) with the packaged extension", () => {
  let session: Session | undefined;
  let page: Page;
  let workspace = "";
  const screenshot = (name: string) => session!.screenshot(name);
  /** A screenshot the README and the walkthrough show: images/NAME.png, besides the numbered artifact. */
  const readmeShot = async (name: string) => fs.copyFileSync(await screenshot(name), path.join(IMAGES, `${name}.png`));
  const step = (name: string, body: () => Promise<void>) => session!.step(name, body);

  before(async () => {
    if (gate.unavailable) assert.fail(`CI is set, so the e2e test must run: ${gate.unavailable}`);
    // Fix on save for this extension alone, as a user would set it (exercised by the fix-on-save test).
    session = await Session.start({ name: "code-server", install: [vsix], workspaceSettings: { "editor.codeActionsOnSave": { "source.fixAll.djangoSettingsHygiene": "explicit" } } });
    page = session.page;
    workspace = session.workspace;
    const installed = fs.readdirSync(path.join(session.tmp, "ext")).filter((d) => d.startsWith(`${extensionId}-`));
    assert.equal(installed.length, 1, `the .vsix is not in --extensions-dir: ${fs.readdirSync(path.join(session.tmp, "ext")).join(", ")}`);
    await screenshot("workbench");
  }, { timeout: STARTUP * 3 });

  after(async () => {
    await session?.close();
  });

  /** Ctrl+P, type the file's path relative to the workspace, open the match. */
  async function openFile(rel: string): Promise<Locator> {
    const name = path.basename(rel);
    await page.keyboard.press("Control+P");
    const input = page.locator(".quick-input-widget input.input");
    await input.waitFor();
    await input.fill(rel);
    // Enter opens the focused row: wait until the filtered list focuses this file, not a recently opened one.
    await page.locator(".quick-input-widget .monaco-list-row.focused", { hasText: name }).first().waitFor();
    await page.keyboard.press("Enter");
    await page.locator(".tab.active", { hasText: name }).waitFor();
    const editor = page.locator(".editor-group-container.active .monaco-editor").first();
    await editor.locator(".view-lines").waitFor();
    return editor;
  }

  /** F1, type a command's title, run the first match that has it. */
  async function runCommand(title: string): Promise<void> {
    await page.keyboard.press("F1");
    const input = page.locator(".quick-input-widget input.input");
    await input.waitFor();
    await input.fill(`>${title}`);
    // Enter runs the focused row: wait until the list has been filtered down to this command, or a row of the
    // unfiltered "recently used" list (an earlier command) can still be the focused one when Enter arrives.
    await page.locator(".quick-input-widget .monaco-list-row.focused", { hasText: title }).first().waitFor();
    await page.keyboard.press("Enter");
    await page.locator(".quick-input-widget").waitFor({ state: "hidden" });
  }

  /** Ctrl+J toggles the panel: press it only when the panel is showing. */
  async function hidePanel(): Promise<void> {
    const panel = page.locator(".part.panel");
    if (await panel.isVisible()) {
      await page.keyboard.press("Control+J");
      await panel.waitFor({ state: "hidden" });
    }
  }

  async function goTo(line: number, column: number): Promise<void> {
    await page.keyboard.press("Control+G");
    const input = page.locator(".quick-input-widget input.input");
    await input.waitFor();
    await input.fill(`:${line}:${column}`);
    await page.keyboard.press("Enter");
    await page.locator(".quick-input-widget").waitFor({ state: "hidden" });
  }

  /**
   * The Problems panel's rows matching `filter` (typed into the panel's own filter box, as a user narrows the list:
   * the list is virtualised, so rows scrolled out of view are not in the page). Opens the panel first.
   */
  async function problems(filter: string): Promise<Locator> {
    await page.keyboard.press("Control+Shift+M");
    const box = page.locator(".part.panel .viewpane-filter input");
    await box.waitFor();
    await box.fill(filter);
    return page.locator(".markers-panel .monaco-list-row");
  }

  /** The audit webview's document, two frames down (iframe.webview → #active-frame); undefined if not there in STEP ms. */
  async function reportFrame(): Promise<Frame | undefined> {
    const deadline = Date.now() + STEP;
    while (Date.now() < deadline) {
      for (const f of page.frames()) {
        if (f === page.mainFrame() || f.isDetached()) continue;
        if (await f.locator("h1", { hasText: "Django Settings Audit" }).count().catch(() => 0)) return f;
      }
      await new Promise((r) => setTimeout(r, 250));
    }
    return undefined;
  }

  /** Clicks the editor's active tab so that keys go to the editor again (after the Problems filter had them). */
  async function focusEditor(): Promise<void> {
    await page.locator(".tab.active").first().click();
  }

  /** Opens the language status popup (the `{}` item) and returns the row of this extension's status item. */
  async function statusPopup(hasText: string | RegExp): Promise<Locator> {
    const row = page.locator(".hover-language-status", { hasText });
    for (let attempt = 0; ; attempt++) {
      await page.locator("#status\\.languageStatus").click();
      try {
        await row.first().waitFor({ timeout: 5_000 });
        return row.first();
      } catch (e) {
        if (attempt >= 20) throw e;
        await page.keyboard.press("Escape");
        await new Promise((r) => setTimeout(r, 1_000));
      }
    }
  }

  /** The demo's findings, from the CLI on the workspace copy (so the test follows the demo when it changes). */
  function cliFindings(): Array<{ rule: string; severity: string; file: string; line: number; column: number; setting?: string; fixable: boolean }> {
    return cliAudit().findings;
  }

  function cliAudit(): { findings: ReturnType<typeof cliFindings>; environments: Array<{ name: string }> } {
    const r = spawnSync(process.execPath, [path.join(repo, "bin", "django-settings-hygiene.js"), "audit", workspace, "--format", "json"], { encoding: "utf8" });
    assert.ok(r.stdout, r.stderr);
    return JSON.parse(r.stdout);
  }

  test("production.py shows squiggles under the planted mistakes", { timeout: STARTUP }, async () => {
    await step("squiggles", async () => {
      const editor = await openFile("mysite/settings/production.py");
      const squiggles = editor.locator(".squiggly-warning, .squiggly-error");
      // The first diagnostics arrive after activation, the server's start and the first analysis: the slow step.
      await squiggles.first().waitFor({ timeout: STARTUP });
      const n = await squiggles.count();
      await screenshot("production-squiggles");
      assert.ok(n >= 1, `expected squiggles on production.py, saw ${n}`);
    });
  });

  test("the Problems panel lists the extension's diagnostics", { timeout: STARTUP }, async () => {
    await step("problems", async () => {
      const rows = await problems("");
      await rows.filter({ hasText: SOURCE }).first().waitFor();
      await rows.filter({ hasText: "production.py" }).first().waitFor();
      await readmeShot("squiggles");
      // Every rule the CLI reports on production.py is listed (hints never show in the Problems panel).
      const expected = [...new Set(cliFindings().filter((f) => f.file.endsWith("production.py") && f.severity !== "hint").map((f) => f.rule))];
      assert.ok(expected.length >= 3, `the CLI reports only ${expected.join(", ")} on production.py`);
      for (const rule of expected) {
        const matching = (await problems(rule)).filter({ hasText: SOURCE }).filter({ hasText: rule });
        await matching.first().waitFor({ timeout: 15_000 }).catch(async () => {
          assert.fail(`the Problems panel lists no ${rule} diagnostic:\n${(await (await problems("")).allInnerTexts()).join("\n")}`);
        });
      }
      await problems("");
    });
  });

  test("hovering a setting shows its effective value in every environment", { timeout: STARTUP }, async () => {
    await step("hover", async () => {
      await hidePanel();
      await openFile("mysite/settings/production.py");
      const debug = cliFindings().find((f) => f.rule === "debug-enabled" && f.file.endsWith("production.py"));
      assert.ok(debug, "the demo's production.py has no debug-enabled finding");
      // On the name DEBUG, which starts its line; Ctrl+K Ctrl+I shows the hover (mouse hovers are off in this profile).
      await goTo(debug.line, 3);
      await page.keyboard.press("Control+K");
      await page.keyboard.press("Control+I");
      const hover = page.locator(".monaco-hover", { hasText: "DEBUG in each environment" }).first();
      await hover.waitFor();
      const text = await hover.innerText();
      assert.match(text, /mysite\.settings\.production/);
      assert.match(text, new RegExp(`production\\.py:${debug.line}`));
      await readmeShot("hover");
      await page.keyboard.press("Escape");
    });
  });

  test("base.py's SECRET_KEY is one problem; production.py holds one summary of what it inherits", { timeout: STARTUP }, async (t) => {
    await step("once", async () => {
      const rows = (await problems("hardcoded-secret-key")).filter({ hasText: SOURCE }).filter({ hasText: "hardcoded-secret-key" });
      await rows.first().waitFor({ timeout: 15_000 });
      // Four environments share base.py: the panel lists the place once, not once per environment.
      await new Promise((r) => setTimeout(r, 1000));
      const texts = await rows.allInnerTexts();
      t.diagnostic(`Problems rows for hardcoded-secret-key: ${texts.join(" | ")}`);
      assert.equal(texts.length, 1, texts.join("\n"));
      const summary = (await problems("inherits")).filter({ hasText: /production inherits \d+ problems? from base\.py/ });
      await summary.first().waitFor({ timeout: 15_000 });
      assert.equal(await summary.count(), 1);
      await screenshot("problems-once");
      await problems("");
    });
  });

  test("the SECRET_KEY quick fix is offered on the secret and written to disk", { timeout: STARTUP }, async (t) => {
    await step("quickfix", async () => {
      // Where the CLI puts the committed SECRET_KEY (base.py in the demo); a fixable finding first.
      const secrets = cliFindings().filter((f) => f.setting === "SECRET_KEY" || /secret-key/.test(f.rule));
      const secret = secrets.find((f) => f.fixable) ?? secrets[0];
      assert.ok(secret, "the demo has no SECRET_KEY finding");
      const file = path.join(workspace, secret.file);
      const before = fs.readFileSync(file, "utf8");
      const secretLine = before.split("\n")[secret.line - 1];
      const secretValue = /["']([^"']+)["']/.exec(secretLine)?.[1];
      assert.ok(secretValue, `no string literal on ${secret.file}:${secret.line}: ${secretLine}`);

      // Hide the panel so the editor has room, open the file, put the cursor inside the string literal.
      await hidePanel();
      const editor = await openFile(secret.file);
      await goTo(secret.line, secret.column + 5);
      await editor.locator(".squiggly-warning, .squiggly-error").first().waitFor({ timeout: STARTUP });

      // The lightbulb menu: retry once, as the first Ctrl+. can race the code-action provider's first answer.
      const menu = page.locator(".action-widget");
      const actions = menu.locator(".monaco-list-row.action");
      for (let attempt = 0; ; attempt++) {
        await page.keyboard.press("Control+.");
        try {
          await actions.filter({ hasText: "secret-key" }).first().waitFor({ timeout: 15_000 });
          break;
        } catch (e) {
          if (attempt >= 2) throw e;
          await page.keyboard.press("Escape");
        }
      }
      const titles = (await actions.evaluateAll((rows) => rows.map((r) => r.getAttribute("aria-label") ?? ""))).filter(Boolean);
      await readmeShot("quick-fix");
      assert.ok(titles.some((t) => /^Ignore [\w-]*secret-key in this file$/.test(t)), `no file-level waiver in the menu:\n${titles.join("\n")}`);
      // DSH_E2E_QUICKFIX=waiver exercises the fallback even where the real fix is offered.
      // "Read DJANGO_SECRET_KEY in production; development and testing get their own key (…)", or an in-place rewrite.
      const realFix = process.env.DSH_E2E_QUICKFIX === "waiver" ? undefined : titles.find((t) => (/environment/i.test(t) || /^Read [A-Z_]+ in /.test(t)) && !/^(Ignore|Show documentation)/.test(t));
      const waiver = titles.find((t) => t === "Ignore weak-secret-key on this line") ?? titles.find((t) => /^Ignore [\w-]*secret-key on this line$/.test(t));
      const picked = realFix ?? waiver;
      assert.ok(picked, `neither the environment-variable fix nor the waiver in the menu:\n${titles.join("\n")}`);
      t.diagnostic(`quick fix menu: ${titles.join(" | ")}`);
      t.diagnostic(`picked: ${picked}${realFix ? "" : " (no environment-variable fix offered yet: fell back to the waiver)"}`);
      // Keyboard, not a click: the menu's context view lays a pointer block over the page while it opens.
      const focused = menu.locator(".monaco-list-row.action.focused");
      for (let i = 0; (await focused.getAttribute("aria-label")) !== picked; i++) {
        assert.ok(i <= titles.length, `could not focus "${picked}" with the arrow keys`);
        await page.keyboard.press("ArrowDown");
      }
      await page.keyboard.press("Enter");
      await menu.waitFor({ state: "hidden" });
      // A real fix may touch more than this file (an .env.example): save everything.
      await runCommand("File: Save All");

      let after = before;
      const deadline = Date.now() + STEP;
      while (after === before && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 200));
        after = fs.readFileSync(file, "utf8");
      }
      await screenshot("quickfix-applied");
      assert.notEqual(after, before, `${secret.file} unchanged on disk after the quick fix and Save All`);
      const line = after.split("\n").find((l) => /^\s*SECRET_KEY\s*=/.test(l)) ?? "";
      if (realFix) {
        assert.ok(!after.includes(secretValue), `the committed secret is still in ${secret.file}:\n${line}`);
        if (line) assert.match(line, /env|environ/i, `SECRET_KEY is not read from the environment:\n${line}`);
        else {
          // The key left base.py: production reads the variable, development and testing got their own key.
          const settings = path.join(workspace, "mysite", "settings");
          assert.match(fs.readFileSync(path.join(settings, "production.py"), "utf8"), /^SECRET_KEY = env\("DJANGO_SECRET_KEY"\)$/m);
          for (const f of ["development.py", "testing.py"]) assert.match(fs.readFileSync(path.join(settings, f), "utf8"), /^SECRET_KEY = "django-insecure-development-only-key-not-for-production"/m, f);
        }
      } else {
        const rule = /^Ignore ([\w-]+) on this line$/.exec(picked)![1];
        assert.equal(line, `${secretLine}  # django-settings-hygiene: ignore[${rule}]`);
        assert.equal(after, before.replace(secretLine, line), "the waiver changed more than the SECRET_KEY line");
      }
      // The server re-analyses the saved file: after the real fix no SECRET_KEY finding is left in the Problems panel.
      const waived = realFix ? undefined : /^Ignore ([\w-]+) on this line$/.exec(picked)![1];
      const leftRows = (await problems(waived ?? "secret-key")).filter({ hasText: SOURCE });
      const gone = async () => (await leftRows.count()) === 0;
      if (realFix) {
        await until(gone, `still in the Problems panel after the fix: ${(await leftRows.allInnerTexts()).join("\n")}`);
      } else {
        // A waiver only has to change the text (asserted above); whether the server honours it is reported, not required.
        const silenced = await until(gone, "", 10_000).then(() => true, () => false);
        t.diagnostic(`the waiver ${silenced ? "silenced" : "did NOT silence"} ${waived} in the Problems panel`);
      }
      await screenshot("quickfix-problems");
      await problems("");
    });
  });

  test("Audit Production Settings opens the report webview", { timeout: STARTUP }, async (t) => {
    await step("audit", async () => {
      await hidePanel();
      await runCommand("Audit Production Settings");
      const tab = page.locator(".tab", { hasText: "Django Settings Audit" });
      await tab.waitFor();
      assert.equal((await tab.locator(".label-name").innerText()).trim(), "Django Settings Audit");
      await page.locator("iframe.webview").first().waitFor({ state: "attached" });

      let report = await reportFrame();
      if (!report) await screenshot("audit-report");
      assert.ok(report, "the report's document was not found in any frame");
      const production = report.locator("h2", { hasText: "production" }).first();
      await production.waitFor();
      // Production leads the report.
      assert.match(await report.locator("h2").first().innerText(), /production/);
      await production.evaluate((h) => h.scrollIntoView({ block: "start" }));
      await readmeShot("audit-report");
      const row = report.locator("tr", { has: report.locator("td:first-child code", { hasText: /^SECRET_KEY$/ }) });
      await row.first().waitFor();
      t.diagnostic(`report SECRET_KEY rows: ${(await row.allInnerTexts()).map((t) => t.replace(/\s+/g, " ")).join(" | ")}`);

      // "Set at" links open the setting: SECRET_KEY's goes to its line in base.py.
      const link = row.first().locator("a[data-file]");
      const label = (await link.innerText()).trim();
      const m = /^(.+?):(\d+)$/.exec(label);
      assert.ok(m, `unexpected "Set at" label: ${label}`);
      await link.click();
      await page.locator(".tab.active", { hasText: path.basename(m[1]) }).waitFor();
      await page.locator("#status\\.editor\\.selection", { hasText: `Ln ${m[2]},` }).waitFor();
      await screenshot("report-link-opened");

      // Back to the report (its document is re-created when the tab shows again), then Export to Markdown.
      await tab.click();
      report = await reportFrame();
      assert.ok(report, "the report's document did not come back when its tab was selected again");
      await report.locator("#export").click();
      // An untitled document is named after its first line ("# Django settings audit  Untitled-1").
      await page.locator(".tab.active", { hasText: "Untitled" }).waitFor();
      const markdown = page.locator(".editor-group-container.active .monaco-editor .view-lines");
      await markdown.filter({ hasText: "SECRET_KEY" }).or(markdown.filter({ hasText: "Django" })).first().waitFor();
      await page.locator(".statusbar-item", { hasText: /^Markdown$/ }).waitFor();
      await screenshot("report-exported-markdown");
    });
  });

  test("fix on save applies the safe fixes under source.fixAll.djangoSettingsHygiene", { timeout: STARTUP }, async () => {
    await step("fix-on-save", async () => {
      // The workspace's .vscode/settings.json asks for source.fixAll.djangoSettingsHygiene on save (see `before`).
      const rel = "mysite/settings/development.py";
      const file = path.join(workspace, rel);
      const before = fs.readFileSync(file, "utf8");
      assert.ok(before.endsWith("\n"));
      const others = ["base.py", "production.py", "testing.py"].map((f) => [f, fs.readFileSync(path.join(workspace, "mysite", "settings", f), "utf8")] as const);
      await hidePanel();
      await openFile(rel);
      await page.keyboard.press("Control+End");
      // A waiver of a rule that does not fire here: an unused-waiver, whose removal is a safe fix.
      await page.keyboard.type("EXTRA_FLAG = 1  # dsh: ignore[debug-enabled]");
      const rows = await problems("unused-waiver");
      await rows.filter({ hasText: "suppresses nothing" }).first().waitFor();
      await screenshot("fix-on-save-before");
      await focusEditor();
      await page.keyboard.press("Control+S");
      await until(async () => fs.readFileSync(file, "utf8") !== before + "EXTRA_FLAG = 1  # dsh: ignore[debug-enabled]" && fs.readFileSync(file, "utf8") !== before, "development.py was not saved");
      assert.equal(fs.readFileSync(file, "utf8"), `${before}EXTRA_FLAG = 1`, "the save applied exactly the safe fix");
      for (const [f, text] of others) assert.equal(fs.readFileSync(path.join(workspace, "mysite", "settings", f), "utf8"), text, `${f} changed on save`);
      await until(async () => (await (await problems("unused-waiver")).filter({ hasText: "suppresses nothing" }).count()) === 0, "the unused waiver is still listed after the save");
      await screenshot("fix-on-save-after");
      await problems("");
    });
  });

  test("Harden production settings previews every deploy-check fix, applies them, and production still loads in Django", { timeout: STARTUP }, async (t) => {
    await step("harden", async () => {
      const rel = "mysite/settings/production.py";
      const file = path.join(workspace, rel);
      const before = fs.readFileSync(file, "utf8");
      await hidePanel();
      const editor = await openFile(rel);
      await editor.locator(".squiggly-warning, .squiggly-error").first().waitFor({ timeout: STARTUP });
      // Source Action… lists the source actions; retried, as the first request can race the server's first answer.
      const title = "Harden production settings";
      const menu = page.locator(".action-widget");
      const rows = menu.locator(".monaco-list-row.action");
      for (let attempt = 0; ; attempt++) {
        await runCommand("Source Action...");
        try {
          await rows.filter({ hasText: title }).first().waitFor({ timeout: 15_000 });
          break;
        } catch (e) {
          if (attempt >= 2) throw e;
          await page.keyboard.press("Escape");
        }
      }
      await screenshot("harden-menu");
      const focused = menu.locator(".monaco-list-row.action.focused");
      for (let i = 0; (await focused.getAttribute("aria-label")) !== title; i++) {
        assert.ok(i <= 20, `could not focus "${title}" with the arrow keys`);
        await page.keyboard.press("ArrowDown");
      }
      await page.keyboard.press("Enter");
      await menu.waitFor({ state: "hidden" });
      // The edit's changes need confirmation: VS Code shows its Refactor Preview before anything changes.
      await page.locator(".part.panel", { hasText: /refactor preview/i }).first().waitFor({ timeout: STEP });
      await screenshot("harden-preview");
      assert.equal(fs.readFileSync(file, "utf8"), before, "nothing changes before the preview is applied");
      // VS Code lists changes that need confirmation unticked: tick the file, as a user would, which ticks every change.
      const boxes = page.locator(".part.panel .edit-checkbox");
      await boxes.first().check();
      await until(async () => (await boxes.evaluateAll((els) => els.every((e) => (e as unknown as { checked: boolean }).checked))), "ticking production.py did not tick each of its changes");
      t.diagnostic(`refactor preview: ${await boxes.count()} checkboxes, all ticked`);
      // The preview's own Apply button (its palette command is hidden while the preview keeps the focus elsewhere).
      await page.locator(".part.panel .monaco-button", { hasText: /^Apply$/ }).first().click();
      await runCommand("File: Save All");
      await until(async () => fs.readFileSync(file, "utf8").includes("SECURE_HSTS_SECONDS = 300"), "production.py was not hardened on disk");
      const after = fs.readFileSync(file, "utf8");
      for (const line of ['X_FRAME_OPTIONS = "DENY"', "CSRF_COOKIE_SECURE = True", "SECURE_HSTS_INCLUDE_SUBDOMAINS = True", 'DEBUG = env.bool("DJANGO_DEBUG", default=False)']) {
        assert.ok(after.split("\n").some((l) => l.startsWith(line)), `production.py lacks ${line}:\n${after}`);
      }
      // What the deploy checks still report for production: only preloading, which waits for the HSTS ramp-up.
      const audit = cliAudit() as unknown as { findings: Array<{ rule: string; djangoCheck: string | null; environments: string[] }> };
      const deploy = audit.findings.filter((f) => f.djangoCheck && f.environments.includes("mysite.settings.production")).map((f) => f.rule);
      assert.deepEqual(deploy, ["hsts-preload-off"], `deploy-check findings left in production: ${deploy.join(", ")}`);
      await screenshot("harden-applied");

      // Django itself (Debian's 3.2) loads the hardened module and agrees, once the deployment's variables are set.
      const python = "/usr/bin/python3";
      const version = spawnSync(python, ["-c", "import django; print(django.get_version())"], { encoding: "utf8" });
      if (version.status !== 0 || !version.stdout.startsWith("3.2.")) {
        if (process.env.CI) assert.fail(`python3-django 3.2 must be installed for ${python} on CI`);
        t.diagnostic("Django 3.2 is not installed for /usr/bin/python3: the load check is skipped");
        return;
      }
      const vars = { PATH: process.env.PATH ?? "", DJANGO_SECRET_KEY: "Zq8#vW2!pL6@xN4$rT0%yB7^mC3&hJ9*dF5(gS1)kQ8#vW2!pL6@", DJANGO_ALLOWED_HOSTS: "mysite.example.com", EMAIL_HOST_PASSWORD: "x" };
      const oracle = spawnSync(python, [path.join(repo, "test", "oracle", "django_oracle.py"), workspace, "mysite.settings.production"], { encoding: "utf8", env: vars });
      assert.equal(oracle.status, 0, oracle.stderr);
      const result = JSON.parse(oracle.stdout)["mysite.settings.production"];
      // Had the quick fix fallen back to a waiver, base.py's throwaway key is still there for Django's W009.
      const insecure = fs.readFileSync(path.join(workspace, "mysite", "settings", "base.py"), "utf8").includes('SECRET_KEY = "django-insecure-');
      assert.deepEqual(result, { ids: insecure ? ["security.W009", "security.W021"] : ["security.W021"] });
    });
  });

  test("a broken [tool.django-settings-hygiene] is a diagnostic on pyproject.toml and an error in the status", { timeout: STARTUP }, async () => {
    await step("pyproject-error", async () => {
      const pyproject = path.join(workspace, "pyproject.toml");
      fs.writeFileSync(pyproject, '[project]\nname = "mysite"\n\n[tool.django-settings-hygiene]\nunknown-key = 1\n');
      const rows = await problems("unknown key");
      await rows.filter({ hasText: "pyproject.toml" }).first().waitFor();
      await screenshot("pyproject-error-problems");
      await hidePanel();
      await openFile("mysite/settings/development.py");
      const row = await statusPopup("pyproject.toml error");
      assert.match(await row.innerText(), /unknown key/);
      await screenshot("pyproject-error-status");
      await page.keyboard.press("Escape");
      fs.rmSync(pyproject);
      await until(async () => (await (await problems("unknown key")).filter({ hasText: "pyproject.toml" }).count()) === 0, "the pyproject.toml error stays after the file is gone");
      await hidePanel();
      await statusPopup(/\d+ environments/);
      await page.keyboard.press("Escape");
    });
  });

  test("Restart Server starts the server again and its diagnostics come back", { timeout: STARTUP }, async () => {
    await step("restart", async () => {
      await runCommand("Django Settings Hygiene: Restart Server");
      // The Output view has a filter box of its own: narrow it to the line (it may hold an earlier filter's text). Once in
      // four full runs the filtered view stayed empty for a minute although the line was logged: the log is shown and
      // filtered again, three times at most, before the test gives up.
      const filter = page.locator(".part.panel .viewpane-filter input");
      let shown = false;
      for (let attempt = 0; attempt < 3 && !shown; attempt++) {
        await runCommand("Django Settings Hygiene: Show Server Log");
        await filter.waitFor();
        await filter.fill("");
        await filter.fill("server restarted");
        shown = await page
          .locator(".part.panel .monaco-editor .view-lines", { hasText: "server restarted" })
          .first()
          .waitFor({ timeout: 20_000 })
          .then(() => true, () => false);
      }
      assert.ok(shown, "the server log shows \"server restarted\" after Restart Server");
      await filter.fill("");
      await screenshot("server-log-after-restart");
      const rows = await problems("");
      await rows.filter({ hasText: "production.py" }).first().waitFor();
      await rows.filter({ hasText: SOURCE }).first().waitFor();
      await hidePanel();
    });
  });

  test("the walkthrough opens the audit", { timeout: STARTUP }, async () => {
    await step("walkthrough", async () => {
      // Not runCommand: this command opens a second quick pick, the list of walkthroughs.
      await page.keyboard.press("F1");
      await page.locator(".quick-input-widget input.input").fill(">Welcome: Open Walkthrough");
      await page.locator(".quick-input-widget .monaco-list-row", { hasText: "Open Walkthrough" }).first().waitFor();
      await page.keyboard.press("Enter");
      const choice = page.locator(".quick-input-widget .monaco-list-row", { hasText: "Django Settings Hygiene" }).first();
      await choice.waitFor();
      await choice.click();
      await page.locator(".gettingStartedContainer", { hasText: "Audit your production settings" }).first().waitFor();
      for (const title of ["Apply a quick fix", "See a setting in every environment"]) await page.locator(".gettingStartedContainer", { hasText: title }).first().waitFor();
      await screenshot("walkthrough");
      await page.locator(".gettingStartedContainer").getByRole("button", { name: "Audit Production Settings" }).first().click();
      await page.locator(".tab.active", { hasText: "Django Settings Audit" }).waitFor();
      assert.ok(await reportFrame(), "the audit report did not open from the walkthrough");
    });
  });

  test("with many environments the status popup stays inside the window and its Audit link works", { timeout: STARTUP * 2 }, async () => {
    await step("many-environments", async () => {
      const before = cliAudit().environments.length;
      const added = 60;
      for (let i = 0; i < added; i++) fs.writeFileSync(path.join(workspace, "mysite", "settings", `client_${String(i).padStart(2, "0")}_production.py`), "from .production import *  # noqa: F401,F403\n");
      const total = before + added;
      // A Python editor left open by the earlier steps shows the status item (Quick Open would now rank the new
      // client_*_production.py files first).
      await hidePanel();
      await page.locator(".tab", { hasText: "development.py" }).first().click();
      await page.locator(".tab.active", { hasText: "development.py" }).waitFor();
      const row = await statusPopup(`${total} environments`);
      const link = row.locator('a.monaco-link[href*="djangoSettingsHygiene.auditProductionSettings"]');
      await link.waitFor();
      const box = await link.boundingBox();
      const viewport = page.viewportSize()!;
      await screenshot("status-many-environments");
      assert.ok(box && box.x >= 0 && box.x + box.width <= viewport.width && box.y + box.height <= viewport.height, `the Audit link is outside the window: ${JSON.stringify(box)} in ${JSON.stringify(viewport)}`);
      assert.match((await link.getAttribute("title")) ?? "", /^production: /, "the tooltip lists production first");
      await link.click();
      await page.locator(".tab.active", { hasText: "Django Settings Audit" }).waitFor();
      const report = await reportFrame();
      assert.ok(report, "the Audit link did not open the report");
      await until(async () => (await report.locator("h2").count()) >= total, `the report lists fewer than ${total} environments`);
      for (let i = 0; i < added; i++) fs.rmSync(path.join(workspace, "mysite", "settings", `client_${String(i).padStart(2, "0")}_production.py`));
    });
  });
});
