// Checklist: a CORS_ALLOWED_ORIGIN_REGEXES pattern that matches arbitrary origins (".*", "^https://.*").
import type { Rule, RuleResult } from "../types";
import { DEPLOYED, presentItems, unsetNoteFor } from "./checklistHelpers";
import { corsOn, corsSetting, credentialsOn } from "./corsHelpers";
import { firstProbeMatched } from "../regexBudget";

/** Origins no project owns: a pattern that admits any of them admits everything. */
const PROBES = ["https://attacker.invalid", "http://attacker.invalid", "https://evil.example.net"];

export const corsRegexMatchesAll: Rule = {
  id: "cors-regex-matches-all",
  djangoChecks: [],
  severity: "warning",
  appliesTo: DEPLOYED,
  docs: {
    summary: "A CORS origin regex matches any origin",
    why: "django-cors-headers tests each pattern with re.match against the Origin header. A pattern such as r\".*\" or r\"^https://.*$\" admits every website, which is CORS_ALLOW_ALL_ORIGINS in disguise, and with CORS_ALLOW_CREDENTIALS it lets any site act with a visitor's cookies.",
    example: 'CORS_ALLOWED_ORIGIN_REGEXES = [r"^https://.*$"]',
    useInstead: 'CORS_ALLOWED_ORIGIN_REGEXES = [r"^https://\\w+\\.example\\.com$"]',
    fixSafety: "none: the intended origins are the team's",
    versions: "All versions (django-cors-headers; the pre-3.5 name CORS_ORIGIN_REGEX_WHITELIST counts too). Only when CorsMiddleware is in MIDDLEWARE. A pattern is tested against unrelated origins (https://attacker.invalid and others); patterns JavaScript cannot compile are skipped, and so is a pattern whose test runs past 1 s (catastrophic backtracking on a nested quantifier).",
  },
  check(ctx) {
    if (corsOn(ctx) !== true) return [];
    const s = corsSetting(ctx, "CORS_ALLOWED_ORIGIN_REGEXES", "CORS_ORIGIN_REGEX_WHITELIST");
    if (!s) return [];
    const creds = credentialsOn(ctx);
    const out: RuleResult[] = [];
    for (const item of presentItems(s.value)) {
      if (item.k !== "str") continue;
      const probe = matchesProbe(item.v);
      if (!probe) continue;
      out.push({
        message: `${s.name} pattern ${JSON.stringify(item.v)}${unsetNoteFor(item, s.value)} matches any origin (even ${probe})${creds ? ", and CORS_ALLOW_CREDENTIALS is on: any website can act with a visitor's cookies" : ": it allows every website"}`,
        setting: s.name,
        subject: s,
        at: item.loc,
        value: item,
      });
    }
    return out;
  },
};

/** The first unrelated origin the pattern admits under Python's re.match, or undefined. */
export function matchesProbe(pattern: string): string | undefined {
  let src = pattern;
  let flags = "";
  const inline = /^\(\?([aiLmsux]+)\)/.exec(src);
  if (inline) {
    if (inline[1].includes("i")) flags += "i";
    if (inline[1].includes("s")) flags += "s";
    if (inline[1].includes("m")) flags += "m";
    src = src.slice(inline[0].length);
  }
  // Python-only spellings: named groups, \A and \Z anchors.
  src = src.replace(/\(\?P</g, "(?<").replace(/\(\?P=(\w+)\)/g, "\\k<$1>").replace(/\\A/g, "^").replace(/\\Z/g, "$(?![\\s\\S])");
  let found: number | "timeout";
  try {
    found = firstProbeMatched("^(?:" + src + ")", flags, PROBES);
  } catch {
    return undefined;
  }
  // A pattern that backtracks past the budget on a 25-character origin is not judged (and would be a finding of its own
  // only in a ReDoS checker): the audit goes on.
  return typeof found === "number" && found >= 0 ? PROBES[found] : undefined;
}
