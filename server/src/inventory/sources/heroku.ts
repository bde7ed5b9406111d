// Heroku's app.json: the `env` object (and each `environments.<name>.env`), read with the YAML parser since JSON is YAML.
import type { Node } from "yaml";
import { VARIABLE_NAME } from "../text";
import type { SourceContext } from "./types";
import { get, keyText, loadYaml, nodeLoc, pairs } from "./yamlNodes";

export function scanAppJson(ctx: SourceContext, file: string, text: string): void {
  const y = loadYaml(ctx, file, text);
  const before = ctx.scan.entries.length;
  for (const doc of y.docs) {
    const blocks: Array<{ node: Node | undefined; context: string }> = [{ node: get(doc, doc.contents, "env"), context: "env" }];
    const environments = get(doc, doc.contents, "environments");
    for (const p of pairs(doc, environments)) {
      const name = keyText(p);
      if (name) blocks.push({ node: get(doc, get(doc, environments, name), "env"), context: `environments.${name}.env` });
    }
    for (const b of blocks) {
      for (const p of pairs(doc, b.node)) {
        const variable = keyText(p);
        const loc = nodeLoc(y, p.key as Node, variable);
        if (variable && loc && VARIABLE_NAME.test(variable)) ctx.scan.entries.push({ variable, source: "heroku", loc, context: `app.json ${b.context}`, forDjango: true });
      }
    }
  }
  ctx.scan.files.push({ file, source: "heroku", variables: ctx.scan.entries.length - before });
}
