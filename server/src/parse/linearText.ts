// Linear-time stand-ins for regexes that backtrack quadratically (or worse) on hostile text: see SECURITY.md, "Regular expressions".

/** `s` without its trailing run of characters that `strip` accepts: what `s.replace(/[…]+$/, "")` does, in one pass. */
export function trimEndWhere(s: string, strip: (c: string) => boolean): string {
  // `/x+$/` retries the run from every one of its characters when the run is not at the end: quadratic in the run.
  let end = s.length;
  while (end > 0 && strip(s[end - 1])) end--;
  return end === s.length ? s : s.slice(0, end);
}

/** One character of a line under `.` (no u flag): anything but the four line terminators. */
export function notLineTerminator(c: string): boolean {
  return c !== "\n" && c !== "\r" && c !== "\u2028" && c !== "\u2029";
}

/**
 * A wildcard pattern as tokens: `one` is one character the test accepts, `any` a run (possibly empty) of such
 * characters, `dirs` the optional directory prefix `(?:.*\/)?` of a `**\/` glob.
 */
export type WildcardToken = { kind: "one"; test: (c: string) => boolean } | { kind: "any"; test: (c: string) => boolean } | { kind: "dirs" };

/**
 * Whether the tokens match all of `s`, by running every position of the pattern at once (a Thompson simulation):
 * O(|s| * |tokens|) whatever the pattern. A RegExp built from a glob with k stars backtracks O(|s|^k) on a name that
 * almost matches, and both the glob (settings, pyproject.toml) and the names (a hostile checkout) are user text.
 */
export function wildcardMatches(tokens: readonly WildcardToken[], s: string): boolean {
  const m = tokens.length;
  // State i: before token i; state m + 1 + i: inside the `dirs` token i, having consumed part of its prefix.
  let current = closure(tokens, [0]);
  for (let k = 0; k < s.length && current.size > 0; k++) {
    const c = s[k];
    const next: number[] = [];
    for (const st of current) {
      if (st > m) {
        const i = st - m - 1;
        if (notLineTerminator(c)) next.push(st);
        if (c === "/") next.push(i + 1);
        continue;
      }
      if (st === m) continue;
      const t = tokens[st];
      if (t.kind === "one" && t.test(c)) next.push(st + 1);
      else if (t.kind === "any" && t.test(c)) next.push(st);
    }
    current = closure(tokens, next);
  }
  return current.has(m);
}

function closure(tokens: readonly WildcardToken[], start: number[]): Set<number> {
  const m = tokens.length;
  const out = new Set<number>();
  const work = [...start];
  while (work.length > 0) {
    const st = work.pop()!;
    if (out.has(st)) continue;
    out.add(st);
    if (st >= m) continue;
    const t = tokens[st];
    if (t.kind === "any") work.push(st + 1);
    else if (t.kind === "dirs") work.push(st + 1, m + 1 + st);
  }
  return out;
}

/**
 * The tokens of a file-name glob as `include("envs/*.py")` spells it: `*` any run and `?` any one character (of a line),
 * `[…]` one character of the class, anything else itself. Classes are compiled as the whole-name RegExp used to compile
 * them (its text escaped the same way), so a malformed class still throws the same SyntaxError.
 */
export function fileGlobTokens(glob: string): WildcardToken[] {
  const asRegex = (t: string) => t.replace(/[.+^${}()|\\]/g, "\\$&").replace(/\*/g, ".*").replace(/\?/g, ".");
  const tokens: WildcardToken[] = [];
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === "*") tokens.push({ kind: "any", test: notLineTerminator });
    else if (c === "?") tokens.push({ kind: "one", test: notLineTerminator });
    else if (c === "[") {
      const close = glob.indexOf("]", i + 1);
      const cls = new RegExp("^" + asRegex(close < 0 ? glob.slice(i) : glob.slice(i, close + 1)) + "$");
      tokens.push({ kind: "one", test: (x) => cls.test(x) });
      i = close;
    } else tokens.push({ kind: "one", test: (x) => x === c });
  }
  return tokens;
}

/** The tokens of a computed module name (`proj.settings.*` from `f"proj.settings.{ENV}"`): `*` is any run of `[\w.]`. */
export function dottedPatternTokens(pattern: string): WildcardToken[] {
  const wordOrDot = (c: string) => c === "." || c === "_" || (c >= "0" && c <= "9") || (c >= "A" && c <= "Z") || (c >= "a" && c <= "z");
  return [...pattern].map((c): WildcardToken => (c === "*" ? { kind: "any", test: wordOrDot } : { kind: "one", test: (x) => x === c }));
}
