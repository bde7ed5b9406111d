// Platform manifests beside the Procfile: render.yaml envVars, App Engine app.yaml env_variables, fly.toml [env].
import type { Node } from "yaml";
import { LineIndex, VARIABLE_NAME } from "../text";
import type { SourceContext } from "./types";
import { get, items, keyText, loadYaml, nodeLoc, pairs, str } from "./yamlNodes";

// smol-toml ships a CommonJS build (its "require" export), but its type declarations are ESM-only.
 
const { parse: parseToml } = require("smol-toml") as { parse(text: string): unknown };

export function scanRender(ctx: SourceContext, file: string, text: string): void {
  const y = loadYaml(ctx, file, text);
  const before = ctx.scan.entries.length;
  for (const doc of y.docs) {
    const groups: Array<{ node: Node; context: string }> = [];
    for (const s of items(doc, get(doc, doc.contents, "services"))) groups.push({ node: s, context: `service ${str(doc, get(doc, s, "name")) ?? "(unnamed)"}` });
    for (const g of items(doc, get(doc, doc.contents, "envVarGroups"))) groups.push({ node: g, context: `envVarGroup ${str(doc, get(doc, g, "name")) ?? "(unnamed)"}` });
    for (const g of groups) {
      for (const v of items(doc, get(doc, g.node, "envVars"))) {
        const keyNode = get(doc, v, "key");
        const variable = str(doc, keyNode);
        const loc = nodeLoc(y, keyNode, variable);
        if (variable && loc && VARIABLE_NAME.test(variable)) ctx.scan.entries.push({ variable, source: "render", loc, context: g.context, forDjango: true });
      }
    }
  }
  ctx.scan.files.push({ file, source: "render", variables: ctx.scan.entries.length - before });
}

/** An app.yaml is App Engine's only when it declares a runtime; other tools use the name too. */
export function scanAppEngine(ctx: SourceContext, file: string, text: string): void {
  const y = loadYaml(ctx, file, text);
  const before = ctx.scan.entries.length;
  let isAppEngine = false;
  for (const doc of y.docs) {
    if (get(doc, doc.contents, "runtime") === undefined) continue;
    isAppEngine = true;
    for (const p of pairs(doc, get(doc, doc.contents, "env_variables"))) {
      const variable = keyText(p);
      const loc = nodeLoc(y, p.key as Node, variable);
      if (variable && loc && VARIABLE_NAME.test(variable)) ctx.scan.entries.push({ variable, source: "appengine", loc, context: "env_variables", forDjango: true });
    }
  }
  if (isAppEngine) ctx.scan.files.push({ file, source: "appengine", variables: ctx.scan.entries.length - before });
}

/** fly.toml: smol-toml decides what the [env] table holds; positions come from the key's own line inside that table. */
export function scanFly(ctx: SourceContext, file: string, text: string): void {
  let env: Record<string, unknown> | undefined;
  try {
    const doc = parseToml(text) as Record<string, unknown>;
    env = doc.env && typeof doc.env === "object" ? (doc.env as Record<string, unknown>) : undefined;
  } catch (e) {
    ctx.scan.notes.push({ file, severity: "information", message: `not valid TOML (${(e as Error).message.split("\n")[0]}): skipped` });
    return;
  }
  const lines = new LineIndex(text);
  let inEnv = false;
  let count = 0;
  for (let line = 0; line < lines.lineCount; line++) {
    const t = lines.lineText(line);
    const header = /^\s*\[([^\]]*)\]/.exec(t);
    if (header) {
      inEnv = header[1].trim() === "env";
      continue;
    }
    if (!inEnv || !env) continue;
    const m = /^(\s*)("?)([A-Za-z_][A-Za-z0-9_.-]*)\2\s*=/.exec(t);
    if (!m || !(m[3] in env)) continue;
    const at = lines.lineStart(line) + m[1].length + m[2].length;
    ctx.scan.entries.push({ variable: m[3], source: "fly", loc: lines.loc(file, at, at + m[3].length), context: "[env]", forDjango: true });
    count++;
  }
  ctx.scan.files.push({ file, source: "fly", variables: count });
}
