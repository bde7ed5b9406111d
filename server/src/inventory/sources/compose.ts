// docker compose files: each service's `environment:` (list and map forms) and `env_file:`, and `${VAR}` interpolation.
import * as path from "path";
import { isMap, isScalar, isSeq, type Document, type Node } from "yaml";
import { LineIndex, VARIABLE_NAME } from "../text";
import { parseDotenv } from "./dotenv";
import { DJANGO_COMMAND, interpolatedNames, type DocEntry, type SourceContext } from "./types";
import { deref, get, items, keyText, loadYaml, nodeLoc, pairs, scalars, str, type YamlFile } from "./yamlNodes";

/** docker-compose.yml, docker-compose.prod.yml, compose.yaml, compose.override.yml… */
export function isComposeFile(name: string): boolean {
  return /^(docker-)?compose([.-][\w.-]+)?\.ya?ml$/i.test(name);
}

export function scanCompose(ctx: SourceContext, file: string, text: string): void {
  const y = loadYaml(ctx, file, text);
  let count = 0;
  for (const doc of y.docs) {
    const services = get(doc, doc.contents, "services");
    for (const p of pairs(doc, services)) {
      const service = keyText(p);
      const body = deref(doc, p.value);
      if (!service || !isMap(body)) continue;
      count += scanService(ctx, y, doc, service, body);
    }
    // Interpolation happens anywhere in the file, including services that are not Django's.
    for (const s of scalars(doc, doc.contents)) {
      if (!s.value.includes("$") || !s.node.range) continue;
      const raw = y.text.slice(s.node.range[0], s.node.range[1]);
      for (const ref of interpolatedNames(raw)) {
        const at = s.node.range[0] + ref.index;
        ctx.scan.consumed.push({ variable: ref.name, loc: y.lines.loc(file, at, at + ref.name.length), by: "docker compose interpolation" });
      }
    }
  }
  ctx.scan.files.push({ file, source: "compose", variables: count });
}

/**
 * What a plain `docker compose up` sets: the literal, or the default of `${VAR:-default}` / `${VAR-default}`; nothing
 * for `${VAR}`, an empty value or a value built from several references. Located between `start` and `end`, where the
 * scalar is written; a value the file spells differently (escapes) is located at the whole scalar.
 */
function committedValue(y: YamlFile, raw: string | undefined, start: number, end: number): { text: string; loc: DocEntry["loc"] } | undefined {
  if (raw === undefined) return undefined;
  let text = raw.trim();
  if (text.includes("$")) {
    const m = /^\$\{[A-Za-z_][A-Za-z0-9_]*:?-([^}$]*)\}$/.exec(text);
    if (!m) return undefined;
    text = m[1];
  }
  if (text === "") return undefined;
  const at = y.text.indexOf(text, start);
  const loc = at >= 0 && at + text.length <= end ? y.lines.loc(y.file, at, at + text.length) : y.lines.loc(y.file, start, end);
  return { text, loc };
}

function scanService(ctx: SourceContext, y: YamlFile, doc: Document.Parsed, service: string, body: Node): number {
  const entries: DocEntry[] = [];
  const context = `service ${service}`;
  const env = get(doc, body, "environment");
  if (isMap(env)) {
    for (const p of pairs(doc, env)) {
      const name = keyText(p);
      const loc = nodeLoc(y, p.key as Node, name);
      if (!name || !loc || !VARIABLE_NAME.test(name)) continue;
      const v = deref(doc, p.value);
      const value = isScalar(v) && v.range ? committedValue(y, str(doc, v), v.range[0], v.range[1]) : undefined;
      entries.push({ variable: name, source: "compose", loc, context, forDjango: true, ...(value ? { value } : {}) });
    }
  } else if (isSeq(env)) {
    for (const item of items(doc, env)) {
      const s = str(doc, item);
      if (s === undefined) continue;
      const name = s.split("=")[0].trim();
      const loc = nodeLoc(y, item, name);
      if (!loc || !VARIABLE_NAME.test(name)) continue;
      const eq = s.indexOf("=");
      // The value's text starts after the `=` as written in the file (the item may be quoted).
      const from = eq >= 0 && item.range ? y.text.indexOf("=", item.range[0]) : -1;
      const value = from >= 0 && from < item.range![1] ? committedValue(y, s.slice(eq + 1), from + 1, item.range![1]) : undefined;
      entries.push({ variable: name, source: "compose", loc, context, forDjango: true, ...(value ? { value } : {}) });
    }
  }
  const fromFiles: DocEntry[] = [];
  const envFile = get(doc, body, "env_file");
  const refs: Array<{ node: Node; path: string; required: boolean }> = [];
  if (isScalar(envFile)) refs.push({ node: envFile, path: String(envFile.value), required: true });
  for (const item of items(doc, envFile)) {
    if (isScalar(item)) refs.push({ node: item, path: String(item.value), required: true });
    else if (isMap(item)) {
      const p = get(doc, item, "path");
      const required = str(doc, get(doc, item, "required")) !== "false";
      if (p && isScalar(p)) refs.push({ node: p, path: String(p.value), required });
    }
  }
  const open: Array<{ loc: DocEntry["loc"]; message: string }> = [];
  for (const ref of refs) {
    const abs = path.resolve(path.dirname(y.file), ref.path);
    const text = ctx.read(abs);
    const loc = nodeLoc(y, ref.node)!;
    if (text === undefined) {
      // A gitignored env file is normal; what it provides is unknown, which matters for "documented nowhere".
      if (ref.required) open.push({ loc, message: `env_file ${ref.path} of service ${service} is not in the tree` });
      continue;
    }
    const lines = new LineIndex(text);
    const keys = parseDotenv(text);
    for (const e of keys) {
      fromFiles.push({ variable: e.key, source: "dotenv", loc: lines.loc(abs, e.start, e.end), context: `env_file of service ${service} (${path.basename(y.file)})`, forDjango: true });
    }
    if (!ctx.scan.files.some((f) => f.file === abs)) ctx.scan.files.push({ file: abs, source: "dotenv", variables: keys.length });
  }
  const all = [...entries, ...fromFiles];
  const django = runsDjango(doc, body, all, ctx.readVariables);
  for (const e of all) e.forDjango = django;
  for (const o of open) ctx.scan.open.push({ ...o, forDjango: django });
  ctx.scan.entries.push(...all);
  return entries.length;
}

/** A service runs Django when it is built from the project, runs a Django-ish command, or sets a variable the settings read. */
function runsDjango(doc: Document.Parsed, body: Node, entries: DocEntry[], read: ReadonlySet<string>): boolean {
  if (get(doc, body, "build") !== undefined) return true;
  for (const key of ["command", "entrypoint"]) {
    const v = get(doc, body, key);
    const text = str(doc, v) ?? items(doc, v).map((i) => str(doc, i) ?? "").join(" ");
    if (DJANGO_COMMAND.test(text)) return true;
  }
  return entries.some((e) => read.has(e.variable) || e.variable === "DJANGO_SETTINGS_MODULE");
}
