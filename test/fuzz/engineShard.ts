// One worker's share of the engine fuzz: runs a fast-check property over generated or mutated projects and reports back.
import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { isMainThread, parentPort, workerData } from "node:worker_threads";
import fc from "fast-check";
import { Engine } from "../../server/src/engine";
import { ModuleLoader } from "../../server/src/resolve/moduleLoader";
import type { ProjectCache } from "../../server/src/resolve/project";
import { checkAudit, diskText, type CheckStats } from "./invariants";
import { byteOps, mutateBytes, mutateTokens, tokenOps } from "./mutate";
import { splitSettings, type SplitSettings } from "./settingsGen";

const REPO = path.resolve(__dirname, "..", "..", "..");
export const CASE_BUDGET_MS = 1000;

export type Kind = "generated" | "tokens" | "bytes";

export interface ShardTask {
  kind: Kind;
  runs: number;
  seed: number;
}

export interface ShardReport {
  kind: Kind;
  seed: number;
  cases: number;
  findings: number;
  stats: CheckStats;
  /** Sum and the slowest few, in ms. */
  totalMs: number;
  slowest: Array<{ ms: number; what: string }>;
  /** fast-check's report (seed, path, counterexample) and the cause, when the property failed. */
  failure?: string;
}

interface SharedLoader {
  loader: ModuleLoader;
  texts: Map<string, string>;
}

class Shard {
  readonly stats: CheckStats = { ranges: 0, fixes: 0, loneCrDocuments: 0 };
  findings = 0;
  cases = 0;
  totalMs = 0;
  slowest: Array<{ ms: number; what: string }> = [];

  constructor(
    readonly engine: Engine,
    readonly tmp: string,
  ) {}

  /** Runs one case, timed; a case over budget runs again once, so a scheduler hiccup on a busy machine is not a finding. */
  timed(what: string, run: () => void): void {
    let t0 = performance.now();
    run();
    let ms = performance.now() - t0;
    if (ms > CASE_BUDGET_MS) {
      t0 = performance.now();
      run();
      ms = Math.min(ms, performance.now() - t0);
    }
    this.cases++;
    this.totalMs += ms;
    this.slowest.push({ ms, what });
    if (this.slowest.length > 20) this.slowest = this.slowest.sort((a, b) => b.ms - a.ms).slice(0, 5);
    assert.ok(ms <= CASE_BUDGET_MS, `${what} took ${ms.toFixed(0)} ms`);
  }

  /**
   * Audits `root` with `texts` as the open editors' copies. Without `shared` the case gets a fresh loader (every file
   * parsed from scratch); with it the loader persists as in the language server, so only what changed is re-parsed.
   */
  auditAndCheck(root: string, cache: ProjectCache, texts: Map<string, string>, djangoVersion?: string, shared?: SharedLoader): void {
    if (shared) shared.texts = texts;
    const audit = this.engine.audit(root, { overlay: { get: (f) => texts.get(f) }, cache, djangoVersion, loader: shared?.loader });
    try {
      this.findings += audit.findings.length;
      assert.deepEqual(checkAudit(this.engine.parser, audit, (f) => texts.get(f), this.stats), []);
    } finally {
      if (!shared) audit.project.loader.dispose();
    }
  }

  sharedLoader(root: string): SharedLoader {
    const s: SharedLoader = { loader: undefined as unknown as ModuleLoader, texts: new Map() };
    s.loader = new ModuleLoader(this.engine.parser, root, { get: (f) => s.texts.get(f) });
    return s;
  }
}

// ---- generated split settings -------------------------------------------------------------------------------------

type GenFile = keyof Omit<SplitSettings, "djangoVersion">;

interface GenRoot {
  root: string;
  cache: ProjectCache;
  files: Record<GenFile, string | undefined>;
}

/** Two fixed layouts on disk (discovery and import resolution look at the disk); the overlay carries each case's texts. */
function genRoot(tmp: string, name: string, withExtras: boolean): GenRoot {
  const root = path.join(tmp, name);
  const s = path.join(root, "proj", "settings");
  fs.mkdirSync(path.join(s, "components"), { recursive: true });
  const write = (rel: string, text = "") => fs.writeFileSync(path.join(root, rel), text);
  write("manage.py", 'import os\nos.environ.setdefault("DJANGO_SETTINGS_MODULE", "proj.settings.development")\n');
  write("proj/__init__.py");
  write("proj/wsgi.py", 'import os\nos.environ.setdefault("DJANGO_SETTINGS_MODULE", "proj.settings.production")\n');
  for (const f of ["__init__", "base", "production", "development"]) write(`proj/settings/${f}.py`);
  if (withExtras) {
    write("proj/settings/local.py");
    write("proj/settings/components/__init__.py");
    write("proj/settings/components/common.py");
    write("requirements.txt", "Django==3.2.25\ndjango-environ==0.11\n");
    write(".env", "DJANGO_SECRET_KEY=django-insecure-abcdefghijklmnopqrstuvwxyz0123456789abcdefghij\n");
  }
  return {
    root,
    cache: { entryDefaults: new Map() },
    files: {
      base: path.join(s, "base.py"),
      production: path.join(s, "production.py"),
      development: path.join(s, "development.py"),
      init: path.join(s, "__init__.py"),
      local: withExtras ? path.join(s, "local.py") : undefined,
      component: withExtras ? path.join(s, "components", "common.py") : undefined,
    },
  };
}

function generated(sh: Shard, task: ShardTask): void {
  const roots = [genRoot(sh.tmp, "gen-a", false), genRoot(sh.tmp, "gen-b", true)];
  fc.assert(
    fc.property(splitSettings, fc.boolean(), (s, useB) => {
      const g = roots[useB ? 1 : 0];
      const texts = new Map<string, string>();
      for (const [k, file] of Object.entries(g.files)) if (file) texts.set(file, s[k as GenFile]);
      sh.timed(`generated split settings in ${path.basename(g.root)} (Django ${s.djangoVersion ?? "detected"})`, () => sh.auditAndCheck(g.root, g.cache, texts, s.djangoVersion));
    }),
    { numRuns: task.runs, seed: task.seed },
  );
}

// ---- fixtures ----------------------------------------------------------------------------------------------------

interface Fixture {
  name: string;
  root: string;
  cache: ProjectCache;
  shared: SharedLoader;
  /** Python files, mutated through the editor overlay or on disk. */
  py: string[];
  /** Requirements, lock and config files: mutated on disk, they feed Django-version detection. */
  other: string[];
}

function listFiles(dir: string, out: string[] = []): string[] {
  for (const name of fs.readdirSync(dir).sort()) {
    const p = path.join(dir, name);
    if (fs.statSync(p).isDirectory()) listFiles(p, out);
    else out.push(p);
  }
  return out;
}

/** Copies of every layout fixture and the example project, so on-disk mutations never touch the repository. */
function fixtures(sh: Shard): Fixture[] {
  const layouts = path.join(REPO, "test", "fixtures", "layouts");
  const sources = [...fs.readdirSync(layouts).sort().map((n) => path.join(layouts, n)), path.join(REPO, "examples", "mysite")];
  return sources.map((src) => {
    const root = path.join(sh.tmp, "fixtures", path.basename(src));
    fs.cpSync(src, root, { recursive: true });
    const files = listFiles(root).filter((f) => !f.endsWith(".md"));
    return { name: path.basename(src), root, cache: { entryDefaults: new Map() }, shared: sh.sharedLoader(root), py: files.filter((f) => f.endsWith(".py")), other: files.filter((f) => !f.endsWith(".py")) };
  });
}

function pick<T>(xs: readonly T[], i: number): T {
  return xs[i % xs.length];
}

/** Writes `bytes` to `file` for one case and puts the original back afterwards, whatever happens. */
function withBytes(file: string, bytes: Uint8Array, run: () => void): void {
  const original = fs.readFileSync(file);
  fs.writeFileSync(file, bytes);
  try {
    run();
  } finally {
    fs.writeFileSync(file, original);
  }
}

function tokens(sh: Shard, task: ShardTask, fxs: Fixture[]): void {
  fc.assert(
    fc.property(fc.nat(), fc.nat(), fc.nat(9), tokenOps, (fi, fileIndex, kind, ops) => {
      const fx = pick(fxs, fi);
      // One case in ten mutates a requirements/lock/config file instead, on disk.
      if (kind === 0 && fx.other.length) {
        const file = pick(fx.other, fileIndex);
        const mutated = mutateTokens(fs.readFileSync(file, "utf8"), ops);
        sh.timed(`token mutation of ${fx.name}/${path.relative(fx.root, file)}`, () => withBytes(file, Buffer.from(mutated), () => sh.auditAndCheck(fx.root, fx.cache, new Map(), undefined, fx.shared)));
        return;
      }
      const file = pick(fx.py, fileIndex);
      const texts = new Map([[file, mutateTokens(diskText(file), ops)]]);
      sh.timed(`token mutation of ${fx.name}/${path.relative(fx.root, file)}`, () => sh.auditAndCheck(fx.root, fx.cache, texts, undefined, fx.shared));
    }),
    { numRuns: task.runs, seed: task.seed },
  );
}

function bytes(sh: Shard, task: ShardTask, fxs: Fixture[]): void {
  fc.assert(
    fc.property(fc.nat(), fc.nat(), fc.nat(9), byteOps, (fi, fileIndex, kind, ops) => {
      const fx = pick(fxs, fi);
      const file = kind === 0 && fx.other.length ? pick(fx.other, fileIndex) : pick(fx.py, fileIndex);
      const mutated = mutateBytes(fs.readFileSync(file), ops);
      // On disk, so the loader's decoding (NUL bytes, Latin-1 fallback, BOM) is part of the case.
      sh.timed(`byte mutation of ${fx.name}/${path.relative(fx.root, file)}`, () => withBytes(file, mutated, () => sh.auditAndCheck(fx.root, fx.cache, new Map(), undefined, fx.shared)));
    }),
    { numRuns: task.runs, seed: task.seed },
  );
}

export async function runShard(task: ShardTask): Promise<ShardReport> {
  const engine = await Engine.create();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), `dsh-fuzz-${task.kind}-`));
  const sh = new Shard(engine, tmp);
  let failure: string | undefined;
  let fxs: Fixture[] = [];
  try {
    if (task.kind === "generated") generated(sh, task);
    else {
      fxs = fixtures(sh);
      if (task.kind === "tokens") tokens(sh, task, fxs);
      else bytes(sh, task, fxs);
    }
  } catch (e) {
    const err = e as Error & { cause?: Error };
    failure = `${err.message}\n${err.cause?.stack ?? err.cause ?? ""}`.slice(0, 40_000);
  } finally {
    for (const fx of fxs) fx.shared.loader.dispose();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  return {
    kind: task.kind,
    seed: task.seed,
    cases: sh.cases,
    findings: sh.findings,
    stats: sh.stats,
    totalMs: sh.totalMs,
    slowest: sh.slowest.sort((a, b) => b.ms - a.ms).slice(0, 3),
    failure,
  };
}

if (!isMainThread && (workerData as { fuzzShard?: ShardTask } | null)?.fuzzShard) {
  void runShard((workerData as { fuzzShard: ShardTask }).fuzzShard).then((r) => parentPort!.postMessage(r));
}
