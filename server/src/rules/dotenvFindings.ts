// Project check dotenv-secret-tracked, run over the project's dotenv files: secret-looking values git would commit.
import * as fs from "fs";
import * as path from "path";
import { readFromDisk } from "../parse/fileText";
import { rangeOfOffsets } from "../fixes/literal";
import type { Range } from "../parse/model";
import type { Project } from "../resolve/project";
import type { Loc } from "../resolve/values";
import { classify, type Classification, type PathSeg } from "../secrets/classify";
import { findDotenvFiles, isDotenvName, isTemplateName, parseDotenv } from "../secrets/dotenv";
import { gitView, type GitView } from "../secrets/gitTracked";
import { dotenvSecretTracked } from "./secrets/dotenvSecretTracked";
import type { RunOptions } from "./run";
import type { Finding, Fix, Severity, TextEdit } from "./types";
import { applyWaivers, parseWaivers, UNUSED_WAIVER, type ExtraWaivers, type Waiver } from "./waivers";
import { activeRuleIds, ALL_RULE_IDS } from "./catalogue";
import { findingFingerprint, SECRET_DIGEST, secretDigest } from "./fingerprint";

/** Findings that belong to the project rather than an environment: about a dotenv file (its check, or a waiver in it). */
export function isProjectLevel(f: Finding): boolean {
  return f.rule === dotenvSecretTracked.id || (f.rule === UNUSED_WAIVER && isDotenvName(path.basename(f.location.file)));
}

/** Names of settings the variable usually feeds, so the settings heuristics apply: DJANGO_SECRET_KEY is a SECRET_KEY. */
export function sitePath(key: string): PathSeg[] {
  if (/(^|_)SECRET_KEY$/.test(key) && !/AWS|S3|STRIPE|RECAPTCHA/.test(key)) return ["SECRET_KEY"];
  return [key];
}

/**
 * A dotenv-secret-tracked finding: one committed value of `key` in a file (a .env file, a compose service's
 * environment), filed under the project rather than an environment.
 */
export function committedSecretFinding(project: Project, location: Loc, rel: string, key: string, c: Classification, message: string, severity: Severity, fix?: Fix): Finding {
  return {
    rule: dotenvSecretTracked.id,
    djangoCheck: null,
    severity,
    environment: path.basename(project.root),
    environmentKind: "base",
    message,
    location,
    related: [],
    // Never a hash of the value: a weak password could be recovered from it by guessing.
    fingerprint: findingFingerprint([dotenvSecretTracked.id, rel, key, c.masked]),
    [SECRET_DIGEST]: secretDigest(c.secret),
    ...(fix ? { fix } : {}),
  };
}

/** `.gitignore` gains a line for the file: the safe fix for a dotenv file git would otherwise commit. */
function gitignoreFix(git: GitView, file: string): Fix | undefined {
  const ignoreFile = path.join(git.top, ".gitignore");
  const rel = path.relative(git.top, file).split(path.sep).join("/");
  // A name with a line break would add a rule of its own; the characters .gitignore reads as patterns are escaped.
  if (/[\r\n]/.test(rel)) return undefined;
  const entry = (rel.includes("/") ? rel : path.basename(file)).replace(/[\\*?[\]]/g, "\\$&").replace(/^[#!]/, "\\$&").replace(/ $/, "\\ ");
  const text = readFromDisk(ignoreFile);
  const current = text ?? "";
  const eol = current.includes("\r\n") ? "\r\n" : "\n";
  const lead = current.length === 0 || current.endsWith("\n") ? "" : eol;
  const edit: TextEdit = { file: ignoreFile, range: rangeOfOffsets(current, current.length, current.length), newText: `${lead}${entry}${eol}` };
  return { title: `Add ${entry} to .gitignore`, safety: "safe", edits: [edit] };
}

/**
 * The dotenv findings of a project: one per secret-looking value in a dotenv file git tracks or would track, located
 * at the value. Waivers in the file's comments apply as in settings modules.
 */
export function dotenvFindings(project: Project, options: RunOptions = {}, collect?: ExtraWaivers): Finding[] {
  const rule = dotenvSecretTracked;
  if (options.disabled?.includes(rule.id)) return [];
  // Waivers in a .env file may name any rule (env-unused is reported in .env.example too); a disabled one is not used.
  const active = activeRuleIds(options);
  const git = gitView(project.root);
  const environment = path.basename(project.root);
  const out: Finding[] = [];
  const waivers: Waiver[] = [];
  const texts = new Map<string, string>();
  for (const file of findDotenvFiles(project.root, git)) {
    const name = path.basename(file);
    const template = isTemplateName(name);
    const status = git.status(file);
    if (status === "ignored") continue;
    let text: string;
    try {
      const st = fs.statSync(file);
      if (st.size > 1024 * 1024) continue;
      // Read as the fix applier reads it, so the offsets of findings and fixes agree.
      text = readFromDisk(file) ?? "";
    } catch {
      continue;
    }
    texts.set(file, text);
    const parsed = parseDotenv(text);
    for (const c of parsed.comments) waivers.push(...parseWaivers(file, text, { text: c.text, startOffset: c.start, line: c.line }));
    const rel = path.relative(project.root, file).split(path.sep).join("/") || name;
    // A dev container's env file (.devcontainer/, read by devcontainer.json's compose services) configures services that
    // exist only inside it: short and phrase-like values there are stand-ins, as in the testing environment; a long
    // random key or a provider token is still a secret.
    const standIns = rel.split("/").includes(".devcontainer");
    for (const e of parsed.entries) {
      const c = classify({ path: sitePath(e.key), value: e.value, names: [e.key], testing: standIns });
      if (!c) continue;
      const range: Range = rangeOfOffsets(text, e.valueStart, e.valueEnd);
      let message: string;
      let fix: Fix | undefined;
      if (template) {
        message = `${e.key} in ${rel} is ${c.what} (${c.masked}), and templates like ${name} are committed on purpose: leave the value empty`;
        fix = { title: `Empty the value of ${e.key} in ${name}`, safety: "safe", edits: [{ file, range, newText: "" }] };
      } else if (status === "tracked") {
        message = `${e.key} in ${rel} is ${c.what} (${c.masked}), and git tracks ${name}: remove it from the index (git rm --cached) and rotate the secret`;
      } else {
        message = `${e.key} in ${rel} is ${c.what} (${c.masked}), and no .gitignore rule keeps git from committing ${name}: add it to .gitignore`;
        fix = gitignoreFix(git, file);
      }
      out.push(committedSecretFinding(project, { file, range }, rel, e.key, c, message, options.severities?.[rule.id] ?? rule.severity, fix));
    }
  }
  // The engine collects these waivers into its one pass over every finding (a .env.example waiver may name env-unused).
  if (collect) {
    collect.waivers.push(...waivers);
    for (const [f, text] of texts) collect.texts.set(f, text);
    return out;
  }
  if (waivers.length === 0) return out;
  return applyWaivers(out, waivers, {
    known: new Set(ALL_RULE_IDS),
    active,
    root: project.root,
    severity: options.severities?.[UNUSED_WAIVER],
    text: (f) => texts.get(f),
    environmentOf: () => ({ name: environment, kind: "base" }),
  });
}

