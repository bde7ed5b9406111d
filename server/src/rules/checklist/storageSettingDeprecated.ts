// Checklist: STATICFILES_STORAGE / DEFAULT_FILE_STORAGE on Django 4.2–5.0, where they are deprecated in favour of STORAGES.
import { atLeast } from "../../resolve/djangoVersion";
import type { Rule } from "../types";
import { DEPLOYED } from "./checklistHelpers";
import { oldStorageResults } from "./storageHelpers";

export const storageSettingDeprecated: Rule = {
  id: "storage-setting-deprecated",
  djangoChecks: [],
  severity: "warning",
  appliesTo: DEPLOYED,
  versions: (v) => atLeast(v, 4, 2) && !atLeast(v, 5, 1),
  docs: {
    summary: "STATICFILES_STORAGE or DEFAULT_FILE_STORAGE is deprecated",
    why: "Django 4.2 replaced both settings with the STORAGES dict and removed them in 5.1, where they are silently ignored: the upgrade quietly swaps a manifest or S3 backend for the local-disk default. Setting one of them together with STORAGES already makes Django refuse to start.",
    example: 'STATICFILES_STORAGE = "whitenoise.storage.CompressedManifestStaticFilesStorage"',
    useInstead:
      'STORAGES = {\n    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},\n    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},\n}',
    fixSafety: "safe: the same backends, spelled as STORAGES (Django's own backend fills an alias the settings did not set). Offered when the old settings are plain top-level assignments in one file and STORAGES is not set.",
    versions: "Django 4.2, 5.0 (deprecated). From 5.1 see storage-setting-removed; before 4.2 these are the only settings.",
  },
  check(ctx) {
    return oldStorageResults(ctx, false);
  },
};
