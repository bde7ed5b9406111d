// Committed-secret rules, one per file; this list grows as they land.
import type { Rule } from "../types";

export const SECRET_RULES: readonly Rule[] = [];
