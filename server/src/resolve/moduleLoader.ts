// Finds and parses the project's Python modules for the resolver: import resolution, caching, unreadable files.
import * as fs from "fs";
import * as path from "path";
import type { Parser } from "web-tree-sitter";
import type { ModuleModel, ModuleRef } from "../parse/model";
import { reparseModule } from "../parse/incremental";
import { parseModule, type ParsedModule } from "../parse/parseModule";
import { MAX_SOURCE_BYTES, readSource } from "../parse/source";
import { importRootsFor, isInside, realOrSelf } from "../project/roots";

export type LoadResult = { ok: true; model: ModuleModel; note?: string } | { ok: false; reason: string };

/** Text for a file that is open in an editor, which wins over the disk. */
export interface TextOverlay {
  get(file: string): string | undefined;
}

export type Resolved = { file: string } | { missing: true; name: string } | { external: string };

export class ModuleLoader {
  private readonly cache = new Map<string, { text: string; result: LoadResult; parsed?: ParsedModule }>();
  /**
   * What this analysis already read and stat'ed, so that rules asking for a module hundreds of times (the secrets scan
   * asks once per string) neither re-read nor re-decode it; cleared when the next analysis begins. Null outside one.
   */
  private run: { loads: Map<string, LoadResult>; stats: Map<string, "file" | "dir" | "none">; fromDisk: Set<string>; resolved: Map<string, Resolved> } | null = null;

  /** sys.path as the project's entry points see it (see setImportRoots); the root alone until told. */
  private importRoots: string[];
  /** The root with symbolic links resolved: no file whose real path is outside it is read. */
  private realRoot: string | undefined;

  constructor(
    private readonly parser: Parser,
    /** Directories under which a missing module is the project's own (an ImportError), not a third-party package. */
    readonly root: string,
    private readonly overlay?: TextOverlay,
    /**
     * Keep the syntax trees of files open in the editor (the overlay's) for incremental re-parsing: the language
     * server's case. Other files change rarely, from outside, and are parsed afresh; keeping a thousand of their trees
     * would only grow tree-sitter's wasm heap, which never shrinks. A one-shot audit keeps none.
     */
    private readonly keepTrees = true,
  ) {
    this.importRoots = [path.resolve(root)];
  }

  /** The directories absolute imports are looked for in, in sys.path order (project/model.ts works them out). */
  setImportRoots(roots: readonly string[]): void {
    this.importRoots = roots.length ? [...roots] : [path.resolve(this.root)];
    this.run?.resolved.clear();
  }

  /**
   * Starts an analysis: each file is read once until the next call, so one analysis sees one consistent snapshot.
   * With `keepDiskReads`, what the previous analysis read from disk (and which paths exist) is kept: the language
   * server's keystroke analyses, since a keystroke changes only the editor's copy, and open, save and file-watch events
   * start a full re-read. Without it a keystroke in a workspace of a thousand settings modules re-read all of them.
   */
  beginRun(options: { keepDiskReads?: boolean } = {}): void {
    const prev = this.run;
    if (options.keepDiskReads && prev) {
      const loads = new Map<string, LoadResult>();
      // A file opened in the editor since is the editor's now; files read from the editor are always read again.
      for (const file of prev.fromDisk) if (this.overlay?.get(file) === undefined) loads.set(file, prev.loads.get(file)!);
      // Resolutions rest on the stats alone (and the import roots, whose change clears them): kept with them.
      this.run = { loads, stats: prev.stats, fromDisk: new Set(loads.keys()), resolved: prev.resolved };
      return;
    }
    this.run = { loads: new Map(), stats: new Map(), fromDisk: new Set(), resolved: new Map() };
  }

  load(file: string): LoadResult {
    // Rules ask with the absolute paths the loader handed out: look those up before normalising anything.
    const direct = this.run?.loads.get(file);
    if (direct) return direct;
    const abs = path.resolve(file);
    const seen = this.run?.loads.get(abs);
    if (seen) return seen;
    const open = this.overlay?.get(abs);
    const result = this.read(abs, open);
    this.run?.loads.set(abs, result);
    if (open === undefined) this.run?.fromDisk.add(abs);
    return result;
  }

  private read(abs: string, open: string | undefined): LoadResult {
    let text: string;
    let note: string | undefined;
    if (open !== undefined) {
      // An editor's copy is held to the same cap as the file on disk: parsing 20 MB on every keystroke would stall the
      // server, and offsets past the cap are not exact in every index (fixes/exprIndex.ts relies on it).
      const bytes = open.length * 3 <= MAX_SOURCE_BYTES ? 0 : Buffer.byteLength(open, "utf8");
      if (bytes > MAX_SOURCE_BYTES) return { ok: false, reason: `skipped: ${bytes} bytes is above the ${MAX_SOURCE_BYTES}-byte limit for a settings module` };
      text = open;
    } else {
      // A settings module linked to /etc/shadow, an include("/etc/passwd"): what is outside the project is never read.
      const outside = this.outsideRoot(abs);
      if (outside) return { ok: false, reason: outside };
      const src = readSource(abs);
      if (!src.ok) return { ok: false, reason: src.reason };
      text = src.text;
      note = src.note;
    }
    const hit = this.cache.get(abs);
    if (hit && hit.text === text) return hit.result;
    // An edited file re-parses incrementally from its previous tree and model (the editor's case: one keystroke).
    let parsed: ParsedModule | undefined;
    if (hit?.parsed) {
      try {
        parsed = reparseModule(this.parser, hit.parsed, text);
      } catch {
        // Re-parsing consumes the previous model; after a failure part of it may have moved, so start from scratch.
        this.cache.delete(abs);
      }
    }
    parsed ??= parseModule(this.parser, abs, text);
    const result: LoadResult = { ok: true, model: parsed.model, note };
    // A slice re-parse keeps the previous tree (and the edits since): only a replaced tree is freed.
    if (hit?.parsed && hit.parsed.tree !== parsed.tree) hit.parsed.tree.delete();
    const keep = this.keepTrees && open !== undefined;
    if (!keep) parsed.tree.delete();
    this.cache.set(abs, { text, result, parsed: keep ? parsed : undefined });
    return result;
  }

  /** Whether a path, as written (it may not exist here), lies outside the project root: `/etc/tower/settings.py`. */
  leavesRoot(abs: string): boolean {
    return !isInside(path.resolve(abs), path.resolve(this.root));
  }

  /** Why `abs` may not be read (its real path leaves the root), or undefined when it may. */
  private outsideRoot(abs: string): string | undefined {
    this.realRoot ??= realOrSelf(path.resolve(this.root));
    let real: string;
    try {
      real = fs.realpathSync(abs);
    } catch {
      return undefined; // a missing file: readSource says so
    }
    if (isInside(real, this.realRoot)) return undefined;
    return real === abs ? "is outside the project and is not read" : "is a link that leads out of the project; it is not read";
  }

  /** Drops cached parses, freeing tree-sitter's wasm memory. */
  dispose(): void {
    for (const v of this.cache.values()) v.parsed?.tree.delete();
    this.cache.clear();
  }

  /**
   * Resolves an import written in `fromFile` to a project file, or says whether a miss is the project's
   * (ImportError at run time) or a third-party module (assumed installed).
   */
  resolve(fromFile: string, ref: ModuleRef): Resolved {
    // Asked once per import per module that reaches it: 200 modules that star-import each other asked 8 million times.
    // The answer depends on the importing file's directory only.
    const key = `${path.dirname(path.resolve(fromFile))}\u0000${ref.level}\u0000${ref.name}`;
    const hit = this.run?.resolved.get(key);
    if (hit) return hit;
    const out = this.resolveUncached(fromFile, ref);
    this.run?.resolved.set(key, out);
    return out;
  }

  private resolveUncached(fromFile: string, ref: ModuleRef): Resolved {
    const parts = ref.name ? ref.name.split(".") : [];
    const isDir = (p: string) => this.kind(p) === "dir";
    if (ref.level > 0) {
      let dir = path.dirname(path.resolve(fromFile));
      for (let i = 1; i < ref.level; i++) dir = path.dirname(dir);
      const found = this.findIn(dir, parts);
      return found ? { file: found } : { missing: true, name: ".".repeat(ref.level) + ref.name };
    }
    // Absolute imports: the project's sys.path roots (manage.py's directory, src/, what entry points insert), those
    // above the importing file first. Not every ancestor: `import graphql` inside saleor/ is the installed package,
    // not the sibling saleor/graphql/.
    const roots = importRootsFor(path.resolve(fromFile), this.importRoots);
    let ownPackage = false;
    for (const r of roots) {
      const found = this.findIn(r, parts);
      if (found) return { file: found };
      if (parts.length > 1 && isDir(path.join(r, parts[0]))) ownPackage = true;
    }
    return ownPackage ? { missing: true, name: ref.name } : { external: ref.name };
  }

  private findIn(dir: string, parts: string[]): string | undefined {
    const isFile = (p: string) => this.kind(p) === "file";
    if (parts.length === 0) {
      const init = path.join(dir, "__init__.py");
      return isFile(init) ? init : undefined;
    }
    const base = path.join(dir, ...parts);
    if (isFile(base + ".py")) return base + ".py";
    if (isFile(path.join(base, "__init__.py"))) return path.join(base, "__init__.py");
    return undefined;
  }

  /** A path's kind, stat'ed once per analysis: import resolution probes the same candidates for every module. */
  private kind(p: string): "file" | "dir" | "none" {
    let k = this.run?.stats.get(p);
    if (k) return k;
    try {
      const st = fs.statSync(p);
      k = st.isFile() ? "file" : st.isDirectory() ? "dir" : "none";
    } catch {
      k = "none";
    }
    this.run?.stats.set(p, k);
    return k;
  }
}
