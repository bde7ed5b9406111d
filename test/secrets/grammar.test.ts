// The dotenv TextMate grammar: valid JSON, every pattern compiles, and its rules scope the parts of typical lines.
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { test } from "node:test";
import { REPO } from "./planted";

interface Rule {
  match?: string;
  begin?: string;
  end?: string;
  name?: string;
  patterns?: Rule[];
  include?: string;
}

const grammar = JSON.parse(fs.readFileSync(path.join(REPO, "syntaxes", "dotenv.tmLanguage.json"), "utf8")) as { scopeName: string; patterns: Rule[]; repository: Record<string, Rule> };

function allRules(): Rule[] {
  const out: Rule[] = [];
  const walk = (r: Rule) => {
    out.push(r);
    for (const p of r.patterns ?? []) walk(p);
  };
  for (const r of [...grammar.patterns, ...Object.values(grammar.repository)]) walk(r);
  return out;
}

test("the grammar is source.dotenv, includes resolve, and every regex compiles", () => {
  assert.equal(grammar.scopeName, "source.dotenv");
  for (const r of allRules()) {
    if (r.include) assert.ok(r.include.startsWith("#") && grammar.repository[r.include.slice(1)], `include ${r.include}`);
    for (const src of [r.match, r.begin, r.end]) if (src !== undefined) assert.doesNotThrow(() => new RegExp(src, "d"), src);
  }
});

const re = (key: string, field: "match" | "begin" = "match") => new RegExp(grammar.repository[key][field]!);

test("lines: comment, export KEY=, quoted and unquoted values, ${VAR} interpolation, inline comments", () => {
  assert.ok(re("comment").test("# a comment"));
  assert.ok(re("comment").test("   # indented"));
  const m = re("assignment", "begin").exec("export DATABASE_URL=postgres://x");
  assert.deepEqual(m && [m[1], m[2], m[3]], ["export", "DATABASE_URL", "="]);
  const plain = re("assignment", "begin").exec("DEBUG = True");
  assert.deepEqual(plain && [plain[1], plain[2]], [undefined, "DEBUG"]);
  assert.equal(re("assignment", "begin").test("=value"), false);
  const interp = new RegExp(grammar.repository.interpolation.patterns![0].match!).exec("${DB_HOST:-localhost}");
  assert.deepEqual(interp && [interp[2], interp[3], interp[4]], ["DB_HOST", ":-", "localhost"]);
  assert.equal(new RegExp(grammar.repository.interpolation.patterns![1].match!).exec("$HOME/x")?.[2], "HOME");
  assert.equal(re("inline-comment").exec("value # note")?.[0], "# note");
  assert.equal(re("inline-comment").test("a#b"), false, "a # glued to the value is part of it");
  assert.equal(re("unquoted").exec("postgres://u@h/db # c")?.[0], "postgres://u@h/db");
  assert.equal(grammar.repository["double-quoted"].begin, '"');
  assert.equal(grammar.repository["single-quoted"].patterns, undefined, "single quotes do not interpolate");
});
