// Small helpers over the `yaml` package's node API: documents with positions, merge keys and aliases followed.
import { isAlias, isMap, isScalar, isSeq, parseAllDocuments, type Document, type Node, type Pair, type YAMLMap } from "yaml";
import type { Loc } from "../../resolve/values";
import { LineIndex } from "../text";
import type { SourceContext } from "./types";

export interface YamlFile {
  file: string;
  text: string;
  lines: LineIndex;
  docs: Document.Parsed[];
}

/** Parses every document of a YAML (or JSON) file; documents with errors are dropped with a note, the others kept. */
export function loadYaml(ctx: SourceContext, file: string, text: string): YamlFile {
  const lines = new LineIndex(text);
  const docs: Document.Parsed[] = [];
  let all: Document.Parsed[];
  try {
    all = parseAllDocuments(text, { uniqueKeys: false, prettyErrors: false }) as Document.Parsed[];
  } catch (e) {
    ctx.scan.notes.push({ file, severity: "information", message: `${(e as Error).message}: skipped` });
    return { file, text, lines, docs };
  }
  if (!Array.isArray(all)) all = [];
  for (const doc of all) {
    if (doc.errors.length) {
      const err = doc.errors[0];
      const at = err.pos?.[0] ?? 0;
      ctx.scan.notes.push({ file, range: lines.range(at, at), severity: "information", message: `not valid YAML (${err.code}): this document is skipped` });
      continue;
    }
    docs.push(doc);
  }
  return { file, text, lines, docs };
}

/** Follows aliases (`*common-env`) to the anchored node. */
export function deref(doc: Document.Parsed, n: unknown): Node | undefined {
  let cur = n;
  for (let i = 0; i < 10 && isAlias(cur); i++) cur = cur.resolve(doc);
  return (cur ?? undefined) as Node | undefined;
}

function isMergeKey(p: Pair): boolean {
  return isScalar(p.key) && (p.key.value === "<<" || typeof p.key.value === "symbol");
}

/** A map's pairs with YAML merge keys (`<<: *base`) expanded in place; later keys win as in YAML 1.1. */
export function pairs(doc: Document.Parsed, n: unknown, depth = 0): Pair[] {
  const m = deref(doc, n);
  if (!isMap(m) || depth > 10) return [];
  const out: Pair[] = [];
  for (const p of (m as YAMLMap).items) {
    if (isMergeKey(p)) {
      const v = deref(doc, p.value);
      const sources = isSeq(v) ? v.items : [v];
      for (const s of sources) out.push(...pairs(doc, s, depth + 1));
    } else out.push(p);
  }
  const seen = new Map<string, number>();
  const result: Pair[] = [];
  for (const p of out) {
    const k = keyText(p);
    if (k !== undefined && seen.has(k)) result[seen.get(k)!] = p;
    else {
      if (k !== undefined) seen.set(k, result.length);
      result.push(p);
    }
  }
  return result;
}

export function keyText(p: Pair): string | undefined {
  return isScalar(p.key) && (typeof p.key.value === "string" || typeof p.key.value === "number") ? String(p.key.value) : undefined;
}

/** The value under a key of a map, aliases followed. */
export function get(doc: Document.Parsed, n: unknown, key: string): Node | undefined {
  const p = pairs(doc, n).find((x) => keyText(x) === key);
  return p ? deref(doc, p.value) : undefined;
}

export function items(doc: Document.Parsed, n: unknown): Node[] {
  const s = deref(doc, n);
  return isSeq(s) ? s.items.map((i) => deref(doc, i)).filter((i): i is Node => !!i) : [];
}

export function str(doc: Document.Parsed, n: unknown): string | undefined {
  const s = deref(doc, n);
  if (!isScalar(s)) return undefined;
  return typeof s.value === "string" || typeof s.value === "number" || typeof s.value === "boolean" ? String(s.value) : undefined;
}

/** Where a node's text is; for a key the span of the name itself (quotes excluded). */
export function nodeLoc(y: YamlFile, n: Node | undefined | null, name?: string): Loc | undefined {
  if (!n || !n.range) return undefined;
  const [start, end] = n.range;
  if (name !== undefined) {
    const at = y.text.indexOf(name, start);
    if (at >= 0 && at + name.length <= Math.max(end, start + name.length)) return y.lines.loc(y.file, at, at + name.length);
  }
  return y.lines.loc(y.file, start, end);
}

/** Every string scalar under a node, for interpolation references. */
export function scalars(doc: Document.Parsed, n: unknown, out: Array<{ value: string; node: Node }> = [], depth = 0): Array<{ value: string; node: Node }> {
  if (depth > 60 || !n) return out;
  if (isScalar(n)) {
    if (typeof n.value === "string") out.push({ value: n.value, node: n });
  } else if (isMap(n)) {
    for (const p of n.items) {
      scalars(doc, p.key, out, depth + 1);
      scalars(doc, p.value, out, depth + 1);
    }
  } else if (isSeq(n)) {
    for (const i of n.items) scalars(doc, i, out, depth + 1);
  }
  return out;
}
