// Kubernetes manifests: workload containers' `env` and `envFrom`, resolved against ConfigMap and Secret manifests in the tree.
import { isMap, isScalar, type Document, type Node, type Pair } from "yaml";
import { VARIABLE_NAME } from "../text";
import { DJANGO_COMMAND, type DocEntry, type SourceContext } from "./types";
import { get, items, keyText, loadYaml, nodeLoc, pairs, str, type YamlFile } from "./yamlNodes";

/** Kinds whose pod template runs containers, and the path from the manifest to the pod spec. */
const POD_SPEC_PATH: Record<string, string[]> = {
  Pod: ["spec"],
  Deployment: ["spec", "template", "spec"],
  StatefulSet: ["spec", "template", "spec"],
  DaemonSet: ["spec", "template", "spec"],
  ReplicaSet: ["spec", "template", "spec"],
  Job: ["spec", "template", "spec"],
  CronJob: ["spec", "jobTemplate", "spec", "template", "spec"],
};

interface ConfigSource {
  kind: "ConfigMap" | "Secret";
  name: string;
  y: YamlFile;
  keys: Pair[];
}

/** Cheap pre-filter so that CI configs, OpenAPI specs and the like are never parsed. */
export function looksLikeKubernetes(text: string): boolean {
  // Leading blanks of one line only: `^\s*` under m re-reads a run of blank lines from each of them (quadratic).
  return /^[^\S\n\r\u2028\u2029]*apiVersion\s*:/m.test(text) && /^[^\S\n\r\u2028\u2029]*kind\s*:/m.test(text);
}

export function scanKubernetes(ctx: SourceContext, files: Array<{ file: string; text: string }>): void {
  const parsed = files.map((f) => loadYaml(ctx, f.file, f.text));
  const configs: ConfigSource[] = [];
  for (const y of parsed) {
    for (const doc of y.docs) {
      const kind = str(doc, get(doc, doc.contents, "kind"));
      if (kind !== "ConfigMap" && kind !== "Secret") continue;
      const name = str(doc, get(doc, get(doc, doc.contents, "metadata"), "name"));
      if (!name) continue;
      const keys = [...pairs(doc, get(doc, doc.contents, "data")), ...pairs(doc, get(doc, doc.contents, "stringData"))];
      configs.push({ kind, name, y, keys });
    }
  }
  const perFile = new Map<string, number>();
  const seen = new Set<string>();
  const add = (e: DocEntry) => {
    const key = `${e.variable}|${e.loc.file}|${e.loc.range.startOffset}`;
    if (seen.has(key)) {
      // The same ConfigMap key reached from two containers: it is for Django if either container is.
      const prev = ctx.scan.entries.find((x) => `${x.variable}|${x.loc.file}|${x.loc.range.startOffset}` === key);
      if (prev && e.forDjango) prev.forDjango = true;
      return;
    }
    seen.add(key);
    ctx.scan.entries.push(e);
    perFile.set(e.loc.file, (perFile.get(e.loc.file) ?? 0) + 1);
  };
  for (const y of parsed) {
    let manifests = 0;
    for (const doc of y.docs) {
      const kind = str(doc, get(doc, doc.contents, "kind"));
      if (!kind) continue;
      manifests++;
      const specPath = POD_SPEC_PATH[kind];
      if (!specPath) continue;
      let spec: Node | undefined = doc.contents ?? undefined;
      for (const k of specPath) spec = get(doc, spec, k);
      const workload = `${kind} ${str(doc, get(doc, get(doc, doc.contents, "metadata"), "name")) ?? "(unnamed)"}`;
      for (const c of [...items(doc, get(doc, spec, "containers")), ...items(doc, get(doc, spec, "initContainers"))]) {
        for (const e of containerEntries(ctx, y, doc, c, workload, configs)) add(e);
      }
    }
    if (manifests && !ctx.scan.files.some((f) => f.file === y.file)) ctx.scan.files.push({ file: y.file, source: "kubernetes", variables: 0 });
  }
  for (const f of ctx.scan.files) if (f.source === "kubernetes") f.variables = perFile.get(f.file) ?? 0;
}

function containerEntries(ctx: SourceContext, y: YamlFile, doc: Document.Parsed, c: Node, workload: string, configs: ConfigSource[]): DocEntry[] {
  const name = str(doc, get(doc, c, "name")) ?? "(unnamed)";
  const context = `${workload}, container ${name}`;
  const out: DocEntry[] = [];
  for (const e of items(doc, get(doc, c, "env"))) {
    const nameNode = get(doc, e, "name");
    const variable = str(doc, nameNode);
    const loc = nodeLoc(y, nameNode, variable);
    if (variable && loc && VARIABLE_NAME.test(variable)) out.push({ variable, source: "kubernetes", loc, context, forDjango: true });
  }
  const open: Array<{ loc: DocEntry["loc"]; message: string }> = [];
  for (const from of items(doc, get(doc, c, "envFrom"))) {
    const prefix = str(doc, get(doc, from, "prefix")) ?? "";
    for (const [refKey, kind] of [["configMapRef", "ConfigMap"], ["secretRef", "Secret"]] as const) {
      const ref = get(doc, from, refKey);
      if (!isMap(ref)) continue;
      const refNameNode = get(doc, ref, "name");
      const refName = str(doc, refNameNode);
      if (!refName) continue;
      const target = configs.find((x) => x.kind === kind && x.name === refName);
      if (!target) {
        if (str(doc, get(doc, ref, "optional")) !== "true") {
          open.push({ loc: nodeLoc(y, refNameNode, refName)!, message: `envFrom ${kind} ${refName} of ${workload} is not in the tree` });
        }
        continue;
      }
      for (const p of target.keys) {
        const key = keyText(p);
        const loc = key !== undefined && isScalar(p.key) ? nodeLoc(target.y, p.key as Node, key) : undefined;
        // Kubernetes skips keys that are not valid variable names; so does the inventory.
        if (!key || !loc || !VARIABLE_NAME.test(prefix + key)) continue;
        out.push({ variable: prefix + key, source: "kubernetes", loc, context: `${kind} ${refName} (envFrom of ${workload})`, forDjango: true });
      }
    }
  }
  const command = ["command", "args", "image"].map((k) => str(doc, get(doc, c, k)) ?? items(doc, get(doc, c, k)).map((i) => str(doc, i) ?? "").join(" ")).join(" ");
  const django = DJANGO_COMMAND.test(command) || out.some((e) => ctx.readVariables.has(e.variable) || e.variable === "DJANGO_SETTINGS_MODULE");
  for (const e of out) e.forDjango = django;
  for (const o of open) ctx.scan.open.push({ ...o, forDjango: django });
  return out;
}
