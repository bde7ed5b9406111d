// Checklist: DATA_UPLOAD_MAX_MEMORY_SIZE, DATA_UPLOAD_MAX_NUMBER_FIELDS or DATA_UPLOAD_MAX_NUMBER_FILES set to None.
import { replaceLiteral } from "../../fixes/literal";
import type { Rule, RuleResult } from "../types";
import { DEPLOYED, unsetNote } from "./checklistHelpers";

const LIMITS: Array<[string, number, string]> = [
  ["DATA_UPLOAD_MAX_MEMORY_SIZE", 2621440, "a request body of any size is read into memory"],
  ["DATA_UPLOAD_MAX_NUMBER_FIELDS", 1000, "a request with millions of fields ties up a worker parsing it"],
  ["DATA_UPLOAD_MAX_NUMBER_FILES", 100, "a request with thousands of files exhausts memory and file handles"],
];

export const uploadLimitsDisabled: Rule = {
  id: "upload-limits-disabled",
  djangoChecks: [],
  severity: "warning",
  appliesTo: DEPLOYED,
  docs: {
    summary: "A request-size limit is switched off (None)",
    why: "Django caps request bodies (2.5 MB outside file uploads), form fields (1000) and uploaded files (100) so that one request cannot exhaust a worker's memory or CPU. None removes the cap, which turns any form endpoint into a denial-of-service target.",
    example: "DATA_UPLOAD_MAX_MEMORY_SIZE = None",
    useInstead: "DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024  # raise the limit, do not remove it",
    fixSafety: "unsafe: restores Django's default limit, so requests larger than it (which worked) get 400. Offered where None is written as a literal.",
    versions: "All versions; DATA_UPLOAD_MAX_NUMBER_FILES exists from Django 4.2 (and the 3.2.18, 4.0.10 and 4.1.7 security releases).",
  },
  check(ctx) {
    const out: RuleResult[] = [];
    for (const [name, dflt, why] of LIMITS) {
      const s = ctx.get(name);
      if (s.isDefault || s.value.k !== "none") continue;
      const model = s.value.loc && ctx.module(s.value.loc.file);
      const edit = model && replaceLiteral(model, s.value.loc, String(dflt), ["none"]);
      out.push({
        message: `${name} is None${unsetNote(s.value)}: ${why}`,
        setting: name,
        subject: s,
        value: s.value,
        fix: edit && { title: `Restore Django's default ${name} (${dflt})`, safety: "unsafe", edits: [edit] },
      });
    }
    return out;
  },
};
