// The one fingerprint every finding carries: a hash of what identifies it, never of a position, never a value in clear.
import { createHash, createHmac } from "crypto";

/**
 * 32 hex digits of SHA-256 over the parts (rule id first). Callers pass what identifies the problem across edits that
 * move lines and across the environments it hurts: the file (relative to the root), the setting, and a hash of the
 * value rather than the value, which may be a secret.
 */
export function findingFingerprint(parts: readonly string[]): string {
  return createHash("sha256").update(parts.join("\u0000")).digest("hex").slice(0, 32);
}

/** A full SHA-256 of one part, for values that must not appear in the fingerprint's input as text. */
export function digestOf(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

/**
 * A secret finding's keyed digest, computed only when a baseline supplies its salt: HMAC-SHA256(salt, secret). The
 * public fingerprint of a secret finding holds the masked form only (an unkeyed hash of a weak password can be reversed
 * by guessing), so two live keys of one length in one place share it; a baseline tells them apart with this.
 */
export type SecretDigest = (salt: string) => string;

/**
 * Where findings, problems and JSON findings carry their SecretDigest: a symbol, so JSON (the LSP wire, reports) never
 * serialises it and object spreads keep it; a function, so even util.inspect shows `[Function]`, never the secret.
 */
export const SECRET_DIGEST: unique symbol = Symbol("secretDigest");

export interface CarriesSecretDigest {
  [SECRET_DIGEST]?: SecretDigest;
}

export function secretDigest(secret: string): SecretDigest {
  return (salt) => createHmac("sha256", salt).update(secret, "utf8").digest("hex").slice(0, 32);
}
