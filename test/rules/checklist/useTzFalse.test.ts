// Rule table and fix goldens for use-tz-false: naive datetimes in every environment, with the 5.0 default change.
import { envTable, fixGolden, GOOD_BASE, split } from "./checklistTestHelpers";

const R = "use-tz-false";
const files = (base: string, env = "") => ({ "proj/settings/base.py": base, "proj/settings/development.py": "from .base import *\n" + env, "proj/settings/production.py": "from .base import *\n", "proj/settings/test.py": "from .base import *\n" });

envTable(R, [
  { name: "USE_TZ = False fires in production", files: files(GOOD_BASE + "USE_TZ = False\n"), environment: "proj.settings.production", expect: 1 },
  { name: "…and in development", files: files(GOOD_BASE + "USE_TZ = False\n"), environment: "proj.settings.development", expect: 1 },
  { name: "…and in testing", files: files(GOOD_BASE + "USE_TZ = False\n"), environment: "proj.settings.test", expect: 1 },
  // A base.py nothing imports is an environment of its own (kind base); one that others import is a part of them.
  { name: "…and in a base module that is an environment itself", files: { "proj/settings/base.py": GOOD_BASE + "USE_TZ = False\n" }, environment: "proj.settings.base", expect: 1 },
  { name: "USE_TZ = True is silent", files: files(GOOD_BASE + "USE_TZ = True\n"), environment: "proj.settings.production", expect: 0 },
  { name: "unset on 5.0+ defaults to True: silent", files: files(GOOD_BASE), environment: "proj.settings.production", djangoVersion: "5.0", expect: 0 },
  { name: "unset before 5.0 defaults to False: fires", files: files(GOOD_BASE), environment: "proj.settings.production", djangoVersion: "4.2", expect: 1, message: /is not set \(Django 4\.2's default is False\)/ },
  { name: "an env default of False says so", files: files(GOOD_BASE + 'import os\nUSE_TZ = os.environ.get("USE_TZ", "") == "1"\n'), environment: "proj.settings.production", expect: 1, message: /whenever USE_TZ is unset/ },
  { name: "a required env var is unknown: silent", files: files(GOOD_BASE + 'import os\nUSE_TZ = os.environ["USE_TZ"] == "1"\n'), environment: "proj.settings.production", expect: 0 },
  {
    name: "a fragment without INSTALLED_APPS (a committed local_settings.py) says nothing when USE_TZ is unset",
    files: { "proj/settings/base.py": GOOD_BASE, "proj/settings/local.py": "DEBUG = True\n" },
    environment: "proj.settings.local",
    djangoVersion: "3.2",
    expect: 0,
  },
  { name: "…but an explicit False in a fragment fires", files: { "proj/settings/base.py": GOOD_BASE, "proj/settings/local.py": "USE_TZ = False\n" }, environment: "proj.settings.local", expect: 1 },
  { name: "an override in development only", files: files(GOOD_BASE + "USE_TZ = True\n", "USE_TZ = False\n"), environment: "proj.settings.production", expect: 0 },
]);

fixGolden(R, {
  name: "False becomes True where it is written (base.py)",
  files: split(GOOD_BASE + "USE_TZ = False  # legacy\n", ""),
  file: "proj/settings/base.py",
  after: GOOD_BASE + "USE_TZ = True  # legacy\n",
  safety: "unsafe",
});

fixGolden(R, {
  name: "unset before 5.0: USE_TZ = True is added",
  djangoVersion: "4.2",
  files: split(GOOD_BASE, "DEBUG = False"),
  file: "proj/settings/production.py",
  after: "from .base import *\nDEBUG = False\nUSE_TZ = True\n",
  safety: "unsafe",
});
