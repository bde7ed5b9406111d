// The dotenv reader (python-dotenv's syntax) and git's view of a file: the index, .gitignore at every level, info/exclude.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { test } from "node:test";
import { isDotenvName, isTemplateName, parseDotenv } from "../../server/src/secrets/dotenv";
import { gitView, readIndex } from "../../server/src/secrets/gitTracked";
import { writeProject } from "../helpers/project";

test("parseDotenv: comments, export, quotes, escapes, inline comments, multi-line values", () => {
  const text = [
    "# comment",
    "export A=1",
    "B = two words  # trailing",
    'C="quoted # not a comment\\n"',
    "D='single $NOT'",
    'E="line1',
    'line2"',
    "F=",
    "G=a#b",
    "not a line",
  ].join("\n");
  const { entries, comments } = parseDotenv(text);
  const byKey = Object.fromEntries(entries.map((e) => [e.key, e]));
  assert.deepEqual(Object.keys(byKey), ["A", "B", "C", "D", "E", "F", "G"]);
  assert.equal(byKey.A.value, "1");
  assert.equal(byKey.B.value, "two words");
  assert.equal(byKey.C.value, "quoted # not a comment\n");
  assert.equal(byKey.D.value, "single $NOT");
  assert.equal(byKey.E.value, "line1\nline2");
  assert.equal(byKey.E.line, 5);
  assert.equal(byKey.F.value, "");
  assert.equal(byKey.G.value, "a#b");
  assert.equal(text.slice(byKey.B.valueStart, byKey.B.valueEnd), "two words");
  assert.deepEqual(comments.map((c) => c.text), ["# comment", "# trailing"]);
});

test("dotenv file names", () => {
  for (const n of [".env", ".env.local", ".env.production", "prod.env", ".env.example"]) assert.ok(isDotenvName(n), n);
  for (const n of [".envrc", "env", "environment.py", "dotenv.py"]) assert.ok(!isDotenvName(n), n);
  for (const n of [".env.example", ".env.sample", ".env.template", ".env.dist", "example.env"]) assert.ok(isTemplateName(n), n);
  assert.ok(!isTemplateName(".env.production"));
});

test("gitView without a repository: .gitignore files still decide", () => {
  const dir = writeProject({ ".gitignore": ".env\n", "sub/.gitignore": "!.env\n", ".env": "", "sub/.env": "", "other.env": "" });
  const git = gitView(dir);
  assert.equal(git.status(path.join(dir, ".env")), "ignored");
  assert.equal(git.status(path.join(dir, "sub", ".env")), "untracked", "a deeper .gitignore re-includes it");
  assert.equal(git.status(path.join(dir, "other.env")), "untracked");
});

const hasGit = spawnSync("git", ["--version"]).status === 0;

test("gitView with a repository: the index wins over .gitignore, info/exclude applies", { skip: !hasGit && "git is not installed" }, () => {
  const dir = writeProject({ ".env": "A=1\n", "staged.env": "B=2\n", "excluded.env": "C=3\n", "new.env": "D=4\n" });
  const git = (...args: string[]) => spawnSync("git", ["-c", "user.email=t@example.com", "-c", "user.name=t", ...args], { cwd: dir, encoding: "utf8" });
  git("init", "-q");
  git("add", ".env", "staged.env");
  fs.writeFileSync(path.join(dir, ".gitignore"), "*.env\n.env\n!new.env\n");
  fs.writeFileSync(path.join(dir, ".git", "info", "exclude"), "excluded.env\n");
  const index = readIndex(path.join(dir, ".git", "index"));
  assert.deepEqual([...(index ?? [])].sort(), [".env", "staged.env"]);
  const view = gitView(path.join(dir));
  assert.equal(view.status(path.join(dir, ".env")), "tracked", "tracked although ignored");
  assert.equal(view.status(path.join(dir, "staged.env")), "tracked");
  assert.equal(view.status(path.join(dir, "excluded.env")), "ignored");
  assert.equal(view.status(path.join(dir, "new.env")), "untracked");
});

test("readIndex reads index version 4 (path prefix compression)", { skip: !hasGit && "git is not installed" }, () => {
  const dir = writeProject({ "a/b/one.env": "", "a/b/two.env": "", "a/c.env": "", "z.env": "" });
  const git = (...args: string[]) => spawnSync("git", args, { cwd: dir, encoding: "utf8" });
  git("init", "-q");
  git("config", "index.version", "4");
  git("add", ".");
  git("update-index", "--index-version", "4");
  assert.deepEqual([...(readIndex(path.join(dir, ".git", "index")) ?? [])].sort(), ["a/b/one.env", "a/b/two.env", "a/c.env", "z.env"]);
});
