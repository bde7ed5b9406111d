// Masks secrets for every output (messages, reports, fix titles): at most a short prefix and the length, never the value.
import { placeholderReason } from "./placeholders";
import { findTokens } from "./providers";
import { urlCredentials } from "./urls";

/** Longest prefix ever shown, even when a provider's public prefix is longer. */
const MAX_PREFIX = 16;

/**
 * `sk_live_…(32 chars)`. `publicPrefix` is a token format's fixed, documented prefix (it identifies the provider and
 * reveals nothing); without one, a few leading characters are shown only for long values, where they cannot help
 * anyone guess the rest.
 */
export function maskSecret(secret: string, publicPrefix?: string): string {
  const chars = [...secret];
  const n = chars.length;
  let shown: number;
  if (publicPrefix && secret.startsWith(publicPrefix)) shown = Math.min([...publicPrefix].length, MAX_PREFIX);
  else shown = n >= 20 ? 4 : n >= 12 ? 2 : 0;
  // Never show half or more of a value, whatever the prefix says.
  shown = Math.min(shown, Math.floor((n - 1) / 2));
  return `${chars.slice(0, Math.max(shown, 0)).join("")}…(${n} char${n === 1 ? "" : "s"})`;
}

/** The masked form in quotes, the way messages cite values: `'Vq8#…(63 chars)'`. */
export function quotedMask(secret: string, publicPrefix?: string): string {
  return `'${maskSecret(secret, publicPrefix)}'`;
}

/**
 * A URL with its password masked and everything else kept (`postgres://app:…(14 chars)@db/app`), so a reader can
 * still tell which service it points at. `password` is the password exactly as written in the URL.
 */
export function maskUrlPassword(url: string, password: string): string {
  if (!password) return url;
  const at = url.indexOf(":" + password + "@");
  if (at < 0) return maskSecret(url);
  // The URL already says what the password is for; none of its characters are needed to recognise it.
  const n = [...password].length;
  return url.slice(0, at + 1) + `…(${n} char${n === 1 ? "" : "s"})` + url.slice(at + 1 + password.length);
}

/** True when `text` contains `secret` in full: what the masking tests assert never happens. */
export function leaks(text: string, secret: string): boolean {
  return secret.length > 0 && text.includes(secret);
}

/**
 * Masks every occurrence of the given secrets in free text (a diff, a log line). Longer secrets first, so a secret that
 * contains another is masked whole.
 */
export function maskSecretsInText(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const s of [...new Set(secrets)].filter((x) => x.length >= 4).sort((a, b) => b.length - a.length)) {
    out = out.split(s).join(maskSecret(s));
  }
  return out;
}

/**
 * One file's unified diff (fixes/diff.ts) with the secrets masked in its content lines only: its two header lines name
 * a path, and a short password that is also a folder's name (Kiwi's "kiwi") turned `+++ b/kiwi/settings.py` into a
 * path no patch tool finds. Hunk headers hold line numbers alone. Only the first two lines count as headers: a removed
 * line `-- x` also starts with "--- ".
 */
export function maskSecretsInDiff(diff: string, secrets: readonly string[]): string {
  return diff
    .split("\n")
    .map((line, i) => ((i < 2 && /^(--- |\+\+\+ )/.test(line)) || /^@@ -\d+,\d+ \+\d+,\d+ @@$/.test(line) ? line : maskSecretsInText(line, secrets)))
    .join("\n");
}

/**
 * Masks what a string gives away by its shape alone: known token formats and URL passwords, wherever they sit in it.
 * For showing values whose setting name says nothing (hover, the audit report): `{"url": "https://hooks.slack.com/…"}`.
 */
export function maskEmbeddedSecrets(s: string): string {
  const spans: Array<{ start: number; end: number; text: string }> = [];
  for (const t of findTokens(s)) spans.push({ start: t.index, end: t.index + t.token.length, text: maskSecret(t.token, t.prefix) });
  for (const u of urlCredentials(s)) {
    if (!u.password || placeholderReason(u.password) !== undefined) continue;
    const n = [...u.password].length;
    spans.push({ start: u.index, end: u.index + u.password.length, text: `…(${n} char${n === 1 ? "" : "s"})` });
  }
  let out = s;
  let last = Infinity;
  for (const sp of spans.sort((a, b) => b.start - a.start)) {
    if (sp.end > last) continue;
    out = out.slice(0, sp.start) + sp.text + out.slice(sp.end);
    last = sp.start;
  }
  return out;
}
