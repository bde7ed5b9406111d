// Rule table and fix golden for weak-password-hasher: a weak first PASSWORD_HASHERS entry in deployed environments (error).
import { fromRequiredEnv, ruleTable } from "../../helpers/project";
import { fixGolden, GOOD_BASE, split } from "./checklistTestHelpers";

const R = "weak-password-hasher";
const H = "django.contrib.auth.hashers.";
const hashers = (...xs: string[]) => `PASSWORD_HASHERS = [${xs.map((x) => JSON.stringify(H + x)).join(", ")}]\n`;

ruleTable(R, [
  { name: "MD5 first fires", production: hashers("MD5PasswordHasher", "PBKDF2PasswordHasher"), expect: [R] },
  { name: "unsalted SHA1 fires", production: hashers("UnsaltedSHA1PasswordHasher"), expect: [R] },
  { name: "MD5 later only verifies old hashes: silent", production: hashers("PBKDF2PasswordHasher", "MD5PasswordHasher"), expect: [] },
  { name: "unset (PBKDF2) is silent", production: "", expect: [] },
  { name: "Argon2 is silent", production: hashers("Argon2PasswordHasher"), expect: [] },
  { name: "an unknown list is silent", production: fromRequiredEnv("PASSWORD_HASHERS"), expect: [] },
]);

fixGolden(R, {
  name: "the strong hasher moves to the front",
  files: split(GOOD_BASE, `PASSWORD_HASHERS = [\n    "${H}MD5PasswordHasher",\n    "${H}PBKDF2PasswordHasher",\n]\n`),
  file: "proj/settings/production.py",
  after: `from .base import *\nPASSWORD_HASHERS = [\n    "${H}PBKDF2PasswordHasher",\n    "${H}MD5PasswordHasher",\n]\n`,
  safety: "safe",
});
