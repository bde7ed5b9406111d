// Checklist: PASSWORD_HASHERS puts MD5, SHA1, an unsalted or crypt hasher first in a deployed environment (an error there).
import type { Rule } from "../types";
import { DEPLOYED } from "./checklistHelpers";
import { weakFirstHasher } from "./hasherHelpers";

export const weakPasswordHasher: Rule = {
  id: "weak-password-hasher",
  djangoChecks: [],
  severity: "error",
  appliesTo: DEPLOYED,
  docs: {
    summary: "New passwords are hashed with MD5, SHA1 or an unsalted hasher",
    why: "Django hashes every new or changed password with the first entry of PASSWORD_HASHERS. MD5 and SHA1 are built for speed: after a database leak, a GPU tries billions of guesses per second, and unsalted hashes fall to precomputed tables. PBKDF2 (the default), Argon2, bcrypt or scrypt are slow on purpose.",
    example: 'PASSWORD_HASHERS = [\n    "django.contrib.auth.hashers.MD5PasswordHasher",\n    "django.contrib.auth.hashers.PBKDF2PasswordHasher",\n]',
    useInstead: 'PASSWORD_HASHERS = [\n    "django.contrib.auth.hashers.PBKDF2PasswordHasher",\n    "django.contrib.auth.hashers.MD5PasswordHasher",  # only to verify old hashes, which are upgraded at login\n]',
    fixSafety: "safe: moves the first strong hasher of the same list to the front; existing hashes still verify and are upgraded at the next login. Offered when the list names a strong hasher.",
    versions: "All versions. Only the first entry counts: weak hashers further down only verify old passwords. Development and base environments get weak-password-hasher-dev (a warning); test settings use a fast hasher on purpose.",
  },
  check(ctx) {
    return weakFirstHasher(ctx, "");
  },
};
