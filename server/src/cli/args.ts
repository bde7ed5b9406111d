// Command-line parsing for `django-settings-hygiene`: subcommands, flags, and usage errors (exit code 2).
import type { Severity } from "../rules/types";
export interface AuditArgs {
  command: "audit";
  paths: string[];
  format: "text" | "json" | "sarif" | "github" | "gitlab";
  /** Output paths are relative to this directory (default: the repository holding the audited paths). */
  root?: string;
  environment?: string;
  /** Exit 1 only for findings at or above this severity (default: warning, or the configured fail-level). */
  failLevel?: Severity;
  baseline?: string;
  writeBaseline?: string;
  djangoVersion?: string;
  exitZero: boolean;
  color: boolean | undefined;
  /** Apply fixes: safe ones with --fix, unsafe ones too with --unsafe-fixes (which implies --fix). */
  fix: boolean;
  unsafeFixes: boolean;
  /** Print the fixes as a unified diff and write nothing. */
  diff: boolean;
}

export type CliArgs = AuditArgs | { command: "help" } | { command: "version" } | { command: "rules"; format: "text" | "json" };

export class UsageError extends Error {}

const LEVELS: Severity[] = ["error", "warning", "information", "hint"];

export const USAGE = `Usage: django-settings-hygiene <command> [options]

Commands:
  audit [PATH...]     Audit the Django settings under each PATH (default: .); a PATH that is a file audits
                      the environments it feeds (what pre-commit passes)
  env [PATH]          The environment variables each environment reads, and where they are documented
  rules               List every rule with its Django check id and severity
  lsp --stdio         Run the language server (for any LSP editor)
  help                Show this help

Options for audit:
  --format text|json|sarif|github|gitlab
                              Output format (default: text); sarif for code scanning, github for annotations,
                              gitlab for a GitLab code quality report
  --root DIR                  Paths in json, sarif, github and gitlab output are relative to DIR (default: the
                              repository holding the audited paths, found by its .git; else the audited folder)
  --fail-level LEVEL          error|warning|information|hint: exit 1 only for findings at or above it (default: warning)
  --baseline FILE             Report only findings not in FILE; entries that no longer match are listed as stale
  --write-baseline FILE       Write every current finding to FILE (keyed by rule, environment, setting, value hash) and exit 0
  --environment NAME          Only this environment: its kind (production) or module (mysite.settings.prod)
  --django-version X.Y        Judge with this Django version's semantics instead of the detected one
  --exit-zero                 Exit 0 even when there are findings
  --color / --no-color        Force colours on or off (default: on for a terminal)
  --fix                       Apply safe fixes, then report what remains
  --unsafe-fixes              Apply unsafe fixes too (they change behaviour: an env read without a default
                              makes the variable required); implies --fix
  --diff                      Show the fixes --fix (or --unsafe-fixes) would apply as a unified diff; write nothing

Configuration: [tool.django-settings-hygiene] in pyproject.toml (django-version, environments, disable, severity,
per-path-ignores, extra-settings, fail-level); command-line flags win.

Exit codes: 0 no findings at or above the fail level, 1 findings, 2 usage or internal error. With --diff: 0 nothing to fix, 1 fixes to apply.`;

export function parseArgs(argv: string[]): CliArgs {
  const [command, ...rest] = argv;
  if (!command || command === "help" || command === "--help" || command === "-h") return { command: "help" };
  if (command === "--version" || command === "version") return { command: "version" };
  if (command === "rules") {
    const format = rest.includes("--format=json") || (rest[rest.indexOf("--format") + 1] === "json" && rest.includes("--format")) ? "json" : "text";
    return { command: "rules", format };
  }
  if (command !== "audit") throw new UsageError(`unknown command "${command}"`);
  const args: AuditArgs = { command: "audit", paths: [], format: "text", exitZero: false, color: undefined, fix: false, unsafeFixes: false, diff: false };
  for (const { arg: a, flag, value } of flagsOf(rest, (m) => new UsageError(m))) {
    switch (flag) {
      case "--format": {
        const v = value();
        if (v !== "text" && v !== "json" && v !== "sarif" && v !== "github" && v !== "gitlab") throw new UsageError(`--format must be text, json, sarif, github or gitlab, not "${v}"`);
        args.format = v;
        break;
      }
      case "--root":
        args.root = value();
        break;
      case "--environment":
      case "-e":
        args.environment = value();
        break;
      case "--django-version": {
        const v = value();
        if (!/^\d+\.\d+$/.test(v)) throw new UsageError(`--django-version must look like 4.2, not "${v}"`);
        args.djangoVersion = v;
        break;
      }
      case "--fail-level": {
        const v = value();
        if (!LEVELS.includes(v as Severity)) throw new UsageError(`--fail-level must be one of ${LEVELS.join(", ")}, not "${v}"`);
        args.failLevel = v as Severity;
        break;
      }
      case "--baseline":
        args.baseline = value();
        break;
      case "--write-baseline":
        args.writeBaseline = value();
        break;
      case "--exit-zero":
        args.exitZero = true;
        break;
      case "--color":
        args.color = true;
        break;
      case "--no-color":
        args.color = false;
        break;
      case "--fix":
        args.fix = true;
        break;
      case "--unsafe-fixes":
        args.unsafeFixes = true;
        args.fix = true;
        break;
      case "--diff":
        args.diff = true;
        break;
      default:
        if (a.startsWith("-")) throw new UsageError(`unknown option "${a}"`);
        args.paths.push(a);
    }
  }
  if (args.paths.length === 0) args.paths.push(".");
  return args;
}

/**
 * Walks arguments as flags (`--flag value`, `--flag=value`) and words; `value()` takes the flag's argument and
 * `fail` builds the usage error each command reports in its own words.
 */
export function* flagsOf(argv: string[], fail: (message: string) => Error): Generator<{ arg: string; flag: string; value: () => string }> {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const eq = arg.startsWith("--") ? arg.indexOf("=") : -1;
    const flag = eq >= 0 ? arg.slice(0, eq) : arg;
    const inline = eq >= 0 ? arg.slice(eq + 1) : undefined;
    yield {
      arg,
      flag,
      value: () => {
        if (inline !== undefined) return inline;
        const v = argv[++i];
        if (v === undefined || v.startsWith("--")) throw fail(`${flag} needs a value`);
        return v;
      },
    };
  }
}
