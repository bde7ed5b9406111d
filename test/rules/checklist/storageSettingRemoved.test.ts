// Rule table and fix golden for storage-setting-removed: the old storage settings are ignored from Django 5.1.
import { ruleTable } from "../../helpers/project";
import { envTable, fixGolden, GOOD_BASE, split } from "./checklistTestHelpers";

const R = "storage-setting-removed";
const MEDIA = 'DEFAULT_FILE_STORAGE = "storages.backends.s3.S3Storage"\n';

ruleTable(R, [
  { name: "DEFAULT_FILE_STORAGE on 5.1 fires", djangoVersion: "5.1", production: MEDIA, expect: [R] },
  { name: "on 5.2 too", djangoVersion: "5.2", production: MEDIA, expect: [R] },
  { name: "5.0 only deprecates: silent here", djangoVersion: "5.0", production: MEDIA, expect: [] },
  { name: "not set: silent", djangoVersion: "5.2", production: "", expect: [] },
]);

envTable(R, [
  {
    name: "the message says which backend is used instead",
    files: split(GOOD_BASE, MEDIA),
    environment: "proj.settings.production",
    expect: 1,
    message: /ignored: uploaded files use FileSystemStorage, not 'storages\.backends\.s3\.S3Storage'/,
  },
]);

fixGolden(R, {
  name: "the fix is unsafe: it turns the ignored backend back on",
  files: split(GOOD_BASE, MEDIA),
  file: "proj/settings/production.py",
  after:
    "from .base import *\nSTORAGES = {\n" +
    '    "default": {"BACKEND": "storages.backends.s3.S3Storage"},\n' +
    '    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},\n}\n',
  safety: "unsafe",
});
