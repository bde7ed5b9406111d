// Procfiles: `web: DJANGO_SETTINGS_MODULE=x gunicorn …` inline assignments document variables; `$PORT` references consume them.
import { LineIndex } from "../text";
import { interpolatedNames, type SourceContext } from "./types";

/** Procfile, Procfile.dev, Procfile.worker… */
export function isProcfile(name: string): boolean {
  return /^Procfile(\.[\w.-]+)?$/.test(name);
}

export function scanProcfile(ctx: SourceContext, file: string, text: string): void {
  const lines = new LineIndex(text);
  let count = 0;
  for (let line = 0; line < lines.lineCount; line++) {
    const t = lines.lineText(line);
    const m = /^\s*([A-Za-z0-9_-]+)\s*:\s*/.exec(t);
    if (!m || t.trimStart().startsWith("#")) continue;
    const process = m[1];
    const base = lines.lineStart(line);
    let i = m[0].length;
    if (t.startsWith("env ", i)) i += 4;
    // Leading NAME=value words are assignments for this one command, as in any POSIX shell.
    for (;;) {
      while (t[i] === " " || t[i] === "\t") i++;
      const a = /^([A-Za-z_][A-Za-z0-9_]*)=("[^"]*"|'[^']*'|\S*)/.exec(t.slice(i));
      if (!a) break;
      ctx.scan.entries.push({ variable: a[1], source: "procfile", loc: lines.loc(file, base + i, base + i + a[1].length), context: `process ${process}`, forDjango: true });
      count++;
      i += a[0].length;
    }
    for (const ref of interpolatedNames(t.slice(m[0].length))) {
      const at = base + m[0].length + ref.index;
      ctx.scan.consumed.push({ variable: ref.name, loc: lines.loc(file, at, at + ref.name.length), by: `the Procfile's ${process} command` });
    }
  }
  ctx.scan.files.push({ file, source: "procfile", variables: count });
}
