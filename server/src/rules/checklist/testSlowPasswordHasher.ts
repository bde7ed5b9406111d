// Checklist: test settings hash passwords with a deliberately slow hasher, which makes every user-creating test slow.
import { assignsAtTopLevel, insertSetting } from "../../fixes/insertSetting";
import type { Rule } from "../types";
import { appInstalled, itemsOf, ownModule } from "./checklistHelpers";
import { FAST_TEST_HASHER, WEAK_HASHERS } from "./hasherHelpers";

export const testSlowPasswordHasher: Rule = {
  id: "test-slow-password-hasher",
  djangoChecks: [],
  severity: "hint",
  appliesTo: ["testing"],
  docs: {
    summary: "Test settings use a slow password hasher",
    why: "PBKDF2 and friends are slow on purpose, and tests create users and log them in constantly: Django's documentation recommends a fast hasher in test settings, which can cut a suite's time noticeably. This is about speed only; test settings never hash real passwords.",
    example: "# test.py\nfrom .base import *  # PASSWORD_HASHERS left at Django's default (PBKDF2)",
    useInstead: '# test.py\nfrom .base import *\nPASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]',
    fixSafety: "safe: adds PASSWORD_HASHERS to the test module only",
    versions: "All versions. Only when django.contrib.auth is installed.",
  },
  check(ctx) {
    if (appInstalled(ctx, "django.contrib.auth") !== true) return [];
    const s = ctx.get("PASSWORD_HASHERS");
    let first: string | undefined;
    // Unset, but possibly set from outside the code (globals().update(...)): not Django's default for certain.
    if (s.isDefault && s.value.k === "unknown" && s.value.dynamic) return [];
    if (s.isDefault) first = "PBKDF2PasswordHasher (Django's default)";
    else {
      const f = itemsOf(s.value)?.[0];
      if (!f || f.k !== "str" || f.v in WEAK_HASHERS) return [];
      first = f.v.split(".").pop();
    }
    const model = ownModule(ctx);
    const fix =
      model && !assignsAtTopLevel(model, "PASSWORD_HASHERS")
        ? { title: "Use MD5PasswordHasher in tests", safety: "safe" as const, edits: [insertSetting(model, `PASSWORD_HASHERS = [${JSON.stringify(FAST_TEST_HASHER)}]  # tests only: fast on purpose`)] }
        : undefined;
    return [{ message: `tests hash passwords with ${first}, which is slow on purpose: MD5PasswordHasher makes user-creating tests much faster`, setting: s.name, subject: s.isDefault ? undefined : s, value: s.value }].map((r) => ({ ...r, fix }));
  },
};
