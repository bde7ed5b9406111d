// DJANGO_SETTINGS_MODULE and --settings= in files that are not Python: Dockerfiles, compose, Kubernetes, CI, ini, toml, shell.
import { kindOfWords, wordsOf } from "../resolve/classify";
import type { EntryFileProfile, Implies } from "./entryFiles";

export interface TextMention {
  module: string;
  /** 1-based. */
  line: number;
  how: "default" | "set" | "argument";
  implies: Implies;
}

const DOTTED = "[A-Za-z_]\\w*(?:\\.[A-Za-z_]\\w*)*";
/** The variable set: `X=v`, `X: v`, `"X": "v"`, `ENV X v`, `X = "v"`, `setenv = X=v`; not `$X` or `${X}` (a read). */
const SET_RE = /(?<![$\w])(?<!\$\{)(["']?)(DJANGO_SETTINGS_MODULE|django_settings_module)\1(\s*[:=]\s*|\s+)(.*)$/i;
const SET_RE_FROM = new RegExp(SET_RE.source, "gi");

/**
 * SET_RE.exec(line), but started where a match can begin. `.` cannot cross U+2028/U+2029 (split leaves them in the line)
 * and `(.*)$` must reach the end, so every start before the last one fails only after scanning the rest of the line:
 * quadratic on a long line of repeated mentions. A match's tail starts after it; only the separator before the tail
 * (whitespace, `:`/`=`) may hold it, so the match starts at most a quoted name's length before that run.
 */
function setMatch(line: string): RegExpExecArray | null {
  const lt = Math.max(line.lastIndexOf("\u2028"), line.lastIndexOf("\u2029"));
  if (lt < 0) return SET_RE.exec(line);
  let j = lt;
  while (j > 0 && /[\s:=]/.test(line[j - 1])) j--;
  SET_RE_FROM.lastIndex = Math.max(0, j - '"DJANGO_SETTINGS_MODULE"'.length);
  return SET_RE_FROM.exec(line);
}
const ARG_RE = new RegExp(`(?:^|[\\s"'\\[,(])--(settings|ds)(?:=|\\s+)["']?(${DOTTED})`, "g");
const K8S_NAME_RE = /\bname["']?\s*:\s*["']?DJANGO_SETTINGS_MODULE["']?\s*(,|}|$)/;
// `\s*(?:-\s*)?`, not `\s*-?\s*`: the same strings, without trying every split of a long run of spaces.
const VALUE_RE = new RegExp(`^\\s*(?:-\\s*)?["']?value["']?\\s*:\\s*["']?(${DOTTED})`);

const SERVER_WORDS = /\b(gunicorn|uvicorn|daphne|hypercorn|uwsgi|granian|waitress-serve|mod_wsgi)\b/;
const TEST_WORDS = /\b(pytest|py\.test|tox|nox|coverage run)\b|manage\.py\s+test\b|django-admin\s+test\b/;

/** What a command on the line says, beating what the file says: runserver is development, pytest testing, gunicorn deployed. */
/** Management commands a build runs once (an image's `RUN`, a CI step): they serve no request. */
const BUILD_WORDS = /\b(collectstatic|compilemessages|compress|compilescss|spectacular|generateschema|graphql_schema)\b/;

function lineImplies(line: string): Implies | undefined {
  if (/\brunserver(_plus)?\b/.test(line)) return "development";
  if (TEST_WORDS.test(line)) return "testing";
  if (SERVER_WORDS.test(line)) return "production";
  // pythondotorg's `RUN DJANGO_SETTINGS_MODULE=pydotorg.settings.static python manage.py collectstatic`: the module
  // only builds static files, like a tool a developer runs; the image's ENV names the one that serves.
  if (BUILD_WORDS.test(line)) return "development";
  return undefined;
}

/**
 * The mentions of settings modules in one file. Comment lines are skipped (a commented-out ENV names nothing);
 * sections (`[tool.pytest.ini_options]`, `[testenv]`, `[uwsgi]`), Makefile targets and the commands on a line refine
 * what the file as a whole implies.
 */
export function scanTextEntry(profile: EntryFileProfile, text: string): TextMention[] {
  if (!/django_settings_module|--settings|--ds\b/i.test(text)) return [];
  const out: TextMention[] = [];
  const lines = text.split(/\r\n|\r|\n/);
  let section: Implies | undefined;
  let target: Implies | undefined;
  const fileImplies = profile.type === "yaml" || profile.type === "ci" ? yamlImplies(profile, text) : profile.implies;
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i];
    const line = raw.trim();
    if (profile.type === "ini" || profile.type === "toml") {
      const s = sectionHeader(line);
      if (s !== undefined) {
        section = sectionImplies(s);
        continue;
      }
    }
    if (profile.type === "makefile") {
      const t = /^([A-Za-z0-9_.\-/]+)\s*:(?!=)/.exec(raw);
      if (t && !/^\s/.test(raw)) {
        const k = kindOfWords(wordsOf(t[1]));
        target = k && k !== "base" ? k : /run|serve/.test(t[1]) ? "development" : undefined;
      }
    }
    if (line.startsWith("#") || line.startsWith(";") || line.startsWith("//")) continue;
    const implies = lineImplies(line) ?? (profile.type === "makefile" ? target : undefined) ?? section ?? fileImplies;
    const set = setMatch(line);
    const v = set ? valueOf(set[4]) : undefined;
    if (v) out.push({ module: v.module, line: i + 1, how: v.how, implies });
    else if (K8S_NAME_RE.test(line)) {
      // Kubernetes and ECS: `- name: DJANGO_SETTINGS_MODULE` then `value: …` on a following line, or on the same one.
      const same = new RegExp(`value["']?\\s*:\\s*["']?(${DOTTED})`).exec(line.slice(line.search(/DJANGO_SETTINGS_MODULE/)));
      if (same) out.push({ module: same[1], line: i + 1, how: "set", implies });
      else
        for (let j = i + 1; j < Math.min(lines.length, i + 4); j++) {
          const m = VALUE_RE.exec(lines[j]);
          if (m) {
            out.push({ module: m[1], line: j + 1, how: "set", implies });
            break;
          }
        }
    }
    ARG_RE.lastIndex = 0;
    for (let m = ARG_RE.exec(line); m; m = ARG_RE.exec(line)) {
      // pytest's --ds is always the tests'; --settings follows the command on the line.
      out.push({ module: m[2], line: i + 1, how: "argument", implies: m[1] === "ds" ? "testing" : implies });
    }
  }
  return out;
}

/**
 * What `/^\[+\s*([^\]]+?)\s*\]+\s*$/.exec(line)?.[1]` gives for a trimmed line, in one pass: that regex retries its
 * lazy name from every leading `[` and every space, quadratic on a long line of `[` or of spaces.
 */
export function sectionHeader(line: string): string | undefined {
  let a = 0;
  while (a < line.length && line[a] === "[") a++;
  let e = line.length;
  while (e > a && line[e - 1] === "]") e--;
  if (a === 0 || e === line.length) return undefined;
  const inner = line.slice(a, e);
  if (inner.includes("]")) return undefined;
  // `[[]]` names "[" (one `[` given back to the name); `[ ]` names its last space (the name takes at least one character).
  if (inner === "") return a >= 2 ? "[" : undefined;
  const t = inner.trim();
  return t !== "" ? t : inner[inner.length - 1];
}

/** `proj.settings`, `"proj.settings"`, `${DJANGO_SETTINGS_MODULE:-proj.settings}`, `{"value": "proj.settings"}`. */
function valueOf(rest: string): { module: string; how: TextMention["how"] } | undefined {
  let s = rest.trim().replace(/^["']/, "");
  let how: TextMention["how"] = "set";
  const def = /^\$\{?\w+:?[-=]([^}"'\s]+)\}?/.exec(s);
  if (def) {
    s = def[1];
    how = "default";
  } else if (s.startsWith("{")) {
    const v = new RegExp(`["']?value["']?\\s*:\\s*["']?(${DOTTED})`).exec(s);
    return v ? { module: v[1], how } : undefined;
  } else if (s.startsWith("$")) return undefined;
  const m = new RegExp(`^(${DOTTED})(?=$|["'\\s;,}\\])&\\\\|])`).exec(s);
  if (!m) return undefined;
  return { module: m[1], how };
}

function sectionImplies(name: string): Implies | undefined {
  const n = name.toLowerCase().replace(/["']/g, "");
  if (/^(tool[.:])?pytest\b|^tool\.pytest|^testenv|^tox\b|^tool\.tox|^tool\.nox|^coverage/.test(n)) return "testing";
  if (/^uwsgi\b|^program:|^tool\.(fly|render)/.test(n)) return "production";
  if (/mypy|django-stubs|django_stubs|pyright|pylint/.test(n)) return "unspecified";
  return undefined;
}

/** A YAML file by what it holds: CI says testing unless it deploys, compose follows its commands, Kubernetes deploys. */
function yamlImplies(profile: EntryFileProfile, text: string): Implies {
  if (profile.type === "ci" || profile.implies !== "unspecified") return profile.implies;
  // Leading blanks of one line only: `^\s*` under m re-reads a run of blank lines from each of them (quadratic); a key
  // after blank lines still starts a later line.
  if (/^[^\S\n\r\u2028\u2029]*(apiVersion|kind)\s*:/m.test(text)) return "production";
  if (/^services\s*:/m.test(text)) {
    if (/\brunserver(_plus)?\b/.test(text)) return "development";
    if (SERVER_WORDS.test(text)) return "production";
  }
  return "unspecified";
}
