// Rule table and fix goldens for storage-setting-deprecated: the old storage settings on Django 4.2–5.0.
import { ruleTable } from "../../helpers/project";
import { fixGolden, GOOD_BASE, split } from "./checklistTestHelpers";

const R = "storage-setting-deprecated";
const STATIC = 'STATICFILES_STORAGE = "whitenoise.storage.CompressedManifestStaticFilesStorage"\n';
const MEDIA = 'DEFAULT_FILE_STORAGE = "storages.backends.s3.S3Storage"\n';

ruleTable(R, [
  { name: "STATICFILES_STORAGE on 4.2 fires", djangoVersion: "4.2", production: STATIC, expect: [R] },
  { name: "both on 5.0 fire once each", djangoVersion: "5.0", production: STATIC + MEDIA, expect: [R, R] },
  { name: "4.1 has only the old settings: silent", djangoVersion: "4.1", production: STATIC, expect: [] },
  { name: "5.1 removed them: storage-setting-removed instead", djangoVersion: "5.1", production: STATIC, expect: [] },
  { name: "STORAGES alone is silent", djangoVersion: "4.2", production: 'STORAGES = {"default": {"BACKEND": "x"}, "staticfiles": {"BACKEND": "y"}}\n', expect: [] },
  { name: "an unknown value still counts as set", djangoVersion: "4.2", production: 'import os\nSTATICFILES_STORAGE = os.environ["S"]\n', expect: [R] },
]);

fixGolden(R, {
  name: "STATICFILES_STORAGE becomes STORAGES with Django's default for uploads",
  djangoVersion: "4.2",
  files: split(GOOD_BASE, STATIC),
  file: "proj/settings/production.py",
  after:
    "from .base import *\nSTORAGES = {\n" +
    '    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},\n' +
    '    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},\n}\n',
  safety: "safe",
});

fixGolden(R, {
  name: "both settings in one file become one STORAGES, expressions kept as written",
  djangoVersion: "5.0",
  files: split(GOOD_BASE, 'import os\nDEFAULT_FILE_STORAGE = os.environ.get("MEDIA_BACKEND", "storages.backends.s3.S3Storage")  # uploads\nDEBUG = False\n' + STATIC),
  file: "proj/settings/production.py",
  after:
    "from .base import *\nimport os\nDEBUG = False\nSTORAGES = {\n" +
    '    "default": {"BACKEND": os.environ.get("MEDIA_BACKEND", "storages.backends.s3.S3Storage")},\n' +
    '    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},\n}\n',
  safety: "safe",
});
