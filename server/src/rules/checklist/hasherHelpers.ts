// PASSWORD_HASHERS: which hasher Django uses for new passwords, which ones are weak, and the fix that promotes a strong one.
import { moveListItem } from "../../fixes/moveListItem";
import type { ResolvedSetting } from "../../resolve/environment";
import type { Fix, RuleContext, RuleResult } from "../types";
import { itemsOf, locInWrites, unsetNoteFor } from "./checklistHelpers";

const H = "django.contrib.auth.hashers.";

/** Hashers that are fast or unsalted: fine for tests, cracked in bulk after a database leak. */
export const WEAK_HASHERS: Record<string, string> = {
  [H + "MD5PasswordHasher"]: "salted MD5",
  [H + "UnsaltedMD5PasswordHasher"]: "unsalted MD5",
  [H + "SHA1PasswordHasher"]: "salted SHA1",
  [H + "UnsaltedSHA1PasswordHasher"]: "unsalted SHA1",
  [H + "CryptPasswordHasher"]: "DES crypt",
};

export const STRONG_HASHERS = new Set([
  H + "PBKDF2PasswordHasher",
  H + "PBKDF2SHA1PasswordHasher",
  H + "Argon2PasswordHasher",
  H + "BCryptSHA256PasswordHasher",
  H + "ScryptPasswordHasher",
]);

export const FAST_TEST_HASHER = H + "MD5PasswordHasher";

/** The finding for a weak first hasher, with a fix that moves the first strong hasher of the same list to the front. */
export function weakFirstHasher(ctx: RuleContext, where: string): RuleResult[] {
  const s: ResolvedSetting = ctx.get("PASSWORD_HASHERS");
  if (s.isDefault) return [];
  const items = itemsOf(s.value);
  const first = items?.[0];
  if (!items || !first || first.k !== "str" || !(first.v in WEAK_HASHERS)) return [];
  const strong = items.findIndex((i) => i.k === "str" && STRONG_HASHERS.has(i.v));
  let fix: Fix | undefined;
  if (strong > 0 && s.binding?.writes.length === 1 && s.binding.writes[0].kind === "assign") {
    const model = s.value.loc && ctx.module(s.value.loc.file);
    const edits = model && moveListItem(model, s.value.loc, strong, 0, items.length);
    const name = (items[strong] as { v: string }).v.split(".").pop();
    if (edits) fix = { title: `Hash new passwords with ${name}`, safety: "safe", edits };
  }
  return [
    {
      message: `PASSWORD_HASHERS starts with ${first.v.split(".").pop()}${unsetNoteFor(first, s.value)}: new passwords are stored as ${WEAK_HASHERS[first.v]}, which is cracked in bulk after a database leak${where}`,
      setting: s.name,
      subject: s,
      at: locInWrites(first.loc, s),
      value: first,
      fix,
    },
  ];
}
