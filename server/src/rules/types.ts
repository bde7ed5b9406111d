// What a rule is (metadata, docs, check) and what it returns; rules read resolved settings and never parse text.
import type { EnvKind } from "../resolve/classify";
import type { DjangoVersion } from "../resolve/djangoVersion";
import type { Environment, ResolvedSetting } from "../resolve/environment";
import type { ModuleModel } from "../parse/model";
import type { Fix } from "../fixes/edit";

export type { Fix, TextEdit } from "../fixes/edit";
import type { Loc, Value } from "../resolve/values";
import type { CarriesSecretDigest } from "./fingerprint";

export type Severity = "error" | "warning" | "information" | "hint";

export const SEVERITY_ORDER: Severity[] = ["error", "warning", "information", "hint"];

export interface RuleDocs {
  /** One line: what the rule finds. */
  summary: string;
  /** Why it matters in production. */
  why: string;
  /** A settings snippet that triggers the rule. */
  example: string;
  /** The same snippet, fixed. */
  useInstead: string;
  /** "safe", "unsafe" or "none", with the reason when it is not obvious. */
  fixSafety: string;
  /** The Django versions whose semantics the rule follows, in words. */
  versions: string;
  /** The code fence language of `example` and `useInstead` on the docs page, when they are not Python (a .env file). */
  exampleLanguage?: string;
  useInsteadLanguage?: string;
}

/**
 * Where a rule looks. `environment` (the default): its check() runs on each environment's resolved settings.
 * `project`: a pass over the project's other files runs it once per audit (.env files, the environment-variable
 * inventory). `waivers`: the waiver pass itself (unused-waiver). Every id any pass can emit is in the catalogue.
 */
export type RuleScope = "environment" | "project" | "waivers";

/** What the catalogue knows of every rule, whatever runs it: id, severity, where it applies, its documentation. */
export interface RuleMeta {
  id: string;
  /** Django's check id(s) this rule reproduces, or none for rules beyond `check --deploy`. */
  djangoChecks: string[];
  severity: Severity;
  appliesTo: EnvKind[];
  /** The rule runs only when this returns true for the project's Django version. */
  versions?: (v: DjangoVersion) => boolean;
  docs: RuleDocs;
  scope?: RuleScope;
}

/** A rule that judges one environment's resolved settings. */
export interface Rule extends RuleMeta {
  scope?: "environment";
  check(ctx: RuleContext): RuleResult[];
}

/** A rule run by a project-wide pass (rules/project/*, the dotenv check): metadata and docs only, its logic in the pass. */
export interface ProjectRule extends RuleMeta {
  scope: "project" | "waivers";
}

/** What a rule returns: the message, the setting it is about, and where the evidence is. */
export interface RuleResult {
  message: string;
  setting?: string;
  /** The Django check id for this particular result (W010, W011 or W012 from one rule). */
  djangoCheck?: string;
  /** The setting whose value is at fault; locates the finding where it was set (or at the module, when defaulted). */
  subject?: ResolvedSetting;
  /** A more precise place than the setting: one list element, one dict value, an env read's default. */
  at?: Loc;
  /** The value that is at fault, to explain its dependency on environment variables. */
  value?: Value;
  /**
   * What tells apart two results of one rule on one setting whose values are alike (the DATABASES alias): part of the
   * fingerprint, so a baseline that accepts one alias's problem does not hide the same problem on another.
   */
  key?: string;
  fix?: Fix;
  /** The committed secret itself, for secret rules: only its keyed digest leaves the rule runner (baselines, 20.6). */
  secret?: string;
}

export interface RelatedLocation {
  loc: Loc;
  message: string;
}

export interface Finding extends CarriesSecretDigest {
  rule: string;
  djangoCheck: string | null;
  severity: Severity;
  environment: string;
  environmentKind: EnvKind;
  message: string;
  setting?: string;
  /** The environment variable a finding of the inventory's checks is about. */
  variable?: string;
  /** Where the fault is written: possibly a base module the environment inherits from. */
  location: Loc;
  /** The same fault as seen from the environment's own module (its star-import line), when `location` is elsewhere. */
  anchor?: Loc;
  related: RelatedLocation[];
  fix?: Fix;
  /** Stable across line moves; see run.ts. */
  fingerprint: string;
}

export interface RuleContext {
  env: Environment;
  version: DjangoVersion;
  /** The audited root, where `.env.example` lives. */
  root: string;
  get(name: string): ResolvedSetting;
  /** The parsed model of a project file (for fixes: import anchor, comments, the project's env-reading style). */
  module(file: string): ModuleModel | undefined;
  /** Every environment of the project, for fixes that must keep each one loading (a SECRET_KEY base.py shares). */
  environments?: readonly Environment[];
}
