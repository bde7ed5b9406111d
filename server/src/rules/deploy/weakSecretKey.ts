// Django deploy check security.W009: SECRET_KEY is short, repetitive, empty or a startproject "django-insecure-" key.
import { secretFix } from "../../fixes/secretFix";
import { atLeast } from "../../resolve/djangoVersion";
import { scanSecrets } from "../../secrets/scan";
import type { Fix, Rule, RuleContext } from "../types";
import type { ResolvedSetting } from "../../resolve/environment";
import { notSet, whenUnset } from "./conditions";
import { weakKeyReason } from "./secretKeyStrength";

export const weakSecretKey: Rule = {
  id: "weak-secret-key",
  djangoChecks: ["security.W009"],
  severity: "warning",
  appliesTo: ["production", "staging"],
  docs: {
    summary: "SECRET_KEY is missing, short, repetitive or a throwaway key",
    why: "SECRET_KEY signs sessions, password-reset links and messages. A short or guessable key lets an attacker forge them; the django-insecure- prefix marks a key generated for local use only.",
    example: 'SECRET_KEY = "django-insecure-abc123"',
    useInstead: 'SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]  # 50+ random characters, set per deployment',
    fixSafety: "unsafe, and offered where the key is committed (see hardcoded-secret-key, whose fix this is): the deployed environments read DJANGO_SECRET_KEY without a default, which makes the variable required at start-up; where the key lives in a module development and testing load too, they get their own development-only key so they keep working. The old key stays in git history: deploy a newly generated one",
    versions: "All versions: fewer than 50 characters, fewer than 5 distinct characters, the django-insecure- prefix (3.2 and later), or an empty/unset key.",
  },
  check(ctx) {
    const s = ctx.get("SECRET_KEY");
    const reason = weakKeyReason(s.value, atLeast(ctx.version, 3, 2));
    if (!reason) return [];
    const where = s.isDefault ? `SECRET_KEY ${notSet(s)}` : `SECRET_KEY ${reason}${whenUnset(s)}`;
    return [{ message: `${where}; generate a long random key and keep it out of the code`, setting: s.name, subject: s, value: s.value, fix: committedKeyFix(ctx, s) }];
  },
};

/** The committed-secret fix of the key in effect (a literal or an env read's default), when the secrets scan finds it. */
function committedKeyFix(ctx: RuleContext, s: ResolvedSetting): Fix | undefined {
  const last = s.binding?.writes[s.binding.writes.length - 1];
  if (!last) return undefined;
  const within = (c: { loc: { file: string; range: { startOffset: number; endOffset: number } } }) => c.loc.file === last.file && c.loc.range.startOffset >= last.range.startOffset && c.loc.range.endOffset <= last.range.endOffset;
  const c = scanSecrets(ctx.env, ctx.module).find((x) => x.rule === "hardcoded-secret-key" && x.setting === "SECRET_KEY" && x.path.length === 1 && within(x));
  return c && secretFix(c, { root: ctx.root, module: ctx.module, environments: ctx.environments });
}
