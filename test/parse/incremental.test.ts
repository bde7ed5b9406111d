// Incremental re-parsing must give exactly the model a full parse gives, for random edits of real settings files.
import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { test } from "node:test";
import { diffTexts, reparseModule } from "../../server/src/parse/incremental";
import { parseModule, type ParsedModule } from "../../server/src/parse/parseModule";
import { pythonParser } from "../../server/src/parse/treeSitter";

const REPO = path.resolve(__dirname, "..", "..", "..");

function pythonFiles(dir: string, out: string[] = []): string[] {
  for (const name of fs.readdirSync(dir).sort()) {
    const p = path.join(dir, name);
    if (fs.statSync(p).isDirectory()) pythonFiles(p, out);
    else if (name.endsWith(".py") && !name.includes("blob")) out.push(p);
  }
  return out;
}

/** A small deterministic PRNG, so a failure names a seed that reproduces it. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

/** Line breaks of every kind (a lone CR is one to LSP and Python), and a statement that can share a line with the last. */
const SNIPPETS = ["", "X", "\n", " = ", "True", "[", "]", "(", '"', "# c\n", "\nNEW = 1\n", "é", "😀", "if A:\n    B = 2\n", "):", "\r\n", "    ", "\r", "# c\r\n", " Z = 3"];

function comparable(p: ParsedModule) {
  const m = p.model;
  return JSON.stringify({ s: m.statements, c: m.comments, e: m.syntaxErrors, i: m.importInsertOffset, m: m.importedModules });
}

test("diffTexts finds the single changed span", () => {
  assert.deepEqual(diffTexts("abcdef", "abXdef"), { start: 2, oldEnd: 3, newEnd: 3 });
  assert.deepEqual(diffTexts("abc", "abc"), undefined);
  assert.deepEqual(diffTexts("aaa", "aaaa"), { start: 3, oldEnd: 3, newEnd: 4 });
});

test("incremental model equals a full parse after each of many random edits", async () => {
  const parser = await pythonParser();
  const files = [...pythonFiles(path.join(REPO, "examples", "mysite")), ...pythonFiles(path.join(REPO, "test", "fixtures", "layouts"))];
  let edits = 0;
  for (const [n, file] of files.entries()) {
    const random = rng(n + 1);
    let text = fs.readFileSync(file, "latin1");
    // A third of the files as Windows (CRLF) and a third as classic Mac (lone CR) text: positions follow LSP's lines.
    if (n % 3 === 1) text = text.replace(/\r?\n/g, "\r\n");
    else if (n % 3 === 2) text = text.replace(/\r?\n/g, "\r");
    let current = parseModule(parser, file, text);
    for (let k = 0; k < 12; k++) {
      const at = Math.floor(random() * (text.length + 1));
      const len = Math.floor(random() * Math.min(8, text.length - at + 1));
      text = text.slice(0, at) + SNIPPETS[Math.floor(random() * SNIPPETS.length)] + text.slice(at + len);
      const next = reparseModule(parser, current, text);
      const full = parseModule(parser, file, text);
      const a = comparable(next);
      const b = comparable(full);
      if (a !== b) {
        let i = 0;
        while (a[i] === b[i]) i++;
        assert.fail(`${path.relative(REPO, file)}: edit ${k} (seed ${n + 1}) diverged from a full parse at character ${i}:\n incremental …${a.slice(Math.max(0, i - 150), i + 150)}\n full        …${b.slice(Math.max(0, i - 150), i + 150)}`);
      }
      full.tree.delete();
      if (next.tree !== current.tree) current.tree.delete();
      current = next;
      edits++;
    }
    current.tree.delete();
  }
  assert.ok(edits > 300, `only ${edits} edits`);
});

// Edits that keep a module valid go through the slice path (only the touched statements re-parsed, the tree left
// behind with the edits remembered); edits that break it, or that a slice cannot judge alone (an `else:` whose `if`
// precedes it, a string opened and not closed), go through the tree. Mixed in one sequence, both must agree with a
// full parse after every step, including the step where the tree catches up with dozens of remembered edits.
const VALID = [
  (t: string, at: number) => t.slice(0, lineStart(t, at)) + "NEW_SETTING = 42\n" + t.slice(lineStart(t, at)),
  (t: string, at: number) => t.slice(0, lineStart(t, at)) + "A = 1; B = [2, 3]  # two\n" + t.slice(lineStart(t, at)),
  (t: string, at: number) => t.slice(0, lineStart(t, at)) + "if DEBUG:\n    X = 1\nelse:\n    X = 2\n" + t.slice(lineStart(t, at)),
  (t: string, at: number) => t.slice(0, lineStart(t, at)) + "# a comment line\n" + t.slice(lineStart(t, at)),
  (t: string, at: number) => t.replace(/\b(True|False)\b/g, (m, _x, i: number) => (i >= at && i < at + 400 ? (m === "True" ? "False" : "True") : m)),
  (t: string, at: number) => {
    const ls = lineStart(t, at);
    const le = t.indexOf("\n", ls);
    return le < 0 ? t : t.slice(0, ls) + t.slice(le + 1);
  },
];
/** Edits a slice cannot judge alone; the step after one undoes it, so the sequence returns to valid modules. */
const BREAKING = [
  (t: string, at: number) => t.slice(0, lineStart(t, at)) + "else:\n    Y = 1\n" + t.slice(lineStart(t, at)),
  (t: string, at: number) => t.slice(0, lineStart(t, at)) + 'S = """opened\n' + t.slice(lineStart(t, at)),
  (t: string, at: number) => t.slice(0, lineStart(t, at)) + "    INDENTED = 1\n" + t.slice(lineStart(t, at)),
  (t: string, at: number) => t.slice(0, lineStart(t, at)) + "@decorator\n" + t.slice(lineStart(t, at)),
  (t: string, at: number) => t.slice(0, at) + "(" + t.slice(at),
];

function lineStart(t: string, at: number): number {
  return at <= 0 ? 0 : t.lastIndexOf("\n", at - 1) + 1;
}

test("slice re-parses and tree re-parses agree with full parses across long edit sequences", async () => {
  const parser = await pythonParser();
  const files = [...pythonFiles(path.join(REPO, "examples", "mysite")), ...pythonFiles(path.join(REPO, "test", "fixtures", "layouts"))];
  let sliced = 0;
  let treed = 0;
  for (const [n, file] of files.entries()) {
    const random = rng(1000 + n);
    let text = fs.readFileSync(file, "latin1");
    let current = parseModule(parser, file, text);
    let undo: string | undefined;
    for (let k = 0; k < 90; k++) {
      let next_: string;
      if (undo !== undefined) {
        next_ = undo;
        undo = undefined;
      } else if (random() < 0.25) {
        next_ = BREAKING[Math.floor(random() * BREAKING.length)](text, Math.floor(random() * (text.length + 1)));
        undo = text;
      } else {
        next_ = VALID[Math.floor(random() * VALID.length)](text, Math.floor(random() * (text.length + 1)));
      }
      if (next_ === text) continue;
      text = next_;
      const next = reparseModule(parser, current, text);
      const full = parseModule(parser, file, text);
      const a = comparable(next);
      const b = comparable(full);
      // On a broken module tree-sitter's incremental parse may recover from the error differently from a fresh parse
      // (its own trees differ, not just our model of them): there the incremental model must only report an error too.
      if (full.model.syntaxErrors.length > 0) assert.ok(next.model.syntaxErrors.length > 0, `${path.relative(REPO, file)}: step ${k}: broken text without a syntax error`);
      else if (a !== b) {
        let i = 0;
        while (a[i] === b[i]) i++;
        assert.fail(`${path.relative(REPO, file)}: step ${k} (seed ${1000 + n}) diverged from a full parse at character ${i}:\n incremental …${a.slice(Math.max(0, i - 150), i + 150)}\n full        …${b.slice(Math.max(0, i - 150), i + 150)}`);
      }
      full.tree.delete();
      if (next.tree === current.tree) sliced++;
      else {
        treed++;
        current.tree.delete();
      }
      current = next;
    }
    current.tree.delete();
  }
  // Both paths must actually have run, or this test proves nothing about one of them.
  assert.ok(sliced > 200, `only ${sliced} slice re-parses`);
  assert.ok(treed > 100, `only ${treed} tree re-parses`);
});
