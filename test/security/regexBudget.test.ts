// Regexes on user text stay linear (issue 20, item 5): each scanner meets ~1 MB of hostile text within a hang budget.
import assert from "node:assert/strict";
import { test } from "node:test";
import { globMatches } from "../../server/src/config/projectConfig";
import { looksLikeKubernetes } from "../../server/src/inventory/sources/kubernetes";
import { dottedPatternTokens, fileGlobTokens, trimEndWhere, wildcardMatches } from "../../server/src/parse/linearText";
import { entryFileProfile } from "../../server/src/project/entryFiles";
import { scanTextEntry, sectionHeader } from "../../server/src/project/textEntries";
import { parseDotenv } from "../../server/src/secrets/dotenv";
import { parseDecoupleIni } from "../../server/src/inventory/sources/dotenv";
import { interpolatedNames } from "../../server/src/inventory/sources/types";
import { parseWaivers } from "../../server/src/rules/waivers";
import { matchesProbe } from "../../server/src/rules/checklist/corsRegexMatchesAll";
import { hasShellReference, hasTemplateTag, placeholderReason } from "../../server/src/secrets/placeholders";
import { findTokens } from "../../server/src/secrets/providers";

/** A hang guard, not a benchmark: the quadratic versions took seconds to minutes on these inputs. */
const BUDGET_MS = 2000;
const MB = 1 << 20;
const fill = (unit: string, size = MB) => unit.repeat(Math.ceil(size / unit.length));

interface Case {
  name: string;
  /** Runs the scanner on hostile text (its result is not checked, only its time). */
  hostile: () => unknown;
  /** Runs it on ordinary text and checks the answer, so a scanner that does nothing cannot pass. */
  normal: () => void;
  /** Its own hang budget, when it waits on something besides its scan (a worker starting). */
  budgetMs?: number;
}

const ini = entryFileProfile("tox.ini");
const yaml = entryFileProfile("deploy/k8s/app.yaml");

const CASES: Case[] = [
  {
    name: "ini/toml section headers",
    hostile: () => [sectionHeader(fill("[")), sectionHeader("[" + fill(" ") + "a]x"), sectionHeader("[a" + fill(" ") + "b]")],
    normal: () => {
      assert.equal(sectionHeader("[tool.pytest.ini_options]"), "tool.pytest.ini_options");
      assert.equal(sectionHeader("[[ testenv ]]"), "testenv");
      assert.equal(sectionHeader("[[]]"), "[");
      assert.equal(sectionHeader("[]"), undefined);
      assert.equal(sectionHeader("[a]b]"), undefined);
    },
  },
  {
    name: "DJANGO_SETTINGS_MODULE= lines (repeated, with a U+2028 that `.` cannot cross)",
    hostile: () => scanTextEntry(ini!, fill("DJANGO_SETTINGS_MODULE=") + "\u2028x\n" + fill(" ") + "value\n"),
    normal: () => {
      const m = scanTextEntry(ini!, "[testenv]\nsetenv = DJANGO_SETTINGS_MODULE=proj.settings.test\n");
      assert.deepEqual(
        m.map((x) => [x.module, x.line]),
        [["proj.settings.test", 2]],
      );
      // The U+2028 may sit in the separator: the mention is still found, as the regex alone finds it.
      assert.deepEqual(
        scanTextEntry(ini!, "x DJANGO_SETTINGS_MODULE \u2028= proj.dev\n").map((x) => x.module),
        ["proj.dev"],
      );
    },
  },
  {
    name: "Kubernetes `- name:` / `value:` pairs after a long run of spaces",
    hostile: () => scanTextEntry(yaml!, "- name: DJANGO_SETTINGS_MODULE\n" + fill(" ") + "-" + fill(" ", 1000) + "\n"),
    normal: () => {
      const m = scanTextEntry(yaml!, "apiVersion: v1\nkind: Pod\nenv:\n  - name: DJANGO_SETTINGS_MODULE\n    value: proj.settings.prod\n");
      assert.deepEqual(
        m.map((x) => [x.module, x.implies]),
        [["proj.settings.prod", "production"]],
      );
    },
  },
  {
    name: "Kubernetes sniffing over blank lines",
    hostile: () => [looksLikeKubernetes(fill("\n")), looksLikeKubernetes(fill("\r")), scanTextEntry(yaml!, "DJANGO_SETTINGS_MODULE\n" + fill("\n"))],
    normal: () => {
      assert.equal(looksLikeKubernetes("\n\napiVersion: apps/v1\n  kind: Deployment\n"), true);
      assert.equal(looksLikeKubernetes("services:\n  web:\n    image: x\n"), false);
    },
  },
  {
    name: ".env values with long inner runs of blanks",
    hostile: () => parseDotenv("A=x" + fill(" \t") + "y\nB=" + fill(" ") + "#\n"),
    normal: () => {
      const { entries } = parseDotenv("SECRET_KEY=abc   # the dev key\nDEBUG=1\t\n");
      assert.deepEqual(
        entries.map((e) => [e.key, e.value]),
        [
          ["SECRET_KEY", "abc"],
          ["DEBUG", "1"],
        ],
      );
    },
  },
  {
    name: "trailing-run trims (waiver comments, .env values)",
    hostile: () => trimEndWhere("#" + fill("# ") + "x", (c) => c === "#" || c === " "),
    normal: () => {
      assert.equal(
        trimEndWhere("# noqa: F403  # ", (c) => c === "#" || /\s/.test(c)),
        "# noqa: F403",
      );
      assert.equal(
        trimEndWhere("   ", (c) => c === " "),
        "",
      );
    },
  },
  {
    name: "pyproject.toml globs (`*a*a*…` against a long path)",
    hostile: () => globMatches(fill("*a", 60) + "*b", fill("a", 4096)) || globMatches(fill("**a", 60) + "b", fill("a/", 4096)),
    normal: () => {
      assert.equal(globMatches("**/migrations/*.py", "app/migrations/0001_initial.py"), true);
      assert.equal(globMatches("**/migrations/*.py", "migrations/0001.py"), true);
      assert.equal(globMatches("settings/*.py", "settings/sub/x.py"), false);
      assert.equal(globMatches("settings/?.py", "settings/a.py"), true);
      assert.equal(globMatches("docs/**", "docs/a/b/c.md"), true);
    },
  },
  {
    name: "include() file globs from settings (`*a*a*…` against hostile names)",
    hostile: () => Array.from({ length: 200 }, (_, i) => wildcardMatches(fileGlobTokens(fill("*a", 40) + "*b"), fill("a", 255) + i)),
    normal: () => {
      const t = fileGlobTokens("local_*.py");
      assert.equal(wildcardMatches(t, "local_dev.py"), true);
      assert.equal(wildcardMatches(t, "local_.py"), true);
      assert.equal(wildcardMatches(t, "localdev.py"), false);
      assert.equal(wildcardMatches(fileGlobTokens("env_[ab].py"), "env_b.py"), true);
      assert.equal(wildcardMatches(fileGlobTokens("env_[ab].py"), "env_c.py"), false);
      assert.throws(() => fileGlobTokens("env_[ab.py"), SyntaxError);
    },
  },
  {
    name: "computed settings module names (`proj.*.*.*…`)",
    hostile: () => wildcardMatches(dottedPatternTokens("p." + fill("*.", 40) + "x"), "p." + fill("a.", 4096)),
    normal: () => {
      assert.equal(wildcardMatches(dottedPatternTokens("proj.settings.*"), "proj.settings.production"), true);
      assert.equal(wildcardMatches(dottedPatternTokens("proj.settings.*"), "proj.other.production"), false);
    },
  },
  {
    name: "placeholder checks (`{{` and `${a:` without their closers)",
    hostile: () => [placeholderReason(fill("{{")), placeholderReason(fill("${a:")), placeholderReason(fill("{%"))],
    normal: () => {
      assert.equal(placeholderReason("{{ secret_key }}"), "a template variable");
      assert.equal(placeholderReason("{% raw %}"), "a template variable");
      assert.equal(placeholderReason("${SECRET_KEY:-x}"), "a ${VAR} reference, filled in elsewhere");
      assert.equal(hasTemplateTag("{%{%}"), true);
      assert.equal(hasTemplateTag("{{a}b}}"), false);
      assert.equal(hasShellReference("${a:"), false);
      assert.equal(hasShellReference("x ${NAME}"), true);
    },
  },
  {
    name: "PEM private keys (a line of headers with no footer)",
    hostile: () => findTokens(fill("-----BEGIN PRIVATE KEY-----") + "-----END PRIVATE KEY-----"),
    normal: () => {
      const body = "MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7";
      const pem = `-----BEGIN RSA PRIVATE KEY-----\n${body}\n-----END RSA PRIVATE KEY-----`;
      assert.deepEqual(
        findTokens(`x = "${pem}"`).map((t) => [t.format.id, t.token]),
        [["private-key", pem]],
      );
      assert.deepEqual(findTokens(`-----BEGIN PRIVATE KEY-----\n${body}\n-----END CERTIFICATE-----`), []);
    },
  },
  {
    name: "compose `${VAR}` interpolation (many `${a` never closed)",
    hostile: () => interpolatedNames(fill("${a")),
    normal: () => {
      assert.deepEqual(
        interpolatedNames("$$X ${DB_URL:-sqlite://} $SECRET ${a").map((n) => n.name),
        ["DB_URL", "SECRET"],
      );
    },
  },
  {
    name: "waiver comments (repeated `dsh:ignore[` never closed)",
    hostile: () => parseWaivers("s.py", "", { text: "# " + fill("dsh:ignore["), startOffset: 0, line: 1 }),
    normal: () => {
      const text = "X = 1  # dsh: ignore[debug-true, secret-key]\n";
      const w = parseWaivers("s.py", text, { text: text.slice(7, -1), startOffset: 7, line: 1 });
      assert.deepEqual(
        w.flatMap((x) => x.ids.map((i) => i.id)),
        ["debug-true", "secret-key"],
      );
    },
  },
  {
    name: "decouple settings.ini values (blanks then a U+2028)",
    hostile: () => parseDecoupleIni("[settings]\nA=" + fill(" ") + "\u2028x\n"),
    normal: () => {
      assert.deepEqual(
        parseDecoupleIni("[settings]\nSECRET_KEY = x\nDEBUG=\n").map((e) => [e.key, e.hasValue]),
        [
          ["SECRET_KEY", true],
          ["DEBUG", false],
        ],
      );
    },
  },
  {
    name: "CORS origin regexes from the checkout (catastrophic backtracking on the probes)",
    hostile: () => matchesProbe("^https://(.*.*)*x$"),
    // The regex is stopped after 1 s of running; a worker may take up to 10 s to start on a loaded machine. Unbounded,
    // this pattern backtracks for hours on the probes.
    budgetMs: 12000,
    normal: () => {
      assert.equal(matchesProbe("^https://.*$"), "https://attacker.invalid");
      assert.equal(matchesProbe(String.raw`^https://(\w+\.)+example\.com$`), undefined);
    },
  },
];

for (const c of CASES) {
  const budget = c.budgetMs ?? BUDGET_MS;
  test(`${c.name}: ordinary input gives the expected answer`, () => c.normal());
  test(`${c.name}: hostile input finishes within ${budget} ms`, () => {
    const t0 = performance.now();
    c.hostile();
    const ms = performance.now() - t0;
    assert.ok(ms < budget, `${c.name}: ${ms.toFixed(0)} ms`);
  });
}
