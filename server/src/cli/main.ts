// The `django-settings-hygiene` command: argument handling, exit codes (0 clean, 1 findings, 2 errors), output.
import { auditTarget, environmentInScope, fileInScope, matchesEnvironment, repositoryRootOf } from "./targets";
import * as fs from "fs";
import * as path from "path";
import { Engine } from "../engine";
import { Session, type SessionAudit } from "../session/session";
import { groupByPlace } from "../session/problems";
import { planFixes, readFromDisk } from "../fixes/apply";
import { whileStaged } from "../parse/fileText";
import { FixTransaction } from "../fixes/fixTransaction";
import { FixWriteError } from "../fixes/safeWrite";
import { resolveWriteTarget } from "../fixes/writeTarget";
import type { TextOverlay } from "../resolve/moduleLoader";
import { maskSecretsInDiff } from "../secrets/mask";
import { SECRET_RULE_IDS as SECRET_IDS } from "../rules/secrets/index";
import { unifiedDiff } from "../fixes/diff";
import { isProjectLevel } from "../rules/dotenvFindings";
import type { Finding, Fix } from "../rules/types";
import { toJsonReport } from "../report/jsonReport";
import { CATALOGUE } from "../rules/catalogue";
import { parseArgs, USAGE, UsageError, type AuditArgs } from "./args";
import { formatText } from "./formatText";
import { applyBaseline, readBaseline, writeBaseline } from "./baseline";
import { runEnvCommand } from "./envCommand";
import { formatGithub } from "./formatGithub";
import { formatSarif } from "./formatSarif";
import { formatGitlab } from "./formatGitlab";
import { ConfigError } from "../config/projectConfig";
import { SEVERITY_ORDER, type Severity } from "../rules/types";
import { pathToFileURL } from "url";

const VERSION = "0.1.0";

export async function main(argv: string[], out: NodeJS.WritableStream = process.stdout, err: NodeJS.WritableStream = process.stderr): Promise<number> {
  if (argv[0] === "env") return runEnvCommand(argv.slice(1), out, err);
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
      if (args.format === "json") out.write(JSON.stringify(CATALOGUE.map((r) => ({ id: r.id, djangoChecks: r.djangoChecks, severity: r.severity, appliesTo: r.appliesTo, scope: r.scope ?? "environment", summary: r.docs.summary })), null, 2) + "\n");
      else for (const r of CATALOGUE) out.write(`${r.id.padEnd(34)} ${r.severity.padEnd(11)} ${(r.djangoChecks.join(",") || "-").padEnd(40)} ${r.docs.summary}\n`);
      return 0;
    case "audit":
      return audit(args, out, err);
  }
}

/** One audited path: its session's audit narrowed to what the path asks for, and the directory output paths start from. */
type CliAudit = { audit: SessionAudit; base: string; failLevel?: Severity };

const SECRET_RULE_IDS: ReadonlySet<string> = new Set(SECRET_IDS);

async function audit(args: AuditArgs, out: NodeJS.WritableStream, err: NodeJS.WritableStream): Promise<number> {
  for (const p of args.paths) {
    if (!fs.existsSync(p)) {
      err.write(`django-settings-hygiene: ${p}: no such file or directory\n`);
      return 2;
    }
  }
  const engine = await Engine.create();
  let audits: CliAudit[];
  try {
    audits = collectAudits(engine, args);
  } catch (e) {
    if (e instanceof ConfigError) {
      err.write(`django-settings-hygiene: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
  if (args.environment && audits.every((a) => a.audit.project.environments.length === 0)) {
    err.write(`django-settings-hygiene: no environment matches "${args.environment}"\n`);
    return 2;
  }
  if (args.fix || args.diff) {
    const result = applyFixes(engine, args, audits, out, err);
    if (result.failed) return 2;
    if (args.diff) return result.changed && !args.exitZero ? 1 : 0;
    audits = result.audits;
  }
  const report = toJsonReport(audits.map((a) => ({ project: a.audit.project, problems: a.audit.problems, base: a.base })));
  if (args.writeBaseline) {
    try {
      writeBaseline(args.writeBaseline, report.findings);
    } catch (e) {
      if (!(e instanceof FixWriteError)) throw e;
      err.write(`django-settings-hygiene: ${e.refused ? "refusing to write" : "cannot write"} ${args.writeBaseline}: ${e.reason}\n`);
      return 2;
    }
    err.write(`wrote ${report.findings.length} finding${report.findings.length === 1 ? "" : "s"} to ${args.writeBaseline}\n`);
    return 0;
  }
  if (args.baseline) {
    let baseline;
    try {
      baseline = readBaseline(args.baseline);
    } catch (e) {
      err.write(`django-settings-hygiene: ${(e as Error).message}\n`);
      return 2;
    }
    const split = applyBaseline(report.findings, baseline);
    report.findings = split.fresh;
    report.baseline = { baselined: split.baselined.length, stale: split.stale };
    if (split.legacySecrets.length > 0) {
      const n = split.legacySecrets.length;
      err.write(`${args.baseline} predates secret digests: ${n} secret finding${n === 1 ? " was" : "s were"} accepted by fingerprint alone, which cannot tell one key from another of the same shape; regenerate it with --write-baseline\n`);
    }
    for (const s of split.stale) err.write(`stale baseline entry: ${s.rule}${s.environments?.length ? ` [${s.environments.join(", ")}]` : ""}${s.setting ? ` ${s.setting}` : ""} (was in ${s.file}); remove it from ${args.baseline}\n`);
  }
  const base = audits[0]?.base ?? process.cwd();
  if (args.format === "json") out.write(JSON.stringify(report, null, 2) + "\n");
  else if (args.format === "sarif") out.write(formatSarif(report, VERSION, pathToFileURL(base + path.sep).href));
  else if (args.format === "github") out.write(formatGithub(report));
  else if (args.format === "gitlab") out.write(formatGitlab(report));
  else out.write(formatText(report, args.color ?? Boolean((out as NodeJS.WriteStream).isTTY), base));
  const failLevel = args.failLevel ?? audits.map((a) => a.failLevel).find((l) => l) ?? "warning";
  const failing = report.findings.filter((f) => SEVERITY_ORDER.indexOf(f.severity) <= SEVERITY_ORDER.indexOf(failLevel));
  return failing.length > 0 && !args.exitZero ? 1 : 0;
}

function collectAudits(engine: Engine, args: AuditArgs, overlay?: TextOverlay): CliAudit[] {
  const audits: CliAudit[] = [];
  const targets = args.paths.map((p) => {
    const abs = path.resolve(p);
    const isFile = fs.statSync(abs).isFile();
    return { isFile, target: auditTarget(abs, isFile) };
  });
  // Every output path starts from one directory, so paths from several audited folders stay distinct: the repository
  // that holds them (what CI annotations and code scanning resolve against), or --root.
  const base = args.root ? path.resolve(args.root) : commonRepositoryRoot(targets.map((t) => t.target.root));
  for (const { target } of targets) {
    // A file or a folder below the project root narrows the audit to the environments it feeds, analysed from the root.
    const root = target.root;
    const session = new Session(engine, root, {
      strictConfig: true,
      overrides: { djangoVersion: args.djangoVersion },
      overlay,
    });
    const a = session.audit();
    let envs = a.project.environments;
    envs = envs.filter((e) => environmentInScope(e, target));
    if (args.environment) envs = envs.filter((e) => matchesEnvironment(e, args.environment!));
    const names = new Set(envs.map((e) => e.name));
    // .env findings belong to the project, not to an environment: shown unless the audit is narrowed to one.
    const keep = (f: Finding) => names.has(f.environment) || (isProjectLevel(f) && !args.environment && fileInScope(f.location.file, target));
    const findings = a.findings.filter(keep);
    const audit: SessionAudit = { ...a, project: { ...a.project, environments: envs }, findings, problems: groupByPlace(findings) };
    audits.push({ audit, base, failLevel: a.config.failLevel });
    session.dispose();
  }
  return audits;
}

/** The nearest directory above all roots that holds a .git (the repository), else their common ancestor. */
function commonRepositoryRoot(roots: string[]): string {
  let common = roots[0] ?? process.cwd();
  for (const r of roots.slice(1)) {
    while (!(r === common || r.startsWith(common.endsWith(path.sep) ? common : common + path.sep))) common = path.dirname(common);
  }
  return repositoryRootOf(common) ?? common;
}

/** Fixes of the shown findings that the flags allow, each once (the same fix arrives from every environment). */
function fixesOf(audits: CliAudit[], unsafe: boolean): { fixes: Fix[]; unsafeLeft: number } {
  const fixes: Fix[] = [];
  const seen = new Set<string>();
  const unsafeSeen = new Set<string>();
  for (const { audit } of audits) {
    for (const f of audit.findings) {
      if (!f.fix) continue;
      const key = JSON.stringify(f.fix.edits);
      if (f.fix.safety === "unsafe" && !unsafe) {
        unsafeSeen.add(key);
        continue;
      }
      if (seen.has(key)) continue;
      seen.add(key);
      fixes.push(f.fix);
    }
  }
  return { fixes, unsafeLeft: unsafeSeen.size };
}

/** Passes of fix → re-audit, so fixes that clashed with another in one pass get their turn in the next. */
const MAX_FIX_PASSES = 5;

/**
 * --fix / --unsafe-fixes / --diff. Writing mode stages each pass in memory and re-audits the staged texts (the engine's
 * overlay for modules, whileStaged for .env.example, .gitignore and .env files); when no pass is left, every changed
 * file is checked and written at once, or none is (FixTransaction). A file that may not be written, or a write that
 * fails, ends the run with one line on stderr and exit 2. --diff plans one pass over the current files and prints it,
 * writing nothing.
 */
function applyFixes(engine: Engine, args: AuditArgs, start: CliAudit[], out: NodeJS.WritableStream, err: NodeJS.WritableStream): { audits: CliAudit[]; changed: boolean; failed?: boolean } {
  let audits = start;
  const roots = [...new Set(start.map((a) => a.audit.project.root))];
  const tx = new FixTransaction(roots);
  const overlay: TextOverlay = { get: (file) => tx.texts.get(file) };
  let applied = 0;
  let unsafeLeft = 0;
  try {
    for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
      const found = fixesOf(audits, args.unsafeFixes);
      unsafeLeft = found.unsafeLeft;
      if (found.fixes.length === 0) break;
      if (args.diff) {
        const plan = planFixes(found.fixes);
        if (plan.changes.length === 0) break;
        // What --fix would refuse, --diff refuses too, before printing a line of a file outside the project.
        for (const c of plan.changes) {
          const target = resolveWriteTarget(c.file, roots);
          if (!target.ok) throw new FixWriteError(c.file, target.reason, true);
        }
        // The removed lines are the committed secrets being fixed (and context lines may hold others): mask them all.
        const secrets = secretTexts(audits);
        for (const c of plan.changes) out.write(maskSecretsInDiff(unifiedDiff(c.before, c.after, displayPath(c.file), c.created), secrets));
        err.write(`${plan.applied.length} fix${plan.applied.length === 1 ? "" : "es"} would change ${plan.changes.length} file${plan.changes.length === 1 ? "" : "s"}${hint(unsafeLeft)}\n`);
        return { audits, changed: true };
      }
      const plan = planFixes(found.fixes, tx.read);
      if (plan.changes.length === 0) break;
      tx.stage(plan.changes);
      applied += plan.applied.length;
      audits = whileStaged(tx.texts, () => collectAudits(engine, args, overlay));
    }
    if (args.diff) {
      err.write(`Nothing to fix${hint(unsafeLeft)}\n`);
      return { audits, changed: false };
    }
    if (applied === 0) {
      err.write(`No fixes applied${hint(unsafeLeft)}\n`);
      return { audits, changed: false };
    }
    const written = tx.commit(engine.parser);
    err.write(`Applied ${applied} fix${applied === 1 ? "" : "es"} to ${written.length} file${written.length === 1 ? "" : "s"}${hint(unsafeLeft)}\n`);
    // What remains is reported from the disk: the staged passes could not see a file they create in directory walks
    // (the inventory's .env.example), and the disk is what the user has now.
    return { audits: collectAudits(engine, args), changed: true };
  } catch (e) {
    if (!(e instanceof FixWriteError)) throw e;
    err.write(`django-settings-hygiene: ${e.refused ? "refusing to write" : "cannot write"} ${displayPath(e.file)}: ${e.reason}\n`);
    return { audits, changed: false, failed: true };
  }
}

/** The text of every secret the audit found, read at the findings' locations (the literal as written, and without quotes). */
function secretTexts(audits: CliAudit[]): string[] {
  const out: string[] = [];
  const texts = new Map<string, string | undefined>();
  for (const { audit } of audits) {
    for (const f of audit.findings) {
      if (!SECRET_RULE_IDS.has(f.rule)) continue;
      const file = f.location.file;
      if (!texts.has(file)) texts.set(file, readFromDisk(file));
      const raw = texts.get(file)?.slice(f.location.range.startOffset, f.location.range.endOffset);
      if (!raw) continue;
      out.push(raw);
      const inner = /^[rRuU]?("""|'''|"|')([\s\S]*)\1$/.exec(raw);
      if (inner) out.push(inner[2]);
      // A diff shows a secret spread over lines (a PEM block, implicitly joined strings) a line at a time: each line of
      // its source is masked on its own.
      if (raw.includes("\n")) for (const line of raw.split(/\r?\n/)) if (line.trim().length >= 8) out.push(line.trim());
    }
  }
  return out;
}

function hint(unsafeLeft: number): string {
  return unsafeLeft > 0 ? `; ${unsafeLeft} more fix${unsafeLeft === 1 ? " is" : "es are"} unsafe (run with --unsafe-fixes)` : "";
}

function displayPath(file: string): string {
  const rel = path.relative(process.cwd(), file);
  return (rel.startsWith("..") ? file : rel).split(path.sep).join("/");
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
