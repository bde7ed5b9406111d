// The SECRET_KEY fix for a key in a module development or testing load too: production reads it, they get their own key.
import type { ModuleModel, Stmt } from "../parse/model";
import type { EnvKind } from "../resolve/classify";
import type { Loc } from "../resolve/values";
import type { Fix, TextEdit } from "./edit";
import type { FixContext } from "./envRead";
import { envExampleEdit } from "./envExample";
import { envStyle, readExpr } from "./envStyle";
import { importEdit } from "./imports";
import { assignsAtTopLevel } from "./insertSetting";
import { rangeOfOffsets, walkExprs } from "./literal";
import { insertAfterStarImports } from "./secureSetting";

/** What the fix needs to know of each environment: its kind, its own module and every module it loads. */
export interface EnvironmentView {
  name: string;
  kind: EnvKind;
  file: string;
  files: readonly string[];
}

/**
 * The key development and testing get. It signs nothing that matters (local sessions, test runs), so it need not be
 * secret, and being the same on every clone keeps logins across restarts. It is made only of words the secrets scan
 * knows as a stand-in, so it is not reported as a committed secret, and Django's own deploy check W009 rejects it
 * (the django-insecure- prefix) should these settings ever be deployed.
 */
export const DEVELOPMENT_ONLY_KEY = "django-insecure-development-only-key-not-for-production";

/**
 * Where the committed key (a literal, or an env read's default) is the value of a top-level `SECRET_KEY = …` in a
 * module that both deployed and local environments load (base.py): the statement leaves that module, each production
 * or staging module reads `variable` without a default, and each development or testing module gets
 * DEVELOPMENT_ONLY_KEY. Every environment keeps loading: only the deployed ones require the variable.
 * Undefined when that shape does not hold (the caller falls back to rewriting the key in place).
 */
export function sharedSecretKeyFix(ctx: FixContext, environments: readonly EnvironmentView[], loc: Loc, variable: string): Fix | undefined {
  // Every environment that loads base.py reports its key, and weak-secret-key asks again: with 1,000 environments the
  // same fix was built thousands of times, each time filtering every environment. One build per analysis (an analysis
  // makes a new environments array) per key, valid while every module it looked at still loads to the same model.
  let byKey = built.get(environments);
  if (!byKey) built.set(environments, (byKey = new Map()));
  const key = `${loc.file}\u0000${loc.range.startOffset}\u0000${loc.range.endOffset}\u0000${variable}\u0000${ctx.root}`;
  const hit = byKey.get(key);
  if (hit && hit.models.every(([file, m]) => ctx.module(file) === m)) return hit.fix;
  const models: Array<[string, ModuleModel | undefined]> = [];
  const module = (file: string) => {
    const m = ctx.module(file);
    models.push([file, m]);
    return m;
  };
  const fix = buildSharedSecretKeyFix({ ...ctx, module }, environments, loc, variable);
  byKey.set(key, { fix, models });
  return fix;
}

const built = new WeakMap<readonly EnvironmentView[], Map<string, { fix: Fix | undefined; models: Array<[string, ModuleModel | undefined]> }>>();

function buildSharedSecretKeyFix(ctx: FixContext, environments: readonly EnvironmentView[], loc: Loc, variable: string): Fix | undefined {
  const model = ctx.module(loc.file);
  if (!model || model.syntaxErrors.length) return undefined;
  const stmt = model.statements.find(
    (s) => s.kind === "assign" && s.targets.length === 1 && s.targets[0].name === "SECRET_KEY" && s.targets[0].path.length === 0 && s.value.range.startOffset <= loc.range.startOffset && loc.range.endOffset <= s.value.range.endOffset,
  );
  if (!stmt || referencedOutside(model, "SECRET_KEY", stmt)) return undefined;
  const removal = deleteLines(model, stmt);
  if (!removal) return undefined;
  const loading = environments.filter((e) => e.file !== loc.file && e.files.includes(loc.file));
  // The module is itself a deployed or local environment's own (a single settings.py): nowhere else to put the key.
  if (environments.some((e) => e.file === loc.file && e.kind !== "base")) return undefined;
  const deployed = ownModules(loading, ["production", "staging"]);
  const local = ownModules(loading, ["development", "testing"]);
  if (!deployed.length || !local.length || deployed.some((f) => local.includes(f))) return undefined;
  const edits: TextEdit[] = [removal];
  for (const file of deployed) {
    const m = ctx.module(file);
    if (!m || m.syntaxErrors.length) return undefined;
    if (assignsAtTopLevel(m, "SECRET_KEY")) continue;
    const style = envStyle(m, ctx.module, ctx.root);
    edits.push(insertAfterStarImports(m, "SECRET_KEY", `SECRET_KEY = ${readExpr(style, variable)}`));
    if (style.kind === "os" && style.importOs) edits.push(importEdit(m, "import os"));
  }
  for (const file of local) {
    const m = ctx.module(file);
    if (!m || m.syntaxErrors.length) return undefined;
    if (assignsAtTopLevel(m, "SECRET_KEY")) continue;
    edits.push(insertAfterStarImports(m, "SECRET_KEY", `SECRET_KEY = "${DEVELOPMENT_ONLY_KEY}"  # local use only; deployed settings read ${variable}`, { overridable: true }));
  }
  const example = envExampleEdit(ctx.root, variable);
  if (example) edits.push(example);
  const deployedKinds = kinds(loading, ["production", "staging"]);
  const localKinds = kinds(loading, ["development", "testing"]);
  const plural = localKinds.includes(" and ");
  return {
    title: `Read ${variable} in ${deployedKinds}; ${localKinds} ${plural ? "get their" : "gets its"} own key (unsafe: ${variable} becomes required in ${deployedKinds})`,
    safety: "unsafe",
    edits,
  };
}

function ownModules(envs: readonly EnvironmentView[], wanted: EnvKind[]): string[] {
  return [...new Set(envs.filter((e) => wanted.includes(e.kind)).map((e) => e.file))].sort();
}

/** "production and staging", in the order given. */
function kinds(envs: readonly EnvironmentView[], order: EnvKind[]): string {
  const present = order.filter((k) => envs.some((e) => e.kind === k));
  return present.join(" and ");
}

/** Whether the module reads `name` anywhere but in `stmt` itself (`SIGNING_KEY = SECRET_KEY` would break without it). */
function referencedOutside(model: ModuleModel, name: string, stmt: Stmt): boolean {
  let found = false;
  walkExprs(model, (e) => {
    if (e.t === "name" && e.id === name && !(e.range.startOffset >= stmt.range.startOffset && e.range.endOffset <= stmt.range.endOffset)) found = true;
    return found;
  });
  return found;
}

/**
 * The statement's whole lines, when nothing but it (and a trailing comment) is on them, with the comment lines right
 * above it (startproject's "SECURITY WARNING: keep the secret key used in production secret!"), which describe it.
 */
function deleteLines(model: ModuleModel, stmt: Stmt): TextEdit | undefined {
  const text = model.text;
  let start = text.lastIndexOf("\n", stmt.range.startOffset - 1) + 1;
  if (text.slice(start, stmt.range.startOffset).trim() !== "") return undefined;
  while (start > 0) {
    const prev = text.lastIndexOf("\n", start - 2) + 1;
    if (!text.slice(prev, start).trim().startsWith("#")) break;
    start = prev;
  }
  const nl = text.indexOf("\n", stmt.range.endOffset);
  let end = nl < 0 ? text.length : nl + 1;
  const rest = text.slice(stmt.range.endOffset, nl < 0 ? text.length : nl).trim();
  if (rest !== "" && !rest.startsWith("#")) return undefined;
  // Between two blank lines, one of them goes too: the paragraph the statement was disappears whole.
  const blankBefore = start === 0 || text.slice(text.lastIndexOf("\n", start - 2) + 1, start).trim() === "";
  const after = text.indexOf("\n", end);
  if (blankBefore && end < text.length && text.slice(end, after < 0 ? text.length : after).trim() === "") end = after < 0 ? text.length : after + 1;
  return { file: model.file, range: rangeOfOffsets(text, start, end), newText: "" };
}
