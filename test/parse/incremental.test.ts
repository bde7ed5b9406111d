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
      if (next !== current) current.tree.delete();
      current = next;
      edits++;
    }
    current.tree.delete();
  }
  assert.ok(edits > 300, `only ${edits} edits`);
});
