// Rule table for media-on-local-disk: uploads on FileSystemStorage when the settings use media.
import { ruleTable } from "../../helpers/project";

const R = "media-on-local-disk";
const MEDIA = 'MEDIA_ROOT = "/srv/media"\nMEDIA_URL = "/media/"\n';

ruleTable(R, [
  { name: "media with the default storage fires", production: MEDIA, expect: [R] },
  { name: "an unknown MEDIA_ROOT still shows media is used", production: 'from pathlib import Path\nMEDIA_ROOT = Path(__file__).parent / "media"\n', expect: [R] },
  { name: "no media settings: silent", production: "", expect: [] },
  { name: "a storage the deployment's included file may set (include of /etc/…) is silent", production: MEDIA + 'from split_settings.tools import include\ninclude("/etc/app/settings.py")\n', expect: [] },
  { name: "a storage set from outside only for other names (a SWIFT_* guard) still fires", production: MEDIA + 'for k, v in load().items():\n    if k.startswith("SWIFT_"):\n        globals()[k] = v\n', expect: [R] },
  { name: "S3 in STORAGES is silent", production: MEDIA + 'STORAGES = {"default": {"BACKEND": "storages.backends.s3.S3Storage"}, "staticfiles": {"BACKEND": "x"}}\n', expect: [] },
  { name: "FileSystemStorage named in STORAGES fires", production: MEDIA + 'STORAGES = {"default": {"BACKEND": "django.core.files.storage.FileSystemStorage"}, "staticfiles": {"BACKEND": "x"}}\n', expect: [R] },
  { name: "an unknown backend is silent", production: MEDIA + 'import os\nSTORAGES = {"default": {"BACKEND": os.environ["B"]}, "staticfiles": {"BACKEND": "x"}}\n', expect: [] },
  { name: "DEFAULT_FILE_STORAGE counts before 5.1", djangoVersion: "5.0", production: MEDIA + 'DEFAULT_FILE_STORAGE = "storages.backends.s3.S3Storage"\n', expect: [] },
  { name: "DEFAULT_FILE_STORAGE is ignored from 5.1: fires", djangoVersion: "5.1", production: MEDIA + 'DEFAULT_FILE_STORAGE = "storages.backends.s3.S3Storage"\n', expect: [R] },
  { name: "DEFAULT_FILE_STORAGE on 3.2", djangoVersion: "3.2", production: MEDIA + 'DEFAULT_FILE_STORAGE = "storages.backends.s3boto3.S3Boto3Storage"\n', expect: [] },
]);
