// Rule table and fix golden for dev-tools-in-production: debug toolbar, django-extensions, silk, browser reload, runserver_plus.
import { fromRequiredEnv, ruleTable } from "../../helpers/project";
import { envTable, fixGolden, GOOD_BASE, split } from "./checklistTestHelpers";

const R = "dev-tools-in-production";

ruleTable(R, [
  { name: "debug_toolbar app and middleware fire", production: 'INSTALLED_APPS += ["debug_toolbar"]\nMIDDLEWARE += ["debug_toolbar.middleware.DebugToolbarMiddleware"]\n', expect: [R, R] },
  { name: "an AppConfig path counts", production: 'INSTALLED_APPS += ["django_extensions.apps.DjangoExtensionsConfig"]\n', expect: [R] },
  { name: "silk and browser reload fire", production: 'INSTALLED_APPS += ["silk", "django_browser_reload"]\n', expect: [R, R] },
  { name: "runserver_plus settings fire", production: "RUNSERVER_PLUS_PRINT_SQL_TRUNCATE = 1000\n", expect: [R] },
  { name: "ordinary apps are silent", production: 'INSTALLED_APPS += ["django.contrib.admin", "debug_toolbar_extra_panels_is_not_it"]\n', expect: [] },
  { name: "an unknown INSTALLED_APPS is silent", production: fromRequiredEnv("INSTALLED_APPS"), expect: [] },
  // Kiwi: django_extensions is written before a loop that appends the installed plugins.
  { name: "an app written before a loop that appends plugins still fires", production: 'INSTALLED_APPS += ["django_extensions"]\nfor plugin in entry_points(group="plugins"):\n    INSTALLED_APPS.append(plugin.module)\n', expect: [R] },
  {
    name: "an unconditional toolbar with MIDDLEWARE rebuilt under an undecided if fires",
    production:
      'INSTALLED_APPS += ["debug_toolbar"]\nMIDDLEWARE += ["debug_toolbar.middleware.DebugToolbarMiddleware"]\nimport socket\nif socket.gethostname() == "w":\n    MIDDLEWARE = ["p.B", *MIDDLEWARE]\n',
    expect: [R, R],
  },
  { name: "the toolbar among known apps of a list extended with plugins fires", production: 'INSTALLED_APPS = ["debug_toolbar", *get_plugins()]\n', expect: [R] },
  { name: "the toolbar added in one branch only is silent", production: 'import socket\nif socket.gethostname() == "w":\n    INSTALLED_APPS += ["debug_toolbar"]\n', expect: [] },
]);

envTable(R, [
  {
    name: "development may have them",
    files: { "proj/settings/base.py": GOOD_BASE, "proj/settings/development.py": 'from .base import *\nINSTALLED_APPS += ["debug_toolbar"]\n' },
    environment: "proj.settings.development",
    expect: 0,
  },
]);

fixGolden(R, {
  name: "an entry in the environment's own list is removed",
  files: split(GOOD_BASE, 'INSTALLED_APPS += ["django.contrib.admin", "django_extensions"]\n'),
  file: "proj/settings/production.py",
  after: 'from .base import *\nINSTALLED_APPS += ["django.contrib.admin"]\n',
  safety: "unsafe",
});
