// Checklist: uploaded media goes to the local disk (FileSystemStorage) in a deployed environment.
import { truthy, type Value } from "../../resolve/values";
import type { ResolvedSetting } from "../../resolve/environment";
import type { Rule } from "../types";
import { atLeastVersion, DEPLOYED, dictPath, locInWrites, unsetNote } from "./checklistHelpers";

const FILESYSTEM = new Set(["django.core.files.storage.FileSystemStorage", "django.core.files.storage.filesystem.FileSystemStorage"]);

export const mediaOnLocalDisk: Rule = {
  id: "media-on-local-disk",
  djangoChecks: [],
  severity: "information",
  appliesTo: DEPLOYED,
  docs: {
    summary: "Uploaded media is stored on the local disk",
    why: "FileSystemStorage writes uploads to MEDIA_ROOT on the machine that handled the request. That breaks as soon as you add a second instance (each sees only its own uploads), and on containers and most platforms the disk is wiped on every deploy. Object storage (django-storages' S3, GCS or Azure backends) survives both.",
    example: 'MEDIA_ROOT = BASE_DIR / "media"\nMEDIA_URL = "/media/"',
    useInstead: 'STORAGES = {\n    "default": {"BACKEND": "storages.backends.s3.S3Storage"},\n    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},\n}',
    fixSafety: "none: the storage service and its credentials are the project's",
    versions: "All versions: STORAGES[\"default\"] from 4.2, DEFAULT_FILE_STORAGE before 5.1 (it is ignored from 5.1). Only when the settings show media in use (MEDIA_ROOT or MEDIA_URL set); silent when the backend is not known.",
  },
  check(ctx) {
    const root = ctx.get("MEDIA_ROOT");
    const url = ctx.get("MEDIA_URL");
    const used = (s: ResolvedSetting) => !s.isDefault && truthy(s.value) !== false;
    if (!used(root) && !used(url)) return [];
    const found = defaultBackend(ctx);
    if (!found) return [];
    const { backend, via, subject } = found;
    if (backend.k !== "str" || !FILESYSTEM.has(backend.v)) return [];
    const shown = subject ?? (used(root) ? root : url);
    return [
      {
        message: `uploaded media is stored on the local disk (${via}${unsetNote(backend)}): it breaks as soon as you add a second instance, and a redeploy can wipe it; use object storage`,
        setting: shown.name,
        subject: shown,
        at: subject ? locInWrites(backend.loc, subject) : undefined,
        value: subject ? backend : shown.value,
      },
    ];
  },
};

/** The default storage backend the environment uses, and how it was decided; undefined when it cannot be known. */
function defaultBackend(ctx: Parameters<Rule["check"]>[0]): { backend: Value; via: string; subject?: ResolvedSetting } | undefined {
  const fs: Value = { k: "str", v: "django.core.files.storage.FileSystemStorage" };
  // Not written by the code, yet not Django's default either: something from outside (an include of /etc/…) may set it.
  const unsure = (s: ResolvedSetting) => s.isDefault && s.value.k === "unknown" && !!s.value.dynamic;
  if (atLeastVersion(ctx, 4, 2)) {
    const storages = ctx.get("STORAGES");
    if (unsure(storages)) return undefined;
    if (!storages.isDefault) {
      const b = dictPath(storages.value, "default", "BACKEND");
      return b ? { backend: b, via: 'STORAGES["default"]', subject: storages } : undefined;
    }
  }
  const old = ctx.get("DEFAULT_FILE_STORAGE");
  if (unsure(old)) return undefined;
  if (!old.isDefault && !atLeastVersion(ctx, 5, 1)) return { backend: old.value, via: "DEFAULT_FILE_STORAGE", subject: old };
  if (!old.isDefault) return { backend: fs, via: "DEFAULT_FILE_STORAGE is ignored since Django 5.1, so Django's default FileSystemStorage" };
  return { backend: fs, via: "Django's default FileSystemStorage" };
}
