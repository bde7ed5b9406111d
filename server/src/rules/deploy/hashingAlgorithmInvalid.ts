// Django 3.1–3.2 check security.E100: DEFAULT_HASHING_ALGORITHM is neither 'sha1' nor 'sha256'.
import { pyRepr } from "../../resolve/values";
import type { Rule } from "../types";
import { whenUnset } from "./conditions";

export const hashingAlgorithmInvalid: Rule = {
  id: "hashing-algorithm-invalid",
  djangoChecks: ["security.E100"],
  severity: "error",
  appliesTo: ["base", "development", "production", "staging", "testing"],
  versions: (v) => v.major === 3 && v.minor >= 1,
  docs: {
    summary: "DEFAULT_HASHING_ALGORITHM is not 'sha1' or 'sha256'",
    why: "Django 3.1 and 3.2 accept only these two values for the transitional signing algorithm; anything else breaks signing at run time.",
    example: 'DEFAULT_HASHING_ALGORITHM = "md5"',
    useInstead: 'DEFAULT_HASHING_ALGORITHM = "sha256"',
    fixSafety: "none",
    versions: "Django 3.1 and 3.2 only; the setting was removed in 4.0.",
  },
  check(ctx) {
    const s = ctx.get("DEFAULT_HASHING_ALGORITHM");
    const v = s.value;
    if (v.k === "unknown" || v.k === "ref" || v.k === "bound" || v.k === "envobj" || v.k === "cast") return [];
    if (v.k === "str" && (v.v === "sha1" || v.v === "sha256")) return [];
    return [{ message: `DEFAULT_HASHING_ALGORITHM is ${pyRepr(v)}${whenUnset(s)}; Django accepts only 'sha1' or 'sha256'`, setting: s.name, subject: s, value: v }];
  },
};
