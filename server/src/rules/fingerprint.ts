// The one fingerprint every finding carries: a hash of what identifies it, never of a position, never a value in clear.
import { createHash } from "crypto";

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
