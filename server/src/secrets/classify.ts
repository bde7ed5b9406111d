// Decides whether one string, written at one place in the settings, is a committed secret, and which rule owns it.
import { maskUrlPassword, quotedMask } from "./mask";
import { notCredentialLooking } from "./entropy";
import { placeholderReason } from "./placeholders";
import { findTokens, type TokenFormat } from "./providers";
import { decodePassword, serviceKind, urlCredentials } from "./urls";

export type SecretRuleId =
  | "hardcoded-secret-key"
  | "hardcoded-url-password"
  | "hardcoded-database-password"
  | "hardcoded-email-password"
  | "hardcoded-aws-credentials"
  | "hardcoded-provider-token"
  | "hardcoded-credential";

/** When one literal qualifies for several rules, the earlier rule owns it: one finding per literal. */
export const RULE_PRIORITY: readonly SecretRuleId[] = [
  "hardcoded-secret-key",
  "hardcoded-url-password",
  "hardcoded-database-password",
  "hardcoded-email-password",
  "hardcoded-aws-credentials",
  "hardcoded-provider-token",
  "hardcoded-credential",
];

/** A step into a value: a setting or dict key (string) or a list index (number). */
export type PathSeg = string | number;

export interface SecretSite {
  /** The setting and the keys leading to the value (`["DATABASES", "default", "PASSWORD"]`). */
  path: readonly PathSeg[];
  /** The string as written. */
  value: string;
  /** More names that say what the value is: the environment variable whose default it is. */
  names?: readonly string[];
  /** Judged for the testing environment, where obvious test values are fine. */
  testing?: boolean;
}

export interface Classification {
  rule: SecretRuleId;
  /** The secret itself: the whole value, a URL's password, or a token inside a longer string. */
  secret: string;
  /** What the secret is, after "is": "a secret key", "a Stripe secret or restricted key". */
  what: string;
  /** The masked form messages show. */
  masked: string;
  format?: TokenFormat;
  /** For URL passwords: the URL's scheme. */
  scheme?: string;
}

const INSECURE_PREFIX = "django-insecure-";
const AWS_NAMES = /^(AWS_ACCESS_KEY_ID|AWS_SECRET_ACCESS_KEY|AWS_SESSION_TOKEN|AWS_SECURITY_TOKEN|AWS_S3_ACCESS_KEY_ID|AWS_S3_SECRET_ACCESS_KEY|AWS_S3_SESSION_TOKEN)$/;
const STORAGE_AWS_KEYS = /^(access_key|secret_key|security_token|session_token)$/i;
const PASSWORD_NAME = /(^|_)(PASSWORD|PASSWORDS|PASSWD|PASS|PWD|PASSPHRASE)$/;
// Plurals hold lists of them (FERNET_KEYS = [...]); a salt (HASHID_FIELD_SALT) is as secret as a key.
const SECRET_NAME = /(^|_)(KEY|KEYS|SECRET|SECRETS|TOKEN|TOKENS|DSN|APIKEY|CREDENTIAL|CREDENTIALS|PRIVATE_KEY|SALT)$/;
/** Names of HTTP headers that carry credentials, as dict keys of a headers setting. */
const AUTH_HEADER_NAME = /^(AUTHORIZATION|PROXY_AUTHORIZATION|X_API_KEY|X_AUTH_TOKEN|X_ACCESS_TOKEN)$/;
/** `Bearer <token>`, `Token <token>`, `Basic <base64>`: an Authorization header's value, judged by its credential. */
const AUTH_SCHEME_VALUE = /^(Bearer|Token|Basic|Bot|ApiKey|Api-Key|JWT|Key)[ \t]+([^\s]+)$/i;
/** Providers whose API keys are short hex strings, too short for the entropy test: Akismet's are 12 hex digits. */
const SHORT_HEX_KEYS: ReadonlyArray<{ name: RegExp; value: RegExp; what: string }> = [{ name: /AKISMET/, value: /^[0-9a-f]{12}$/, what: "an Akismet API key" }];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const PUBLIC_NAME = /(^|_)(PUBLIC|PUBLISHABLE|PUB)(_|$)|(^|_)(KEY_PREFIX|KEY_FUNCTION|KEY_FUNC|CACHE_KEY)$/;

function topName(path: readonly PathSeg[]): string | undefined {
  return typeof path[0] === "string" ? path[0] : undefined;
}

/** The last string step of the path: the setting's name or the innermost dict key. */
export function lastName(path: readonly PathSeg[]): string | undefined {
  for (let i = path.length - 1; i >= 0; i--) if (typeof path[i] === "string") return path[i] as string;
  return undefined;
}

/** `PASSWORD`, `secret`, `client-secret` → one upper-case spelling for the name tests. */
function normalName(n: string): string {
  return n.replace(/([a-z0-9])([A-Z])/g, "$1_$2").toUpperCase().replace(/[^A-Z0-9]+/g, "_").replace(/^_|_$/g, "");
}

/**
 * Why a value under a password-like name is not a password, or undefined when it may be one: what such names also hold
 * (a form or validator class path, an allauth rate limit like "1/m/ip", a URL without credentials, a header name).
 */
export function notPasswordLooking(s: string): string | undefined {
  // A dotted path ending in a class name, or three or more dotted identifiers: an import path, never typed as a password.
  if (/^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*\.[A-Z][A-Za-z0-9_]*$/.test(s) || /^[a-z_][a-z0-9_]*(\.[a-z_][a-z0-9_]*){2,}$/.test(s)) return "a dotted import path";
  if (/^\d+\/[a-z]+(\/[a-z]+)?(\s*,\s*\d+\/[a-z]+(\/[a-z]+)?)*$/.test(s)) return "a rate limit";
  if (/^[a-z][a-z0-9+.-]*:\/\/[^\s@]+$/i.test(s)) return "a URL without credentials";
  // allauth's HEADLESS_FRONTEND_URLS = {"account_reset_password": "/account/password/reset/key/{key}"}.
  if (/^\/[\w\-./{}<>:%]*$/.test(s) && s.length > 1) return "a URL path";
  if (/^HTTP_[A-Z0-9_]+$/.test(s) || /^X-[A-Za-z0-9]+(-[A-Za-z0-9]+)*$/.test(s)) return "a header name";
  return undefined;
}

/** "password" for password-like names, "secret" for key/token-like names, undefined for the rest. */
export function genericKind(name: string): "password" | "secret" | undefined {
  const n = normalName(name);
  if (!n || PUBLIC_NAME.test(n)) return undefined;
  if (PASSWORD_NAME.test(n)) return "password";
  if (SECRET_NAME.test(n) || n.endsWith("_API_KEY")) return "secret";
  return undefined;
}

// The same strings reach the same places on every keystroke and in every environment that imports them: remember the
// verdicts. Classifications are never mutated by callers (they spread them into candidates); the cap bounds memory.
const verdicts = new Map<string, Classification | null>();
const MAX_VERDICTS = 20_000;

export function classify(site: SecretSite): Classification | undefined {
  // A number step is a list index, a string step a key: keep them apart ("#0" vs "0") since the rules tell them apart.
  let key = `${site.testing ? 1 : 0}\u0001${site.value}\u0001`;
  for (const p of site.path) key += typeof p === "number" ? `#${p}\u0002` : `${p}\u0002`;
  key += "\u0001";
  for (const n of site.names ?? []) key += `${n}\u0002`;
  const known = verdicts.get(key);
  if (known !== undefined) return known ?? undefined;
  const verdict = classifyUncached(site);
  if (verdicts.size >= MAX_VERDICTS) verdicts.clear();
  verdicts.set(key, verdict ?? null);
  return verdict;
}

function classifyUncached(site: SecretSite): Classification | undefined {
  const { path, value } = site;
  const testing = site.testing ?? false;
  const top = topName(path);
  const last = lastName(path);
  const names = [...path.filter((p): p is string => typeof p === "string"), ...(site.names ?? [])];
  const isPlaceholder = (s: string) => placeholderReason(s, { testing }) !== undefined;

  // 1. SECRET_KEY and SECRET_KEY_FALLBACKS: any value that is not a stand-in is a real key.
  if ((top === "SECRET_KEY" && path.length === 1) || (top === "SECRET_KEY_FALLBACKS" && path.length === 2 && typeof path[1] === "number")) {
    if (isPlaceholder(value)) return undefined;
    const insecure = value.startsWith(INSECURE_PREFIX);
    return {
      rule: "hardcoded-secret-key",
      secret: value,
      what: insecure ? `a startproject "${INSECURE_PREFIX}" key` : "a secret key",
      masked: quotedMask(value, insecure ? INSECURE_PREFIX : undefined),
    };
  }

  // 2. A password inside a URL, whatever the setting.
  for (const u of urlCredentials(value)) {
    if (!u.password || isPlaceholder(decodePassword(u.password))) continue;
    return {
      rule: "hardcoded-url-password",
      secret: u.password,
      what: `a password in a ${serviceKind(u.scheme)} URL (${u.scheme}://)`,
      masked: `'${maskUrlPassword(u.url, u.password)}'`,
      scheme: u.scheme,
    };
  }

  // 3. DATABASES[alias]["PASSWORD"] (and a password in the alias's OPTIONS).
  if (top === "DATABASES" && path.length >= 3 && last !== undefined && /^(PASSWORD|PASSWD|PWD)$/i.test(last)) {
    if (isPlaceholder(value)) return undefined;
    return { rule: "hardcoded-database-password", secret: value, what: "a database password", masked: quotedMask(value) };
  }

  // 4. EMAIL_HOST_PASSWORD.
  if (top === "EMAIL_HOST_PASSWORD" && path.length === 1) {
    if (isPlaceholder(value)) return undefined;
    const token = findTokens(value, names)[0];
    return {
      rule: "hardcoded-email-password",
      secret: value,
      what: token ? `an SMTP password (${token.format.what})` : "an SMTP password",
      masked: quotedMask(value, token?.prefix),
      format: token?.format,
    };
  }

  // 5 and 6. Known token formats anywhere in the value; AWS formats belong to the AWS rule.
  const tokens = findTokens(value, names);
  const token = tokens[0];
  if (token) {
    return {
      rule: token.format.aws ? "hardcoded-aws-credentials" : "hardcoded-provider-token",
      secret: token.token,
      what: token.format.what,
      masked: quotedMask(token.token, token.prefix),
      format: token.format,
    };
  }

  // 5 (by name). AWS credential settings, and S3 credentials in STORAGES options, whatever their shape.
  const awsByName = (top !== undefined && path.length === 1 && AWS_NAMES.test(top)) || (top === "STORAGES" && last !== undefined && STORAGE_AWS_KEYS.test(last));
  if (awsByName) {
    if (isPlaceholder(value)) return undefined;
    return { rule: "hardcoded-aws-credentials", secret: value, what: "an AWS credential", masked: quotedMask(value) };
  }

  // 7a. An Authorization header's value (`Bearer <token>`), under any name: the credential after the scheme.
  const auth = AUTH_SCHEME_VALUE.exec(value);
  if (auth && !isPlaceholder(auth[2]) && notCredentialLooking(auth[2]) === undefined) {
    return { rule: "hardcoded-credential", secret: auth[2], what: `a credential in an Authorization header (${auth[1]})`, masked: quotedMask(auth[2]) };
  }

  // 7. Generic names: passwords by name alone, keys and tokens only when the value looks generated.
  const candidates = [last, ...(site.names ?? [])].filter((n): n is string => !!n);
  if (last !== undefined && AUTH_HEADER_NAME.test(normalName(last)) && !isPlaceholder(value) && notCredentialLooking(value) === undefined) {
    return { rule: "hardcoded-credential", secret: value, what: "a credential in a request header", masked: quotedMask(value) };
  }
  let kind: "password" | "secret" | undefined;
  for (const n of candidates) {
    const k = genericKind(n);
    if (k === "password" || (k === "secret" && !kind)) kind = k;
  }
  if (!kind || isPlaceholder(value)) return undefined;
  // An enum-like constant naming itself (`ACCOUNT_SET_PASSWORD = "account_set_password"`) is a name, not a secret.
  if (candidates.some((n) => normalName(n) === normalName(value))) return undefined;
  if (kind === "password") {
    if (notPasswordLooking(value) !== undefined) return undefined;
    return { rule: "hardcoded-credential", secret: value, what: "a password", masked: quotedMask(value) };
  }
  const shortHex = SHORT_HEX_KEYS.find((k) => candidates.some((n) => k.name.test(normalName(n))) && k.value.test(value));
  if (shortHex) return { rule: "hardcoded-credential", secret: value, what: shortHex.what, masked: quotedMask(value) };
  if (notCredentialLooking(value) !== undefined) return undefined;
  // A UUID under a *_KEY name is an identifier (a public site or push key); a UUID under *_SECRET or *_TOKEN still counts.
  if (UUID.test(value) && candidates.every((n) => /(^|_)(KEY|KEYS|ID)$/.test(normalName(n)) || genericKind(n) === undefined)) return undefined;
  return { rule: "hardcoded-credential", secret: value, what: "a credential", masked: quotedMask(value) };
}
