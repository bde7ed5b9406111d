// Where a fix may write: inside the project root with symlinks resolved, never through a link that leaves it.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { test } from "node:test";
import { resolveWriteTarget } from "../../server/src/fixes/writeTarget";

/** A project root and a directory beside it ("elsewhere"), with the links each row below needs. */
function layout(): { root: string; outside: string } {
  const base = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), "dsh-target-")));
  const root = path.join(base, "project");
  const outside = path.join(base, "elsewhere");
  for (const d of [root, outside, path.join(root, "settings"), path.join(root, "real")]) fs.mkdirSync(d, { recursive: true });
  fs.writeFileSync(path.join(root, "settings", "base.py"), "X = 1\n");
  fs.writeFileSync(path.join(root, "real", "local.py"), "Y = 1\n");
  fs.writeFileSync(path.join(outside, "bashrc"), "alias x=y\n");
  fs.symlinkSync(path.join(outside, "bashrc"), path.join(root, ".env.example"));
  fs.symlinkSync("../real/local.py", path.join(root, "settings", "local.py"));
  fs.symlinkSync(outside, path.join(root, "linked"));
  fs.symlinkSync(path.join(root, "nowhere"), path.join(root, "dangling.env"));
  fs.symlinkSync("loop", path.join(root, "loop"));
  fs.mkdirSync(path.join(root, "adir"));
  return { root, outside };
}

interface Row {
  name: string;
  file: string;
  /** The real path written, relative to the base directory; or a pattern the refusal must match. */
  expect: { real: string; exists: boolean } | RegExp;
}

const ROWS: Row[] = [
  { name: "a regular file", file: "project/settings/base.py", expect: { real: "project/settings/base.py", exists: true } },
  { name: "a new file in the root", file: "project/.gitignore", expect: { real: "project/.gitignore", exists: false } },
  { name: "a new file in directories still to make", file: "project/deploy/env/.env.example", expect: { real: "project/deploy/env/.env.example", exists: false } },
  { name: "a symlink inside the root: written through", file: "project/settings/local.py", expect: { real: "project/real/local.py", exists: true } },
  { name: "a symlink out of the root", file: "project/.env.example", expect: /^it is a symlink to \S+elsewhere\/bashrc, outside the project root \S+project$/ },
  { name: "a file under a symlinked directory out of the root", file: "project/linked/bashrc", expect: /through a symlinked directory\), outside the project root/ },
  { name: "a new file under a symlinked directory out of the root", file: "project/linked/new.env", expect: /^its directory \S+linked resolves to \S+elsewhere, outside the project root/ },
  { name: "a dangling symlink", file: "project/dangling.env", expect: /^it is a symlink whose target does not exist$/ },
  { name: "a symlink loop", file: "project/loop", expect: /^it is a symlink that loops$/ },
  { name: "a directory", file: "project/adir", expect: /^it is not a regular file$/ },
  { name: "a path outside the root", file: "elsewhere/bashrc", expect: /^it is outside the project root \S+project$/ },
  { name: "a path that climbs out with ..", file: "project/../elsewhere/bashrc", expect: /^it is outside the project root/ },
];

for (const row of ROWS) {
  test(`write target: ${row.name}`, () => {
    const { root } = layout();
    const base = path.dirname(root);
    const t = resolveWriteTarget(path.join(base, row.file), [root]);
    if (row.expect instanceof RegExp) {
      assert.equal(t.ok, false, `refused: ${JSON.stringify(t)}`);
      if (!t.ok) assert.match(t.reason, row.expect);
    } else {
      assert.ok(t.ok, JSON.stringify(t));
      if (t.ok) assert.deepEqual({ real: path.relative(base, t.real), exists: t.exists }, row.expect);
    }
  });
}

test("write target: a FIFO is not a regular file", (t) => {
  const { root } = layout();
  if (spawnSync("mkfifo", [path.join(root, "fifo")]).status !== 0) return t.skip("mkfifo is not available");
  const r = resolveWriteTarget(path.join(root, "fifo"), [root]);
  assert.equal(r.ok, false);
  if (!r.ok) assert.match(r.reason, /not a regular file/);
});

test("write target: the .gitignore at the top of the git work tree above the audited root", () => {
  const { root } = layout();
  fs.mkdirSync(path.join(root, ".git"));
  const sub = path.join(root, "backend");
  fs.mkdirSync(sub);
  const ok = resolveWriteTarget(path.join(root, ".gitignore"), [sub]);
  assert.ok(ok.ok, JSON.stringify(ok));
  const other = resolveWriteTarget(path.join(root, "setup.cfg"), [sub]);
  assert.equal(other.ok, false, "only .gitignore may be written above the audited root");
});

test("write target: a root reached through a symlink is compared by its real path", () => {
  const { root } = layout();
  const alias = path.join(path.dirname(root), "alias");
  fs.symlinkSync(root, alias);
  const t = resolveWriteTarget(path.join(alias, "settings", "base.py"), [alias]);
  assert.ok(t.ok, JSON.stringify(t));
  if (t.ok) assert.equal(t.real, path.join(root, "settings", "base.py"));
});
