// Rule table and fix golden for upload-limits-disabled: DATA_UPLOAD_MAX_* set to None.
import { fromRequiredEnv, ruleTable } from "../../helpers/project";
import { fixGolden, GOOD_BASE, split } from "./checklistTestHelpers";

const R = "upload-limits-disabled";

ruleTable(R, [
  { name: "DATA_UPLOAD_MAX_MEMORY_SIZE = None fires", production: "DATA_UPLOAD_MAX_MEMORY_SIZE = None\n", expect: [R] },
  { name: "DATA_UPLOAD_MAX_NUMBER_FIELDS = None fires", production: "DATA_UPLOAD_MAX_NUMBER_FIELDS = None\n", expect: [R] },
  { name: "DATA_UPLOAD_MAX_NUMBER_FILES = None fires", production: "DATA_UPLOAD_MAX_NUMBER_FILES = None\n", expect: [R] },
  { name: "a raised limit is silent", production: "DATA_UPLOAD_MAX_MEMORY_SIZE = 50 * 1024 * 1024\n", expect: [] },
  { name: "unset is silent", production: "", expect: [] },
  { name: "an unknown value is silent", production: fromRequiredEnv("DATA_UPLOAD_MAX_MEMORY_SIZE"), expect: [] },
]);

fixGolden(R, {
  name: "None becomes Django's default",
  files: split(GOOD_BASE, "DATA_UPLOAD_MAX_NUMBER_FIELDS = None  # big admin forms\n"),
  file: "proj/settings/production.py",
  after: "from .base import *\nDATA_UPLOAD_MAX_NUMBER_FIELDS = 1000  # big admin forms\n",
  safety: "unsafe",
});
