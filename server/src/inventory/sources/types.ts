// What documentation sources yield: the variables each file names, where, for which program, and what stays unresolved.
import type { Note } from "../../resolve/namespace";
import type { Loc } from "../../resolve/values";

export type DocSourceKind = "dotenv" | "compose" | "kubernetes" | "helm" | "heroku" | "procfile" | "dockerfile" | "render" | "appengine" | "fly";

/** One variable named by a documentation file. */
export interface DocEntry {
  variable: string;
  source: DocSourceKind;
  /** The name as written in the documenting file. */
  loc: Loc;
  /** Where inside the file: "service web", "Deployment api, container django", "ConfigMap app-config (envFrom of Deployment api)". */
  context: string;
  /**
   * False for entries that configure another program (the postgres service of a compose file, a subchart's values):
   * they still count as documentation, but are never reported as unused by the settings.
   */
  forDjango: boolean;
  /**
   * The value the file commits for it, where the file holds one: a compose `KEY: value`, or the default of
   * `${KEY:-default}` (what a plain `docker compose up` runs with). Absent for `${KEY}` and for names without a value.
   */
  value?: { text: string; loc: Loc };
}

/** A variable some other tool reads from the environment: compose `${VAR}` interpolation, a Procfile's `$PORT`. */
export interface ConsumedVariable {
  variable: string;
  loc: Loc;
  by: string;
}

/** A reference the tree cannot resolve, which may provide any variable: a missing env_file, a Secret not in the tree. */
export interface OpenReference {
  loc: Loc;
  message: string;
  forDjango: boolean;
}

export interface DocFile {
  file: string;
  source: DocSourceKind;
  variables: number;
}

export interface DocumentationScan {
  files: DocFile[];
  entries: DocEntry[];
  consumed: ConsumedVariable[];
  open: OpenReference[];
  /** Files that could not be parsed (a YAML syntax error, a Helm template): skipped, and said so. */
  notes: Note[];
}

/** What every source parser gets: how to read a file, and which variables the settings read (to tell Django's services apart). */
export interface SourceContext {
  root: string;
  read(file: string): string | undefined;
  readVariables: ReadonlySet<string>;
  /** Appends to the scan being built. */
  scan: DocumentationScan;
}

/** Commands that run Django: a compose service or container with one of these is the settings' consumer. */
export const DJANGO_COMMAND = /manage\.py|gunicorn|uvicorn|daphne|hypercorn|uwsgi|granian|celery|django/i;

/** `${VAR}`, `${VAR:-default}`, `${VAR?error}` and `$VAR`, as compose and shells interpolate them (`$$` escapes). */
export function interpolatedNames(s: string): Array<{ name: string; index: number }> {
  // A scan rather than `/\$(\$)|\$\{(NAME)[^}]*\}|\$(NAME)/g`: that regex reads the rest of the text from every `${a`
  // that no `}` closes (quadratic on compose files from the checkout). Same matches, same order.
  const out: Array<{ name: string; index: number }> = [];
  const lastClose = s.lastIndexOf("}");
  const nameEnd = (from: number): number => {
    if (!/[A-Za-z_]/.test(s[from] ?? "")) return from;
    let j = from + 1;
    while (j < s.length && /[A-Za-z0-9_]/.test(s[j])) j++;
    return j;
  };
  for (let i = s.indexOf("$"); i >= 0; i = s.indexOf("$", i)) {
    if (s[i + 1] === "$") {
      i += 2;
      continue;
    }
    if (s[i + 1] === "{") {
      const end = nameEnd(i + 2);
      if (end > i + 2 && end <= lastClose) {
        out.push({ name: s.slice(i + 2, end), index: i + 2 });
        i = s.indexOf("}", end) + 1;
      } else i += 1;
      continue;
    }
    const end = nameEnd(i + 1);
    if (end > i + 1) {
      out.push({ name: s.slice(i + 1, end), index: i + 1 });
      i = end;
    } else i += 1;
  }
  return out;
}
