// Committed-secret rules, one per file: settings values and env-read defaults, per environment (tracked .env files: dotenvSecretTracked.ts, per project).
import type { Rule } from "../types";
import { dotenvSecretTracked } from "./dotenvSecretTracked";
import { hardcodedAwsCredentials } from "./hardcodedAwsCredentials";
import { hardcodedCredential } from "./hardcodedCredential";
import { hardcodedDatabasePassword } from "./hardcodedDatabasePassword";
import { hardcodedEmailPassword } from "./hardcodedEmailPassword";
import { hardcodedProviderToken } from "./hardcodedProviderToken";
import { hardcodedSecretKey } from "./hardcodedSecretKey";
import { hardcodedUrlPassword } from "./hardcodedUrlPassword";

export const SECRET_RULES: readonly Rule[] = [
  hardcodedSecretKey,
  hardcodedUrlPassword,
  hardcodedDatabasePassword,
  hardcodedEmailPassword,
  hardcodedAwsCredentials,
  hardcodedProviderToken,
  hardcodedCredential,
];

/** Every secrets rule id, the per-project .env check included: what masking and secret-aware outputs look for. */
export const SECRET_RULE_IDS: readonly string[] = [...SECRET_RULES.map((r) => r.id), dotenvSecretTracked.id];
