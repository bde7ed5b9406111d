// The STATICFILES_STORAGE / DEFAULT_FILE_STORAGE → STORAGES migration shared by the deprecated and removed rules.
import { rangeOfOffsets, textAt } from "../../fixes/literal";
import type { Stmt } from "../../parse/model";
import { pyRepr } from "../../resolve/values";
import type { ResolvedSetting } from "../../resolve/environment";
import type { Fix, RuleContext, RuleResult, TextEdit } from "../types";

export const OLD_STORAGE_SETTINGS = [
  { name: "DEFAULT_FILE_STORAGE", alias: "default", fallback: "django.core.files.storage.FileSystemStorage" },
  { name: "STATICFILES_STORAGE", alias: "staticfiles", fallback: "django.contrib.staticfiles.storage.StaticFilesStorage" },
] as const;

/** One result per old storage setting the environment sets, each carrying the same STORAGES fix. */
export function oldStorageResults(ctx: RuleContext, removed: boolean): RuleResult[] {
  const set = OLD_STORAGE_SETTINGS.map((o) => ({ ...o, s: ctx.get(o.name) })).filter((o) => !o.s.isDefault);
  if (set.length === 0) return [];
  const storages = ctx.get("STORAGES");
  const fix = storages.isDefault ? storagesFix(ctx, set.map((o) => o.s), removed) : undefined;
  return set.map((o) => {
    const backend = o.s.value.k === "str" ? pyRepr(o.s.value) : "the backend it names";
    const message = removed
      ? `${o.name} was removed in Django 5.1 and is ignored: ${o.alias === "default" ? "uploaded files" : "static files"} use ${storages.isDefault ? o.fallback.split(".").pop() : 'STORAGES["' + o.alias + '"]'}, not ${backend}; move it to STORAGES["${o.alias}"]`
      : storages.isDefault
        ? `${o.name} is deprecated since Django 4.2 and removed in 5.1, where it is silently ignored: move ${backend} to STORAGES["${o.alias}"]`
        : `${o.name} and STORAGES are both set: Django ${ctx.version.major}.${ctx.version.minor} refuses to start (they are mutually exclusive); move ${backend} into STORAGES["${o.alias}"]`;
    return { message, setting: o.name, subject: o.s, value: o.s.value, fix };
  });
}

/**
 * Replaces the old assignments with one STORAGES dict that keeps each backend expression as written and names
 * Django's own backend for an alias the settings did not configure (STORAGES replaces the whole default dict).
 */
function storagesFix(ctx: RuleContext, settings: ResolvedSetting[], removed: boolean): Fix | undefined {
  const stmts: Array<{ name: string; stmt: Stmt & { kind: "assign" }; file: string }> = [];
  for (const s of settings) {
    const b = s.binding;
    if (!b || b.writes.length !== 1 || b.writes[0].kind !== "assign" || b.overrides) return undefined;
    const w = b.writes[0];
    const model = ctx.module(w.file);
    // Top-level statements only: removing one from an if-body could leave the body empty.
    const stmt = model?.statements.find((x) => x.range.startOffset === w.range.startOffset && x.range.endOffset === w.range.endOffset);
    if (!stmt || stmt.kind !== "assign" || stmt.targets.length !== 1 || stmt.targets[0].path.length !== 0) return undefined;
    stmts.push({ name: s.name, stmt, file: w.file });
  }
  if (new Set(stmts.map((x) => x.file)).size !== 1) return undefined;
  const file = stmts[0].file;
  const model = ctx.module(file)!;
  const text = model.text;
  stmts.sort((a, b) => a.stmt.range.startOffset - b.stmt.range.startOffset);
  const backend = (alias: string, fallback: string): string => {
    const own = stmts.find((x) => OLD_STORAGE_SETTINGS.find((o) => o.name === x.name)!.alias === alias);
    return own ? textAt(model, own.stmt.value.range) : JSON.stringify(fallback);
  };
  const lines = [
    "STORAGES = {",
    ...OLD_STORAGE_SETTINGS.map((o) => `    "${o.alias}": {"BACKEND": ${backend(o.alias, o.fallback)}},`),
    "}",
  ];
  const last = stmts[stmts.length - 1].stmt;
  const edits: TextEdit[] = [{ file, range: last.range, newText: lines.join("\n") }];
  for (const x of stmts.slice(0, -1)) {
    // The earlier statement goes with its whole line (and a comment on it, which described the old setting).
    const start = text.lastIndexOf("\n", x.stmt.range.startOffset - 1) + 1;
    let end = text.indexOf("\n", x.stmt.range.endOffset);
    end = end < 0 ? text.length : end + 1;
    if (text.slice(start, x.stmt.range.startOffset).trim() !== "") return undefined;
    edits.push({ file, range: rangeOfOffsets(text, start, end), newText: "" });
  }
  return {
    title: `Replace ${stmts.map((x) => x.name).join(" and ")} with STORAGES`,
    safety: removed ? "unsafe" : "safe",
    edits,
  };
}
