// Checklist: SECRET_KEY_FALLBACKS that is not a list or tuple, or that still holds the current SECRET_KEY.
import { removeItem, replaceRange, textAt } from "../../fixes/literal";
import { atLeast } from "../../resolve/djangoVersion";
import { pyEquals, pyRepr } from "../../resolve/values";
import type { Rule, RuleResult } from "../types";
import { DEPLOYED, itemLocInDisplay, itemsOf, locInWrites, unsetNote } from "./checklistHelpers";

export const secretKeyFallbacksInvalid: Rule = {
  id: "secret-key-fallbacks-invalid",
  djangoChecks: [],
  severity: "warning",
  appliesTo: DEPLOYED,
  versions: (v) => atLeast(v, 4, 1),
  docs: {
    summary: "SECRET_KEY_FALLBACKS is not a list of old keys",
    why: "Django iterates SECRET_KEY_FALLBACKS and accepts signatures made with any entry. A single string is iterated character by character, so every one-character \"key\" verifies signatures and anyone can forge sessions and reset tokens; other types break verification. The current SECRET_KEY in the list means the rotation was not finished: the old key it was meant to keep is missing, so its sessions and tokens stopped working.",
    example: 'SECRET_KEY_FALLBACKS = env("OLD_SECRET_KEY", default="")',
    useInstead: 'SECRET_KEY_FALLBACKS = env.list("DJANGO_SECRET_KEY_FALLBACKS", default=[])',
    fixSafety: "safe: a string literal is wrapped in a list (what it was meant to be), and an entry equal to SECRET_KEY is removed (the current key is always tried first). Offered for literals.",
    versions: "Django 4.1 and later, where the setting exists.",
  },
  check(ctx) {
    const s = ctx.get("SECRET_KEY_FALLBACKS");
    if (s.isDefault) return [];
    const v = s.value;
    if (v.k === "unknown" || v.k === "list" || v.k === "tuple") {
      if (v.k === "unknown") return [];
    } else {
      const model = v.loc && ctx.module(v.loc.file);
      let fix;
      if (v.k === "str" && model && v.loc && !v.env?.length) {
        const e = textAt(model, v.loc.range);
        if (/^[rRuU]?["']/.test(e)) fix = { title: "Wrap the key in a list", safety: "safe" as const, edits: [replaceRange(model.file, v.loc.range, v.v === "" ? "[]" : `[${e}]`)] };
      }
      const why = v.k === "str" ? (v.v === "" ? "an empty string happens to work, but any non-empty value would be split into one-character keys" : "Django iterates it character by character, so every single character verifies signatures") : "Django expects a list of old keys";
      return [{ message: `SECRET_KEY_FALLBACKS is ${v.k === "str" ? "a string" : pyRepr(v)}${unsetNote(v)}, not a list: ${why}`, setting: s.name, subject: s, value: v, fix }];
    }
    const key = ctx.get("SECRET_KEY").value;
    if (key.k !== "str" || key.v === "") return [];
    const out: RuleResult[] = [];
    (itemsOf(v) ?? []).forEach((item, i) => {
      if (pyEquals(item, key) !== true) return;
      const written = itemLocInDisplay(ctx, v, i);
      const model = written && ctx.module(written.file);
      const edit = model && removeItem(model, written);
      out.push({
        message: `SECRET_KEY_FALLBACKS still holds the current SECRET_KEY${unsetNote(item) || unsetNote(key)}: the rotation is unfinished, and the old key it should keep is not there`,
        setting: s.name,
        subject: s,
        at: locInWrites(written, s),
        value: item,
        fix: edit && { title: "Remove the current key from SECRET_KEY_FALLBACKS", safety: "safe", edits: [edit] },
      });
    });
    return out;
  },
};
