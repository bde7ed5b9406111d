// Prints parsing throughput (MB/s): tree-sitter alone, the module model built from its tree, and keystroke re-parses.
import { readFileSync } from "fs";
import { createRequire } from "module";
import { dirname, join } from "path";
import { fileURLToPath } from "url";
import { settingsModule } from "./generated.mjs";

const require = createRequire(import.meta.url);
const repo = join(dirname(fileURLToPath(import.meta.url)), "..");
const out = join(repo, "out", "server", "src", "parse");
const { pythonParser } = require(join(out, "treeSitter.js"));
const { parseModule } = require(join(out, "parseModule.js"));
const { reparseModule } = require(join(out, "incremental.js"));
const SECONDS = Number(process.env.BENCH_SECONDS ?? 2);

/** Ordinary product code (models with methods), to see the parser on Python that is not settings. */
function modelsModule(classes) {
  const out = ["from django.db import models", "from django.utils import timezone", ""];
  for (let c = 0; c < classes; c++) {
    out.push(`class Thing${c}(models.Model):`, `    name = models.CharField(max_length=${50 + (c % 50)})`, "    created = models.DateTimeField(default=timezone.now)");
    out.push(`    owner = models.ForeignKey("auth.User", on_delete=models.CASCADE, related_name="things_${c}")`, "");
    out.push("    def __str__(self):", `        return f"{self.name} ({self.pk})"`, "");
    out.push("    def recent(self, days=7):", "        cutoff = timezone.now() - timezone.timedelta(days=days)", "        return self.created >= cutoff and not self.name.startswith('_')", "");
  }
  return out.join("\n");
}

/** Runs `fn` repeatedly for about SECONDS and returns milliseconds per call (after one warm-up call). */
function perCall(fn) {
  fn();
  let n = 0;
  const t0 = performance.now();
  while (performance.now() - t0 < SECONDS * 1000) {
    fn();
    n++;
  }
  return (performance.now() - t0) / n;
}

/** Milliseconds per re-parse while the module flips between `text` and `other`, one edit each way. */
function toggling(text, other) {
  let current = parseModule(parser, "/bench/x.py", text);
  let flip = false;
  const ms = perCall(() => {
    flip = !flip;
    const next = reparseModule(parser, current, flip ? other : text);
    if (next.tree !== current.tree) current.tree.delete();
    current = next;
  });
  current.tree.delete();
  return ms;
}

const parser = await pythonParser();
const inputs = [
  ["examples/mysite production.py", readFileSync(join(repo, "examples", "mysite", "mysite", "settings", "production.py"), "utf8")],
  ["300-line settings module", settingsModule(300)],
  ["3,000-line settings module", settingsModule(3000)],
  ["models.py, 400 classes", modelsModule(400)],
];
console.log(`node ${process.version}; ~${SECONDS} s per figure; MB = 10^6 bytes of UTF-8 source`);
for (const [label, text] of inputs) {
  const mb = Buffer.byteLength(text, "utf8") / 1e6;
  const tree = perCall(() => parser.parse(text).delete());
  const model = perCall(() => parseModule(parser, "/bench/x.py", text).tree.delete());
  // A keystroke: toggle one value near the top, as the LSP benchmark does, through the incremental path.
  const at = text.indexOf("False") >= 0 ? text.indexOf("False") : text.indexOf("max_length=") + "max_length=".length;
  const edited = text.indexOf("False") >= 0 ? text.slice(0, at) + "True " + text.slice(at + 5) : text.slice(0, at) + "9" + text.slice(at + 1);
  const keystroke = toggling(text, edited);
  // A keystroke that breaks the module (an opening bracket typed before its value), and the one that mends it: the
  // path through tree-sitter's incremental parse, which every edit made while the module is broken takes.
  const breaking = toggling(text, text.slice(0, at) + "(" + text.slice(at));
  console.log(
    `${label.padEnd(32)} ${(mb * 1000).toFixed(1).padStart(7)} KB   tree-sitter ${tree.toFixed(2).padStart(7)} ms (${(mb / (tree / 1000)).toFixed(1)} MB/s)` +
      `   tree + model ${model.toFixed(2).padStart(7)} ms (${(mb / (model / 1000)).toFixed(1)} MB/s)   keystroke re-parse ${keystroke.toFixed(3)} ms, breaking/mending ${breaking.toFixed(3)} ms`,
  );
}
