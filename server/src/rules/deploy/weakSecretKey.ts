// Django deploy check security.W009: SECRET_KEY is short, repetitive, empty or a startproject "django-insecure-" key.
import { atLeast } from "../../resolve/djangoVersion";
import type { Rule } from "../types";
import { whenUnset } from "./conditions";
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
    fixSafety: "unsafe: reading the key from the environment makes the variable required at start-up",
    versions: "All versions: fewer than 50 characters, fewer than 5 distinct characters, the django-insecure- prefix (3.2 and later), or an empty/unset key.",
  },
  check(ctx) {
    const s = ctx.get("SECRET_KEY");
    const reason = weakKeyReason(s.value, atLeast(ctx.version, 3, 2));
    if (!reason) return [];
    const where = s.isDefault ? "SECRET_KEY is not set" : `SECRET_KEY ${reason}${whenUnset(s)}`;
    return [{ message: `${where}; generate a long random key and keep it out of the code`, setting: s.name, subject: s, value: s.value }];
  },
};
