// Helm charts: env-like maps and lists in values.yaml (env, extraEnv, envVars…), subcharts' values set apart.
import * as path from "path";
import { isMap, isSeq, type Document, type Node } from "yaml";
import { VARIABLE_NAME } from "../text";
import type { DocEntry, SourceContext } from "./types";
import { get, items, keyText, loadYaml, nodeLoc, pairs, str, type YamlFile } from "./yamlNodes";

/** values.yaml, values-production.yaml, values.prod.yaml: only beside a Chart.yaml. */
export function isHelmValuesFile(name: string): boolean {
  return /^values([.-][\w.-]+)?\.ya?ml$/i.test(name);
}

/** Keys under which charts conventionally list container environment variables. */
const ENV_KEY = /^(extra|secret|global|additional|custom)?_?env(ironment)?(_?(vars|variables))?$/i;

export function scanHelmValues(ctx: SourceContext, file: string, text: string): void {
  const subcharts = subchartNames(ctx, path.join(path.dirname(file), "Chart.yaml"));
  const y = loadYaml(ctx, file, text);
  const before = ctx.scan.entries.length;
  for (const doc of y.docs) walk(ctx, y, doc, doc.contents ?? undefined, [], subcharts, 0);
  ctx.scan.files.push({ file, source: "helm", variables: ctx.scan.entries.length - before });
}

function walk(ctx: SourceContext, y: YamlFile, doc: Document.Parsed, n: Node | undefined, at: string[], subcharts: Set<string>, depth: number): void {
  if (!isMap(n) || depth > 20) return;
  for (const p of pairs(doc, n)) {
    const key = keyText(p);
    if (key === undefined) continue;
    const value = get(doc, n, key);
    const here = [...at, key];
    if (ENV_KEY.test(key) && (isMap(value) || isSeq(value))) {
      envEntries(ctx, y, doc, value!, here.join("."), !subcharts.has(here[0]));
      continue;
    }
    walk(ctx, y, doc, value, here, subcharts, depth + 1);
  }
}

function envEntries(ctx: SourceContext, y: YamlFile, doc: Document.Parsed, value: Node, where: string, forDjango: boolean): void {
  const context = `values ${where}`;
  const push = (variable: string | undefined, node: Node | undefined) => {
    const loc = nodeLoc(y, node, variable);
    if (variable && loc && VARIABLE_NAME.test(variable)) ctx.scan.entries.push({ variable, source: "helm", loc, context, forDjango } satisfies DocEntry);
  };
  if (isMap(value)) {
    for (const p of pairs(doc, value)) push(keyText(p), p.key as Node);
    return;
  }
  for (const item of items(doc, value)) {
    const nameNode = get(doc, item, "name");
    push(str(doc, nameNode), nameNode);
  }
}

/** Dependencies declared in Chart.yaml: their values configure other programs (a postgresql subchart). */
function subchartNames(ctx: SourceContext, chartFile: string): Set<string> {
  const out = new Set<string>();
  const text = ctx.read(chartFile);
  if (text === undefined) return out;
  const y = loadYaml({ ...ctx, scan: { ...ctx.scan, notes: [] } }, chartFile, text);
  for (const doc of y.docs) {
    for (const dep of items(doc, get(doc, doc.contents, "dependencies"))) {
      for (const k of ["name", "alias"]) {
        const v = str(doc, get(doc, dep, k));
        if (v) out.add(v);
      }
    }
  }
  return out;
}
