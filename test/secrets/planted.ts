// Fake secrets for tests, built at run time so that no full token sits in the repository, and the fixture that plants them.
import * as fs from "node:fs";
import * as path from "node:path";
import { maskSecret } from "../../server/src/secrets/mask";
import { tempDir } from "../helpers/tempDirs";

export const REPO = path.resolve(__dirname, "..", "..", "..");
export const SECRETS_FIXTURES = path.join(REPO, "test", "fixtures", "secrets");

export const ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
export const LOWER_HEX = "0123456789abcdef";
export const UPPER_B32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
export const B64 = ALNUM + "+/";
export const B64URL = ALNUM + "-_";
export const UPPER_ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
export const LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

/** Every fake secret handed out, so failure messages can be scrubbed of them. */
const REGISTRY = new Set<string>();

/** A deterministic pseudo-random string (mulberry32 seeded from `seed`), so tests are stable and bodies look generated. */
export function rand(seed: string, length: number, alphabet = ALNUM): string {
  let h = 1779033703 ^ seed.length;
  for (let i = 0; i < seed.length; i++) {
    h = Math.imul(h ^ seed.charCodeAt(i), 3432918353);
    h = (h << 13) | (h >>> 19);
  }
  let a = h >>> 0;
  let out = "";
  for (let i = 0; i < length; i++) {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    const r = ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    out += alphabet[Math.floor(r * alphabet.length)];
  }
  return out;
}

/** Registers a fake secret (prefix + generated parts) and returns it. */
export function fake(...parts: string[]): string {
  const s = parts.join("");
  REGISTRY.add(s);
  return s;
}

/** Replaces every registered fake secret in `text` with its mask: for assertion messages, which must never show one. */
export function scrub(text: string, extra: readonly string[] = []): string {
  let out = text;
  for (const s of [...REGISTRY, ...extra].filter((x) => x.length >= 4).sort((a, b) => b.length - a.length)) out = out.split(s).join(maskSecret(s));
  return out;
}

/** Asserts two texts are equal; on failure reports the first differing line, scrubbed. */
export function assertSameText(actual: string, expected: string, label: string, extra: readonly string[] = []): void {
  if (actual === expected) return;
  const a = actual.split("\n");
  const e = expected.split("\n");
  let i = 0;
  while (i < a.length && i < e.length && a[i] === e[i]) i++;
  throw new Error(`${label}: texts differ at line ${i + 1}\n  expected: ${scrub(JSON.stringify(e[i] ?? "<end>"), extra)}\n  actual:   ${scrub(JSON.stringify(a[i] ?? "<end>"), extra)}`);
}

/** A fake PEM private key, assembled here so that no file in the repository holds a whole key block. */
function pem(seed: string): string {
  const dash = "-".repeat(5);
  const body = [0, 1, 2, 3].map((i) => rand(`${seed}${i}`, 64, B64)).join("\n");
  return `${dash}BEGIN RSA PRIVATE KEY${dash}\n${body}\n${dash}END RSA PRIVATE KEY${dash}`;
}

export interface Planted {
  /** The marker `@@name@@` in the fixture template. */
  name: string;
  value: string;
  /** The rule expected to report it. */
  rule: string;
}

/** The secrets the `planted` fixture holds, one per kind of place the rules must look. */
export const PLANTED: readonly Planted[] = [
  { name: "secret_key", value: fake(rand("sk", 50, ALNUM + "!@#%^&*(-_=+)")), rule: "hardcoded-secret-key" },
  { name: "insecure_key", value: fake("django-insecure-", rand("insecure", 50, "abcdefghijklmnopqrstuvwxyz0123456789!@#%^&*(-_=+)")), rule: "hardcoded-secret-key" },
  { name: "fallback_key", value: fake(rand("fallback", 52, ALNUM)), rule: "hardcoded-secret-key" },
  { name: "db_password", value: fake(rand("dbpw", 14, ALNUM), "-", rand("dbpw2", 4, ALNUM)), rule: "hardcoded-database-password" },
  { name: "redis_password", value: fake(rand("redis", 24, ALNUM)), rule: "hardcoded-url-password" },
  { name: "broker_password", value: fake(rand("amqp", 18, ALNUM)), rule: "hardcoded-url-password" },
  { name: "email_password", value: fake("SG.", rand("sg1", 22, B64URL), ".", rand("sg2", 43, B64URL)), rule: "hardcoded-email-password" },
  { name: "aws_key_id", value: fake("AKIA", rand("akia", 16, UPPER_B32)), rule: "hardcoded-aws-credentials" },
  { name: "aws_secret", value: fake(rand("awssecret", 40, B64)), rule: "hardcoded-aws-credentials" },
  { name: "stripe", value: fake("sk_", "live_", rand("stripe", 32, ALNUM)), rule: "hardcoded-provider-token" },
  { name: "github", value: fake("ghp_", rand("github", 36, ALNUM)), rule: "hardcoded-provider-token" },
  { name: "google_oauth", value: fake("GOCSPX-", rand("gocspx", 28, B64URL)), rule: "hardcoded-provider-token" },
  { name: "sentry_key", value: fake(rand("sentry", 32, LOWER_HEX)), rule: "hardcoded-provider-token" },
  { name: "slack_webhook", value: fake("T", rand("slackT", 8, UPPER_ALNUM), "/B", rand("slackB", 10, UPPER_ALNUM), "/", rand("slackX", 24, ALNUM)), rule: "hardcoded-provider-token" },
  { name: "openai", value: fake("sk-", "proj-", rand("openai", 64, B64URL)), rule: "hardcoded-provider-token" },
  { name: "pem", value: fake(pem("pem")), rule: "hardcoded-provider-token" },
  { name: "generic", value: fake(rand("fieldkey", 32, ALNUM)), rule: "hardcoded-credential" },
  { name: "cache_password", value: fake(rand("cachepw", 12, ALNUM)), rule: "hardcoded-credential" },
  { name: "dotenv_key", value: fake(rand("dotenv", 50, ALNUM)), rule: "dotenv-secret-tracked" },
];

/** For Python source: a str literal body with backslashes and quotes escaped, newlines as \n. */
function pyEscape(s: string): string {
  return s.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\n/g, "\\n");
}

/**
 * Copies `src` to a fresh temporary directory, replacing each `@@marker@@` with its planted value (escaped for Python
 * in .py files). Files named `*.tmpl` lose the suffix, so dotfiles in the repository's fixtures stay inert.
 */
export function copyFixture(src: string, planted: readonly Planted[] = PLANTED, prefix = "dsh-secrets-"): string {
  const dest = tempDir(prefix);
  const copy = (from: string, to: string) => {
    for (const entry of fs.readdirSync(from, { withFileTypes: true })) {
      const a = path.join(from, entry.name);
      const b = path.join(to, entry.name.replace(/\.tmpl$/, ""));
      if (entry.isDirectory()) {
        fs.mkdirSync(b, { recursive: true });
        copy(a, b);
        continue;
      }
      fs.writeFileSync(b, substitute(fs.readFileSync(a, "utf8"), planted, b.endsWith(".py"), a));
    }
  };
  copy(src, dest);
  return dest;
}

/** Replaces `@@marker@@` with planted values; unknown markers are an error in the fixture. */
export function substitute(text: string, planted: readonly Planted[], python: boolean, where = "fixture"): string {
  return text.replace(/@@([a-z_]+)@@/g, (m, key: string) => {
    const p = planted.find((x) => x.name === key);
    if (!p) throw new Error(`unknown marker ${m} in ${where}`);
    return python ? pyEscape(p.value) : p.value;
  });
}

/** A copy of test/fixtures/secrets/<name> with the planted secrets in place. */
export function materialize(name: string, planted: readonly Planted[] = PLANTED): string {
  return copyFixture(path.join(SECRETS_FIXTURES, name), planted, `dsh-secrets-${name}-`);
}

/** Every file under `dir`, as POSIX paths relative to it, sorted. */
export function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const abs = path.join(d, e.name);
      if (e.isDirectory()) walk(abs);
      else out.push(path.relative(dir, abs).split(path.sep).join("/"));
    }
  };
  walk(dir);
  return out.sort();
}
