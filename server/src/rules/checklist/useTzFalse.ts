// Checklist: USE_TZ is off (explicitly, or by default before Django 5.0): naive datetimes, in every environment.
import { assignsAtTopLevel, insertSetting } from "../../fixes/insertSetting";
import { replaceLiteral } from "../../fixes/literal";
import { atLeast } from "../../resolve/djangoVersion";
import { pyRepr, truthy } from "../../resolve/values";
import type { Fix, Rule } from "../types";
import { ownModule, unsetNote, isCompleteSettings } from "./checklistHelpers";
import { notSet } from "../deploy/conditions";

export const useTzFalse: Rule = {
  id: "use-tz-false",
  djangoChecks: [],
  severity: "warning",
  appliesTo: ["base", "development", "production", "staging", "testing"],
  docs: {
    summary: "USE_TZ is off: datetimes are naive",
    why: "With USE_TZ off, Django stores and compares datetimes in the server's local time without any zone. Daylight-saving changes then repeat or skip an hour of timestamps, servers in different zones disagree, and mixing with aware datetimes from libraries raises errors. It is the most common datetime bug in production, and it starts in every environment at once.",
    example: "USE_TZ = False",
    useInstead: 'USE_TZ = True\nTIME_ZONE = "Europe/Paris"  # used for display and forms; storage is UTC',
    fixSafety: "unsafe: existing naive timestamps in the database are read as UTC afterwards, so a data migration may be needed, and code comparing naive datetimes breaks",
    versions: "All versions. Before Django 5.0 the default is False, so leaving USE_TZ unset counts (except in a fragment without INSTALLED_APPS, which is not used alone); from 5.0 the default is True.",
  },
  check(ctx) {
    const s = ctx.get("USE_TZ");
    if (truthy(s.value) !== false) return [];
    // Unset in a fragment (a local_settings.py another module star-imports) says nothing about the settings in use.
    if (s.isDefault && !isCompleteSettings(ctx)) return [];
    const how = s.isDefault ? notSet(s, `Django ${ctx.version.major}.${ctx.version.minor}'s default is False`) : `is ${pyRepr(s.value)}${unsetNote(s.value)}`;
    let fix: Fix | undefined;
    if (!s.isDefault) {
      const model = s.value.loc && ctx.module(s.value.loc.file);
      const edit = model && replaceLiteral(model, s.value.loc, "True", ["bool", "num", "none"]);
      if (edit) fix = { title: "Set USE_TZ = True", safety: "unsafe", edits: [edit] };
    } else if (!atLeast(ctx.version, 5, 0)) {
      const model = ownModule(ctx);
      if (model && !assignsAtTopLevel(model, "USE_TZ")) fix = { title: "Add USE_TZ = True", safety: "unsafe", edits: [insertSetting(model, "USE_TZ = True")] };
    }
    return [{ message: `USE_TZ ${how}: datetimes are naive local time, which breaks around daylight-saving changes and across servers`, setting: s.name, subject: s, value: s.value, fix }];
  },
};
