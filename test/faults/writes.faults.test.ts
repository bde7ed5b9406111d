// The fix write path under injected faults: whatever fails (full disk, I/O errors, a concurrent edit), no file loses a byte.
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { test } from "node:test";
import { FixTransaction } from "../../server/src/fixes/fixTransaction";
import { FixWriteError } from "../../server/src/fixes/safeWrite";
import { faultyFs, type Fault } from "./faultyFs";

const SETTINGS = "proj/settings.py";
const EXAMPLE = ".env.example";
const NEW_FILE = "deploy/env/.env.example";

function project(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "dsh-writes-"));
  fs.mkdirSync(path.join(dir, "proj"));
  fs.writeFileSync(path.join(dir, SETTINGS), 'import os\nSECRET_KEY = "x"\n');
  fs.writeFileSync(path.join(dir, EXAMPLE), "DEBUG=\n");
  return dir;
}

/** Every file and directory under `dir` with its bytes and mode: what "nothing was lost" compares. */
function snapshot(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const name of fs.readdirSync(d).sort()) {
      const p = path.join(d, name);
      const st = fs.lstatSync(p);
      const rel = path.relative(dir, p);
      if (st.isDirectory()) {
        out.set(rel + "/", (st.mode & 0o7777).toString(8));
        walk(p);
      } else if (st.isSymbolicLink()) out.set(rel, `-> ${fs.readlinkSync(p)}`);
      else out.set(rel, `${(st.mode & 0o7777).toString(8)} ${fs.readFileSync(p).toString("base64")}`);
    }
  };
  walk(dir);
  return out;
}

/**
 * Stages three changes (two files edited, one created in new directories) and commits them through `faults`. They are
 * written in path order: .env.example, then deploy/env/.env.example (created), then proj/settings.py.
 */
function run(dir: string, faults: Fault[], beforeCommit?: () => void): { error?: FixWriteError; tx: FixTransaction } {
  const tx = new FixTransaction([dir], faultyFs(faults));
  const changes = [
    { rel: SETTINGS, after: 'import os\nSECRET_KEY = os.environ["DJANGO_SECRET_KEY"]\n' },
    { rel: EXAMPLE, after: "DEBUG=\nDJANGO_SECRET_KEY=\n" },
    { rel: NEW_FILE, after: "DJANGO_SECRET_KEY=\n" },
  ].map(({ rel, after }) => {
    const file = path.join(dir, rel);
    const before = tx.read(file);
    return { file, before: before ?? "", after, created: before === undefined };
  });
  tx.stage(changes);
  beforeCommit?.();
  try {
    tx.commit();
    return { tx };
  } catch (e) {
    if (!(e instanceof FixWriteError)) throw e;
    return { error: e, tx };
  }
}

const isTemp = (p: string) => p.endsWith(".dsh-tmp");
const isBackup = (p: string) => p.endsWith(".dsh-orig");

interface FaultCase {
  name: string;
  faults: (dir: string) => Fault[];
  /** The file the one-line message must name, and what its reason must say. */
  file: string;
  reason: RegExp;
}

const CASES: FaultCase[] = [
  { name: "full disk on writing the second temporary file", faults: () => [{ call: "writeSync", path: isTemp, nth: 2, code: "ENOSPC" }], file: NEW_FILE, reason: /no space left on device \(ENOSPC\); no file was changed$/ },
  { name: "full disk on flushing the first temporary file", faults: () => [{ call: "fsyncSync", path: isTemp, nth: 1, code: "ENOSPC" }], file: EXAMPLE, reason: /\(ENOSPC\); no file was changed$/ },
  { name: "quota exceeded on the third temporary file", faults: () => [{ call: "writeSync", path: isTemp, nth: 3, code: "EDQUOT" }], file: SETTINGS, reason: /disk quota exceeded \(EDQUOT\)/ },
  { name: "a directory cannot be created", faults: () => [{ call: "mkdirSync", code: "EACCES" }], file: NEW_FILE, reason: /permission denied \(EACCES\)/ },
  {
    name: "an I/O error on the second rename: the first file is put back",
    faults: () => [{ call: "renameSync", path: isTemp, nth: 2, code: "EIO" }],
    file: NEW_FILE,
    reason: /input\/output error \(EIO\); the files already replaced were put back; no file was changed$/,
  },
  {
    name: "an I/O error on the last rename: two files are put back, the created one removed",
    faults: () => [{ call: "renameSync", path: isTemp, nth: 3, code: "EIO" }],
    file: SETTINGS,
    reason: /\(EIO\); the files already replaced were put back/,
  },
  {
    name: "no hard links on this file system: backups are copies, and a failed rename is undone from them",
    faults: () => [
      { call: "linkSync", code: "EPERM" },
      { call: "renameSync", path: isTemp, nth: 2, code: "EIO" },
    ],
    file: NEW_FILE,
    reason: /put back; no file was changed/,
  },
  {
    name: "no hard links and no space for a backup copy",
    faults: () => [
      { call: "linkSync", code: "EPERM" },
      { call: "writeSync", path: isBackup, code: "ENOSPC" },
    ],
    file: EXAMPLE,
    reason: /\(ENOSPC\); no file was changed$/,
  },
];

for (const c of CASES) {
  test(`write fault: ${c.name}`, () => {
    const dir = project();
    const before = snapshot(dir);
    const { error } = run(dir, c.faults(dir));
    assert.ok(error, "the commit fails");
    assert.equal(error.file, path.join(dir, c.file));
    assert.match(error.reason, c.reason);
    assert.ok(!error.message.includes("\n"), "one line");
    assert.deepEqual(snapshot(dir), before, "every file as it was, no temporary file or backup left behind");
  });
}

test("write fault: the original is kept, and named, when putting it back fails too", () => {
  const dir = project();
  const original = fs.readFileSync(path.join(dir, EXAMPLE));
  const { error } = run(dir, [
    { call: "renameSync", path: isTemp, nth: 2, code: "EIO" },
    { call: "renameSync", path: isBackup, code: "EIO" },
  ]);
  assert.ok(error);
  const m = /its original is kept at (\S+)\)/.exec(error.reason);
  assert.ok(m, error.reason);
  assert.deepEqual(fs.readFileSync(m[1]), original, "the backup holds the original bytes");
  assert.equal(fs.readFileSync(path.join(dir, SETTINGS), "utf8"), 'import os\nSECRET_KEY = "x"\n', "the files not yet replaced are untouched");
});

test("changed on disk between read and write: refused, the other writer's text kept", () => {
  const dir = project();
  const file = path.join(dir, SETTINGS);
  const { error } = run(dir, [], () => fs.writeFileSync(file, "EDITED = 1\n"));
  assert.ok(error?.refused);
  assert.equal(error.file, file);
  assert.match(error.reason, /changed on disk since this run read it; run the fix again; no file was changed/);
  assert.equal(fs.readFileSync(file, "utf8"), "EDITED = 1\n");
  assert.equal(fs.readFileSync(path.join(dir, EXAMPLE), "utf8"), "DEBUG=\n");
  assert.equal(fs.existsSync(path.join(dir, NEW_FILE)), false);
});

test("changed on disk after the temporary files are written: the last look before renaming catches it", () => {
  const dir = project();
  const file = path.join(dir, EXAMPLE);
  const { error } = run(dir, [{ call: "linkSync", nth: 1, before: () => fs.writeFileSync(file, "SAVED_BY_EDITOR=\n") }]);
  assert.ok(error);
  assert.equal(error.file, file);
  assert.match(error.reason, /changed on disk/);
  assert.equal(fs.readFileSync(file, "utf8"), "SAVED_BY_EDITOR=\n");
  assert.equal(fs.readFileSync(path.join(dir, SETTINGS), "utf8"), 'import os\nSECRET_KEY = "x"\n');
  assert.deepEqual(fs.readdirSync(path.join(dir, "proj")), ["settings.py"], "no temporary file left");
});

test("a file to create appears meanwhile: refused, the other file kept", () => {
  const dir = project();
  const file = path.join(dir, NEW_FILE);
  const { error } = run(dir, [], () => {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, "MINE=1\n");
  });
  assert.ok(error);
  assert.match(error.reason, /created by something else/);
  assert.equal(fs.readFileSync(file, "utf8"), "MINE=1\n");
});

test("a file deleted meanwhile: refused, not re-created", () => {
  const dir = project();
  const file = path.join(dir, EXAMPLE);
  const { error } = run(dir, [], () => fs.unlinkSync(file));
  assert.ok(error);
  assert.equal(fs.existsSync(file), false);
});

test("without faults: every file written, temporary files and backups gone, directories flushed", () => {
  const dir = project();
  const layer = faultyFs([]);
  const tx = new FixTransaction([dir], layer);
  const file = path.join(dir, SETTINGS);
  tx.stage([{ file, before: tx.read(file)!, after: "A = 1\n", created: false }]);
  assert.deepEqual(tx.commit(), [file]);
  assert.equal(fs.readFileSync(file, "utf8"), "A = 1\n");
  assert.deepEqual(fs.readdirSync(path.join(dir, "proj")), ["settings.py"]);
  const order = layer.calls.filter((c) => /^(fsyncSync|renameSync|openSync) /.test(c)).map((c) => c.split(" ")[0]);
  assert.deepEqual(order.slice(0, 3), ["openSync", "fsyncSync", "renameSync"], "flushed before the rename");
});
