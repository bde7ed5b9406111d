// The `django-settings-hygiene` command: argument handling, exit codes (0 clean, 1 findings, 2 errors), output.
import * as fs from "fs";
import * as path from "path";
import { Engine } from "../engine";
import { toJsonReport } from "../report/jsonReport";
import { RULES } from "../rules/index";
import type { Environment } from "../resolve/environment";
import { parseArgs, USAGE, UsageError, type AuditArgs } from "./args";
import { formatText } from "./formatText";

const VERSION = "0.1.0";

export async function main(argv: string[], out: NodeJS.WritableStream = process.stdout, err: NodeJS.WritableStream = process.stderr): Promise<number> {
  let args;
  try {
    args = parseArgs(argv);
  } catch (e) {
    if (e instanceof UsageError) {
      err.write(`django-settings-hygiene: ${e.message}\n\n${USAGE}\n`);
      return 2;
    }
    throw e;
  }
  switch (args.command) {
    case "help":
      out.write(USAGE + "\n");
      return 0;
    case "version":
      out.write(VERSION + "\n");
      return 0;
    case "rules":
      if (args.format === "json") out.write(JSON.stringify(RULES.map((r) => ({ id: r.id, djangoChecks: r.djangoChecks, severity: r.severity, appliesTo: r.appliesTo, summary: r.docs.summary })), null, 2) + "\n");
      else for (const r of RULES) out.write(`${r.id.padEnd(30)} ${r.severity.padEnd(8)} ${(r.djangoChecks.join(",") || "-").padEnd(40)} ${r.docs.summary}\n`);
      return 0;
    case "audit":
      return audit(args, out, err);
  }
}

async function audit(args: AuditArgs, out: NodeJS.WritableStream, err: NodeJS.WritableStream): Promise<number> {
  for (const p of args.paths) {
    if (!fs.existsSync(p)) {
      err.write(`django-settings-hygiene: ${p}: no such file or directory\n`);
      return 2;
    }
  }
  const engine = await Engine.create();
  const audits = [];
  const single = args.paths.length === 1;
  for (const p of args.paths) {
    const abs = path.resolve(p);
    const isFile = fs.statSync(abs).isFile();
    const root = isFile ? projectRootOf(abs) : abs;
    const a = engine.audit(root, { djangoVersion: args.djangoVersion });
    let envs = a.project.environments;
    if (isFile) envs = envs.filter((e) => e.files.includes(abs));
    if (args.environment) envs = envs.filter((e) => matchesEnvironment(e, args.environment!));
    const names = new Set(envs.map((e) => e.name));
    const audit = { project: { ...a.project, environments: envs }, findings: a.findings.filter((f) => names.has(f.environment)) };
    audits.push({ audit, base: single && !isFile ? root : process.cwd() });
  }
  if (args.environment && audits.every((a) => a.audit.project.environments.length === 0)) {
    err.write(`django-settings-hygiene: no environment matches "${args.environment}"\n`);
    return 2;
  }
  const report = toJsonReport(audits);
  if (args.format === "json") out.write(JSON.stringify(report, null, 2) + "\n");
  else out.write(formatText(report, args.color ?? Boolean((out as NodeJS.WriteStream).isTTY)));
  return report.findings.length > 0 && !args.exitZero ? 1 : 0;
}

/** `--environment production` matches the kind; `mysite.settings.prod` or its last part match the module. */
function matchesEnvironment(e: Environment, wanted: string): boolean {
  return e.kind === wanted || e.name === wanted || e.name.endsWith("." + wanted);
}

/** For a file argument: the nearest ancestor with manage.py, pyproject.toml or .git, else the file's directory. */
function projectRootOf(file: string): string {
  let dir = path.dirname(file);
  for (;;) {
    if (["manage.py", "pyproject.toml", ".git"].some((m) => fs.existsSync(path.join(dir, m)))) return dir;
    const up = path.dirname(dir);
    if (up === dir) return path.dirname(file);
    dir = up;
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`django-settings-hygiene: internal error: ${(e as Error)?.stack ?? String(e)}\n`);
      process.exitCode = 2;
    },
  );
}
