// Test helpers for the inventory: throwaway projects audited with Django's deploy rules only, so other rule sets cannot shift expectations.
import * as fs from "node:fs";
import * as path from "node:path";
import { Engine, type Audit } from "../../server/src/engine";
import { buildInventory, type Inventory, type VariableInventory } from "../../server/src/inventory/inventory";
import { DEPLOY_RULES } from "../../server/src/rules/deploy/index";
import { tempDir } from "../helpers/tempDirs";

export type Files = Record<string, string>;

export function writeTree(files: Files, prefix = "dsh-inv-"): string {
  const dir = tempDir(prefix);
  for (const [rel, content] of Object.entries(files)) {
    const abs = path.join(dir, ...rel.split("/"));
    fs.mkdirSync(path.dirname(abs), { recursive: true });
    fs.writeFileSync(abs, content);
  }
  return dir;
}

let engine: Promise<Engine> | undefined;

export function sharedEngine(): Promise<Engine> {
  engine ??= Engine.create();
  return engine;
}

/** Audits a directory with Django's deploy rules only (the rules whose findings the fixtures' trips name). */
export async function auditDir(dir: string): Promise<Audit> {
  const e = await sharedEngine();
  return e.audit(dir, { djangoVersion: "5.2", rules: DEPLOY_RULES });
}

export async function inventoryOf(files: Files): Promise<{ audit: Audit; inv: Inventory; dir: string }> {
  const dir = writeTree(files);
  const audit = await auditDir(dir);
  return { audit, inv: buildInventory(audit), dir };
}

/** A project whose production module is `production` (and base module `base`, star-imported first when given). */
export function splitProject(production: string, base?: string, extra: Files = {}): Files {
  return {
    // Evidence of Django: without it nothing is reported.
    "requirements.txt": "django\n",
    "proj/__init__.py": "",
    "proj/settings/__init__.py": "",
    ...(base !== undefined ? { "proj/settings/base.py": base } : {}),
    "proj/settings/production.py": (base !== undefined ? "from .base import *\n" : "") + production,
    ...extra,
  };
}

export function variableOf(inv: Inventory, environment: string, variable: string): VariableInventory | undefined {
  return inv.environments.find((e) => e.env.name === environment)?.variables.find((v) => v.variable === variable);
}

export function rel(dir: string, file: string): string {
  return path.relative(dir, file).split(path.sep).join("/");
}
