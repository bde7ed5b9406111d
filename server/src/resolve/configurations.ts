// django-configurations: class-based settings, values.*Value as env reads, each configuration class as an environment.
import * as path from "path";
import type { Parser } from "web-tree-sitter";
import type { Range } from "../parse/model";
import { parseModule } from "../parse/parseModule";
import { readSource } from "../parse/source";
import type { EnvKind } from "./classify";
import type { DjangoVersion } from "./djangoVersion";
import { cacheFromUrl, databaseFromUrl, required, tagged } from "./envReads";
import { Environment } from "./environment";
import type { ModuleResult } from "./interpreter";
import type { Binding, Namespace } from "./namespace";
import { unknown, withEnv, type EnvRead, type Loc, type Value } from "./values";

/** A class the project defines, as the interpreter saw its body run. */
export interface UserClass {
  name: string;
  file: string;
  range: Range;
  /** Base classes: the project's own, or outside ones by their dotted name (`configurations.Configuration`). */
  bases: Array<UserClass | string>;
  /** Names its body bound, with provenance. */
  ns: Namespace;
}

/** One configuration class of a module, resolved through its hierarchy (ModuleResult.configurations). */
export interface ConfigurationClass {
  name: string;
  range: Range;
  /** The module's own settings with the class's (inherited ones included) on top: what Django sees when it is selected. */
  namespace: Namespace;
}

const CONFIGURATION_BASES = new Set(["configurations.Configuration", "configurations.base.Configuration"]);

/** The method resolution order (C3) of a class; undefined when Python would refuse the hierarchy. */
export function mro(c: UserClass, depth = 0): UserClass[] | undefined {
  if (depth > 50) return undefined;
  const own = c.bases.filter((b): b is UserClass => typeof b !== "string");
  const seqs: UserClass[][] = [];
  for (const b of own) {
    const m = mro(b, depth + 1);
    if (!m) return undefined;
    seqs.push([...m]);
  }
  seqs.push([...own]);
  const out: UserClass[] = [c];
  for (;;) {
    const live = seqs.filter((s) => s.length);
    if (live.length === 0) return out;
    const head = live.map((s) => s[0]).find((h) => !live.some((s) => s.indexOf(h) > 0));
    if (!head) return undefined;
    out.push(head);
    for (const s of live) if (s[0] === head) s.shift();
  }
}

/** True when the class derives from django-configurations' Configuration. */
export function isConfiguration(c: UserClass): boolean {
  const order = mro(c);
  return !!order && order.some((k) => k.bases.some((b) => typeof b === "string" && CONFIGURATION_BASES.has(b)));
}

/** A class attribute looked up as Python does: the first class in the MRO that binds it. */
export function classAttr(c: UserClass, name: string): Binding | undefined {
  for (const k of mro(c) ?? [c]) {
    const b = k.ns.get(name);
    if (b) return b;
  }
  return undefined;
}

/** The module's settings, then every uppercase attribute of the class and its bases, nearest class winning. */
export function configurationNamespace(moduleNs: Namespace, c: UserClass): Namespace {
  const out: Namespace = new Map(moduleNs);
  const order = mro(c) ?? [c];
  for (let i = order.length - 1; i >= 0; i--) for (const [k, b] of order[i].ns) if (/[A-Z]/.test(k) && !/[a-z]/.test(k)) out.set(k, b);
  return out;
}

/** `values.X` classes whose variable has no DJANGO_ prefix and a fixed name, and what their value becomes. */
const URL_VALUES: Record<string, string> = { DatabaseURLValue: "DATABASE_URL", CacheURLValue: "CACHE_URL", EmailURLValue: "EMAIL_URL", SearchURLValue: "SEARCH_URL" };

const CASTS: Record<string, string> = {
  BooleanValue: "bool",
  IntegerValue: "int",
  PositiveIntegerValue: "int",
  FloatValue: "float",
  DecimalValue: "decimal",
  ListValue: "list",
  TupleValue: "tuple",
  SetValue: "set",
  DictValue: "dict",
  SingleNestedListValue: "list",
  SingleNestedTupleValue: "tuple",
  BackendsValue: "list",
};

/**
 * `DEBUG = values.BooleanValue(False)` in a configuration class: an environment read of DJANGO_DEBUG (the attribute's
 * name with the DJANGO_ prefix, unless environ_name / environ_prefix say otherwise) whose default is the first argument,
 * shaped as the value class shapes it. SecretValue has no default: the variable is required.
 */
export function configurationValue(cls: string, attr: string, args: Value[], kwargs: Record<string, Value>, loc: Loc, defaultLoc: Loc | undefined): Value {
  const def0 = args[0] ?? kwargs.default;
  const environ = kwargs.environ ? kwargs.environ.k !== "bool" || kwargs.environ.v : true;
  const urlName = URL_VALUES[cls];
  const prefixArg = kwargs.environ_prefix;
  let prefix: string | undefined = urlName ? undefined : "DJANGO";
  if (prefixArg) prefix = prefixArg.k === "str" ? prefixArg.v.replace(/_$/, "") || undefined : prefixArg.k === "none" ? undefined : prefix;
  if (prefixArg && prefixArg.k !== "str" && prefixArg.k !== "none") return unknown("values.*Value with an environ_prefix not known statically", { loc });
  const nameArg = kwargs.environ_name;
  if (nameArg && nameArg.k !== "str") return unknown("values.*Value with an environ_name not known statically", { loc });
  const base = nameArg?.k === "str" ? nameArg.v : urlName ?? attr.toUpperCase();
  const variable = prefix ? `${prefix}_${base}` : base;
  const secret = cls === "SecretValue";
  const requiredRead = secret || (kwargs.environ_required ? kwargs.environ_required.k === "bool" && kwargs.environ_required.v : false);
  const shaped = shapeDefault(cls, def0, kwargs, loc);
  if (!environ) return shaped;
  const r: EnvRead = {
    variable,
    via: `values.${cls}`,
    hasDefault: !requiredRead,
    default: requiredRead ? undefined : def0 ?? { k: "none", loc },
    cast: CASTS[cls],
    loc,
    defaultLoc: requiredRead || !def0 ? undefined : defaultLoc,
  };
  return requiredRead ? required(r) : tagged(withEnv(shaped, def0), r);
}

/** The class attribute's value while the variable is unset: the default, as the value class converts it. */
function shapeDefault(cls: string, d: Value | undefined, kwargs: Record<string, Value>, loc: Loc): Value {
  const none: Value = { k: "none", loc };
  switch (cls) {
    case "SecretValue":
      return unknown("a SecretValue has no default", { loc });
    case "BooleanValue":
      return d && d.k === "bool" ? d : unknown("BooleanValue needs a True or False default", { loc });
    case "ListValue":
    case "TupleValue":
    case "SetValue":
    case "BackendsValue": {
      const kind = cls === "TupleValue" ? "tuple" : cls === "SetValue" ? "set" : "list";
      if (!d || d.k === "none") return { k: kind, items: [], loc };
      if (d.k === "list" || d.k === "tuple" || d.k === "set") return { k: kind, items: d.items, loc: d.loc ?? loc };
      return unknown(`${cls} of a default the analysis cannot convert`, { loc });
    }
    case "DictValue":
      if (!d || d.k === "none") return { k: "dict", entries: [], loc };
      return d.k === "dict" ? d : unknown("DictValue of a default that is not a dict", { loc });
    case "DatabaseURLValue":
    case "CacheURLValue": {
      const alias = kwargs.alias && kwargs.alias.k === "str" ? kwargs.alias.v : "default";
      if (!d || d.k === "none") return { k: "dict", entries: [], loc };
      const parsed = cls === "DatabaseURLValue" ? databaseFromUrl(d, loc, kwargs, true) : cacheFromUrl(d, loc);
      return withEnv({ k: "dict", entries: [[{ k: "str", v: alias, loc }, parsed]], loc }, d);
    }
    case "EmailURLValue":
    case "SearchURLValue":
      return unknown(`values.${cls} is not modelled`, { loc });
  }
  return d ?? none;
}

/** The name django-configurations' docs give each kind of class: Dev, Prod, Staging, Test, Base… */
function kindFromClassName(name: string): EnvKind | undefined {
  const n = name.toLowerCase();
  if (/^(base|common|shared|default)/.test(n)) return "base";
  if (/^(dev|develop|development|local)/.test(n)) return "development";
  if (/^(prod|production|live)/.test(n)) return "production";
  if (/^(stag|stage|staging|preprod)/.test(n)) return "staging";
  if (/^(test|testing|ci)/.test(n)) return "testing";
  return undefined;
}

/** `os.environ.setdefault("DJANGO_CONFIGURATION", "Dev")` in manage.py, wsgi.py or asgi.py: the class each selects. */
export function configurationSelections(parser: Parser, entryPoints: string[]): Map<string, { kind: EnvKind; source: string }> {
  const out = new Map<string, { kind: EnvKind; source: string }>();
  for (const entry of entryPoints) {
    const src = readSource(entry);
    if (!src.ok || !src.text.includes("DJANGO_CONFIGURATION")) continue;
    const { model, tree } = parseModule(parser, entry, src.text);
    tree.delete();
    const deploy = path.basename(entry) !== "manage.py";
    const visit = (stmts: typeof model.statements): void => {
      for (const s of stmts) {
        if (s.kind === "call") {
          const c = s.call;
          const [k, v] = c.args;
          if (c.fn.t === "attr" && c.fn.attr === "setdefault" && k?.t === "str" && k.v === "DJANGO_CONFIGURATION" && v?.t === "str") {
            const prev = out.get(v.v);
            if (!prev || deploy) out.set(v.v, { kind: deploy ? "production" : "development", source: path.basename(entry) });
          }
        } else if (s.kind === "def") visit(s.body);
        else if (s.kind === "if") for (const b of s.branches) visit(b.body);
        else if (s.kind === "try") visit(s.body);
      }
    };
    visit(model.statements);
  }
  return out;
}

/**
 * One environment per configuration class of a module: named `<module>.<Class>`, its kind from what selects it
 * (DJANGO_CONFIGURATION in wsgi.py/asgi.py: production; in manage.py: development), else from the class's name.
 */
export function configurationEnvironments(
  result: ModuleResult,
  moduleName: string,
  file: string,
  version: DjangoVersion,
  selections: Map<string, { kind: EnvKind; source: string }>,
): Environment[] {
  return (result.configurations ?? []).map((c) => {
    const chosen = selections.get(c.name);
    const byName = kindFromClassName(c.name);
    const [kind, kindSource]: [EnvKind, string] = chosen
      ? [chosen.kind, `DJANGO_CONFIGURATION in ${chosen.source}`]
      : byName
        ? [byName, "configuration class name"]
        : ["production", "a configuration class with no development, testing or staging name"];
    return new Environment(`${moduleName}.${c.name}`, kind, file, { ...result, namespace: c.namespace }, version, kindSource);
  });
}

const PYDANTIC_BASES = new Set(["pydantic_settings.BaseSettings", "pydantic_settings.main.BaseSettings", "pydantic.BaseSettings", "pydantic.env_settings.BaseSettings"]);

/**
 * A field of a pydantic-settings class read on an instance (`settings.debug`): the environment variable of that name
 * (env_prefix first, case ignored) is unset, so the field's default applies, judged like an env read with a default;
 * a field without one is required. Undefined for classes that are not pydantic settings.
 */
export function pydanticField(cls: UserClass, name: string, loc: Loc): Value | undefined {
  const order = mro(cls);
  if (!order || !order.some((k) => k.bases.some((b) => typeof b === "string" && PYDANTIC_BASES.has(b)))) return undefined;
  const b = classAttr(cls, name);
  const variable = (settingsPrefix(cls) + name).toUpperCase();
  const d = b?.value;
  const known = d && d.k !== "unknown" && d.k !== "func";
  const r: EnvRead = { variable, via: `pydantic ${cls.name}`, hasDefault: !!known, default: known ? d : undefined, loc, defaultLoc: known ? d.loc : undefined };
  return known ? tagged(d, r) : required(r);
}

/** env_prefix from `model_config = SettingsConfigDict(env_prefix=...)` or an inner `class Config: env_prefix = ...`. */
function settingsPrefix(cls: UserClass): string {
  const cfg = classAttr(cls, "model_config")?.value;
  if (cfg?.k === "dict") {
    const p = cfg.entries.find(([k]) => k.k === "str" && k.v === "env_prefix")?.[1];
    if (p?.k === "str") return p.v;
  }
  const inner = classAttr(cls, "Config")?.value;
  if (inner?.k === "class") {
    const p = classAttr(inner.cls, "env_prefix")?.value;
    if (p?.k === "str") return p.v;
  }
  return "";
}
