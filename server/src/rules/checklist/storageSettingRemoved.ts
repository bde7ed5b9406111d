// Checklist: STATICFILES_STORAGE / DEFAULT_FILE_STORAGE on Django 5.1+, which ignores them (removed in favour of STORAGES).
import { atLeast } from "../../resolve/djangoVersion";
import type { Rule } from "../types";
import { DEPLOYED } from "./checklistHelpers";
import { oldStorageResults } from "./storageHelpers";

export const storageSettingRemoved: Rule = {
  id: "storage-setting-removed",
  djangoChecks: [],
  severity: "error",
  appliesTo: DEPLOYED,
  versions: (v) => atLeast(v, 5, 1),
  docs: {
    summary: "STATICFILES_STORAGE or DEFAULT_FILE_STORAGE is set, but Django 5.1 removed it",
    why: "Django 5.1 no longer reads either setting and says nothing about it: static files fall back to StaticFilesStorage (no manifest, no cache-busting, no compression) and uploads to FileSystemStorage on the local disk, whatever backend the setting names.",
    example: 'DEFAULT_FILE_STORAGE = "storages.backends.s3.S3Storage"',
    useInstead:
      'STORAGES = {\n    "default": {"BACKEND": "storages.backends.s3.S3Storage"},\n    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},\n}',
    fixSafety: "unsafe: the fix spells the same backends as STORAGES, which turns back on the backend the settings name and 5.1 has been ignoring (uploads go to S3 again, static files need a manifest). Offered when the old settings are plain top-level assignments in one file and STORAGES is not set.",
    versions: "Django 5.1 and later. On 4.2–5.0 see storage-setting-deprecated.",
  },
  check(ctx) {
    return oldStorageResults(ctx, true);
  },
};
