// Checklist: TEMPLATES OPTIONS with "debug": True or "autoescape": False in a deployed environment.
import { replaceLiteral } from "../../fixes/literal";
import { pyRepr, truthy } from "../../resolve/values";
import type { Rule, RuleResult } from "../types";
import { DEPLOYED, dictPath, itemsOf, locInWrites, unsetNote } from "./checklistHelpers";

export const templateDebugOrAutoescape: Rule = {
  id: "template-debug-or-autoescape",
  djangoChecks: [],
  severity: "warning",
  appliesTo: DEPLOYED,
  docs: {
    summary: "A template engine has debug on or autoescaping off",
    why: "\"autoescape\": False makes every {{ variable }} raw HTML, so any user-controlled text becomes cross-site scripting. \"debug\": True (which otherwise follows DEBUG) keeps template debug information and shows template source with context in error pages.",
    example: 'TEMPLATES = [{"BACKEND": "django.template.backends.django.DjangoTemplates", "OPTIONS": {"debug": True, "autoescape": False}}]',
    useInstead: 'TEMPLATES = [{"BACKEND": "django.template.backends.django.DjangoTemplates", "OPTIONS": {}}]',
    fixSafety: "safe for \"debug\": True → False (only error details change); unsafe for \"autoescape\": False → True (templates that relied on raw output must mark it |safe). Offered for literals.",
    versions: "All versions, for the Django and Jinja2 backends alike.",
  },
  check(ctx) {
    const s = ctx.get("TEMPLATES");
    const out: RuleResult[] = [];
    (itemsOf(s.value) ?? []).forEach((engine, i) => {
      const debug = dictPath(engine, "OPTIONS", "debug");
      if (debug && truthy(debug) === true) {
        const model = debug.loc && ctx.module(debug.loc.file);
        const edit = model && replaceLiteral(model, debug.loc, "False", ["bool"]);
        out.push({
          message: `TEMPLATES[${i}]["OPTIONS"]["debug"] is ${pyRepr(debug)}${unsetNote(debug)}: template errors show source and context, whatever DEBUG says`,
          setting: s.name,
          subject: s,
          at: locInWrites(debug.loc, s),
          value: debug,
          fix: edit && { title: 'Set "debug": False', safety: "safe", edits: [edit] },
        });
      }
      const auto = dictPath(engine, "OPTIONS", "autoescape");
      if (auto && truthy(auto) === false) {
        const model = auto.loc && ctx.module(auto.loc.file);
        const edit = model && replaceLiteral(model, auto.loc, "True", ["bool"]);
        out.push({
          message: `TEMPLATES[${i}]["OPTIONS"]["autoescape"] is ${pyRepr(auto)}${unsetNote(auto)}: every {{ variable }} is output as raw HTML, so user input becomes cross-site scripting`,
          setting: s.name,
          subject: s,
          at: locInWrites(auto.loc, s),
          value: auto,
          fix: edit && { title: 'Set "autoescape": True', safety: "unsafe", edits: [edit] },
        });
      }
    });
    return out;
  },
};
