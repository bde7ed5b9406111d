// Rule table and fix goldens for whitenoise-middleware-order: WhiteNoise directly after SecurityMiddleware.
import { ruleTable } from "../../helpers/project";
import { fixGolden, GOOD_BASE, split } from "./checklistTestHelpers";

const R = "whitenoise-middleware-order";
const SEC = "django.middleware.security.SecurityMiddleware";
const WN = "whitenoise.middleware.WhiteNoiseMiddleware";
const SESS = "django.contrib.sessions.middleware.SessionMiddleware";
const mw = (...xs: string[]) => `MIDDLEWARE = [${xs.map((x) => JSON.stringify(x)).join(", ")}]\n`;

ruleTable(R, [
  { name: "directly after SecurityMiddleware is silent", production: mw(SEC, WN, SESS), expect: [] },
  { name: "further down fires", production: mw(SEC, SESS, WN), expect: [R] },
  { name: "above SecurityMiddleware fires", production: mw(WN, SEC, SESS), expect: [R] },
  { name: "first, without SecurityMiddleware, is silent", production: mw(WN, SESS), expect: [] },
  { name: "not first without SecurityMiddleware fires", production: mw(SESS, WN), expect: [R] },
  { name: "no WhiteNoise: silent", production: mw(SEC, SESS), expect: [] },
  { name: "an unknown entry is silent", production: `import os\nMIDDLEWARE = [${JSON.stringify(SEC)}, os.environ["MW"], ${JSON.stringify(WN)}]\n`, expect: [] },
  { name: "appended by a later mutation: fires", production: `MIDDLEWARE.append(${JSON.stringify(WN)})\n`, expect: [R] },
  // Known only in part: the order answers only where it is known.
  { name: "partial: directly after SecurityMiddleware with unknown entries later is silent", production: `MIDDLEWARE = [${JSON.stringify(SEC)}, ${JSON.stringify(WN)}, *get_extra()]\n`, expect: [] },
  { name: "partial: above SecurityMiddleware fires", production: `MIDDLEWARE = [*get_extra(), ${JSON.stringify(WN)}, ${JSON.stringify(SEC)}]\n`, expect: [R] },
  { name: "partial: a known entry between them fires", production: `MIDDLEWARE = [${JSON.stringify(SEC)}, ${JSON.stringify(SESS)}, *get_extra(), ${JSON.stringify(WN)}]\n`, expect: [R] },
  { name: "partial: unknown entries between them are silent", production: `MIDDLEWARE = [${JSON.stringify(SEC)}, *get_extra(), ${JSON.stringify(WN)}]\n`, expect: [] },
  { name: "partial: no SecurityMiddleware among the known entries is silent", production: `MIDDLEWARE = [*get_extra(), ${JSON.stringify(SESS)}, ${JSON.stringify(WN)}]\n`, expect: [] },
  {
    name: "rebuilt under an undecided if, order kept: fires when wrong",
    production: mw(SEC, SESS, WN) + 'import socket\nif socket.gethostname() == "w":\n    MIDDLEWARE = ["p.B", *MIDDLEWARE, "p.A"]\n',
    expect: [R],
  },
]);

fixGolden(R, {
  name: "one item per line: the line moves up",
  files: split(GOOD_BASE, `MIDDLEWARE = [\n    "${SEC}",\n    "${SESS}",\n    # static files\n    "${WN}"\n]\n`),
  file: "proj/settings/production.py",
  after: `from .base import *\nMIDDLEWARE = [\n    "${SEC}",\n    "${WN}",\n    "${SESS}",\n    # static files\n]\n`,
  safety: "safe",
});

fixGolden(R, {
  name: "an inline list is reordered in place",
  files: split(GOOD_BASE, mw(WN, SEC, SESS)),
  file: "proj/settings/production.py",
  after: "from .base import *\n" + mw(SEC, WN, SESS),
  safety: "safe",
});
