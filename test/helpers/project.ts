// Test helpers: write a throwaway project from a map of files, audit it with one shared Engine, pick out findings.
import * as fs from "node:fs";
import * as path from "node:path";
import assert from "node:assert/strict";
import { test } from "node:test";
import { Engine, type Audit } from "../../server/src/engine";
import type { AnalyzeOptions } from "../../server/src/resolve/project";
import type { RunOptions } from "../../server/src/rules/run";
import type { Finding } from "../../server/src/rules/types";
import { tempDir } from "./tempDirs";

export type ProjectFiles = Record<string, string | Uint8Array>;

/** Writes `files` (relative POSIX paths → contents) under a fresh directory in the OS temp dir; returns its path. */
export function writeProject(files: ProjectFiles, prefix = "dsh-test-"): string {
  const dir = tempDir(prefix);
  for (const [rel, content] of Object.entries(files)) {
    const abs = path.join(dir, ...rel.split("/"));
    fs.mkdirSync(path.dirname(abs), { recursive: true });
    fs.writeFileSync(abs, content);
  }
  return dir;
}

let engine: Promise<Engine> | undefined;

/** One Engine for the whole test process: loading the tree-sitter wasm is the slow part. */
export function sharedEngine(): Promise<Engine> {
  engine ??= Engine.create();
  return engine;
}

export type AuditOptions = AnalyzeOptions & RunOptions;

/** Writes the project and audits it; the directory is returned too, for assertions on file paths. */
export async function auditFiles(files: ProjectFiles, options: AuditOptions = {}): Promise<Audit & { dir: string }> {
  // Rule tables judge settings, not whether the project is Django's: evidence of Django unless the files bring their own.
  const own = ["requirements.txt", "pyproject.toml", "manage.py", "setup.cfg", "Pipfile"].some((f) => f in files);
  const dir = writeProject(own ? files : { ...DJANGO_REQUIREMENT, ...files });
  const e = await sharedEngine();
  return { ...e.audit(dir, options), dir };
}

/** The findings of one environment (dotted module name). */
export function findingsOf(audit: Audit, environment: string): Finding[] {
  return audit.findings.filter((f) => f.environment === environment);
}

export const PRODUCTION_ENV = "proj.settings.production";

/**
 * A base module on which every Django deploy check passes, on 3.2 and 5.2 alike (shared notes, section 3.1).
 * Rule tables start from it and override one thing at a time.
 */
export const GOOD_BASE = [
  'SECRET_KEY = "x9!Kq2@Lm4#Zp7$Rt1%Vb6^Nc3&Hd8*Jf5(Gs0)Wy-Ue=Io+Pa[Sl]Dk;Fj:Gh"',
  "DEBUG = False",
  'ALLOWED_HOSTS = ["example.com"]',
  'INSTALLED_APPS = ["django.contrib.contenttypes", "django.contrib.auth", "django.contrib.sessions"]',
  "MIDDLEWARE = [",
  '    "django.middleware.security.SecurityMiddleware",',
  '    "django.contrib.sessions.middleware.SessionMiddleware",',
  '    "django.middleware.csrf.CsrfViewMiddleware",',
  '    "django.middleware.clickjacking.XFrameOptionsMiddleware",',
  "]",
  "SECURE_HSTS_SECONDS = 31536000",
  "SECURE_HSTS_INCLUDE_SUBDOMAINS = True",
  "SECURE_HSTS_PRELOAD = True",
  "SECURE_SSL_REDIRECT = True",
  "SESSION_COOKIE_SECURE = True",
  "CSRF_COOKIE_SECURE = True",
  "",
].join("\n");

/** A key that passes Django's strength test: 62 characters, many distinct. */
export const GOOD_KEY = "x9!Kq2@Lm4#Zp7$Rt1%Vb6^Nc3&Hd8*Jf5(Gs0)Wy-Ue=Io+Pa[Sl]Dk;Fj:Gh";

export interface SplitOptions extends AuditOptions {
  /** Extra files written beside the settings package (relative to the project root). */
  extraFiles?: ProjectFiles;
}

export interface SplitResult {
  /** Django check ids (or the rule id, for a finding without one) of every finding in proj.settings.production, sorted. */
  checks: string[];
  /** Rule ids of the same findings, sorted. */
  rules: string[];
  findings: Finding[];
  audit: Audit;
  dir: string;
}

/**
 * Writes proj/settings/base.py and proj/settings/production.py, where production.py begins with
 * `from .base import *` followed by `production`; audits with Django 5.2 unless told otherwise.
 */
export async function auditSplit(base: string, production: string, opts: SplitOptions = {}): Promise<SplitResult> {
  const { extraFiles, ...options } = opts;
  const files: ProjectFiles = {
    "proj/__init__.py": "",
    "proj/settings/__init__.py": "",
    "proj/settings/base.py": base,
    "proj/settings/production.py": "from .base import *\n" + production,
    ...(extraFiles ?? {}),
  };
  const audit = await auditFiles(files, { djangoVersion: "5.2", ...options });
  const findings = findingsOf(audit, PRODUCTION_ENV);
  return {
    checks: findings.map((f) => f.djangoCheck ?? f.rule).sort(),
    rules: findings.map((f) => f.rule).sort(),
    findings,
    audit,
    dir: audit.dir,
  };
}

/** One row of a rule table. `expect` lists the Django check ids the rule reports for proj.settings.production. */
export interface RuleCase {
  name: string;
  /** Defaults to GOOD_BASE. */
  base?: string;
  production: string;
  /** Defaults to "5.2". */
  djangoVersion?: string;
  expect: string[];
}

/** The check ids one rule reports for a table row, sorted (duplicates kept: W025 fires once per weak fallback). */
export async function ruleChecks(ruleId: string, row: RuleCase): Promise<string[]> {
  const r = await auditSplit(row.base ?? GOOD_BASE, row.production, { djangoVersion: row.djangoVersion ?? "5.2" });
  return r.findings
    .filter((f) => f.rule === ruleId)
    .map((f) => f.djangoCheck ?? f.rule)
    .sort();
}

/**
 * Registers one node:test case per row: the rule `ruleId` must report exactly `row.expect` for proj.settings.production.
 * The file's name is part of each test's name so a failure points at the table.
 */
export function ruleTable(ruleId: string, rows: RuleCase[]): void {
  for (const row of rows) {
    test(`${ruleId}: ${row.name}`, async () => {
      const got = await ruleChecks(ruleId, row);
      assert.deepEqual(got, [...row.expect].sort(), `${row.name} (Django ${row.djangoVersion ?? "5.2"})`);
    });
  }
}

export const SECURITY_MW = "django.middleware.security.SecurityMiddleware";
export const SESSION_MW = "django.contrib.sessions.middleware.SessionMiddleware";
export const CSRF_MW = "django.middleware.csrf.CsrfViewMiddleware";
export const XFRAME_MW = "django.middleware.clickjacking.XFrameOptionsMiddleware";
export const ALL_MW = [SECURITY_MW, SESSION_MW, CSRF_MW, XFRAME_MW];

/** `MIDDLEWARE = [...]` holding exactly the given entries. */
export function middleware(...entries: string[]): string {
  return `MIDDLEWARE = [${entries.map((e) => JSON.stringify(e)).join(", ")}]\n`;
}

/** `INSTALLED_APPS = [...]` holding exactly the given entries. */
export function installedApps(...entries: string[]): string {
  return `INSTALLED_APPS = [${entries.map((e) => JSON.stringify(e)).join(", ")}]\n`;
}

/** `NAME = os.environ["VAR"]`: required and unknown, since the analysis assumes every variable is unset. */
export function fromRequiredEnv(name: string, variable = "DJANGO_" + name): string {
  return `import os\n${name} = os.environ[${JSON.stringify(variable)}]\n`;
}

/** NAME gets `a` or `b` depending on the host name: an `if` the analysis cannot decide. */
export function undecidable(name: string, a: string, b: string): string {
  return `import socket\nif socket.gethostname() == "web-1":\n    ${name} = ${a}\nelse:\n    ${name} = ${b}\n`;
}

/**
 * MIDDLEWARE wrapped by two more entries under an `if` the analysis cannot decide (a metrics exporter on some hosts):
 * the list is then known only in part, and everything it held before is still certainly there.
 */
export const REBUILT_MIDDLEWARE = 'import socket\nif socket.gethostname() == "web-1":\n    MIDDLEWARE = ["prom.Before", *MIDDLEWARE, "prom.After"]\n';

/**
 * The least a fixture needs to be a Django project (the engine reports nothing without evidence of Django): an
 * unpinned requirement, which leaves the version at its default.
 */
export const DJANGO_REQUIREMENT: ProjectFiles = { "requirements.txt": "django\n" };
