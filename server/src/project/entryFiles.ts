// Which files may name a settings module, what kind of file each is, and which environment it implies by its place.
import * as path from "path";
import { kindOfWords, wordsOf, type EnvKind } from "../resolve/classify";

/** What naming a settings module in a file implies about it: deployed (production or staging), development, testing. */
export type Implies = Exclude<EnvKind, "base"> | "unspecified";

export type EntryFileType =
  | "python"
  | "dockerfile"
  | "yaml"
  | "ci"
  | "procfile"
  | "json"
  | "dotenv"
  | "ini"
  | "toml"
  | "makefile"
  | "shell"
  | "deploy-config";

export interface EntryFileProfile {
  type: EntryFileType;
  /** What the file implies when nothing more precise (a section, a command on the line) says otherwise. */
  implies: Implies;
  /** How the file is named in a kindSource: "Dockerfile", "CI workflow", "pytest configuration". */
  what: string;
}

/** The kind the words of a path name (`docker-compose.dev.yml`, `.envs/.production/.django`), base words aside. */
export function pathImplies(rel: string): Implies | undefined {
  const parts = rel.split(/[\\/]/);
  const words = parts.flatMap((p) => wordsOf(p.replace(/^\.+/, "")));
  const k = kindOfWords(words.filter((w) => !["base", "common", "default", "defaults", "shared", "core", "global", "example", "sample", "template"].includes(w)));
  return k === "base" ? undefined : k;
}

const CI_PATH = /(^|\/)(\.github\/workflows\/[^/]+\.ya?ml|\.gitlab-ci\.ya?ml|\.gitlab\/.+\.ya?ml|\.circleci\/[^/]+\.ya?ml|azure-pipelines[^/]*\.ya?ml|bitbucket-pipelines\.ya?ml|\.travis\.ya?ml|\.drone\.ya?ml|\.buildkite\/.+\.ya?ml|\.woodpecker[^/]*\.ya?ml|Jenkinsfile)$/i;
const DEPLOY_WORDS = /(^|[^a-z])(deploy|deployment|release|publish|cd|prod|production|staging)([^a-z]|$)/i;

/**
 * The profile of a non-Python file by its path relative to the root (POSIX or native separators), or undefined when it
 * is not a kind of file that names settings modules. `siblings` are the names in its directory (a Helm chart's Chart.yaml).
 */
export function entryFileProfile(rel: string, siblings: ReadonlySet<string> = new Set()): EntryFileProfile | undefined {
  const posix = rel.split(path.sep).join("/");
  const name = path.posix.basename(posix);
  const lower = name.toLowerCase();
  const byPath = pathImplies(posix);
  const profile = (type: EntryFileType, implies: Implies, what: string): EntryFileProfile => ({ type, implies: byPath ?? implies, what });
  if (CI_PATH.test(posix)) return { type: "ci", implies: DEPLOY_WORDS.test(posix) ? "production" : "testing", what: "CI workflow" };
  if (/^(dockerfile|containerfile)([.-].*)?$/i.test(name) || /\.(dockerfile|containerfile)$/i.test(name)) return profile("dockerfile", "production", "Dockerfile");
  if (/^procfile([.-].*)?$/i.test(name)) return profile("procfile", "production", "Procfile");
  if (lower === "app.json" || lower === "zappa_settings.json" || lower === "railway.json" || lower === "vercel.json") return profile("json", "production", name);
  if (lower === "devcontainer.json" || lower === ".devcontainer.json") return profile("json", "development", name);
  if (/^\.env(\..+)?$|^.+\.env$|^\.django$|^\.postgres$/i.test(name) || /(^|\/)\.envs\//.test(posix)) return profile("dotenv", "unspecified", name);
  if (lower === "pytest.ini" || lower === "tox.ini" || lower === ".pytest.ini") return { type: "ini", implies: "testing", what: lower === "tox.ini" ? "tox configuration" : "pytest configuration" };
  if (lower === "setup.cfg" || lower === "mypy.ini" || lower === ".mypy.ini") return { type: "ini", implies: "unspecified", what: name };
  if (/\.(ini)$/i.test(name)) return profile("ini", /uwsgi/i.test(name) ? "production" : "unspecified", name);
  if (lower === "pyproject.toml") return { type: "toml", implies: "unspecified", what: "pyproject.toml" };
  if (lower === "fly.toml" || lower === "railway.toml" || lower === "nixpacks.toml" || lower === "render.toml") return profile("toml", "production", name);
  if (/\.(service|socket|conf)$/i.test(name) || /^supervisord?\b/i.test(name)) return profile("deploy-config", "production", name);
  if (/\.(tf|tfvars|hcl)$/i.test(name)) return profile("deploy-config", "production", name);
  if (/^(gnu)?makefile$/i.test(name) || /\.mk$/i.test(name) || lower === "justfile" || lower === ".justfile") return profile("makefile", "unspecified", name);
  if (/\.(sh|bash|zsh|ps1|bat|cmd)$/i.test(name) || /^(docker-)?entrypoint|^(start|run|boot|serve|deploy)([._-]|$)/i.test(name)) return profile("shell", "unspecified", name);
  if (/\.ya?ml$/i.test(name) || /\.config$/i.test(name) && /(^|\/)\.ebextensions\//.test(posix)) {
    const chart = siblings.has("Chart.yaml") || /(^|\/)(templates|charts|helm|k8s|kubernetes|kube|manifests|deploy|deployment|ops|infra|overlays)\//i.test(posix);
    return profile("yaml", chart || /\.ebextensions\//.test(posix) ? "production" : "unspecified", name);
  }
  return undefined;
}

/**
 * The profile of a Python file that names a settings module. manage.py is what developers run; wsgi/asgi modules,
 * server configs and task workers are what gets deployed; pytest's conftest.py and nox/tox runners are the tests';
 * other test modules are not entry points at all (undefined), nor are files in a tests/ package.
 */
export function pythonProfile(rel: string): EntryFileProfile | undefined {
  const posix = rel.split(path.sep).join("/");
  const name = path.posix.basename(posix);
  const stem = name.replace(/\.py$/, "").toLowerCase();
  const dirs = posix.split("/").slice(0, -1).map((d) => d.toLowerCase());
  const byPath = pathImplies(posix);
  if (stem === "conftest" || stem === "noxfile" || stem === "runtests" || stem === "run_tests") return { type: "python", implies: "testing", what: name };
  if (/^test_|_tests?$|^tests$/.test(stem) || dirs.some((d) => d === "tests" || d === "test")) return undefined;
  if (stem === "manage") return { type: "python", implies: "development", what: "manage.py" };
  // Sphinx's docs/conf.py sets up Django to document the code (django-oscar's settings_sphinx): nothing is served.
  if (stem === "conf" && dirs.some((d) => /^docs?$|^documentation$/.test(d))) return { type: "python", implies: "development", what: "Sphinx configuration" };
  const served = /wsgi|asgi|gunicorn|uvicorn|daphne|hypercorn|uwsgi|granian|celery|entrypoint|lambda_handler|passenger/;
  if (served.test(stem) || dirs.some((d) => /^(wsgi|asgi)$/.test(d))) return { type: "python", implies: byPath ?? "production", what: name };
  // docs/conf.py (Sphinx), scripts, management commands: they name a settings module without saying for what.
  return { type: "python", implies: byPath ?? "unspecified", what: name };
}
