// Randomness signals for values under generic names (`*_KEY`, `*_TOKEN`…): Shannon entropy, character classes, shape.

/** Shannon entropy in bits per character. */
export function shannon(s: string): number {
  const chars = [...s];
  if (chars.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const c of chars) counts.set(c, (counts.get(c) ?? 0) + 1);
  let h = 0;
  for (const n of counts.values()) {
    const p = n / chars.length;
    h -= p * Math.log2(p);
  }
  return h;
}

/** How many of lower case, upper case, digits and other printable characters the value mixes. */
export function charClasses(s: string): number {
  let n = 0;
  if (/[a-z]/.test(s)) n++;
  if (/[A-Z]/.test(s)) n++;
  if (/[0-9]/.test(s)) n++;
  if (/[^A-Za-z0-9]/.test(s)) n++;
  return n;
}

/** Generic-name values shorter than this are not judged credential-looking: too little to tell a key from a word. */
export const MIN_GENERIC_LENGTH = 16;

/**
 * Why a value under a generic credential name does NOT look like a credential, or undefined when it does. The shapes
 * excluded are the ordinary non-secret values such settings hold: dotted import paths, file paths, URLs without
 * credentials, e-mail addresses, slugs made of words, and anything short or low in entropy.
 */
export function notCredentialLooking(s: string): string | undefined {
  if ([...s].length < MIN_GENERIC_LENGTH) return "too short to be a generated credential";
  if (/\s/.test(s)) return "contains whitespace";
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(s)) return "a URL (its password, if any, is judged separately)";
  if (/^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)+$/.test(s)) return "a dotted import path";
  if (/^(\/|\.{1,2}\/|~\/|[A-Za-z]:\\)/.test(s)) return "a file path";
  if (/^[^@\s]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}$/.test(s)) return "an e-mail address";
  // OAuth client ids and host names (`1234-abc.apps.googleusercontent.com`): tokens with dots have provider formats.
  if (/^[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$/.test(s)) return "a host name";
  // Lock and cache key names too: "sumo:wiki:full-rebuild", "app/cache/tokens".
  if (/^[a-z]+(?:[-_.:/][a-z]+)+$/.test(s) || /^[A-Z]+(?:[-_.:/][A-Z]+)+$/.test(s)) return "words joined by separators";
  const h = shannon(s);
  if (/^[0-9a-f]+$/i.test(s)) return [...s].length >= 20 && h >= 3.0 ? undefined : "a short or repetitive hex string";
  const classes = charClasses(s);
  if (classes < 2) return "a single character class";
  if (h >= 3.5 || (h >= 3.0 && classes >= 3)) return undefined;
  return `low entropy (${h.toFixed(1)} bits per character)`;
}

/** A random-looking body (base64, base62, hex) for formats that need context, such as the 40-character AWS secret key. */
export function looksRandom(s: string): boolean {
  return shannon(s) >= 4.0 && /[a-z]/.test(s) && /[A-Z]/.test(s) && /[0-9]/.test(s);
}
