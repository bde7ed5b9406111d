// Dockerfiles: `ENV KEY=value` (and the old `ENV KEY value`) sets a variable in the image, so it documents it too.
import { LineIndex } from "../text";
import type { SourceContext } from "./types";

/** Dockerfile, Dockerfile.prod, prod.Dockerfile, Containerfile. */
export function isDockerfile(name: string): boolean {
  return /^(Dockerfile|Containerfile)([.-][\w.-]+)?$/.test(name) || /^[\w.-]+\.(Dockerfile|dockerfile)$/.test(name);
}

/**
 * The `ENV` instructions of a Dockerfile, continuation lines joined. `ARG` is left out: a build argument is gone when
 * the container runs, and Django reads its settings then.
 */
export function scanDockerfile(ctx: SourceContext, file: string, text: string): void {
  const lines = new LineIndex(text);
  let count = 0;
  for (let line = 0; line < lines.lineCount; line++) {
    const start = lines.lineStart(line);
    const t = lines.lineText(line);
    const m = /^\s*ENV\s+/i.exec(t);
    if (!m) continue;
    // The instruction's text with its `\` continuations, keeping offsets into the file for each name.
    const parts: Array<{ text: string; base: number }> = [{ text: t.slice(m[0].length), base: start + m[0].length }];
    while (/\\\s*$/.test(parts[parts.length - 1].text) && line + 1 < lines.lineCount) {
      const last = parts[parts.length - 1];
      last.text = last.text.replace(/\\\s*$/, " ");
      line++;
      parts.push({ text: lines.lineText(line), base: lines.lineStart(line) });
    }
    const first = parts[0].text.trim();
    // `ENV KEY value with spaces`: the old form sets one variable.
    const legacy = /^([A-Za-z_][A-Za-z0-9_]*)\s+(?!=)/.exec(first);
    if (legacy) {
      const at = parts[0].base + parts[0].text.indexOf(legacy[1]);
      ctx.scan.entries.push({ variable: legacy[1], source: "dockerfile", loc: lines.loc(file, at, at + legacy[1].length), context: "ENV", forDjango: true });
      count++;
      continue;
    }
    for (const p of parts) {
      const re = /(?:^|\s)([A-Za-z_][A-Za-z0-9_]*)=("(?:[^"\\]|\\.)*"|'[^']*'|\S*)/g;
      for (let a = re.exec(p.text); a; a = re.exec(p.text)) {
        const at = p.base + a.index + a[0].indexOf(a[1]);
        ctx.scan.entries.push({ variable: a[1], source: "dockerfile", loc: lines.loc(file, at, at + a[1].length), context: "ENV", forDjango: true });
        count++;
      }
    }
  }
  ctx.scan.files.push({ file, source: "dockerfile", variables: count });
}
