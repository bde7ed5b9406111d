// The production checklist beyond Django's deploy checks, one rule per file; this list grows as they land.
import type { Rule } from "../types";

export const CHECKLIST_RULES: readonly Rule[] = [];
