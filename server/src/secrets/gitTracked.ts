// Would git commit this file? Tracked in the index, or not covered by any .gitignore / info/exclude rule (the `ignore` package matches them).
import * as fs from "fs";
import * as path from "path";
import ignore, { type Ignore } from "ignore";
import { readFromDisk } from "../parse/fileText";

export interface GitView {
  /** The work tree's top directory: the nearest ancestor holding `.git`, or the audited root when there is none. */
  top: string;
  /** Paths (POSIX, relative to top) in the index, when the index could be read. */
  tracked?: Set<string>;
  /** "tracked" (in the index), "ignored" (a rule covers it) or "untracked" (git would add it). */
  status(file: string): "tracked" | "ignored" | "untracked";
  /** Whether a directory is ignored, to skip walking into it. */
  ignoredDir(dir: string): boolean;
}

function toPosix(p: string): string {
  return p.split(path.sep).join("/");
}

function readText(file: string): string | undefined {
  try {
    return fs.readFileSync(file, "utf8");
  } catch {
    return undefined;
  }
}

/** The git directory for a work tree: `.git` itself, or where a worktree's or submodule's `.git` file points. */
function gitDir(top: string): string | undefined {
  const dotGit = path.join(top, ".git");
  try {
    const st = fs.statSync(dotGit);
    if (st.isDirectory()) return dotGit;
    const m = /^gitdir:\s*(.+)\s*$/m.exec(fs.readFileSync(dotGit, "utf8"));
    return m ? path.resolve(top, m[1]) : undefined;
  } catch {
    return undefined;
  }
}

export function findTop(root: string): { top: string; isRepo: boolean } {
  for (let dir = path.resolve(root); ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, ".git"))) return { top: dir, isRepo: true };
    if (path.dirname(dir) === dir) return { top: path.resolve(root), isRepo: false };
  }
}

/**
 * The paths in a git index (versions 2, 3 and 4), or undefined when it cannot be read. Only names are needed: each
 * entry is 62 bytes of stat data, hash and flags, then the path.
 */
export function readIndex(indexFile: string): Set<string> | undefined {
  let buf: Buffer;
  let stamp: string;
  try {
    const st = fs.statSync(indexFile);
    stamp = `${st.mtimeMs}:${st.size}`;
    const hit = indexCache.get(indexFile);
    if (hit && hit.stamp === stamp) return hit.paths;
    buf = fs.readFileSync(indexFile);
  } catch {
    return undefined;
  }
  const paths = parseIndex(buf);
  indexCache.set(indexFile, { stamp, paths });
  return paths;
}

// The language server audits on every pause in typing; a large repository's index is re-read only when git rewrites it.
const indexCache = new Map<string, { stamp: string; paths: Set<string> | undefined }>();

function parseIndex(buf: Buffer): Set<string> | undefined {
  if (buf.length < 12 || buf.toString("latin1", 0, 4) !== "DIRC") return undefined;
  const version = buf.readUInt32BE(4);
  const count = buf.readUInt32BE(8);
  if (version < 2 || version > 4) return undefined;
  const out = new Set<string>();
  let pos = 12;
  let previous = "";
  try {
    for (let i = 0; i < count; i++) {
      const entryStart = pos;
      const flags = buf.readUInt16BE(pos + 60);
      pos += 62;
      if (version >= 3 && flags & 0x4000) pos += 2;
      let name: string;
      if (version === 4) {
        // The path is the previous one minus N bytes, plus a NUL-terminated suffix; N is a varint.
        let strip = 0;
        let byte = buf[pos++];
        strip = byte & 0x7f;
        while (byte & 0x80) {
          byte = buf[pos++];
          strip = ((strip + 1) << 7) | (byte & 0x7f);
        }
        const end = buf.indexOf(0, pos);
        const prefix = Buffer.from(previous, "utf8");
        name = Buffer.concat([prefix.subarray(0, prefix.length - strip), buf.subarray(pos, end)]).toString("utf8");
        pos = end + 1;
      } else {
        const end = buf.indexOf(0, pos);
        name = buf.toString("utf8", pos, end);
        // Entries are NUL-padded to a multiple of eight bytes.
        pos = entryStart + Math.floor((end - entryStart + 8) / 8) * 8;
      }
      out.add(name);
      previous = name;
    }
  } catch {
    return out.size ? out : undefined;
  }
  return out;
}

/** Builds the view for an audited root: the work tree, its index, and the ignore rules met on the way down to a file. */
export function gitView(root: string): GitView {
  const { top, isRepo } = findTop(root);
  const dir = isRepo ? gitDir(top) : undefined;
  const tracked = dir ? readIndex(path.join(dir, "index")) : undefined;
  const exclude = dir ? readText(path.join(dir, "info", "exclude")) : undefined;
  const perDir = new Map<string, Ignore | null>();
  const rulesIn = (d: string): Ignore | null => {
    if (!perDir.has(d)) {
      // As a --fix run has staged it, so a pass after the one adding `.env` sees the file ignored (parse/fileText.ts).
      const text = readFromDisk(path.join(d, ".gitignore"));
      let ig: Ignore | null = text === undefined ? null : ignore().add(text);
      if (d === top && exclude) ig = (ig ?? ignore()).add(exclude);
      perDir.set(d, ig);
    }
    return perDir.get(d)!;
  };
  // git applies each directory's .gitignore to paths below it, deeper files overriding shallower ones.
  const ignoredPath = (abs: string, isDir: boolean): boolean => {
    const rel = path.relative(top, abs);
    if (rel === "" || rel.startsWith("..")) return false;
    const parts = rel.split(path.sep);
    let ignored = false;
    for (let depth = 0; depth < parts.length; depth++) {
      const d = path.join(top, ...parts.slice(0, depth));
      const ig = rulesIn(d);
      if (!ig) continue;
      const sub = parts.slice(depth).join("/") + (isDir ? "/" : "");
      const r = ig.test(sub);
      if (r.ignored) ignored = true;
      else if (r.unignored) ignored = false;
    }
    return ignored;
  };
  const ancestorsIgnored = (abs: string): boolean => {
    const rel = path.relative(top, path.dirname(abs));
    if (rel === "" || rel.startsWith("..")) return false;
    const parts = rel.split(path.sep);
    for (let i = 1; i <= parts.length; i++) if (ignoredPath(path.join(top, ...parts.slice(0, i)), true)) return true;
    return false;
  };
  return {
    top,
    tracked,
    status(file) {
      const rel = toPosix(path.relative(top, file));
      if (tracked?.has(rel)) return "tracked";
      // git never re-includes a file whose directory is excluded.
      if (ancestorsIgnored(file) || ignoredPath(file, false)) return "ignored";
      return "untracked";
    },
    ignoredDir(d) {
      return ignoredPath(d, true);
    },
  };
}
