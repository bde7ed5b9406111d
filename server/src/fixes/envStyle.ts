// The project's own way of reading environment variables in a module: django-environ's env, decouple's config, or os.environ.
import * as fs from "fs";
import * as path from "path";
import type { ModuleModel, ModuleRef, Stmt } from "../parse/model";
import { dottedName } from "../parse/exprIndex";

export type EnvStyle =
  /** `env("NAME")`: the module, or a module it imports from, creates `environ.Env()`. */
  | { kind: "environ"; obj: string }
  /** `config("NAME")`: python-decouple is imported. */
  | { kind: "decouple"; callee: string }
  /** `os.environ["NAME"]`; `importOs` when the module has no `os` yet and the fix must add `import os`. */
  | { kind: "os"; environ: string; importOs: boolean };

/** What a module-level name holds, as far as reading the environment is concerned. */
type Binding = "os" | "os.environ" | "environ" | "environ.Env" | "envobj" | "decouple" | "decouple.config" | "decouple.AutoConfig";

export type LoadModel = (file: string) => ModuleModel | undefined;

/** Resolves `from .base import *` / `from config.settings.base import env` to a project file, as the loader does. */
export function resolveModuleRef(fromFile: string, ref: ModuleRef, root: string): string | undefined {
  const parts = ref.name ? ref.name.split(".") : [];
  const find = (dir: string) => {
    const base = path.join(dir, ...parts);
    if (parts.length && isFile(base + ".py")) return base + ".py";
    if (isFile(path.join(base, "__init__.py"))) return path.join(base, "__init__.py");
    return undefined;
  };
  if (ref.level > 0) {
    let dir = path.dirname(fromFile);
    for (let i = 1; i < ref.level; i++) dir = path.dirname(dir);
    return find(dir);
  }
  const top = path.resolve(root);
  for (let dir = path.dirname(path.resolve(fromFile)); ; dir = path.dirname(dir)) {
    const hit = find(dir);
    if (hit) return hit;
    if (dir === top || !dir.startsWith(top) || path.dirname(dir) === dir) return undefined;
  }
}

function isFile(p: string): boolean {
  try {
    return fs.statSync(p).isFile();
  } catch {
    return false;
  }
}

/** The names a module binds at module level that matter for reading the environment, following star and from-imports. */
function moduleBindings(model: ModuleModel, load: LoadModel, root: string, seen: Set<string>): Map<string, Binding> {
  const out = new Map<string, Binding>();
  if (seen.has(model.file) || seen.size > 8) return out;
  seen.add(model.file);
  const fromProject = (ref: ModuleRef): Map<string, Binding> | undefined => {
    const file = resolveModuleRef(model.file, ref, root);
    const target = file ? load(file) : undefined;
    return target ? moduleBindings(target, load, root, seen) : undefined;
  };
  const block = (stmts: Stmt[]): void => {
    for (const s of stmts) {
      switch (s.kind) {
        case "import":
          for (const n of s.names) {
            const bound = n.alias ?? n.module.split(".")[0];
            const mod = n.alias ? n.module : n.module.split(".")[0];
            if (mod === "os" || mod === "environ" || mod === "decouple") out.set(bound, mod);
            else out.delete(bound);
          }
          break;
        case "importFrom": {
          const m = s.module;
          if (m.level === 0 && (m.name === "os" || m.name === "environ" || m.name === "decouple")) {
            for (const n of s.names) {
              const bound = n.alias ?? n.name;
              const full = `${m.name}.${n.name}`;
              if (full === "os.environ") out.set(bound, "os.environ");
              else if (full === "environ.Env" || full === "environ.FileAwareEnv") out.set(bound, "environ.Env");
              else if (full === "decouple.config") out.set(bound, "decouple.config");
              else if (full === "decouple.AutoConfig" || full === "decouple.Config") out.set(bound, "decouple.AutoConfig");
            }
          } else {
            const there = fromProject(m);
            for (const n of s.names) {
              const b = there?.get(n.name);
              if (b) out.set(n.alias ?? n.name, b);
            }
          }
          break;
        }
        case "importStar": {
          const there = fromProject(s.module);
          if (there) for (const [name, b] of there) if (!name.startsWith("_")) out.set(name, b);
          break;
        }
        case "assign": {
          if (s.value.t !== "call") break;
          const fn = dottedName(s.value.fn);
          if (!fn) break;
          const head = fn.split(".")[0];
          const headKind = out.get(head);
          let kind: Binding | undefined;
          if ((headKind === "environ" && /\.(Env|FileAwareEnv)$/.test(fn) && fn.split(".").length === 2) || (headKind === "environ.Env" && fn === head)) kind = "envobj";
          else if ((headKind === "decouple" && /\.(AutoConfig|Config)$/.test(fn)) || (headKind === "decouple.AutoConfig" && fn === head)) kind = "decouple.config";
          for (const t of s.targets) {
            if (t.path.length !== 0) continue;
            if (kind) out.set(t.name, kind);
            else out.delete(t.name);
          }
          break;
        }
        case "if":
          for (const b of s.branches) block(b.body);
          break;
        case "try":
          block(s.body);
          for (const h of s.handlers) block(h.body);
          block(s.orelse);
          break;
        default:
          break;
      }
    }
  };
  block(model.statements);
  return out;
}

/**
 * The style a fix in `model` should use: django-environ's `env` where the module (or what it star-imports or imports
 * `env` from) creates an `environ.Env()`, decouple's `config` where decouple is imported, otherwise `os.environ`.
 */
export function envStyle(model: ModuleModel, load: LoadModel, root: string): EnvStyle {
  const b = moduleBindings(model, load, root, new Set());
  const named = (kind: Binding): string | undefined => {
    const names = [...b.entries()].filter(([, k]) => k === kind).map(([n]) => n);
    return names.includes("env") ? "env" : names.includes("config") ? "config" : names.includes("os") ? "os" : names[0];
  };
  const envObj = named("envobj");
  if (envObj) return { kind: "environ", obj: envObj };
  const config = named("decouple.config");
  if (config) return { kind: "decouple", callee: config };
  const decouple = named("decouple");
  if (decouple) return { kind: "decouple", callee: `${decouple}.config` };
  const os = named("os");
  if (os) return { kind: "os", environ: `${os}.environ`, importOs: false };
  const environ = named("os.environ");
  if (environ) return { kind: "os", environ, importOs: false };
  return { kind: "os", environ: "os.environ", importOs: true };
}

/** The expression reading `variable` in this style, with no default: `env("X")`, `config("X")`, `os.environ["X"]`. */
export function readExpr(style: EnvStyle, variable: string, quote: '"' | "'" = '"'): string {
  const q = quote + variable + quote;
  switch (style.kind) {
    case "environ":
      return `${style.obj}(${q})`;
    case "decouple":
      return `${style.callee}(${q})`;
    case "os":
      return `${style.environ}[${q}]`;
  }
}

/** Human wording for titles: "django-environ", "python-decouple", "os.environ". */
export function styleName(style: EnvStyle): string {
  return style.kind === "environ" ? "django-environ" : style.kind === "decouple" ? "python-decouple" : "os.environ";
}
