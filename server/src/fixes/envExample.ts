// .env.example entries that work when the file is copied to .env: required names empty, defaults commented out, no secrets.
import * as path from "path";
import type { Value } from "../resolve/values";
import type { TextEdit } from "./edit";
import { readFromDisk } from "../parse/fileText";
import { isEnvVarName } from "./envNames";
import { rangeOfOffsets } from "./literal";

export const ENV_EXAMPLE = ".env.example";

/** Where the project keeps its example: beside the audited root. */
export function envExamplePath(root: string): string {
  return path.join(root, ENV_EXAMPLE);
}

/** Whether a dotenv text already lists `variable` (`NAME=`, `export NAME=…`, or a commented-out `# NAME=`). */
export function listsVariable(text: string, variable: string): boolean {
  const escaped = variable.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return new RegExp(`^[ \\t]*(?:#[ \\t]*)?(?:export[ \\t]+)?${escaped}[ \\t]*=`, "m").test(text);
}

/**
 * The edit adding `NAME=` to .env.example, or undefined when the file already lists the name or `variable` is not a
 * variable name (isEnvVarName): callers check first and offer no fix for such a name, and this check makes sure that
 * only a name, and so exactly one line, is ever written here. A TextEdit on a file that does not exist means "create
 * it" (see TextEdit). `current` overrides the file's text on disk, for callers that have edits of their own pending.
 */
export function envExampleEdit(root: string, variable: string, current?: string, comment = REQUIRED_COMMENT): TextEdit | undefined {
  if (!isEnvVarName(variable)) return undefined;
  const file = envExamplePath(root);
  const text = current ?? readFromDisk(file);
  const entry = (eol: string) => `# ${comment}${eol}${variable}=${eol}`;
  if (text === undefined) return { file, range: rangeOfOffsets("", 0, 0), newText: entry("\n") };
  if (listsVariable(text, variable)) return undefined;
  const eol = text.includes("\r\n") ? "\r\n" : "\n";
  const lead = text.length === 0 || text.endsWith("\n") ? "" : eol;
  return { file, range: rangeOfOffsets(text, text.length, text.length), newText: `${lead}${entry(eol)}` };
}

/** What a fix that makes a variable required writes above its empty entry. */
export const REQUIRED_COMMENT = "required, no default: set it per deployment, never commit the value";

/** What .env.example should say about one variable. */
export interface ExampleEntry {
  name: string;
  /** Some environment cannot load while it is unset. */
  required: boolean;
  /** The comment above the entry, without the `#`. */
  comment: string;
  /** The default the code falls back to (before any cast), for a variable that is not required. */
  defaultValue?: Value;
  /** Secret-looking: never given a value, not even a committed default. */
  secret: boolean;
}

/**
 * The entry's lines, without a final newline. A required variable is `NAME=` for whoever copies the file to fill in.
 * A defaulted one is commented out with its default (`# POSTGRES_PORT=5432`): copied to .env it changes nothing, where
 * an empty `POSTGRES_PORT=` would make `env.int()` fail and an empty `DJANGO_SECURE_SSL_REDIRECT=` turn True into False.
 * A secret gets no value either way.
 */
export function exampleLines(e: ExampleEntry): string[] {
  if (e.required) return [`# ${e.comment}`, `${e.name}=`];
  const shown = e.secret ? "" : dotenvValue(e.defaultValue);
  return [`# ${e.comment}`, `# ${e.name}=${shown ?? ""}`];
}

/**
 * A default as a .env value the usual readers (django-environ, python-decouple, os.environ) turn back into it: a bool
 * as True/False, a list as comma-separated items, None as empty. Undefined for what a .env line cannot say (a dict, a
 * path computed on this machine, an unknown).
 */
export function dotenvValue(v: Value | undefined): string | undefined {
  if (!v) return undefined;
  switch (v.k) {
    case "str":
      return /^[^\s#"'$\\]*$/.test(v.v) ? v.v : JSON.stringify(v.v);
    case "int":
    case "float":
      return Number.isFinite(v.v) ? String(v.v) : undefined;
    case "bool":
      return v.v ? "True" : "False";
    case "none":
      return "";
    case "list":
    case "tuple": {
      const items = v.items.map((i) => (i.k === "str" && !/[,\s#"'$\\]/.test(i.v) ? i.v : i.k === "int" ? String(i.v) : undefined));
      return items.every((i) => i !== undefined) ? items.join(",") : undefined;
    }
    default:
      return undefined;
  }
}
