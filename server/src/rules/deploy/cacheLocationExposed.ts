// Django deploy check caches.W002: a file-based cache lives inside, around or at MEDIA_ROOT, STATIC_ROOT or STATICFILES_DIRS.
import * as path from "path";
import type { Rule, RuleResult } from "../types";
import type { Value } from "../../resolve/values";

const FILE_CACHE = "django.core.cache.backends.filebased.FileBasedCache";

/**
 * Only absolute POSIX paths can be compared without knowing the server's working directory. Paths built from
 * `__file__` (BASE_DIR / "static") are absolute here and keep their relations wherever the project is deployed.
 */
function absolutePath(v: Value | undefined): string | undefined {
  if (!v || (v.k !== "str" && v.k !== "path") || !v.v.startsWith("/")) return undefined;
  return path.posix.normalize(v.v).replace(/\/+$/, "") || "/";
}

const under = (child: string, parent: string) => child !== parent && child.startsWith(parent === "/" ? "/" : parent + "/");

/** Django tests all of a setting's paths for "matches" first, then "is inside", then "contains": one relation per setting. */
function relation(settingPaths: string[], cache: string): "matches" | "is inside" | "contains" | undefined {
  if (settingPaths.some((p) => p === cache)) return "matches";
  if (settingPaths.some((p) => under(cache, p))) return "is inside";
  if (settingPaths.some((p) => under(p, cache))) return "contains";
  return undefined;
}

export const cacheLocationExposed: Rule = {
  id: "cache-location-exposed",
  djangoChecks: ["caches.W002"],
  severity: "warning",
  appliesTo: ["production", "staging"],
  docs: {
    summary: "A file-based cache shares a directory with media or static files",
    why: "Files under MEDIA_ROOT and STATIC_ROOT are served to the public, and collectstatic or uploads can overwrite cache entries: the cache can leak data or be corrupted.",
    example: 'STATIC_ROOT = "/srv/static"\nCACHES = {"default": {"BACKEND": "django.core.cache.backends.filebased.FileBasedCache", "LOCATION": "/srv/static/cache"}}',
    useInstead: 'CACHES = {"default": {"BACKEND": "django.core.cache.backends.filebased.FileBasedCache", "LOCATION": "/var/tmp/django_cache"}}',
    fixSafety: "none",
    versions: "All versions. Decided for absolute paths, including those built from __file__ (BASE_DIR / \"static\"); relative ones depend on the server's working directory, which the settings do not show.",
  },
  check(ctx) {
    const caches = ctx.get("CACHES").value;
    if (caches.k !== "dict") return [];
    // Paths grouped by setting: Django warns once per (setting, cache alias), however many STATICFILES_DIRS match.
    const paths: Array<[string, string[]]> = [];
    for (const name of ["MEDIA_ROOT", "STATIC_ROOT"]) {
      const p = absolutePath(ctx.get(name).value);
      if (p) paths.push([name, [p]]);
    }
    const dirs = ctx.get("STATICFILES_DIRS").value;
    if (dirs.k === "list" || dirs.k === "tuple") {
      const found: string[] = [];
      for (const d of dirs.items) {
        // A (prefix, path) pair, as a tuple or a list, contributes its path.
        const item = (d.k === "tuple" || d.k === "list") && d.items.length === 2 ? d.items[1] : d;
        const p = absolutePath(item);
        if (p) found.push(p);
      }
      if (found.length) paths.push(["STATICFILES_DIRS", found]);
    }
    const out: RuleResult[] = [];
    for (const [alias, conf] of caches.entries) {
      if (alias.k !== "str" || conf.k !== "dict") continue;
      const backend = conf.entries.find(([k]) => k.k === "str" && k.v === "BACKEND")?.[1];
      if (!backend || backend.k !== "str" || backend.v !== FILE_CACHE) continue;
      const locationValue = conf.entries.find(([k]) => k.k === "str" && k.v === "LOCATION")?.[1];
      const location = absolutePath(locationValue);
      if (!location) continue;
      for (const [setting, ps] of paths) {
        const rel = relation(ps, location);
        if (rel) out.push({ message: `The '${alias.v}' cache's LOCATION ${rel} ${setting}: the cache may be exposed or corrupted`, setting: "CACHES", subject: ctx.get("CACHES"), at: locationValue?.loc });
      }
    }
    return out;
  },
};
