// Rule table for content-type-nosniff-off (security.W006): SecurityMiddleware on and NOSNIFF `is not True`.
import { fromRequiredEnv, middleware, ruleTable, undecidable, XFRAME_MW } from "../../helpers/project";
import { GOOD_BASE } from "../../helpers/project";
import { fixTable } from "../../helpers/fixTable";

ruleTable("content-type-nosniff-off", [
  { name: "False fires", production: "SECURE_CONTENT_TYPE_NOSNIFF = False\n", expect: ["security.W006"] },
  { name: "1 is not True: fires", production: "SECURE_CONTENT_TYPE_NOSNIFF = 1\n", expect: ["security.W006"] },
  { name: '"True" is not True: fires', production: 'SECURE_CONTENT_TYPE_NOSNIFF = "True"\n', expect: ["security.W006"] },
  { name: "True passes", production: "SECURE_CONTENT_TYPE_NOSNIFF = True\n", expect: [] },
  { name: "unset passes: Django's default is True", production: "", expect: [] },
  { name: "a required env var is unknown: silent", production: fromRequiredEnv("SECURE_CONTENT_TYPE_NOSNIFF"), expect: [] },
  { name: "an undecidable if is silent", production: undecidable("SECURE_CONTENT_TYPE_NOSNIFF", "True", "False"), expect: [] },
  { name: "without SecurityMiddleware it is W001's job: silent", production: middleware(XFRAME_MW) + "SECURE_CONTENT_TYPE_NOSNIFF = False\n", expect: [] },
  { name: "fires on 3.2 too", production: "SECURE_CONTENT_TYPE_NOSNIFF = False\n", djangoVersion: "3.2", expect: ["security.W006"] },
  { name: "unset fires on 2.2: the default was False before 3.0", production: "", djangoVersion: "2.2", expect: ["security.W006"] },
  { name: "unset passes on 3.0", production: "", djangoVersion: "3.0", expect: [] },
  { name: "True passes on 2.2", production: "SECURE_CONTENT_TYPE_NOSNIFF = True\n", djangoVersion: "2.2", expect: [] },
]);

fixTable("content-type-nosniff-off", [
  { name: "False is rewritten to True, safe", production: "SECURE_CONTENT_TYPE_NOSNIFF = False\n", expect: "from .base import *\nSECURE_CONTENT_TYPE_NOSNIFF = True\n", safety: "safe" },
  { name: "inherited from base: inserted in production", base: GOOD_BASE + "SECURE_CONTENT_TYPE_NOSNIFF = 0\n", production: "X = 1\n", expect: "from .base import *\nSECURE_CONTENT_TYPE_NOSNIFF = True\nX = 1\n", safety: "safe" },
]);
