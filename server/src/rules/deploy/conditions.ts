// The building blocks of Django's deploy checks, with Python semantics: exact string membership, truthiness, `is True`.
import * as path from "path";
import type { ResolvedSetting } from "../../resolve/environment";
import { envReadsOf, pyContains, truthy, type EnvRead, type Value } from "../../resolve/values";
import type { RuleContext } from "../types";
import { atLeast } from "../../resolve/djangoVersion";

export const SECURITY_MW = "django.middleware.security.SecurityMiddleware";
export const XFRAME_MW = "django.middleware.clickjacking.XFrameOptionsMiddleware";
export const CSRF_MW = "django.middleware.csrf.CsrfViewMiddleware";
export const SESSION_MW = "django.contrib.sessions.middleware.SessionMiddleware";
export const SESSIONS_APP = "django.contrib.sessions";

/** `name in settings.X` with Python's `in`: element equality for a list or tuple, substring for a str. */
export function settingContains(ctx: RuleContext, setting: string, item: string): boolean | undefined {
  return pyContains(ctx.get(setting).value, { k: "str", v: item });
}

export function isTrue(v: Value): boolean | undefined {
  if (v.k === "bool") return v.v;
  // A ref is a name imported from outside the project: it may well be True.
  if (v.k === "unknown" || v.k === "bound" || v.k === "ref") return undefined;
  return false;
}

export function isNone(v: Value): boolean | undefined {
  if (v.k === "none") return true;
  if (v.k === "unknown") return undefined;
  return false;
}

/** Django 4.1 tightened the cookie checks from truthiness to `is True` (shared notes, N1). */
export function cookieFlagOn(ctx: RuleContext, setting: string): boolean | undefined {
  const v = ctx.get(setting).value;
  return atLeast(ctx.version, 4, 1) ? isTrue(v) : truthy(v);
}

/**
 * Which of Django's three session-cookie warnings applies (W010/W011/W012, W013/W014/W015): the app alone, the
 * middleware alone, or both. Django warns whenever either is there, so one that is certainly there decides that a
 * warning is due even when the other is not known; its id is then the one for what is known, and `unsure` says so.
 */
export function sessionWarning(app: boolean | undefined, mw: boolean | undefined, ids: { app: string; mw: string; both: string }): { id: string; which: "app" | "mw" | "both"; unsure: boolean } | undefined {
  if (app && mw) return { id: ids.both, which: "both", unsure: false };
  if (app && mw === false) return { id: ids.app, which: "app", unsure: false };
  if (mw && app === false) return { id: ids.mw, which: "mw", unsure: false };
  if (app) return { id: ids.app, which: "app", unsure: true };
  if (mw) return { id: ids.mw, which: "mw", unsure: true };
  return undefined;
}

/** An env read's variable, or for a configuration the deployment supplies, the name in it: `[django] debug`, `netbox.configuration.DEBUG`. */
export function readName(r: EnvRead): string {
  if (!r.configuration) return r.variable;
  return r.configuration.startsWith("[") ? `${r.configuration} ${r.variable}` : `${r.configuration}.${r.variable}`;
}

/** " whenever DJANGO_DEBUG is unset" when the value comes from env-read defaults; "" for a literal. */
export function whenUnset(v: Value | ResolvedSetting | undefined): string {
  const value = v && "k" in v ? v : v?.value;
  const vars = [...new Set(envReadsOf(value).map(readName))];
  if (vars.length === 0) return "";
  return ` whenever ${variableList(vars)} ${vars.length === 1 ? "is" : "are"} unset`;
}

/** "A", "A and B", "A, B and C". */
function variableList(vars: readonly string[]): string {
  return vars.length === 1 ? vars[0] : vars.slice(0, -1).join(", ") + " and " + vars[vars.length - 1];
}

/** "is set to X" for a written value, "is not set (Django's default is X)" for a default. */
export function describe(s: ResolvedSetting, repr: string): string {
  return s.isDefault ? notSet(s, `Django's default is ${repr}`) : `is ${repr}${whenUnset(s)}`;
}

/**
 * "is not set", and when an `if` decided by unset variables skips the only writes, "is not set while ENABLE_SSL is
 * unset (the if at settings.py:412 sets it once ENABLE_SSL is set)": the deployment may well set the variable.
 */
export function notSet(s: ResolvedSetting, aside?: string): string {
  const when = s.setOnlyWhen;
  if (!when) return aside ? `is not set (${aside})` : "is not set";
  const vars = when.variables;
  const list = variableList(vars);
  const where = `the if at ${path.basename(when.loc.file)}:${when.loc.range.start.line + 1} sets it ${vars.length === 1 ? `once ${list} is set` : "depending on them"}`;
  return `is not set while ${list} ${vars.length === 1 ? "is" : "are"} unset (${where}${aside ? `; ${aside}` : ""})`;
}
