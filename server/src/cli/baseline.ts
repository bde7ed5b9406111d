// Baselines: accepted findings keyed by fingerprint (rule, file, setting, value hash), never by line number.
import * as fs from "fs";
import type { JsonFinding } from "../report/jsonReport";

export interface BaselineEntry {
  fingerprint: string;
  rule: string;
  /** The environments it hurt when the baseline was written: for people reading the file. */
  environments: string[];
  setting: string | null;
  /** Where it was when the baseline was written: for people reading the file, not for matching. */
  file: string;
}

export interface Baseline {
  version: 1;
  entries: BaselineEntry[];
}

export function writeBaseline(file: string, findings: JsonFinding[]): void {
  const entries = findings
    .map((f) => ({ fingerprint: f.fingerprint, rule: f.rule, environments: f.environments, setting: f.setting, file: f.file }))
    .sort((a, b) => (a.fingerprint < b.fingerprint ? -1 : 1));
  fs.writeFileSync(file, JSON.stringify({ version: 1, entries } satisfies Baseline, null, 2) + "\n");
}

export function readBaseline(file: string): Baseline {
  const data = JSON.parse(fs.readFileSync(file, "utf8")) as Baseline;
  if (data.version !== 1 || !Array.isArray(data.entries)) throw new Error(`${file} is not a django-settings-hygiene baseline (version 1)`);
  return data;
}

/** Splits findings into new ones and baselined ones, and lists baseline entries that match nothing any more (stale). */
export function applyBaseline(findings: JsonFinding[], baseline: Baseline): { fresh: JsonFinding[]; baselined: JsonFinding[]; stale: BaselineEntry[] } {
  const known = new Map(baseline.entries.map((e) => [e.fingerprint, e]));
  const used = new Set<string>();
  const fresh: JsonFinding[] = [];
  const baselined: JsonFinding[] = [];
  for (const f of findings) {
    if (known.has(f.fingerprint)) {
      baselined.push(f);
      used.add(f.fingerprint);
    } else fresh.push(f);
  }
  return { fresh, baselined, stale: baseline.entries.filter((e) => !used.has(e.fingerprint)) };
}
