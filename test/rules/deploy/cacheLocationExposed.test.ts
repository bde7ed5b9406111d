// Rule table for cache-location-exposed (caches.W002): a FileBasedCache LOCATION matching, inside or around
// MEDIA_ROOT, STATIC_ROOT or a STATICFILES_DIRS entry; one warning per (setting, cache alias), as Django emits.
import { fromRequiredEnv, ruleTable, undecidable } from "../../helpers/project";

const FILE = "django.core.cache.backends.filebased.FileBasedCache";
const caches = (location: string, alias = "default") =>
  `CACHES = {${JSON.stringify(alias)}: {"BACKEND": ${JSON.stringify(FILE)}, "LOCATION": ${location}}}\n`;

ruleTable("cache-location-exposed", [
  { name: "LOCATION inside STATIC_ROOT fires", production: 'STATIC_ROOT = "/srv/static"\n' + caches('"/srv/static/cache"'), expect: ["caches.W002"] },
  { name: "LOCATION equal to MEDIA_ROOT fires", production: 'MEDIA_ROOT = "/srv/media/"\n' + caches('"/srv/media"'), expect: ["caches.W002"] },
  {
    name: "LOCATION containing a STATICFILES_DIRS entry fires, including a (prefix, path) tuple",
    production: 'STATICFILES_DIRS = [("assets", "/srv/data/assets")]\n' + caches('"/srv/data"'),
    expect: ["caches.W002"],
  },
  {
    name: "two STATICFILES_DIRS entries under one cache give one warning, as Django's per-setting check does",
    production: 'STATICFILES_DIRS = ["/srv/data/a", "/srv/data/b"]\n' + caches('"/srv/data"'),
    expect: ["caches.W002"],
  },
  {
    name: "STATIC_ROOT and MEDIA_ROOT both related give one warning each",
    production: 'STATIC_ROOT = "/srv/data/static"\nMEDIA_ROOT = "/srv/data/media"\n' + caches('"/srv/data"'),
    expect: ["caches.W002", "caches.W002"],
  },
  { name: "a separate directory is silent", production: 'STATIC_ROOT = "/srv/static"\n' + caches('"/var/tmp/django_cache"'), expect: [] },
  { name: "a sibling with a common prefix is silent", production: 'STATIC_ROOT = "/srv/static"\n' + caches('"/srv/static-cache"'), expect: [] },
  {
    name: "a non-file backend is silent",
    production: 'STATIC_ROOT = "/srv/static"\nCACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "/srv/static"}}\n',
    expect: [],
  },
  { name: "an unknown LOCATION is silent", production: 'STATIC_ROOT = "/srv/static"\nimport os\n' + caches('os.environ["CACHE_DIR"]'), expect: [] },
  { name: "an unknown STATIC_ROOT is silent", production: fromRequiredEnv("STATIC_ROOT") + caches('"/srv/static/cache"'), expect: [] },
  {
    name: "an undecidable STATIC_ROOT is silent",
    production: undecidable("STATIC_ROOT", '"/srv/static"', '"/srv/other"') + caches('"/srv/static/cache"'),
    expect: [],
  },
  { name: "Django's defaults (locmem cache) are silent", production: "", expect: [] },
]);
