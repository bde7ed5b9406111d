// `django-settings-hygiene env [PATH] [--environment NAME] [--format text|json|markdown]`: the environment-variable inventory.
import { flagsOf } from "./args";
import { auditTarget, environmentInScope, matchesEnvironment } from "./targets";
import { ConfigError, loadProjectConfig, type ProjectConfig } from "../config/projectConfig";
import { INVENTORY_RULES } from "../inventory/findings";
import { RULES } from "../rules/index";
import { UNUSED_WAIVER } from "../rules/waivers";
import * as fs from "fs";
import * as path from "path";
import { Engine } from "../engine";
import { buildInventoryReport, inventoryMarkdown, isDeployed, localDescription, readersOf, type InventoryJson } from "../report/inventoryReport";

export const ENV_USAGE = `Usage: django-settings-hygiene env [PATH] [options]

List every environment variable each settings environment reads: required or defaulted, the default (secrets
masked), the cast, the rules the default trips, and where .env.example, compose, Kubernetes, Helm, app.json or a
Procfile documents it.

Options:
  --environment NAME          Only this environment: its kind (production) or module (mysite.settings.prod)
  --format text|json|markdown Output format (default: text)
  --django-version X.Y        Judge with this Django version's semantics instead of the detected one
  --exit-zero                 Exit 0 even when a required variable is undocumented

Exit codes: 0 nothing undocumented, 1 a warning (env-undocumented), 2 usage or internal error.`;

interface EnvArgs {
  path: string;
  environment?: string;
  format: "text" | "json" | "markdown";
  djangoVersion?: string;
  exitZero: boolean;
  help: boolean;
}

class EnvUsageError extends Error {}

/** `argv` is what follows `env` on the command line. */
function parseEnvArgs(argv: string[]): EnvArgs {
  const args: EnvArgs = { path: "", format: "text", exitZero: false, help: false };
  const paths: string[] = [];
  for (const { arg: a, flag, value } of flagsOf(argv, (m) => new EnvUsageError(m))) {
    switch (flag) {
      case "--format": {
        const v = value();
        if (v !== "text" && v !== "json" && v !== "markdown") throw new EnvUsageError(`--format must be text, json or markdown, not "${v}"`);
        args.format = v;
        break;
      }
      case "--environment":
      case "-e":
        args.environment = value();
        break;
      case "--django-version": {
        const v = value();
        if (!/^\d+\.\d+$/.test(v)) throw new EnvUsageError(`--django-version must look like 4.2, not "${v}"`);
        args.djangoVersion = v;
        break;
      }
      case "--exit-zero":
        args.exitZero = true;
        break;
      case "--help":
      case "-h":
        args.help = true;
        break;
      default:
        if (a.startsWith("-")) throw new EnvUsageError(`unknown option "${a}"`);
        paths.push(a);
    }
  }
  if (paths.length > 1) throw new EnvUsageError("env takes one PATH");
  args.path = paths[0] ?? ".";
  return args;
}

export async function runEnvCommand(argv: string[], out: NodeJS.WritableStream = process.stdout, err: NodeJS.WritableStream = process.stderr): Promise<number> {
  let args: EnvArgs;
  try {
    args = parseEnvArgs(argv);
  } catch (e) {
    if (!(e instanceof EnvUsageError)) throw e;
    err.write(`django-settings-hygiene env: ${e.message}\n\n${ENV_USAGE}\n`);
    return 2;
  }
  if (args.help) {
    out.write(ENV_USAGE + "\n");
    return 0;
  }
  if (!fs.existsSync(args.path)) {
    err.write(`django-settings-hygiene env: ${args.path}: no such file or directory\n`);
    return 2;
  }
  const abs = path.resolve(args.path);
  const target = auditTarget(abs, fs.statSync(abs).isFile());
  const root = target.root;
  let config: ProjectConfig;
  try {
    config = loadProjectConfig(root, [...RULES.map((r) => r.id), ...INVENTORY_RULES.map((r) => r.id), UNUSED_WAIVER]);
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
    err.write(`django-settings-hygiene env: ${e.message}\n`);
    return 2;
  }
  const engine = await Engine.create();
  // The same configuration as audit: the environments mapping decides kinds here too.
  const audit = engine.audit(root, {
    djangoVersion: args.djangoVersion ?? config.djangoVersion,
    environmentKinds: config.environments,
    disabled: config.disabledRules,
    severities: config.severities,
    extraSettingsFiles: config.extraSettings.map((f) => path.resolve(root, f)),
  });
  let envs = audit.project.environments.filter((e) => environmentInScope(e, target));
  if (args.environment) envs = envs.filter((e) => matchesEnvironment(e, args.environment!));
  if (args.environment && envs.length === 0) {
    err.write(`django-settings-hygiene env: no environment matches "${args.environment}"\n`);
    return 2;
  }
  const report = buildInventoryReport(audit, { environments: envs.map((e) => e.name) });
  if (args.format === "json") out.write(JSON.stringify(report, null, 2) + "\n");
  else if (args.format === "markdown") out.write(inventoryMarkdown(report, 1) + "\n");
  else out.write(formatInventoryText(report));
  const failing = report.findings.some((f) => f.severity === "error" || f.severity === "warning");
  return failing && !args.exitZero ? 1 : 0;
}



function clip(s: string, width: number): string {
  const chars = [...s];
  return chars.length <= width ? s : chars.slice(0, width - 1).join("") + "…";
}

/** Plain columns, no colour: the output is meant for terminals and for diffs alike. */
export function formatInventoryText(report: InventoryJson): string {
  const lines: string[] = [];
  for (const env of report.environments) {
    lines.push(`${env.name} (${env.kind})  ${env.module}`);
    if (env.variables.length === 0) lines.push("  reads no environment variable");
    const rows = env.variables.map((v) => {
      const needed = v.required ? "required" : "default";
      const def = v.required ? "-" : clip(v.default ?? "None", 28);
      const docs = v.documented.length ? v.documented.map((d) => `${d.file}:${d.line}`).join(", ") : "nowhere";
      const notes: string[] = [];
      for (const rule of new Set(v.defaultTrips.map((t) => t.rule))) notes.push(`default trips ${rule}`);
      const secret = v.reads.find((r) => r.secretDefault);
      if (secret) notes.push(`secret-looking default at ${secret.file}:${secret.line}`);
      if (v.providedLocally.length) notes.push(`local: ${[...new Set(v.providedLocally.map((p) => p.file))].join(", ")}`);
      if (v.required && !v.documented.length && isDeployed(env.kind)) notes.push("undocumented");
      return [v.name, needed, def, v.cast ?? "-", clip(readersOf(v), 32), docs + (notes.length ? `  (${notes.join("; ")})` : "")];
    });
    const header = ["VARIABLE", "NEEDED", "DEFAULT", "CAST", "READ BY", "DOCUMENTED IN"];
    if (rows.length) {
      const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => [...r[i]].length)));
      for (const r of [header, ...rows]) lines.push(("  " + r.map((c, i) => (i === r.length - 1 ? c : c + " ".repeat(widths[i] - [...c].length))).join("  ")).trimEnd());
    }
    for (const f of env.localEnvFiles) lines.push(`  loads ${f.file} for local runs (${localDescription(f)})`);
    lines.push("");
  }
  if (report.documentation.length) {
    lines.push("Documentation:");
    for (const d of report.documentation) lines.push(`  ${d.file} (${d.source}, ${d.variables} variable${d.variables === 1 ? "" : "s"})`);
  } else lines.push("Documentation: none (no .env.example, compose file, Dockerfile ENV, Kubernetes manifest, Helm values, app.json or Procfile)");
  lines.push("");
  if (report.unused.length) {
    lines.push("Documented but read by no settings module:");
    for (const u of report.unused) lines.push(`  ${u.file}:${u.line}:${u.column}  ${u.name}  (${u.context})`);
    lines.push("");
  }
  const open = report.openReferences.filter((o) => o.forDjango);
  if (open.length) {
    lines.push("References the tree cannot resolve:");
    for (const o of open) lines.push(`  ${o.file}:${o.line}:${o.column}  ${o.message}`);
    lines.push("");
  }
  for (const n of report.notes) lines.push(`${n.file}${n.line ? ":" + n.line : ""}: note: ${n.message}`);
  if (report.notes.length) lines.push("");
  for (const f of report.findings) {
    lines.push(`${f.file}:${f.line}:${f.column}: ${f.severity} ${f.rule} ${f.message} [${f.environments.join(", ")}]`);
    for (const r of f.related) lines.push(`    ${r.file}:${r.line}:${r.column}: ${r.message}`);
  }
  if (report.findings.length) lines.push("");
  const warnings = report.findings.filter((f) => f.severity === "warning" || f.severity === "error").length;
  const infos = report.findings.length - warnings;
  const vars = new Set(report.environments.flatMap((e) => e.variables.map((v) => v.name))).size;
  lines.push(`${vars} variable(s) in ${report.environments.length} environment(s); ${warnings} warning(s), ${infos} info.`);
  return lines.join("\n") + "\n";
}
