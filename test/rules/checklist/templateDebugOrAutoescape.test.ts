// Rule table and fix goldens for template-debug-or-autoescape: TEMPLATES OPTIONS debug on or autoescape off.
import { ruleTable } from "../../helpers/project";
import { fixGolden, GOOD_BASE, split } from "./checklistTestHelpers";

const R = "template-debug-or-autoescape";
const tpl = (options: string) => `TEMPLATES = [{"BACKEND": "django.template.backends.django.DjangoTemplates", "OPTIONS": {${options}}}]\n`;

ruleTable(R, [
  { name: '"debug": True fires', production: tpl('"debug": True'), expect: [R] },
  { name: '"autoescape": False fires', production: tpl('"autoescape": False'), expect: [R] },
  { name: "both fire", production: tpl('"debug": True, "autoescape": False'), expect: [R, R] },
  { name: '"debug": DEBUG (False) is silent', production: tpl('"debug": DEBUG'), expect: [] },
  { name: "no options is silent", production: tpl(""), expect: [] },
  { name: "an item assignment counts", production: tpl("") + 'TEMPLATES[0]["OPTIONS"]["debug"] = True\n', expect: [R] },
  { name: "an unknown value is silent", production: "import os\n" + tpl('"debug": os.environ["TD"] == "1"'), expect: [] },
  { name: "Jinja2 autoescape off fires too", production: 'TEMPLATES = [{"BACKEND": "django.template.backends.jinja2.Jinja2", "OPTIONS": {"autoescape": False}}]\n', expect: [R] },
]);

fixGolden(R, {
  name: '"debug": True becomes False (safe)',
  files: split(GOOD_BASE, tpl('"debug": True')),
  file: "proj/settings/production.py",
  after: "from .base import *\n" + tpl('"debug": False'),
  safety: "safe",
});

fixGolden(R, {
  name: '"autoescape": False becomes True (unsafe)',
  files: split(GOOD_BASE, tpl('"autoescape": False')),
  file: "proj/settings/production.py",
  after: "from .base import *\n" + tpl('"autoescape": True'),
  safety: "unsafe",
});
