// Checklist: database connections are not persistent (CONN_MAX_AGE absent or 0) in a deployed environment.
import { exprAt, replaceLiteral, textAt } from "../../fixes/literal";
import { insertSetting } from "../../fixes/insertSetting";
import { envReadsOf, truthy, type Value } from "../../resolve/values";
import type { Fix, Rule, RuleContext, RuleResult } from "../types";
import { atLeastVersion, DEPLOYED, dictPath, hasUnknownKey, isSet, locInWrites, ownModule, strEntries, ownUnsetNote, unsetNote } from "./checklistHelpers";

export const connMaxAgeZero: Rule = {
  id: "conn-max-age-zero",
  djangoChecks: [],
  severity: "information",
  appliesTo: DEPLOYED,
  docs: {
    summary: "Database connections are not persistent (CONN_MAX_AGE is 0)",
    why: "With CONN_MAX_AGE at its default of 0, Django opens a new database connection for every request and closes it afterwards: a TCP and TLS handshake plus authentication per request, often the largest fixed cost of a fast view. 60 seconds or more reuses connections; CONN_HEALTH_CHECKS = True (4.1+) drops dead ones.",
    example: 'DATABASES = {"default": dj_database_url.config()}',
    useInstead: 'DATABASES = {"default": dj_database_url.config(conn_max_age=60, conn_health_checks=True)}',
    fixSafety: "unsafe: each worker thread then holds a connection open, so workers × instances must stay below the database's connection limit. The fix sets 60 where 0 is written as a literal, and otherwise adds DATABASES[alias][\"CONN_MAX_AGE\"] = 60 to the environment's own module.",
    versions: "All versions. Silent for SQLite, for connection-pool backends and for OPTIONS[\"pool\"] (5.1+, which requires 0), and under ASGI (ASGI_APPLICATION set), where Django's docs advise pooling instead. dj-database-url's conn_max_age argument and django-environ's ?conn_max_age= are read.",
  },
  check(ctx) {
    if (isSet(ctx, "ASGI_APPLICATION")) return [];
    const s = ctx.get("DATABASES");
    const out: RuleResult[] = [];
    for (const [alias, conf] of strEntries(s.value)) {
      if (conf.k !== "dict" || hasUnknownKey(conf)) continue;
      const engine = dictPath(conf, "ENGINE");
      if (engine && engine.k === "str" && /sqlite|spatialite|dummy|pool/i.test(engine.v)) continue;
      const pool = dictPath(conf, "OPTIONS", "pool");
      if (pool && atLeastVersion(ctx, 5, 1) && truthy(pool) !== false) continue;
      const options = dictPath(conf, "OPTIONS");
      if (options && options.k !== "dict") continue;
      let age = dictPath(conf, "CONN_MAX_AGE");
      let ageLoc = age?.loc;
      let source = "";
      if (conf.entries.length === 0) {
        // dj_database_url.config() with DATABASE_URL unset gives {}: its conn_max_age argument still decides the age.
        const fromCall = ageFromDjDatabaseUrl(ctx, conf);
        if (!fromCall) continue;
        age = fromCall.age;
        ageLoc = fromCall.loc;
        if (!age) source = " (dj_database_url without conn_max_age)";
      } else if (!engine) {
        continue;
      }
      if (age && (age.k === "unknown" || age.k === "none" || truthy(age) !== false)) continue;
      const shown = age ? `is ${age.k === "int" ? age.v : "0"}${unsetNote(age)}` : source ? `is 0${source}` : `is not set${ownUnsetNote(conf) || ownUnsetNote(s.value)}`;
      out.push({
        message: `DATABASES["${alias}"]["CONN_MAX_AGE"] ${shown}: every request opens a new database connection; 60 seconds or more reuses them`,
        setting: s.name,
        subject: s,
        at: locInWrites(ageLoc, s),
        value: age ?? conf,
        // "default" keeps the fingerprint baselines written before aliases were told apart.
        key: alias === "default" ? undefined : alias,
        fix: fixFor(ctx, alias, age),
      });
    }
    return out;
  },
};

/** For a dj_database_url.config(...) / parse(...) call: the conn_max_age it passes (0 when absent), if it is a literal. */
function ageFromDjDatabaseUrl(ctx: RuleContext, conf: Value): { age?: Value; loc?: Value["loc"] } | undefined {
  const read = envReadsOf(conf).find((r) => r.via === "dj_database_url.config");
  if (!read) return undefined;
  const model = ctx.module(read.loc.file);
  const call = model && exprAt(model, read.loc.range);
  if (!model || !call || call.t !== "call" || call.spread) return undefined;
  if (!/(^|\.)(config|parse)$/.test(textAt(model, call.fn.range))) return undefined;
  const kw = call.kwargs.find((k) => k.name === "conn_max_age");
  if (!kw) return { age: undefined, loc: { file: read.loc.file, range: call.range } };
  if (kw.value.t !== "num") return undefined;
  return { age: { k: "int", v: kw.value.v, loc: { file: read.loc.file, range: kw.value.range } }, loc: { file: read.loc.file, range: kw.value.range } };
}

function fixFor(ctx: RuleContext, alias: string, age: Value | undefined): Fix | undefined {
  if (age?.loc) {
    const model = ctx.module(age.loc.file);
    const edit = model && replaceLiteral(model, age.loc, "60", ["num"]);
    if (edit) return { title: "Set CONN_MAX_AGE to 60 seconds", safety: "unsafe", edits: [edit] };
    if (age.env?.length) return undefined;
  }
  const model = ownModule(ctx);
  if (!model) return undefined;
  return { title: `Add DATABASES["${alias}"]["CONN_MAX_AGE"] = 60`, safety: "unsafe", edits: [insertSetting(model, `DATABASES[${JSON.stringify(alias)}]["CONN_MAX_AGE"] = 60`)] };
}
