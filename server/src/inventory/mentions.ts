// Variable names the project's Python code reads outside what the analysis follows (celery.py, wsgi.py, branches not taken).
import * as fs from "fs";

/**
 * A quoted name right after `(` or `[` is the first argument of a call or a subscript: `os.environ["X"]`,
 * `getenv("X")`, `env.bool("X")`, `config("X")`. Looser matches (any quoted word) would hide real unused entries behind
 * dict keys such as "DEBUG" in LOGGING.
 */
const READ_LIKE = /[([]\s*[rbuRBU]?(["'])([A-Za-z_][A-Za-z0-9_]*)\1/g;

const cache = new Map<string, { mtimeMs: number; size: number; names: Set<string> }>();

function namesIn(file: string, read: (file: string) => string | undefined): Set<string> {
  let st: fs.Stats | undefined;
  try {
    st = fs.statSync(file);
  } catch {
    st = undefined;
  }
  const hit = cache.get(file);
  if (st && hit && hit.mtimeMs === st.mtimeMs && hit.size === st.size) return hit.names;
  const names = new Set<string>();
  const text = read(file);
  if (text !== undefined) for (let m = READ_LIKE.exec(text); m; m = READ_LIKE.exec(text)) names.add(m[2]);
  READ_LIKE.lastIndex = 0;
  if (st) cache.set(file, { mtimeMs: st.mtimeMs, size: st.size, names });
  return names;
}

/** For each wanted name, the Python files that mention it in a read-like position. */
export function pythonMentions(files: string[], wanted: ReadonlySet<string>, read: (file: string) => string | undefined): Map<string, string[]> {
  const out = new Map<string, string[]>();
  if (wanted.size === 0) return out;
  for (const f of files) {
    for (const n of namesIn(f, read)) {
      if (!wanted.has(n)) continue;
      const list = out.get(n) ?? [];
      list.push(f);
      out.set(n, list);
    }
  }
  return out;
}
