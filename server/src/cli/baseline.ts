// Baselines: accepted findings keyed by fingerprint (rule, file, setting, value hash), never by line number; secret
// findings also by an HMAC of the secret under the baseline's own salt.
import { randomBytes } from "crypto";
import * as fs from "fs";
import type { JsonFinding } from "../report/jsonReport";
import { writeFileSafely } from "../fixes/safeWrite";
import { SECRET_DIGEST } from "../rules/fingerprint";

export interface BaselineEntry {
  fingerprint: string;
  rule: string;
  /** The environments it hurt when the baseline was written: for people reading the file. */
  environments: string[];
  setting: string | null;
  /** Where it was when the baseline was written: for people reading the file, not for matching. */
  file: string;
  /**
   * For a secret finding: HMAC-SHA256 of the full secret keyed by the baseline's salt (32 hex digits). A different key
   * written in the same place keeps the fingerprint (it holds only the masked form) but not this, so it is new.
   */
  secret?: string;
}

export interface Baseline {
  /** 1: fingerprints only (before secret digests); 2: with `salt` and per-secret digests. Both are read. */
  version: 1 | 2;
  /** Random per baseline (32 hex digits), so a digest in one repository's baseline says nothing about another's. */
  salt?: string;
  entries: BaselineEntry[];
}

/** Writes a version-2 baseline; an existing version-2 file keeps its salt, so re-writing it changes only what changed. */
export function writeBaseline(file: string, findings: JsonFinding[]): void {
  let salt: string | undefined;
  try {
    const old = readBaseline(file);
    if (old.version === 2) salt = old.salt;
  } catch {
    /* no baseline there yet, or not one: a fresh salt */
  }
  salt ??= randomBytes(16).toString("hex");
  const entries = findings
    .map((f): BaselineEntry => {
      const digest = f[SECRET_DIGEST];
      return { fingerprint: f.fingerprint, rule: f.rule, environments: f.environments, setting: f.setting, file: f.file, ...(digest ? { secret: digest(salt!) } : {}) };
    })
    .sort((a, b) => (a.fingerprint < b.fingerprint ? -1 : a.fingerprint > b.fingerprint ? 1 : (a.secret ?? "") < (b.secret ?? "") ? -1 : 1));
  // The one write path (fixes/safeWrite.ts): never half a baseline, never through a symlink leading elsewhere.
  writeFileSafely(file, JSON.stringify({ version: 2, salt, entries } satisfies Baseline, null, 2) + "\n");
}

export function readBaseline(file: string): Baseline {
  const data = JSON.parse(fs.readFileSync(file, "utf8")) as Baseline;
  const ok = Array.isArray(data?.entries) && (data.version === 1 || (data.version === 2 && typeof data.salt === "string" && /^[0-9a-f]{16,}$/.test(data.salt)));
  if (!ok) throw new Error(`${file} is not a django-settings-hygiene baseline (version 1 or 2)`);
  return data;
}

export interface BaselineSplit {
  fresh: JsonFinding[];
  baselined: JsonFinding[];
  stale: BaselineEntry[];
  /**
   * Secret findings accepted by an entry without a digest (a version-1 baseline): matched by fingerprint alone, as that
   * version did, so such a baseline also accepts a different key of the same shape. Regenerate it to tell keys apart.
   */
  legacySecrets: JsonFinding[];
}

/** Splits findings into new ones and baselined ones, and lists baseline entries that match nothing any more (stale). */
export function applyBaseline(findings: JsonFinding[], baseline: Baseline): BaselineSplit {
  const known = new Map<string, BaselineEntry[]>();
  for (const e of baseline.entries) {
    const list = known.get(e.fingerprint) ?? [];
    list.push(e);
    known.set(e.fingerprint, list);
  }
  const used = new Set<BaselineEntry>();
  const fresh: JsonFinding[] = [];
  const baselined: JsonFinding[] = [];
  const legacySecrets: JsonFinding[] = [];
  for (const f of findings) {
    const candidates = known.get(f.fingerprint) ?? [];
    const digest = f[SECRET_DIGEST];
    const mine = digest && baseline.salt ? digest(baseline.salt) : undefined;
    // An entry with a digest matches only the same secret; one without (version 1, or a finding that holds no secret)
    // matches by fingerprint.
    const entry = candidates.find((e) => (e.secret === undefined ? !(digest && baseline.version === 2) : e.secret === mine));
    if (entry) {
      baselined.push(f);
      used.add(entry);
      if (digest && entry.secret === undefined) legacySecrets.push(f);
    } else fresh.push(f);
  }
  // Entries that share a fingerprint and were all matched by one finding count as used: a version-1 baseline held one.
  const usedPrints = new Set([...used].map((e) => e.fingerprint));
  return { fresh, baselined, stale: baseline.entries.filter((e) => !used.has(e) && !(e.secret === undefined && usedPrints.has(e.fingerprint))), legacySecrets };
}
