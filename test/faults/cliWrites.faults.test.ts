// `audit --fix` / `--unsafe-fixes` against a real file system that says no: read-only files and directories, a full disk, hostile symlinks.
import assert from "node:assert/strict";
import { spawnSync, type SpawnSyncReturns } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { test } from "node:test";
import { ALNUM, fake, rand, REPO, scrub } from "../secrets/planted";

const CLI = path.join(REPO, "bin", "django-settings-hygiene.js");
const KEY = fake(rand("faults-cli-key", 50, ALNUM));
const PW = fake(rand("faults-cli-pw", 18, ALNUM));
const IS_ROOT = process.getuid?.() === 0;
/** Root writes through any permission bits: a read-only case runs the CLI as this unprivileged user instead. */
const NOBODY = 65534;

const BASE = `"""Base."""\n\nSECRET_KEY = "${KEY}"\nDATABASES = {"default": {"ENGINE": "django.db.backends.postgresql", "PASSWORD": "${PW}"}}\n`;

function files(extra: Record<string, string> = {}): Record<string, string> {
  return {
    "manage.py": "# root\n",
    "requirements.txt": "django\n",
    "proj/__init__.py": "",
    "proj/settings/__init__.py": "",
    "proj/settings/base.py": BASE,
    "proj/settings/production.py": "from .base import *\n",
    ...extra,
  };
}

function write(dir: string, tree: Record<string, string>): string {
  for (const [rel, text] of Object.entries(tree)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), text);
  }
  return dir;
}

function project(extra: Record<string, string> = {}): string {
  return write(fs.mkdtempSync(path.join(os.tmpdir(), "dsh-cliwrites-")), files(extra));
}

/** Every entry under `dir` with its bytes, mode and link target: "nothing was lost" is this staying equal. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const name of fs.readdirSync(d).sort()) {
      const p = path.join(d, name);
      const st = fs.lstatSync(p);
      const rel = path.relative(dir, p);
      if (st.isSymbolicLink()) out[rel] = `-> ${fs.readlinkSync(p)}`;
      else if (st.isDirectory()) {
        out[rel + "/"] = (st.mode & 0o7777).toString(8);
        walk(p);
      } else out[rel] = `${(st.mode & 0o7777).toString(8)} ${st.uid} ${fs.readFileSync(p).toString("base64")}`;
    }
  };
  walk(dir);
  return out;
}

/** Hands the tree to the unprivileged user, so its permission bits mean something to the CLI run as that user. */
function giveAway(dir: string): void {
  if (!IS_ROOT) return;
  const walk = (p: string) => {
    fs.lchownSync(p, NOBODY, NOBODY);
    if (fs.lstatSync(p).isDirectory()) for (const n of fs.readdirSync(p)) walk(path.join(p, n));
  };
  walk(dir);
}

function run(dir: string, args: string[], asNobody = false): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, [CLI, "audit", ".", ...args], { cwd: dir, encoding: "utf8", ...(asNobody && IS_ROOT ? { uid: NOBODY, gid: NOBODY } : {}) });
}

/** Exit 2, one line on stderr naming the file and the reason, no stack trace, no secret. */
function assertOneLineFailure(r: SpawnSyncReturns<string>, line: RegExp): void {
  assert.equal(r.status, 2, scrub(r.stderr));
  const lines = r.stderr.trimEnd().split("\n");
  assert.equal(lines.length, 1, `one line: ${scrub(r.stderr)}`);
  assert.match(lines[0], line);
  assert.ok(!/\n\s+at /.test(r.stderr), "no stack trace");
  assert.ok(!r.stderr.includes(KEY) && !r.stderr.includes(PW), "no secret");
}

test("a read-only settings module and a writable .env.example: exit 2, neither changed", () => {
  const dir = project();
  giveAway(dir);
  fs.chmodSync(path.join(dir, "proj/settings/base.py"), 0o444);
  const before = snapshot(dir);
  const r = run(dir, ["--unsafe-fixes"], true);
  assertOneLineFailure(r, /^django-settings-hygiene: refusing to write proj\/settings\/base\.py: it is read-only \(mode 0444\): permission denied \(EACCES\); no file was changed$/);
  assert.deepEqual(snapshot(dir), before);
});

test("a read-only settings directory: exit 2 naming the directory, nothing written anywhere", () => {
  const dir = project();
  giveAway(dir);
  fs.chmodSync(path.join(dir, "proj/settings"), 0o555);
  const before = snapshot(dir);
  const r = run(dir, ["--unsafe-fixes"], true);
  assertOneLineFailure(r, /^django-settings-hygiene: refusing to write proj\/settings\/base\.py: its directory \S+proj\/settings is not writable: permission denied \(EACCES\); no file was changed$/);
  assert.deepEqual(snapshot(dir), before);
  fs.chmodSync(path.join(dir, "proj/settings"), 0o755);
});

test("a full disk (a 64 KiB tmpfs, filled): exit 2 with ENOSPC, every file as it was", (t) => {
  const mnt = fs.mkdtempSync(path.join(os.tmpdir(), "dsh-tmpfs-"));
  const mounted = spawnSync("mount", ["-t", "tmpfs", "-o", "size=64k", "tmpfs", mnt], { encoding: "utf8" });
  if (mounted.status !== 0) {
    fs.rmdirSync(mnt);
    t.skip(`tmpfs cannot be mounted here (${(mounted.stderr || mounted.error?.message || "").trim()}); the fault-injection tests cover ENOSPC`);
    return;
  }
  try {
    const dir = write(mnt, files());
    // Fill every free block: the project is there, and not one more page fits.
    const fd = fs.openSync(path.join(mnt, "filler"), "w");
    const block = Buffer.alloc(4096, 120);
    try {
      for (;;) fs.writeSync(fd, block);
    } catch (e) {
      assert.equal((e as NodeJS.ErrnoException).code, "ENOSPC");
    } finally {
      fs.closeSync(fd);
    }
    const before = snapshot(dir);
    const r = run(dir, ["--unsafe-fixes"]);
    assertOneLineFailure(r, /^django-settings-hygiene: cannot write \S+: no space left on device \(ENOSPC\); no file was changed$/);
    assert.deepEqual(snapshot(dir), before);
    // With room again the same run succeeds and leaves a module that still parses (the re-audit has no syntax note).
    fs.unlinkSync(path.join(mnt, "filler"));
    const ok = run(dir, ["--unsafe-fixes", "--format", "json"]);
    assert.equal(ok.status === 0 || ok.status === 1, true, scrub(ok.stderr));
    assert.match(fs.readFileSync(path.join(dir, "proj/settings/base.py"), "utf8"), /SECRET_KEY = os\.environ\["DJANGO_SECRET_KEY"\]/);
    assert.deepEqual(JSON.parse(ok.stdout).notes.filter((n: { message: string }) => /syntax error/.test(n.message)), []);
  } finally {
    spawnSync("umount", [mnt]);
    fs.rmSync(mnt, { recursive: true, force: true });
  }
});

test(".env.example symlinked out of the project: --unsafe-fixes and --diff refuse, the target untouched and unprinted", () => {
  const outside = fs.mkdtempSync(path.join(os.tmpdir(), "dsh-outside-"));
  const rc = path.join(outside, "bashrc");
  fs.writeFileSync(rc, "export PS1='$ '\nalias ll='ls -l'\n");
  const dir = project();
  fs.symlinkSync(rc, path.join(dir, ".env.example"));
  const before = { project: snapshot(dir), outside: snapshot(outside) };
  const r = run(dir, ["--unsafe-fixes"]);
  assertOneLineFailure(r, new RegExp(`^django-settings-hygiene: refusing to write \\.env\\.example: it is a symlink to ${rc.replace(/[.]/g, "\\.")}, outside the project root \\S+; no file was changed$`));
  const d = run(dir, ["--unsafe-fixes", "--diff"]);
  assert.equal(d.status, 2);
  assert.equal(d.stdout, "", "the diff prints nothing, so no line of the outside file");
  assert.match(d.stderr, /refusing to write \.env\.example: it is a symlink to/);
  assert.deepEqual({ project: snapshot(dir), outside: snapshot(outside) }, before);
});

test(".gitignore symlinked out of the project: the safe --fix refuses it", () => {
  const outside = fs.mkdtempSync(path.join(os.tmpdir(), "dsh-outside-"));
  const target = path.join(outside, "gitignore");
  fs.writeFileSync(target, "*.log\n");
  const dir = project({ ".env": `DJANGO_SECRET_KEY=${KEY}\n` });
  fs.mkdirSync(path.join(dir, ".git"));
  fs.symlinkSync(target, path.join(dir, ".gitignore"));
  const before = { project: snapshot(dir), outside: snapshot(outside) };
  const r = run(dir, ["--fix"]);
  assertOneLineFailure(r, /^django-settings-hygiene: refusing to write \.gitignore: it is a symlink to \S+, outside the project root/);
  assert.deepEqual({ project: snapshot(dir), outside: snapshot(outside) }, before);
});

test("a settings module symlinked inside the project is written through: the link stays a link", () => {
  const dir = project();
  const real = path.join(dir, "proj/settings/base_real.py");
  fs.renameSync(path.join(dir, "proj/settings/base.py"), real);
  fs.symlinkSync("base_real.py", path.join(dir, "proj/settings/base.py"));
  const r = run(dir, ["--unsafe-fixes"]);
  assert.ok(r.status === 0 || r.status === 1, scrub(r.stderr));
  assert.equal(fs.readlinkSync(path.join(dir, "proj/settings/base.py")), "base_real.py");
  assert.match(fs.readFileSync(real, "utf8"), /SECRET_KEY = os\.environ\["DJANGO_SECRET_KEY"\]/);
});

test("a settings directory symlinked out of the project: nothing outside is written", () => {
  const outside = fs.mkdtempSync(path.join(os.tmpdir(), "dsh-outside-"));
  write(outside, { "base.py": BASE, "__init__.py": "", "production.py": "from .base import *\n" });
  const dir = project();
  fs.rmSync(path.join(dir, "proj/settings"), { recursive: true });
  fs.symlinkSync(outside, path.join(dir, "proj/settings"));
  const before = snapshot(outside);
  const r = run(dir, ["--unsafe-fixes"]);
  assert.deepEqual(snapshot(outside), before, scrub(r.stderr));
  // Either the modules are not read at all (reads stay in the root) or their fixes are refused, with a message.
  if (r.status === 2) assert.match(r.stderr, /refusing to write proj\/settings\/base\.py: it resolves to \S+ \(through a symlinked directory\), outside the project root/);
  assert.equal(fs.existsSync(path.join(dir, ".env.example")), false, "the run wrote nothing, not even inside the root");
});

test("a variable name with a line break from the code never reaches .env.example", () => {
  const dir = project({
    "proj/settings/base.py": `import os\n\nSECRET_KEY = os.environ.get("K\\ntouch /tmp/PWNED #", "${KEY}")\nAPI_TOKEN = os.environ.get("API\\rTOKEN", "${PW}")\n`,
    ".env.example": "DEBUG=\n",
  });
  const r = run(dir, ["--unsafe-fixes"]);
  assert.ok(r.status === 0 || r.status === 1, scrub(r.stderr));
  const example = fs.readFileSync(path.join(dir, ".env.example"), "utf8");
  for (const line of example.split("\n").filter(Boolean)) assert.match(line, /^[A-Za-z_][A-Za-z0-9_]*=$/, `a line of .env.example: ${JSON.stringify(line)}`);
  assert.ok(!example.includes("touch"));
  assert.match(fs.readFileSync(path.join(dir, "proj/settings/base.py"), "utf8"), /"K\\ntouch \/tmp\/PWNED #"/, "no fix for that read");
});

test("a fixed module keeps its mode, owner, BOM and CRLF line ends", () => {
  const dir = project({ "proj/settings/base.py": "" });
  const file = path.join(dir, "proj/settings/base.py");
  fs.writeFileSync(file, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(BASE.replace(/\n/g, "\r\n"))]));
  fs.chmodSync(file, 0o640);
  if (IS_ROOT) fs.chownSync(file, NOBODY, NOBODY);
  const r = run(dir, ["--unsafe-fixes"]);
  assert.ok(r.status === 0 || r.status === 1, scrub(r.stderr));
  const st = fs.statSync(file);
  assert.equal(st.mode & 0o7777, 0o640);
  if (IS_ROOT) assert.deepEqual([st.uid, st.gid], [NOBODY, NOBODY]);
  const bytes = fs.readFileSync(file);
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
  const text = bytes.subarray(3).toString("utf8");
  assert.match(text, /^import os\r\n/m, "the added import has the file's line end");
  assert.equal(text.replace(/\r\n/g, "").includes("\n"), false, "every line end is CRLF");
  assert.ok(!text.includes(KEY));
});

test("--write-baseline goes through the same write path: a planted symlink out of its directory is refused", () => {
  const outside = fs.mkdtempSync(path.join(os.tmpdir(), "dsh-outside-"));
  const rc = path.join(outside, "bashrc");
  fs.writeFileSync(rc, "alias ll='ls -l'\n");
  const dir = project();
  fs.symlinkSync(rc, path.join(dir, "baseline.json"));
  const before = snapshot(outside);
  const r = run(dir, ["--write-baseline", "baseline.json"]);
  assertOneLineFailure(r, /^django-settings-hygiene: refusing to write baseline\.json: it is a symlink to \S+bashrc, outside its directory \S+; no file was changed$/);
  assert.deepEqual(snapshot(outside), before);
  assert.equal(fs.readlinkSync(path.join(dir, "baseline.json")), rc, "the link is not replaced either");
  fs.unlinkSync(path.join(dir, "baseline.json"));
  const ok = run(dir, ["--write-baseline", "baseline.json"]);
  assert.equal(ok.status, 0, scrub(ok.stderr));
  assert.equal(JSON.parse(fs.readFileSync(path.join(dir, "baseline.json"), "utf8")).version, 2);
  assert.deepEqual(fs.readdirSync(dir).filter((n) => n.includes(".dsh-")), [], "no temporary file left");
});
