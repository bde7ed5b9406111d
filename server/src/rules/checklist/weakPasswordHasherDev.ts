// Checklist: a weak first PASSWORD_HASHERS entry in base or development settings (a warning; deployed ones get an error).
import type { Rule } from "../types";
import { weakFirstHasher } from "./hasherHelpers";

export const weakPasswordHasherDev: Rule = {
  id: "weak-password-hasher-dev",
  djangoChecks: [],
  severity: "warning",
  appliesTo: ["base", "development"],
  docs: {
    summary: "Base or development settings hash new passwords with MD5, SHA1 or an unsalted hasher",
    why: "A weak hasher in shared or development settings is one copied line away from production, and development databases with real users' data (a restored dump) leak too. Keep fast hashers in the test settings, where they belong.",
    example: 'PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]',
    useInstead: "# leave PASSWORD_HASHERS unset (PBKDF2), and speed up tests in test settings only",
    fixSafety: "safe: moves the first strong hasher of the same list to the front; existing hashes still verify. Offered when the list names a strong hasher.",
    versions: "All versions. Testing environments are left alone (a fast hasher is the documented way to speed up tests); deployed ones get weak-password-hasher.",
  },
  check(ctx) {
    return weakFirstHasher(ctx, " if these settings reach a server");
  },
};
