// Writes prepared contents to several files all or nothing: temp file beside each, flushed, renamed over it; originals restored on failure.
import { randomBytes } from "crypto";
import * as fs from "fs";
import * as path from "path";
import { resolveWriteTarget, type WriteTarget } from "./writeTarget";

/**
 * Every fs call a commit makes. Node's fs by default; tests pass a layer that fails chosen calls (ENOSPC on a write or
 * an fsync, EIO on a rename, a file changed between the checks and the renames) to check that nothing is lost.
 */
export type WriteFs = Pick<
  typeof fs,
  | "lstatSync"
  | "statSync"
  | "realpathSync"
  | "readFileSync"
  | "openSync"
  | "writeSync"
  | "fsyncSync"
  | "closeSync"
  | "renameSync"
  | "unlinkSync"
  | "linkSync"
  | "chmodSync"
  | "chownSync"
  | "mkdirSync"
  | "rmdirSync"
  | "accessSync"
>;

/** Why a fix run wrote nothing (or put everything back): one file and one reason, for a one-line message. */
export class FixWriteError extends Error {
  constructor(
    /** The file as the fix names it. */
    readonly file: string,
    readonly reason: string,
    /** Refused by policy (a symlink out of the root, a read-only file) rather than failed by the system. */
    readonly refused = false,
  ) {
    super(`${refused ? "refusing to write" : "cannot write"} ${file}: ${reason}`);
  }
}

export interface PreparedWrite {
  /** The file as the fix names it. */
  file: string;
  /** Its bytes when the run read it to plan the edits; undefined when it did not exist. */
  original: Buffer | undefined;
  content: Buffer;
}

const ERRNO_TEXT: Record<string, string> = {
  ENOSPC: "no space left on device",
  EDQUOT: "disk quota exceeded",
  EACCES: "permission denied",
  EPERM: "operation not permitted",
  EROFS: "read-only file system",
  EIO: "input/output error",
  EBUSY: "resource busy",
  EEXIST: "file exists",
  ENOENT: "no such file or directory",
  ENOTDIR: "not a directory",
  EISDIR: "is a directory",
  EMLINK: "too many links",
  ENAMETOOLONG: "file name too long",
  EFBIG: "file too large",
};

/** "no space left on device (ENOSPC)": the system's reason, without a stack. */
export function describeError(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  const code = typeof err?.code === "string" ? err.code : undefined;
  if (code) return `${ERRNO_TEXT[code] ?? String(err.message ?? code).split("\n")[0].replace(/^[A-Z]+: /, "").replace(/, \w+ .*$/, "")} (${code})`;
  return String(err?.message ?? e).split("\n")[0];
}

function sameBytes(a: Buffer | undefined, b: Buffer | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  return a.equals(b);
}

/** Tells what happened to a file since it was read; undefined when it is as it was. */
function changedSince(target: Extract<WriteTarget, { ok: true }>, original: Buffer | undefined, wfs: WriteFs): string | undefined {
  let now: Buffer | undefined;
  try {
    now = wfs.readFileSync(target.real);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "ENOENT") return `it cannot be read again before writing: ${describeError(e)}`;
  }
  if (sameBytes(now, original)) return undefined;
  if (original === undefined) return "it was created by something else since this run read the project; run the fix again";
  if (now === undefined) return "it was deleted since this run read it; run the fix again";
  return "it changed on disk since this run read it; run the fix again";
}

/** Refuses a target its owner made read-only, or that this process may not replace. */
function permissionProblem(target: Extract<WriteTarget, { ok: true }>, wfs: WriteFs): string | undefined {
  if (target.exists) {
    const st = wfs.statSync(target.real);
    // Replacing by rename needs only the directory's permission; a file nobody may write is read-only on purpose.
    if ((st.mode & 0o222) === 0) return `it is read-only (mode ${(st.mode & 0o777).toString(8).padStart(4, "0")}): permission denied (EACCES)`;
    try {
      wfs.accessSync(target.real, fs.constants.W_OK);
    } catch (e) {
      return describeError(e);
    }
  }
  let dir = path.dirname(target.real);
  for (;;) {
    try {
      wfs.statSync(dir);
      break;
    } catch {
      dir = path.dirname(dir);
    }
  }
  try {
    wfs.accessSync(dir, fs.constants.W_OK | fs.constants.X_OK);
  } catch (e) {
    return `its directory ${dir} is not writable: ${describeError(e)}`;
  }
  return undefined;
}

function sideName(real: string, kind: "tmp" | "orig"): string {
  return path.join(path.dirname(real), `.${path.basename(real)}.${process.pid}.${randomBytes(4).toString("hex")}.dsh-${kind}`);
}

/** Writes `bytes` to a new file at `file` (never an existing one, never through a symlink), flushed to the disk. */
function writeNew(file: string, bytes: Buffer, mode: number, wfs: WriteFs): void {
  const fd = wfs.openSync(file, "wx", mode);
  try {
    for (let done = 0; done < bytes.length; ) done += wfs.writeSync(fd, bytes, done, bytes.length - done);
    wfs.fsyncSync(fd);
  } finally {
    wfs.closeSync(fd);
  }
}

/** Gives `file` the mode of `like` and, where the process may (root may, others keep their own), its owner. */
function keepOwnerAndMode(file: string, like: fs.Stats, wfs: WriteFs): void {
  const mine = wfs.statSync(file);
  if (mine.uid !== like.uid || mine.gid !== like.gid) quietly(() => wfs.chownSync(file, like.uid, like.gid));
  // After chown, which clears set-id bits.
  wfs.chmodSync(file, like.mode & 0o7777);
}

function quietly(fn: () => void): boolean {
  try {
    fn();
    return true;
  } catch {
    return false;
  }
}

interface Slot {
  write: PreparedWrite;
  target: Extract<WriteTarget, { ok: true }>;
  temp?: string;
  backup?: string;
  /** Directories made for a new file, deepest last. */
  madeDirs: string[];
  replaced: boolean;
}

/**
 * Replaces every file in `writes` or none. First every target is checked (inside `roots`, symlinks resolved; not
 * read-only; unchanged since it was read), then every new content is written to a temporary file beside its target
 * and flushed, with the target's mode and, where the process may, its owner; then each original gets a backup (a hard
 * link, else a copy); only then are the temporary files renamed over their targets. If any step fails, the temporary
 * files go, the files already replaced are put back from their backups, and a FixWriteError names the file and the
 * reason. A rename replaces the directory entry, so a hard link elsewhere keeps the old content and is never written.
 */
export function commitFiles(writes: readonly PreparedWrite[], roots: readonly string[], wfs: WriteFs = fs): void {
  const slots: Slot[] = [];
  for (const write of writes) {
    const target = resolveWriteTarget(write.file, roots, wfs);
    if (!target.ok) throw new FixWriteError(write.file, `${target.reason}; no file was changed`, true);
    const changed = changedSince(target, write.original, wfs);
    if (changed) throw new FixWriteError(write.file, `${changed}; no file was changed`, true);
    const denied = permissionProblem(target, wfs);
    if (denied) throw new FixWriteError(write.file, `${denied}; no file was changed`, true);
    slots.push({ write, target, madeDirs: [], replaced: false });
  }

  const discard = () => {
    for (const s of slots) {
      if (s.temp) quietly(() => wfs.unlinkSync(s.temp!));
      if (s.backup) quietly(() => wfs.unlinkSync(s.backup!));
      for (const d of [...s.madeDirs].reverse()) quietly(() => wfs.rmdirSync(d));
    }
  };

  let step: Slot | undefined;
  try {
    for (const s of slots) {
      step = s;
      const dir = path.dirname(s.target.real);
      const missing: string[] = [];
      for (let d = dir; !quietly(() => wfs.statSync(d)); d = path.dirname(d)) missing.unshift(d);
      for (const d of missing) {
        wfs.mkdirSync(d);
        s.madeDirs.push(d);
      }
      const st = s.target.exists ? wfs.statSync(s.target.real) : undefined;
      const temp = sideName(s.target.real, "tmp");
      s.temp = temp;
      writeNew(temp, s.write.content, st ? st.mode & 0o777 : 0o666, wfs);
      if (st) keepOwnerAndMode(temp, st, wfs);
    }
    for (const s of slots) {
      if (!s.target.exists) continue;
      step = s;
      const backup = sideName(s.target.real, "orig");
      try {
        wfs.linkSync(s.target.real, backup);
        s.backup = backup;
      } catch {
        // A file system without hard links: a copy, which needs the space a link does not, and is given the mode and
        // owner the original has, since putting it back is renaming it over the file.
        s.backup = backup;
        writeNew(backup, s.write.original ?? Buffer.alloc(0), 0o600, wfs);
        keepOwnerAndMode(backup, wfs.statSync(s.target.real), wfs);
      }
    }
  } catch (e) {
    discard();
    throw new FixWriteError(step?.write.file ?? writes[0].file, `${describeError(e)}; no file was changed`);
  }

  // The last look before the first rename: an editor saving meanwhile must not lose its save.
  for (const s of slots) {
    const changed = changedSince(s.target, s.write.original, wfs);
    if (changed) {
      discard();
      throw new FixWriteError(s.write.file, `${changed}; no file was changed`, true);
    }
  }

  for (const s of slots) {
    try {
      wfs.renameSync(s.temp!, s.target.real);
      s.temp = undefined;
      s.replaced = true;
    } catch (e) {
      const hadReplaced = slots.some((x) => x.replaced);
      const lost = restore(slots, wfs);
      discard();
      const outcome = lost.length
        ? `putting back the files already replaced failed for ${lost.join(", ")}`
        : hadReplaced
          ? "the files already replaced were put back; no file was changed"
          : "no file was changed";
      throw new FixWriteError(s.write.file, `${describeError(e)}; ${outcome}`);
    }
  }

  const dirs = new Set<string>();
  for (const s of slots) {
    if (s.backup) quietly(() => wfs.unlinkSync(s.backup!));
    dirs.add(path.dirname(s.target.real));
  }
  // The renames themselves reach the disk when their directory is flushed; a file system that cannot is left as is.
  for (const d of dirs) {
    quietly(() => {
      const fd = wfs.openSync(d, "r");
      try {
        wfs.fsyncSync(fd);
      } finally {
        wfs.closeSync(fd);
      }
    });
  }
}

/** Puts back every replaced file, newest first; returns what could not be put back, and where its original is. */
function restore(slots: Slot[], wfs: WriteFs): string[] {
  const lost: string[] = [];
  for (const s of [...slots].reverse()) {
    if (!s.replaced) continue;
    if (s.backup) {
      if (!quietly(() => wfs.renameSync(s.backup!, s.target.real))) lost.push(`${s.write.file} (its original is kept at ${s.backup})`);
      // Renamed back, or kept as the only copy of the original: either way not discarded.
      s.backup = undefined;
    } else if (!quietly(() => wfs.unlinkSync(s.target.real))) {
      lost.push(`${s.write.file} (created by this run; remove it)`);
    }
    s.replaced = false;
  }
  return lost;
}

/**
 * Writes one file the user named (a baseline) through the same path as a fix run: temporary file, flush, rename. Its
 * own directory stands for the root, so a symlink there is written through only to a file in that directory, and one
 * leading elsewhere (a planted `baseline.json -> ~/.bashrc`) is refused. Throws FixWriteError.
 */
export function writeFileSafely(file: string, text: string, wfs: WriteFs = fs): void {
  const abs = path.resolve(file);
  const dir = path.dirname(abs);
  const target = resolveWriteTarget(abs, [dir], wfs);
  if (!target.ok) throw new FixWriteError(abs, `${target.reason.replace(/the project root/g, "its directory")}; no file was changed`, true);
  let original: Buffer | undefined;
  if (target.exists) {
    try {
      original = wfs.readFileSync(target.real);
    } catch (e) {
      throw new FixWriteError(abs, `it cannot be read: ${describeError(e)}`);
    }
  }
  commitFiles([{ file: abs, original, content: Buffer.from(text, "utf8") }], [dir], wfs);
}
