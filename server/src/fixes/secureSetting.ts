// The fix of a deploy check: give one setting its secure value in the environment's own module, rewriting or inserting.
import type { ModuleModel, Stmt } from "../parse/model";
import type { ResolvedSetting } from "../resolve/environment";
import type { EnvRead } from "../resolve/values";
import type { Fix, TextEdit } from "./edit";
import type { Environment } from "../resolve/environment";
import { insertSetting } from "./insertSetting";
import { exprAt, rangeOfOffsets, replaceRange } from "./literal";

export interface SecureSettingOptions {
  safety: Fix["safety"];
  /** A short comment written after the value (`# raise step by step …`), without the `#`. */
  comment?: string;
  /** Says what changes, for an unsafe fix ("pages framed by the same site stop loading"). */
  consequence?: string;
}

/**
 * Sets `setting` to `value` (Python source) for the environment being checked, in its own module so other environments
 * keep theirs:
 * - the module's own last top-level `SETTING = …` is rewritten;
 * - where that value is an env read's default (`env.bool("DJANGO_DEBUG", default=True)`), the default is changed, not
 *   the read, so the variable still decides;
 * - otherwise `SETTING = value` is inserted after the module's star-import block, or at its end when something later
 *   in the module writes the setting (an insertion before it would be overwritten).
 * Undefined when the module is not parsed or has syntax errors (tree-sitter's recovery decides where statements end).
 */
/** What the fix needs of a rule's context: the environment and the parsed model of a file. */
export interface SecureSettingContext {
  env: Environment;
  module(file: string): ModuleModel | undefined;
}

export function secureSettingFix(ctx: SecureSettingContext, s: ResolvedSetting, value: string, options: SecureSettingOptions): Fix | undefined {
  const model = ctx.module(ctx.env.file);
  if (!model || model.syntaxErrors.length) return undefined;
  const byDefault = rewriteDefault(model, s, value);
  const edit = byDefault ?? rewriteAssignment(model, s, value, options.comment) ?? insertion(model, s.name, value, options.comment);
  if (!edit) return undefined;
  // Where the variable still decides, the title says so: only the value used when it is unset changes.
  const what = byDefault ? `Default ${s.name} to ${value} when ${s.value.env![0].variable} is unset` : `Set ${s.name} = ${value}`;
  const title = `${what} in ${baseName(model.file)}${options.consequence ? ` (${options.consequence})` : ""}`;
  return { title, safety: options.safety, edits: [edit] };
}

/** The env read whose default the setting's value is, when that read is written in `model` and returns the default as is. */
function rewriteDefault(model: ModuleModel, s: ResolvedSetting, value: string): TextEdit | undefined {
  const reads: EnvRead[] = s.value.env ?? [];
  if (reads.length !== 1) return undefined;
  const r = reads[0];
  if (!r.hasDefault || !r.defaultLoc || r.defaultLoc.file !== model.file || !r.default) return undefined;
  // `os.environ.get("DEBUG", "True") == "True"`: the default is a string the expression compares, not the value.
  if (r.default.k !== s.value.k && !(r.cast && (r.cast === "bool" || r.cast === "int"))) return undefined;
  const last = s.binding?.writes[s.binding.writes.length - 1];
  if (!last || last.file !== model.file) return undefined;
  const loc = r.defaultLoc;
  // A keyword default (`default=True`) keeps its keyword: replace the value expression only.
  const kw = model.text.slice(loc.range.startOffset, loc.range.endOffset).match(/^(\w+\s*=\s*)/);
  const start = loc.range.startOffset + (kw ? kw[1].length : 0);
  return replaceRange(model.file, rangeOfOffsets(model.text, start, loc.range.endOffset), value);
}

/** The module's own last write of the setting, when it is a plain top-level `SETTING = expr`. */
function rewriteAssignment(model: ModuleModel, s: ResolvedSetting, value: string, comment?: string): TextEdit | undefined {
  const last = s.binding?.writes[s.binding.writes.length - 1];
  if (!last || last.file !== model.file || last.kind !== "assign") return undefined;
  const stmt = model.statements.find((x) => x.range.startOffset === last.range.startOffset && x.range.endOffset === last.range.endOffset);
  if (!stmt || stmt.kind !== "assign" || stmt.targets.length !== 1 || stmt.targets[0].path.length || stmt.targets[0].name !== s.name) return undefined;
  if (!exprAt(model, stmt.value.range)) return undefined;
  const tail = comment && !hasCommentAfter(model, stmt.range.endOffset) ? `  # ${comment}` : "";
  return replaceRange(model.file, stmt.value.range, value + tail);
}

function hasCommentAfter(model: ModuleModel, offset: number): boolean {
  const end = model.text.indexOf("\n", offset);
  return model.text.slice(offset, end < 0 ? undefined : end).includes("#");
}

function insertion(model: ModuleModel, name: string, value: string, comment?: string): TextEdit {
  return insertAfterStarImports(model, name, `${name} = ${value}${comment ? `  # ${comment}` : ""}`);
}

/**
 * An edit adding `statement` (which writes `name`) after the module's star-import block, so what the module does next
 * still sees it, or at the end when the module writes the setting after that point (an insertion before it would be
 * overwritten).
 */
export function insertAfterStarImports(model: ModuleModel, name: string, statement: string, options: { overridable?: boolean } = {}): TextEdit {
  const stars = model.statements.filter((x) => x.kind === "importStar");
  const after = stars[stars.length - 1];
  // `overridable`: a value later imports (an optional local.py) may override on purpose, so it goes before them.
  const later = after && (options.overridable ? model.statements.some((x) => x.range.startOffset >= after.range.endOffset && writesAfter([x], name, after.range.endOffset) && x.kind !== "try" && x.kind !== "importStar" && x.kind !== "importFrom") : writesAfter(model.statements, name, after.range.endOffset));
  if (!after || later) return insertSetting(model, statement);
  const text = model.text;
  const eol = text.includes("\r\n") ? "\r\n" : "\n";
  let at = text.indexOf("\n", after.range.endOffset);
  at = at < 0 ? text.length : at + 1;
  const lead = at === text.length && !text.endsWith("\n") ? eol : "";
  return { file: model.file, range: rangeOfOffsets(text, at, at), newText: lead + statement + eol };
}

/** True when a statement after `offset` (at any depth) writes `name`. */
function writesAfter(stmts: readonly Stmt[], name: string, offset: number): boolean {
  for (const s of stmts) {
    if (s.range.endOffset <= offset) continue;
    switch (s.kind) {
      case "assign":
        if (s.targets.some((t) => t.name === name)) return true;
        break;
      case "unpack":
        if (s.targets.some((t) => t?.name === name)) return true;
        break;
      case "augassign":
      case "mutate":
      case "setattr":
        if (s.target.name === name) return true;
        break;
      case "del":
        if (s.targets.some((t) => t.name === name)) return true;
        break;
      case "if":
        if (s.branches.some((b) => writesAfter(b.body, name, offset))) return true;
        break;
      case "try":
        if (writesAfter([...s.body, ...s.handlers.flatMap((h) => h.body), ...s.orelse, ...s.finalbody], name, offset)) return true;
        break;
      case "opaque":
        if (s.binds.includes(name) || writesAfter(s.body, name, offset)) return true;
        break;
      default:
        // An import or a call may bring the name in (a star-import later in the module, include()): treat as a write.
        if ((s.kind === "importStar" || s.kind === "importFrom" || s.kind === "call") && s.range.startOffset >= offset) return true;
    }
  }
  return false;
}

function baseName(file: string): string {
  return file.slice(Math.max(file.lastIndexOf("/"), file.lastIndexOf("\\")) + 1);
}
