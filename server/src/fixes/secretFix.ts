// Picks the fix for one committed secret: a shared SECRET_KEY split per environment, drop an env default, DATABASES → env.db(), or literal → env read.
import type { SecretCandidate } from "../secrets/scan";
import type { Fix } from "./edit";
import { envVarName } from "./envNames";
import { sharedSecretKeyFix } from "./sharedSecretKey";
import { databaseToEnvDb, literalToEnvRead, removeEnvDefault, type FixContext } from "./envRead";

export function secretFix(c: SecretCandidate, ctx: FixContext): Fix | undefined {
  // A key base.py shares with development and testing: rewriting it in place would make them require the variable.
  if (c.rule === "hardcoded-secret-key" && c.setting === "SECRET_KEY" && c.path.length === 1 && ctx.environments && (c.isLiteral || c.read)) {
    const shared = sharedSecretKeyFix(ctx, ctx.environments, c.loc, c.read?.variable ?? envVarName(c.path, c.literal));
    if (shared) return shared;
  }
  if (c.read) return removeEnvDefault(ctx, c.read, c.label);
  if (!c.isLiteral) return undefined;
  if (c.rule === "hardcoded-database-password" && c.path.length === 3 && typeof c.path[1] === "string") {
    const db = databaseToEnvDb(ctx, c.loc, c.path[1]);
    if (db) return db;
  }
  return literalToEnvRead(ctx, c.loc, envVarName(c.path, c.literal), c.label);
}
