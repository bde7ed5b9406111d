// A fault-injecting layer over node's fs for the write path: fails chosen calls on chosen paths, or runs a hook first.
import * as fs from "node:fs";
import type { WriteFs } from "../../server/src/fixes/safeWrite";

export type FsCall = keyof WriteFs;

export interface Fault {
  call: FsCall;
  /** Which call of that kind fails, counting from 1 among the calls whose path matches; every one when omitted. */
  nth?: number;
  /** Matches the call's first path argument (for fd calls, the path the fd was opened on). */
  path?: (p: string) => boolean;
  /** The errno code to throw (ENOSPC, EIO, EACCES…); none: only `before` runs. */
  code?: string;
  /** Runs before the call (and before it fails, when it does): a concurrent edit, say. */
  before?: () => void;
}

/** An ErrnoException as node's fs throws it. */
export function errno(code: string, syscall: string, p = ""): NodeJS.ErrnoException {
  const e = new Error(`${code}: injected, ${syscall} '${p}'`) as NodeJS.ErrnoException;
  e.code = code;
  e.syscall = syscall;
  e.path = p;
  return e;
}

/** node's fs with `faults` injected; `calls` records every call made, as "call path". */
export function faultyFs(faults: Fault[]): WriteFs & { calls: string[] } {
  const fdPaths = new Map<number, string>();
  const counts = new Map<Fault, number>();
  const calls: string[] = [];
  const layer: Record<string, unknown> = { calls };
  const names: FsCall[] = ["lstatSync", "statSync", "realpathSync", "readFileSync", "openSync", "writeSync", "fsyncSync", "closeSync", "renameSync", "unlinkSync", "linkSync", "chmodSync", "chownSync", "mkdirSync", "rmdirSync", "accessSync"];
  for (const name of names) {
    layer[name] = (...args: unknown[]) => {
      const p = typeof args[0] === "number" ? (fdPaths.get(args[0]) ?? "") : String(args[0]);
      calls.push(`${name} ${p}`);
      for (const f of faults) {
        if (f.call !== name || (f.path && !f.path(p))) continue;
        const n = (counts.get(f) ?? 0) + 1;
        counts.set(f, n);
        if (f.nth !== undefined && f.nth !== n) continue;
        f.before?.();
        if (f.code) throw errno(f.code, name.replace(/Sync$/, ""), p);
      }
      const result = (fs[name] as (...a: unknown[]) => unknown)(...args);
      if (name === "openSync") fdPaths.set(result as number, p);
      if (name === "closeSync") fdPaths.delete(args[0] as number);
      return result;
    };
  }
  return layer as unknown as WriteFs & { calls: string[] };
}
