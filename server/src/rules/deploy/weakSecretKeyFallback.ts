// Django deploy check security.W025: an entry of SECRET_KEY_FALLBACKS fails the SECRET_KEY strength test.
import { atLeast } from "../../resolve/djangoVersion";
import type { Rule, RuleResult } from "../types";
import { weakKeyReason } from "./secretKeyStrength";

export const weakSecretKeyFallback: Rule = {
  id: "weak-secret-key-fallback",
  djangoChecks: ["security.W025"],
  severity: "warning",
  appliesTo: ["production", "staging"],
  versions: (v) => atLeast(v, 5, 0),
  docs: {
    summary: "An old key in SECRET_KEY_FALLBACKS is weak",
    why: "Every fallback key is still accepted to verify signatures, so a weak fallback is as dangerous as a weak SECRET_KEY.",
    example: 'SECRET_KEY_FALLBACKS = ["old-short-key"]',
    useInstead: 'SECRET_KEY_FALLBACKS = env.list("DJANGO_SECRET_KEY_FALLBACKS", default=[])',
    fixSafety: "none",
    versions: "Django 5.0 and later (the check is absent from 3.2 and 4.0; its exact first release is not pinned down, so 4.1 and 4.2 are treated as without it).",
  },
  check(ctx) {
    const s = ctx.get("SECRET_KEY_FALLBACKS");
    if (s.value.k !== "list" && s.value.k !== "tuple") return [];
    const out: RuleResult[] = [];
    s.value.items.forEach((item, i) => {
      const reason = weakKeyReason(item);
      if (reason) out.push({ message: `SECRET_KEY_FALLBACKS[${i}] ${reason}`, setting: s.name, subject: s, at: item.loc, value: item });
    });
    return out;
  },
};
