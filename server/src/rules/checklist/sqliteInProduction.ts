// Checklist: a database alias uses SQLite (or SpatiaLite) in a deployed environment.
import type { Rule, RuleResult } from "../types";
import { DEPLOYED, dictPath, locInWrites, strEntries, ownUnsetNote, unsetNote } from "./checklistHelpers";

const SQLITE = new Set(["django.db.backends.sqlite3", "django.contrib.gis.db.backends.spatialite"]);

export const sqliteInProduction: Rule = {
  id: "sqlite-in-production",
  djangoChecks: [],
  severity: "warning",
  appliesTo: DEPLOYED,
  docs: {
    summary: "A deployed environment uses SQLite",
    why: "SQLite lives in one file on one machine: a second instance gets its own database, most platforms wipe the file on redeploy, and concurrent writes lock the whole database. It can serve a small single-server site that is set up for it, but in a production module it is usually a development default that leaked (often the fallback of DATABASE_URL).",
    example: 'DATABASES = {"default": env.db("DATABASE_URL", default="sqlite:///db.sqlite3")}',
    useInstead: 'DATABASES = {"default": env.db("DATABASE_URL")}  # required: no silent fallback to SQLite',
    fixSafety: "none: the database server is the project's",
    versions: "All versions.",
  },
  check(ctx) {
    const s = ctx.get("DATABASES");
    const out: RuleResult[] = [];
    for (const [alias, conf] of strEntries(s.value)) {
      const engine = dictPath(conf, "ENGINE");
      if (!engine || engine.k !== "str" || !SQLITE.has(engine.v)) continue;
      out.push({
        message: `DATABASES["${alias}"] uses ${engine.v.split(".").pop()}${unsetNote(engine) || ownUnsetNote(conf) || ownUnsetNote(s.value)}: one file on one machine, lost on redeploy and not shared between instances`,
        setting: s.name,
        subject: s,
        at: locInWrites(engine.loc, s),
        value: engine,
        // "default" keeps the fingerprint baselines written before aliases were told apart.
        key: alias === "default" ? undefined : alias,
      });
    }
    return out;
  },
};
