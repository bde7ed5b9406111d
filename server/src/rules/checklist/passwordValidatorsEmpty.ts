// Checklist: AUTH_PASSWORD_VALIDATORS is empty in a deployed environment that uses django.contrib.auth.
import { assignsAtTopLevel, insertSetting } from "../../fixes/insertSetting";
import { exprAt, replaceRange } from "../../fixes/literal";
import type { Fix, Rule, RuleContext } from "../types";
import { appInstalled, DEPLOYED, itemsOf, ownModule, unsetNote } from "./checklistHelpers";
import type { ResolvedSetting } from "../../resolve/environment";
import { notSet } from "../deploy/conditions";

const VALIDATORS = [
  "django.contrib.auth.password_validation.UserAttributeSimilarityValidator",
  "django.contrib.auth.password_validation.MinimumLengthValidator",
  "django.contrib.auth.password_validation.CommonPasswordValidator",
  "django.contrib.auth.password_validation.NumericPasswordValidator",
];

const LITERAL = "[\n" + VALIDATORS.map((v) => `    {"NAME": "${v}"},`).join("\n") + "\n]";

export const passwordValidatorsEmpty: Rule = {
  id: "password-validators-empty",
  djangoChecks: [],
  severity: "warning",
  appliesTo: DEPLOYED,
  docs: {
    summary: "No password validators",
    why: "AUTH_PASSWORD_VALIDATORS is empty by Django's default (startproject writes four): sign-up and password-change forms then accept \"1234\" or the user's own name, which credential stuffing guesses first.",
    example: "AUTH_PASSWORD_VALIDATORS = []",
    useInstead: "AUTH_PASSWORD_VALIDATORS = " + LITERAL,
    fixSafety: "unsafe: sign-up and password-change forms start rejecting passwords they accepted (existing passwords keep working). Writes startproject's four validators where the empty list is a literal, or adds them to the environment's own module when the setting is unset.",
    versions: "All versions. Only when django.contrib.auth is installed.",
  },
  check(ctx) {
    if (appInstalled(ctx, "django.contrib.auth") !== true) return [];
    const s = ctx.get("AUTH_PASSWORD_VALIDATORS");
    const items = itemsOf(s.value);
    if (!items || items.length > 0) return [];
    return [
      {
        message: `AUTH_PASSWORD_VALIDATORS ${s.isDefault ? notSet(s, "Django's default is []") : `is empty${unsetNote(s.value)}`}: users can choose "1234" or their own name as a password`,
        setting: s.name,
        subject: s.isDefault ? undefined : s,
        value: s.value,
        fix: fixFor(ctx, s),
      },
    ];
  },
};

function fixFor(ctx: RuleContext, s: ResolvedSetting): Fix | undefined {
  const title = "Add Django's four standard password validators";
  if (s.isDefault) {
    const model = ownModule(ctx);
    if (!model || assignsAtTopLevel(model, s.name)) return undefined;
    return { title, safety: "unsafe", edits: [insertSetting(model, `AUTH_PASSWORD_VALIDATORS = ${LITERAL}`)] };
  }
  const loc = s.value.loc;
  const model = loc && ctx.module(loc.file);
  const e = model && exprAt(model, loc.range);
  if (!model || !e || (e.t !== "list" && e.t !== "tuple") || e.items.length !== 0 || s.value.env?.length) return undefined;
  return { title, safety: "unsafe", edits: [replaceRange(model.file, loc.range, LITERAL)] };
}
