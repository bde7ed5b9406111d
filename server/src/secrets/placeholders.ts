// Values that only look like secrets: empty strings, templates, changeme-style markers, sequences, obvious test values.

export interface PlaceholderOptions {
  /** The value is judged for the testing environment, where obvious test values are expected and fine. */
  testing?: boolean;
}

/**
 * Substrings that mark a value as a stand-in, compared case-insensitively with separators (`-`, `_`, `.`, spaces)
 * removed, so `change-me`, `CHANGE_ME` and `changeMe` all match. Each is long or odd enough that a generated key is
 * vanishingly unlikely to contain it by chance.
 */
const MARKERS = [
  "changeme",
  "changethis",
  "replaceme",
  "replacethis",
  "replacewith",
  "placeholder",
  "example",
  "sample",
  "dummy",
  "fake",
  "xxxx",
  "redacted",
  "notasecret",
  "notreal",
  "nosecret",
  "yoursecret",
  "yourkey",
  "yourpassword",
  "yourtoken",
  "yourapikey",
  "yourapi",
  "insertyour",
  "enteryour",
  "putyour",
  "fillme",
  "fixme",
  "todo",
  "secrethere",
  "keyhere",
  "tokenhere",
  "passwordhere",
  "gohere",
];

/**
 * Words whose combinations make up the usual hand-typed stand-ins (`my-secret-key`, `supersecret`, `dev_password`,
 * `admin123`). A value made only of these words (and short numbers) is a placeholder or a well-known default; a
 * generated secret never is. "test" is deliberately absent: outside the testing environment a test value is still a
 * committed value.
 */
const VOCABULARY = new Set([
  "secret", "secrets", "password", "passwords", "passwd", "pass", "pwd", "key", "keys", "token", "tokens", "api", "apikey",
  "my", "your", "the", "an", "here", "super", "very", "some", "dev", "devel", "development", "local", "localhost", "default",
  "defaults", "django", "insecure", "unsafe", "change", "me", "please", "replace", "this", "that", "with", "value", "none",
  "null", "nil", "empty", "unset", "not", "set", "notset", "admin", "administrator", "root", "postgres", "postgresql",
  "mysql", "mariadb", "guest", "user", "username", "app", "application", "db", "database", "foo", "bar", "baz", "qux",
  "abc", "xyz", "qwerty", "asdf", "letmein", "welcome", "hello", "world", "demo", "temp", "tmp", "string", "random",
  "generate", "generated", "new", "old", "mine", "our", "private", "public", "prod", "production", "staging", "stage",
  "docker", "compose", "celery", "redis", "rabbitmq", "minio", "minioadmin", "s3cr3t", "s3cret", "p4ssw0rd", "passw0rd",
  "pa55word", "pa55w0rd", "secure", "strong", "long", "unique", "only", "for", "use", "to", "be", "is", "of",
  "in", "it", "go", "do", "no", "and", "or", "ok", "yes", "true", "false", "on", "off", "project", "site", "web", "server",
  "service", "access", "auth", "login", "client", "email", "mail", "smtp", "host", "mypassword", "mysecret",
  // Sentinels that say the value is missing: `secret-key-missing!`, `must-be-set`, `not-configured`.
  "missing", "required", "must", "undefined", "configure", "configured", "unconfigured", "notconfigured", "provide",
  "provided", "needed", "supply", "supplied", "override", "overridden", "invalid", "bogus", "nothing", "blank",
  "permission", "denied", "disabled", "unknown", "error",
]);

/** Accepted only in the testing environment. */
const TEST_WORDS = new Set(["test", "tests", "testing", "tester", "mock", "mocked", "fixture", "fixtures", "pytest", "unittest", "ci", "spec", "stub"]);

const SEQUENCES = ["abcdefghijklmnopqrstuvwxyz", "0123456789", "qwertyuiop", "asdfghjkl", "zxcvbnm", "1234567890"];

/** The words of a value: split at separators, letter/digit boundaries and camelCase humps, lower-cased. */
export function words(s: string): string[] {
  return s
    .split(/[^A-Za-z0-9]+/)
    .flatMap((part) => part.match(/[A-Z]+(?![a-z])|[A-Z]?[a-z]+|[0-9]+/g) ?? [])
    .map((w) => w.toLowerCase());
}

/** Whether `token` splits entirely into vocabulary words (`mysecretkey` → my + secret + key). */
function segments(token: string, vocab: Set<string>): boolean {
  const ok: boolean[] = new Array(token.length + 1).fill(false);
  ok[0] = true;
  for (let end = 1; end <= token.length; end++) {
    for (let start = Math.max(0, end - 16); start < end && !ok[end]; start++) {
      if (ok[start] && end - start >= 2 && vocab.has(token.slice(start, end))) ok[end] = true;
    }
  }
  return ok[token.length];
}

/** One character repeated, a unit of up to 4 repeated (`abab`, `123123`), or a sequence repeated (`0123456789` four times). */
export function isRepetitive(s: string): boolean {
  const chars = [...s];
  if (chars.length === 0) return false;
  for (let unit = 1; unit <= Math.min(16, Math.floor(chars.length / 2)); unit++) {
    if (chars.length % unit !== 0) continue;
    // Past 4, only a repeated run along a sequence (`0123456789` four times): `hunter2hunter2` is a real password.
    if (unit > 4 && !isSequential(chars.slice(0, unit).join(""))) continue;
    let same = true;
    for (let i = unit; i < chars.length && same; i++) if (chars[i] !== chars[i - unit]) same = false;
    if (same) return true;
  }
  return new Set(chars).size === 1;
}

/** A run along the alphabet, the digits or a keyboard row, forwards or backwards (`abcdef`, `654321`, `qwerty`). */
export function isSequential(s: string): boolean {
  const lower = s.toLowerCase();
  if (lower.length < 3) return false;
  const reversed = [...lower].reverse().join("");
  return SEQUENCES.some((seq) => seq.includes(lower) || seq.includes(reversed));
}

function numberIsBoring(digits: string): boolean {
  return digits.length <= 4 || isRepetitive(digits) || isSequential(digits);
}

/**
 * Why `value` is a placeholder rather than a secret, or undefined when it may be a real secret.
 * The checks are documented in docs/secrets.md; keep the two in step.
 */
export function placeholderReason(value: string, options: PlaceholderOptions = {}): string | undefined {
  const trimmed = value.trim();
  if (trimmed === "") return "empty";
  if ([...trimmed].length < 4) return "too short to be a secret";
  if (hasShellReference(trimmed) || /^\$[A-Za-z_][A-Za-z0-9_]*$/.test(trimmed)) return "a ${VAR} reference, filled in elsewhere";
  if (hasTemplateTag(trimmed)) return "a template variable";
  if (/<[A-Za-z][A-Za-z0-9 _.-]*>/.test(trimmed) || /^\[[A-Za-z][A-Za-z0-9 _.-]*\]$/.test(trimmed)) return "an <angle-bracketed> stand-in";
  if (/%\([A-Za-z_]+\)s/.test(trimmed)) return "a %(name)s format";
  // \u2022 (a bullet) escaped: the bundles stay ASCII, see test/startup/asciiBundles.test.ts.
  if (/^[*\u2022.#?-]+$/.test(trimmed)) return "a mask, not a value";
  const squashed = trimmed.toLowerCase().replace(/[-_.\s]/g, "");
  const marker = MARKERS.find((m) => squashed.includes(m));
  if (marker) return `contains "${marker}"`;
  if (isRepetitive(squashed)) return "repeated characters";
  if (isSequential(squashed)) return "a sequence of characters";
  if ([...squashed].length >= 8 && new Set(squashed).size <= 3) return "too few distinct characters";
  const ws = words(trimmed);
  if (options.testing && isTestValue(trimmed)) return "an obvious test value in the testing environment";
  // Test settings hold stand-ins (`"psst"`, `"Welcome to django CMS"`, a `"taiga"` database password): what is worth an
  // error there is a generated-looking value, long and without spaces, which may have been copied from a real one.
  if (options.testing && (trimmed.length < 16 || /\s/.test(trimmed))) return "a short or phrase-like stand-in in the testing environment";
  if (ws.length > 0) {
    let vocabWords = 0;
    let stray = 0;
    let allKnown = true;
    for (const w of ws) {
      if (/^[0-9]+$/.test(w)) {
        if (!numberIsBoring(w)) allKnown = false;
      } else if (w.length === 1) {
        stray++;
      } else if (VOCABULARY.has(w) || segments(w, VOCABULARY) || (w.length >= 3 && (isSequential(w) || isRepetitive(w)))) {
        vocabWords++;
      } else {
        allKnown = false;
      }
      if (!allKnown) break;
    }
    if (allKnown && vocabWords > 0 && stray <= 2) return "made of stand-in words";
  }
  return undefined;
}

/** Whether a value counts as an obvious test value (only consulted for the testing environment). */
export function isTestValue(value: string): boolean {
  return words(value).some((w) => TEST_WORDS.has(w)) || /test|fake|mock|dummy|fixture/i.test(value);
}

const NAME_START = /[A-Za-z_]/;
const NAME_PART = /[A-Za-z0-9_]/;

/**
 * Whether `s` holds `${NAME}` or `${NAME<op>…}` (op one of `:?=+-`), what `/\$\{[A-Za-z_]\w*(?:[:?=+-][^}]*)?\}/` finds,
 * in one pass: that regex re-reads the rest of the value from every `${a:` when no `}` follows (quadratic; values are
 * repository text).
 */
export function hasShellReference(s: string): boolean {
  // After an operator, any `}` closes the reference: one `}` anywhere later is enough.
  const lastClose = s.lastIndexOf("}");
  for (let i = s.indexOf("${"); i >= 0 && i < lastClose; i = s.indexOf("${", i + 1)) {
    let j = i + 2;
    if (!NAME_START.test(s[j] ?? "")) continue;
    while (j < s.length && NAME_PART.test(s[j])) j++;
    if (s[j] === "}") return true;
    if (j < s.length && ":?=+-".includes(s[j]) && lastClose > j) return true;
  }
  return false;
}

/**
 * Whether `s` holds `{{…}}` with no `}` inside or `{%…%}` with no `%` inside, what `/\{\{[^}]*\}\}|\{%[^%]*%\}/`
 * finds, in one pass (that regex is quadratic on a long run of `{{`).
 */
export function hasTemplateTag(s: string): boolean {
  // Whether a `{{` (or `{%`) has opened since the last `}` (or `%`): the `[^}]*` (or `[^%]*`) between cannot cross one.
  let braces = false;
  let percent = false;
  for (let k = 0; k < s.length; k++) {
    const c = s[k];
    if (c === "{" && s[k + 1] === "{") braces = true;
    else if (c === "}") {
      if (braces && s[k + 1] === "}") return true;
      braces = false;
    } else if (c === "%") {
      if (percent && s[k + 1] === "}") return true;
      // A `%` closes what was open, and opens anew when it is an opener's own (`{%`).
      percent = s[k - 1] === "{";
    }
  }
  return false;
}
