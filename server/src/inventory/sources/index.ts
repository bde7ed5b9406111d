// Finds every documentation source under a root (one walk) and collects the variables each documents, in a stable order.
import * as fs from "fs";
import * as path from "path";
import { LineIndex } from "../text";
import { isComposeFile, scanCompose } from "./compose";
import { parseDotenv } from "./dotenv";
import { isHelmValuesFile, scanHelmValues } from "./helm";
import { scanAppJson } from "./heroku";
import { looksLikeKubernetes, scanKubernetes } from "./kubernetes";
import { scanAppEngine, scanFly, scanRender } from "./platforms";
import { isProcfile, scanProcfile } from "./procfile";
import { isDockerfile, scanDockerfile } from "./dockerfile";
import type { DocEntry, DocumentationScan, SourceContext } from "./types";

export * from "./types";

/** Directories never worth walking (the settings discovery skips the same; Helm `templates/` are not YAML until rendered). */
const SKIP_DIRS = new Set([
  "node_modules", ".git", ".hg", ".svn", "__pycache__", ".tox", ".nox", ".venv", "venv", "env", ".env", "site-packages",
  ".mypy_cache", ".pytest_cache", ".ruff_cache", "dist", "build", ".eggs", "staticfiles", "media", "migrations",
  "templates", "static", "locale",
]);

const MAX_ENTRIES = 50_000;
const MAX_DEPTH = 20;
const MAX_BYTES = 1_000_000;

/** .env.example and its usual spellings: the hand-kept list of what a deployment must set. */
export function isDotenvDoc(name: string): boolean {
  // pythondotorg keeps its list in `env_sample`.
  return /^(\.env\.(example|sample|template|dist|defaults)|\.?env[._-](example|sample|template)|(example|sample)\.env)$/i.test(name);
}

export interface TreeFiles {
  dotenvDocs: string[];
  compose: string[];
  helmValues: string[];
  yaml: string[];
  appJson: string[];
  procfiles: string[];
  dockerfiles: string[];
  render: string[];
  appEngine: string[];
  fly: string[];
  python: string[];
}

/** One walk of the tree, sorted per directory so every output is stable. */
export function walkTree(root: string): TreeFiles {
  const out: TreeFiles = { dotenvDocs: [], compose: [], helmValues: [], yaml: [], appJson: [], procfiles: [], dockerfiles: [], render: [], appEngine: [], fly: [], python: [] };
  let budget = MAX_ENTRIES;
  const seen = new Set<string>();
  const walk = (dir: string, depth: number) => {
    if (depth > MAX_DEPTH || budget <= 0) return;
    let real: string;
    try {
      real = fs.realpathSync(dir);
    } catch {
      return;
    }
    if (seen.has(real)) return;
    seen.add(real);
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const names = new Set(entries.map((e) => e.name));
    for (const e of entries) {
      if (--budget <= 0) return;
      const p = path.join(dir, e.name);
      if (e.isDirectory()) {
        if (!SKIP_DIRS.has(e.name)) walk(p, depth + 1);
        continue;
      }
      if (!e.isFile() && !e.isSymbolicLink()) continue;
      const n = e.name;
      if (isDotenvDoc(n)) out.dotenvDocs.push(p);
      else if (isComposeFile(n)) out.compose.push(p);
      else if (isHelmValuesFile(n) && names.has("Chart.yaml")) out.helmValues.push(p);
      else if (n === "render.yaml") out.render.push(p);
      else if (n === "app.yaml" && !names.has("Chart.yaml")) out.appEngine.push(p);
      else if (/\.ya?ml$/i.test(n)) out.yaml.push(p);
      else if (n === "app.json") out.appJson.push(p);
      else if (isProcfile(n)) out.procfiles.push(p);
      else if (isDockerfile(n)) out.dockerfiles.push(p);
      else if (n === "fly.toml") out.fly.push(p);
      else if (n.endsWith(".py")) out.python.push(p);
    }
  };
  walk(root, 0);
  return out;
}

/** Reads a file from the overlay (open editors) or the disk; undefined when absent, unreadable or too large to be config. */
export function fileReader(overlay?: { get(file: string): string | undefined }): (file: string) => string | undefined {
  return (file) => {
    const open = overlay?.get(file);
    if (open !== undefined) return open;
    try {
      const st = fs.statSync(file);
      if (!st.isFile() || st.size > MAX_BYTES) return undefined;
      return fs.readFileSync(file, "utf8");
    } catch {
      return undefined;
    }
  };
}

export function scanDocumentation(root: string, tree: TreeFiles, readVariables: ReadonlySet<string>, read: (file: string) => string | undefined): DocumentationScan {
  const scan: DocumentationScan = { files: [], entries: [], consumed: [], open: [], notes: [] };
  const ctx: SourceContext = { root, read, readVariables, scan };
  const each = (files: string[], fn: (file: string, text: string) => void) => {
    for (const f of files) {
      const text = read(f);
      if (text !== undefined) fn(f, text);
    }
  };
  each(tree.dotenvDocs, (file, text) => {
    const lines = new LineIndex(text);
    const keys = parseDotenv(text);
    for (const e of keys) scan.entries.push({ variable: e.key, source: "dotenv", loc: lines.loc(file, e.start, e.end), context: path.basename(file), forDjango: true });
    scan.files.push({ file, source: "dotenv", variables: keys.length });
  });
  each(tree.compose, (file, text) => scanCompose(ctx, file, text));
  const k8s: Array<{ file: string; text: string }> = [];
  each(tree.yaml, (file, text) => {
    if (looksLikeKubernetes(text)) k8s.push({ file, text });
  });
  scanKubernetes(ctx, k8s);
  each(tree.helmValues, (file, text) => scanHelmValues(ctx, file, text));
  each(tree.appJson, (file, text) => scanAppJson(ctx, file, text));
  each(tree.procfiles, (file, text) => scanProcfile(ctx, file, text));
  each(tree.dockerfiles, (file, text) => scanDockerfile(ctx, file, text));
  each(tree.render, (file, text) => scanRender(ctx, file, text));
  each(tree.appEngine, (file, text) => scanAppEngine(ctx, file, text));
  each(tree.fly, (file, text) => scanFly(ctx, file, text));
  // A compose env_file that is also a .env.example appears once, as the dotenv document it is.
  const seen = new Set<string>();
  scan.files = scan.files.filter((f) => (seen.has(f.file) ? false : (seen.add(f.file), true))).sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  const byPlace = new Map<string, DocEntry>();
  scan.entries = scan.entries.filter((e) => {
    const key = `${e.variable}|${e.loc.file}|${e.loc.range.startOffset}`;
    const prev = byPlace.get(key);
    if (!prev) {
      byPlace.set(key, e);
      return true;
    }
    prev.forDjango ||= e.forDjango;
    return false;
  });
  return scan;
}
