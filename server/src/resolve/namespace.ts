// What a module's namespace holds after it runs: each name's value, every write to it, and how it was imported.
import type { Range } from "../parse/model";
import type { Value } from "./values";

export interface Write {
  file: string;
  /** The whole statement. */
  range: Range;
  /** The target as written (`DATABASES["default"]["PASSWORD"]`), or the name alone. */
  targetRange: Range;
  kind: "assign" | "augassign" | "mutate" | "del" | "unpack" | "opaque";
  /** The value written reads the name itself (`SECRET_KEY = SECRET_KEY.strip()`): what it replaced lives on in it. */
  derived?: boolean;
}

/** One step of a star-import (or include) chain: the statement in `file` that brought the name in from `from`. */
export interface ImportHop {
  file: string;
  range: Range;
  from: string;
}

export interface Binding {
  value: Value;
  /** Writes in source order; the last one is where the current value was decided. */
  writes: Write[];
  /** Outermost first: how the environment's module got this name. Empty when it was written in the module itself. */
  via: ImportHop[];
  /** The binding this one replaced, for "overrides the value from base.py". */
  overrides?: Binding;
}

export type Namespace = Map<string, Binding>;

export interface Note {
  file: string;
  range?: Range;
  severity: "error" | "warning" | "information";
  message: string;
  /**
   * A committed value the message quotes, which must not be shown in full when one of `names` looks secret. The resolve
   * layer does not know which names are secret (secrets/ sits above it): the engine masks the message and drops this.
   */
  quotes?: { names: string[]; text: string };
}

/**
 * Where a note about a whole file goes (unreadable, oversized, not UTF-8): its first position. Editors show a note only
 * at a range, and the file itself is where someone opening it needs to learn why it is not analysed.
 */
export const FILE_START: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 }, startOffset: 0, endOffset: 0 };

/** A top-level call the rules may care about: `sentry_sdk.init(...)`, `logging.config.dictConfig(...)`. */
export interface CallRecord {
  file: string;
  range: Range;
  callee: string;
  args: Value[];
  kwargs: Record<string, Value>;
  via: ImportHop[];
}

/** Django reads only the names that are uppercase (str.isupper): at least one cased letter, none lowercase. */
export function isSettingName(name: string): boolean {
  return /[A-Z]/.test(name) && !/[a-z]/.test(name);
}
