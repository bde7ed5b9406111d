// The strength test Django applies to SECRET_KEY and to each SECRET_KEY_FALLBACKS entry (W009, W025).
import type { Value } from "../../resolve/values";
import { truthy } from "../../resolve/values";

const MIN_LENGTH = 50;
const MIN_UNIQUE = 5;
const INSECURE_PREFIX = "django-insecure-";

/** Why the key is weak in Django's eyes, without ever repeating the key; undefined when it passes or is unknown. */
/** `insecurePrefix`: whether the django-insecure- prefix counts (Django 3.2 and later; older checks only count and length). */
export function weakKeyReason(v: Value, insecurePrefix = true): string | undefined {
  if (v.k === "str") {
    const chars = [...v.v];
    const unique = new Set(chars).size;
    if (chars.length === 0) return "is empty";
    if (insecurePrefix && v.v.startsWith(INSECURE_PREFIX)) return `starts with "${INSECURE_PREFIX}", the prefix startproject gives throwaway keys`;
    if (chars.length < MIN_LENGTH) return `has only ${chars.length} characters (Django asks for at least ${MIN_LENGTH})`;
    if (unique < MIN_UNIQUE) return `uses only ${unique} distinct characters (Django asks for at least ${MIN_UNIQUE})`;
    return undefined;
  }
  // A falsy SECRET_KEY makes reading the setting raise ImproperlyConfigured, which Django's check reports the same way.
  if (truthy(v) === false) return v.k === "none" ? "is None" : "is empty";
  return undefined;
}
