// The environment kind of a settings module from its evidence: configuration, entry points, package path, then name.
import type { EnvKind, PlaceKind } from "../resolve/classify";
import type { EntryFileType } from "./entryFiles";
import type { EntryRef } from "./entryPoints";

export interface KindDecision {
  kind: EnvKind;
  /** The evidence, in words: "named by saleor/asgi/__init__.py:37", "path settings/testing/", "configuration". */
  source: string;
  /** True when the evidence is weak or conflicting: nothing said which environment, or two things disagreed. */
  guessed: boolean;
}

export interface KindEvidence {
  configured?: EnvKind;
  /** The entry points that name the module. */
  refs: readonly EntryRef[];
  place?: PlaceKind;
  /** Some entry point names a module for deployment: a module only manage.py names is then the developers'. */
  deployedElsewhere: boolean;
  /**
   * A module beside this one named for production or staging (production.py in the same settings package), by its
   * path relative to the root: a wsgi.py that only defaults to dev.py then deploys production.py, set in the environment.
   */
  deployedSibling?: string;
  /** Another module a deployment names explicitly (a Procfile, a Dockerfile ENV), as "Procfile:1": a default is overridden there. */
  deployedExplicitly?: string;
  /** A path relative to the root, for the messages. */
  rel(file: string): string;
  /** The module's name or folder says it is for the documentation (`settings_sphinx`, `docs/django_settings.py`). */
  docsNamed?: boolean;
}

/**
 * In order: the user's mapping; how entry points use the module (deployed beats testing beats development); the
 * package path and the stem (placeKind). A module in a tests/ package, or named for testing, is never production,
 * whatever deploys it. A module only manage.py names is development when another one is deployed, and taken for
 * production (a guess) when nothing is; a module nothing says anything about is taken for production, as a guess,
 * so that the deploy checks still run on it.
 */
export function decideKind(ev: KindEvidence): KindDecision {
  if (ev.configured) return { kind: ev.configured, source: "configuration", guessed: false };
  const refs = [...ev.refs].sort((a, b) => RANK[a.type] - RANK[b.type] || cmp(ev.rel(a.file), ev.rel(b.file)) || a.line - b.line);
  const by = (...kinds: string[]) => refs.filter((r) => kinds.includes(r.implies));
  const named = (r: EntryRef) => `named by ${ev.rel(r.file)}:${r.line}`;
  const place = ev.place;
  const deployed = by("production", "staging");
  const testing = by("testing");
  const development = by("development");
  if (place?.kind === "testing") {
    const agree = testing[0];
    if (agree) return { kind: "testing", source: named(agree), guessed: false };
    return { kind: "testing", source: deployed.length ? `${place.source}, though ${named(deployed[0])} for deployment` : place.source, guessed: false };
  }
  if (deployed.length) {
    const staging = deployed.some((r) => r.implies === "staging") || place?.kind === "staging";
    const conflict = place?.kind === "development";
    // Only a fallback (wsgi.py's setdefault) while deployments name another module: Wagtail's template defaults
    // both manage.py and wsgi.py to settings.dev beside a production.py; a Procfile names the module it deploys.
    const saysDevelopment = conflict || refs.some((r) => r.implies === "development");
    const overriddenBy = saysDevelopment && deployed.every((r) => r.how === "default") ? (ev.deployedSibling ?? ev.deployedExplicitly) : undefined;
    if (overriddenBy) {
      const rest = decideKind({ ...ev, refs: refs.filter((r) => !deployed.includes(r)), deployedElsewhere: true, deployedSibling: undefined, deployedExplicitly: undefined });
      return { ...rest, source: `${rest.source}; ${named(deployed[0])} only as a default, beside ${overriddenBy}` };
    }
    return {
      kind: staging ? "staging" : "production",
      source: named(deployed[0]) + (conflict ? `, though its ${place!.source} says development` : ""),
      guessed: conflict,
    };
  }
  if (testing.length) {
    // The tests' settings are often the app's own: ArchiveBox's package sets DJANGO_SETTINGS_MODULE in its __init__.py,
    // and pytest names the same module. With nothing else deployed it is the module that serves, as a module only
    // manage.py names is (below): judged as production, a guess, rather than switching the deploy checks off.
    const serves = refs.filter((r) => r.type === "python" && (r.implies === "development" || r.implies === "unspecified"));
    if (serves.length && !ev.deployedElsewhere && place?.kind !== "development") {
      return { kind: "production", source: `${named(serves[0])}, and ${named(testing[0])} for tests; no entry point names a module for deployment`, guessed: true };
    }
    return { kind: "testing", source: named(testing[0]), guessed: false };
  }
  if (development.length) {
    if (place && (place.kind === "production" || place.kind === "staging")) return { kind: place.kind, source: `${place.source}, though ${named(development[0])} for development`, guessed: true };
    // A module only Sphinx loads, and named for it, builds the docs: even with no deployment in sight it is not the
    // deployed one (django-oscar's settings_sphinx). Sphinx naming the project's main settings says nothing of them.
    const docsOnly = ev.docsNamed === true && development.every((r) => r.what === "Sphinx configuration");
    if (place?.kind === "development" || ev.deployedElsewhere || docsOnly) return { kind: "development", source: named(development[0]), guessed: false };
    return { kind: "production", source: `${named(development[0])}, and no entry point names a module for deployment`, guessed: true };
  }
  if (place) return { kind: place.kind, source: place.source, guessed: false };
  const any = refs[0];
  return { kind: "production", source: any ? `${named(any)}, which does not say for which environment` : "nothing names it or says which environment it serves", guessed: true };
}

/** Which reference kindSource names first: entry points and configuration before CI jobs and scripts. */
const RANK: Record<EntryFileType, number> = { python: 0, ini: 1, toml: 1, dockerfile: 2, procfile: 2, json: 2, "deploy-config": 2, yaml: 2, dotenv: 3, ci: 4, makefile: 4, shell: 4 };

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
