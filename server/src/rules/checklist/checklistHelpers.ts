// Shared reading helpers for the checklist rules: string lists, installed apps, dict entries, fix anchors, CSP tokens.
import { exprAt } from "../../fixes/literal";
import type { ModuleModel } from "../../parse/model";
import { atLeast } from "../../resolve/djangoVersion";
import type { ResolvedSetting } from "../../resolve/environment";
import { presentItems } from "../../resolve/sequences";
import { dictGet, envReadsOf, pyContains, pyRepr, type Loc, type Value } from "../../resolve/values";
import type { RuleContext } from "../types";
import { whenUnset } from "../deploy/conditions";

export const DEPLOYED: Array<"production" | "staging"> = ["production", "staging"];

/** The items of a known list, tuple or set; undefined for anything else (including an unknown). */
export function itemsOf(v: Value | undefined): Value[] | undefined {
  if (!v) return undefined;
  return v.k === "list" || v.k === "tuple" || v.k === "set" ? v.items : undefined;
}

/**
 * The items certainly in a list, tuple or set: all of a known one, the known part of one known only in part
 * (`[*BASE_APPS, "debug_toolbar"]`). For rules that report an item that is there; absence needs itemsOf().
 */
export { presentItems };

/** The str items certainly present (see presentItems). */
export function presentStrings(v: Value | undefined): string[] {
  return presentItems(v).flatMap((i) => (i.k === "str" ? [i.v] : []));
}

/** `name in settings.MIDDLEWARE`: true when certainly there, false when certainly not, undefined otherwise. */
export function middlewareHas(ctx: RuleContext, name: string): boolean | undefined {
  return pyContains(ctx.get("MIDDLEWARE").value, { k: "str", v: name });
}

/** The items as strings, when every one is a known str. */
export function stringsOf(v: Value | undefined): string[] | undefined {
  const items = itemsOf(v);
  if (!items || items.some((i) => i.k !== "str")) return undefined;
  return items.map((i) => (i as { v: string }).v);
}

/** A str item equal to `want`; `undefined` result when absent. Unknown items do not match (callers decide). */
export function findStr(v: Value | undefined, pred: (s: string) => boolean): Value | undefined {
  return itemsOf(v)?.find((i) => i.k === "str" && pred(i.v));
}

export function hasUnknownItem(v: Value | undefined): boolean {
  return (itemsOf(v) ?? []).some((i) => i.k !== "str");
}

/**
 * Whether an app is in INSTALLED_APPS, by module or AppConfig path ("debug_toolbar", "debug_toolbar.apps.DebugToolbarConfig").
 * Undefined when INSTALLED_APPS is unknown or has an unknown item and no match.
 */
export function appInstalled(ctx: RuleContext, app: string): boolean | undefined {
  const v = ctx.get("INSTALLED_APPS").value;
  const items = itemsOf(v);
  if (!items) return presentStrings(v).some((s) => s === app || s.startsWith(app + ".apps.")) ? true : undefined;
  if (items.some((i) => i.k === "str" && (i.v === app || i.v.startsWith(app + ".apps.")))) return true;
  return items.some((i) => i.k !== "str") ? undefined : false;
}

/** `d["A"]["B"]` on known dicts; undefined when a step is missing or not a dict. */
export function dictPath(v: Value | undefined, ...keys: string[]): Value | undefined {
  let cur = v;
  for (const k of keys) {
    if (!cur || cur.k !== "dict") return undefined;
    cur = dictGet(cur, k);
  }
  return cur;
}

/** The str-keyed entries of a known dict, in order. */
export function strEntries(v: Value | undefined): Array<[string, Value, Value]> {
  if (!v || v.k !== "dict") return [];
  return v.entries.flatMap(([k, x]) => (k.k === "str" ? [[k.v, x, k] as [string, Value, Value]] : []));
}

/** True when the dict has a key the analysis cannot read, so an absent key might still be there. */
export function hasUnknownKey(v: Value | undefined): boolean {
  return !!v && v.k === "dict" && v.entries.some(([k]) => k.k !== "str");
}

/** " (whenever X is unset)"-style suffix that names the env reads a value depends on: the deploy checks' whenUnset. */
export function unsetNote(v: Value | undefined): string {
  return whenUnset(v);
}

/**
 * The env reads one item of a container depends on: its own, plus the container's reads the item was written in,
 * computed from, or selected by (`env.list("HOSTS", default=["*"])` makes "*" depend on HOSTS; a literal beside it does not).
 */
export function unsetNoteFor(item: Value, container: Value): string {
  const reads = [...envReadsOf(item)];
  const inside = (a: Loc, b: Loc) => a.file === b.file && a.range.startOffset >= b.range.startOffset && a.range.endOffset <= b.range.endOffset;
  for (const r of container.env ?? []) {
    if (!item.loc || reads.includes(r)) continue;
    // Written inside the default, computed from the read (`os.environ.get("H", "*").split(",")`), or read outside the
    // value's own expression (an `if` on DJANGO_ENV that picked the module); not a sibling read (`["*"] + env.list(…)`).
    const outside = !container.loc || !inside(r.loc, container.loc);
    if ((r.defaultLoc && inside(item.loc, r.defaultLoc)) || inside(r.loc, item.loc) || outside) reads.push(r);
  }
  return unsetNote({ k: "none", env: reads });
}

/** The note for a container's own reads (a dict from env.db), not those of the values inside it. */
export function ownUnsetNote(v: Value | undefined): string {
  return unsetNote({ k: "none", env: v?.env ?? [] });
}

export function repr(v: Value): string {
  return pyRepr(v);
}

/** `loc` when it lies inside one of the setting's writes (a place worth pointing at), else undefined. */
export function locInWrites(loc: Loc | undefined, s: ResolvedSetting): Loc | undefined {
  if (!loc || !s.binding) return undefined;
  const inside = s.binding.writes.some((w) => w.file === loc.file && loc.range.startOffset >= w.range.startOffset && loc.range.endOffset <= w.range.endOffset);
  return inside ? loc : undefined;
}

/**
 * Where item `index` of a list/tuple value is written, read from the display at the container's loc: right even when
 * the item is a name whose value was written elsewhere (`[SECRET_KEY]`). Undefined unless the display and the value agree.
 */
export function itemLocInDisplay(ctx: RuleContext, container: Value, index: number): Loc | undefined {
  const items = itemsOf(container);
  const loc = container.loc;
  const model = loc && ctx.module(loc.file);
  if (!items || !loc || !model) return undefined;
  const e = exprAt(model, loc.range);
  if (!e || (e.t !== "list" && e.t !== "tuple" && e.t !== "set") || e.items.length !== items.length || e.items.some((x) => x.t === "starred")) return undefined;
  return { file: loc.file, range: e.items[index].range };
}

/** The environment's own module, where inserted settings go. */
export function ownModule(ctx: RuleContext): ModuleModel | undefined {
  return ctx.module(ctx.env.file);
}

/** The module a value was written in, when that is a project file. */
export function moduleOf(ctx: RuleContext, v: { loc?: { file: string } } | undefined): ModuleModel | undefined {
  return v?.loc ? ctx.module(v.loc.file) : undefined;
}

/** True when the setting's current value was decided by a single plain assignment (no mutation, no branches). */
export function singleAssignment(s: ResolvedSetting): boolean {
  const b = s.binding;
  if (!b) return false;
  return b.writes.length === 1 && b.writes[0].kind === "assign";
}

export function atLeastVersion(ctx: RuleContext, major: number, minor: number): boolean {
  return atLeast(ctx.version, major, minor);
}

/** A setting's value, with `dflt` standing in for Django's (or a package's) default when the settings never set it. */
export function valueOr(ctx: RuleContext, name: string, dflt: Value): Value {
  const s = ctx.get(name);
  return s.isDefault ? dflt : s.value;
}

/**
 * Whether the environment looks like a whole settings module rather than a fragment another module star-imports last
 * (a committed local_settings.py): it sets INSTALLED_APPS, itself or through its imports. Rules that fire on a
 * setting's absence need this, or every fragment would lack a CSP, a LOGGING and the rest.
 */
export function isCompleteSettings(ctx: RuleContext): boolean {
  return !ctx.get("INSTALLED_APPS").isDefault;
}

/** Whether the settings set `name` anywhere (Django would see it). */
export function isSet(ctx: RuleContext, name: string): boolean {
  return !ctx.get(name).isDefault;
}

/** The MIDDLEWARE entries as strings, or undefined when the list is not fully known. */
export function middlewareList(ctx: RuleContext): string[] | undefined {
  return stringsOf(ctx.get("MIDDLEWARE").value);
}

/**
 * CSP source tokens from django-csp 4's constants (`csp.constants.UNSAFE_INLINE`) and Django 6.0's `CSP` enum
 * (`django.utils.csp.CSP.UNSAFE_INLINE`), which reach the analysis as references rather than strings.
 */
const CSP_CONSTANTS: Record<string, string> = {
  NONE: "'none'",
  SELF: "'self'",
  REPORT_SAMPLE: "'report-sample'",
  STRICT_DYNAMIC: "'strict-dynamic'",
  UNSAFE_ALLOW_REDIRECTS: "'unsafe-allow-redirects'",
  UNSAFE_EVAL: "'unsafe-eval'",
  UNSAFE_HASHES: "'unsafe-hashes'",
  UNSAFE_INLINE: "'unsafe-inline'",
  WASM_UNSAFE_EVAL: "'wasm-unsafe-eval'",
  NONCE: "'nonce-…'",
};

/** The CSP source a directive item stands for; undefined when unknown. */
export function cspToken(v: Value): string | undefined {
  if (v.k === "str") return v.v;
  if (v.k === "ref") {
    const m = /^(?:csp\.constants|django\.utils\.csp\.CSP)\.([A-Z_]+)$/.exec(v.path);
    if (m) return CSP_CONSTANTS[m[1]];
  }
  return undefined;
}
