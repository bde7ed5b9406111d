// The SECRET_KEY fix keeps every environment working: a key base.py shares leaves it, production reads the variable,
// development and testing get their own key; checked as text, by re-auditing, and on examples/mysite with Django 3.2.
import assert from "node:assert/strict";
import * as path from "node:path";
import { test } from "node:test";
import { planFixes, readFromDisk } from "../../server/src/fixes/apply";
import { writeChanges } from "../helpers/writeChanges";
import { DEVELOPMENT_ONLY_KEY } from "../../server/src/fixes/sharedSecretKey";
import { copyExample, deployCheckIds, manageCheck, requireDjango } from "../helpers/django";
import { Session } from "../../server/src/session/session";
import { auditFiles, sharedEngine, writeProject } from "../helpers/project";

const KEY = "Zq8#vW2!pL6@xN4$rT0%yB7^mC3&hJ9*dF5(gS1)kQ8#vW2!pL6@xN4$rT0%";
const DEV_LINE = `SECRET_KEY = "${DEVELOPMENT_ONLY_KEY}"  # local use only; deployed settings read DJANGO_SECRET_KEY`;
const PKG = { "requirements.txt": "django\n", "proj/__init__.py": "", "proj/settings/__init__.py": "" };
const ENVIRON = "import environ\nenv = environ.Env()\n";

interface Row {
  name: string;
  files: Record<string, string>;
  /** Expected text of each file the fix changes (relative path → text); undefined: the in-place rewrite is kept. */
  expect?: Record<string, string>;
  title?: string;
}

const ROWS: Row[] = [
  {
    name: "django-environ: base.py's literal leaves, production reads it, development and testing get their own key",
    files: {
      "proj/settings/base.py": `${ENVIRON}# SECURITY WARNING: keep the secret key used in production secret!\nSECRET_KEY = "${KEY}"\n\nDEBUG = False\n`,
      "proj/settings/production.py": "from .base import *\nALLOWED_HOSTS = ['x']\n",
      "proj/settings/development.py": "from .base import *\nDEBUG = True\n",
      "proj/settings/testing.py": "from .base import *\n",
    },
    expect: {
      "proj/settings/base.py": `${ENVIRON}\nDEBUG = False\n`,
      "proj/settings/production.py": `from .base import *\nSECRET_KEY = env("DJANGO_SECRET_KEY")\nALLOWED_HOSTS = ['x']\n`,
      "proj/settings/development.py": `from .base import *\n${DEV_LINE}\nDEBUG = True\n`,
      "proj/settings/testing.py": `from .base import *\n${DEV_LINE}\n`,
    },
    title: "Read DJANGO_SECRET_KEY in production; development and testing get their own key (unsafe: DJANGO_SECRET_KEY becomes required in production)",
  },
  {
    name: "an env read's committed default in base.py: the same split, os.environ where nothing else reads the environment",
    files: {
      "proj/settings/base.py": `import os\nSECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "${KEY}")\n`,
      "proj/settings/production.py": "from .base import *\n",
      "proj/settings/staging.py": "from .base import *\n",
      "proj/settings/development.py": "from .base import *\n",
    },
    expect: {
      "proj/settings/base.py": "import os\n",
      "proj/settings/production.py": 'from .base import *\nSECRET_KEY = os.environ["DJANGO_SECRET_KEY"]\n',
      "proj/settings/staging.py": 'from .base import *\nSECRET_KEY = os.environ["DJANGO_SECRET_KEY"]\n',
      "proj/settings/development.py": `from .base import *\n${DEV_LINE}\n`,
    },
    title: "Read DJANGO_SECRET_KEY in production and staging; development gets its own key (unsafe: DJANGO_SECRET_KEY becomes required in production and staging)",
  },
  {
    name: "a development module that sets its own key keeps it; an optional local.py can still override the new one",
    files: {
      "proj/settings/base.py": `${ENVIRON}SECRET_KEY = "${KEY}"\n`,
      "proj/settings/production.py": "from .base import *\n",
      "proj/settings/development.py": 'from .base import *\nSECRET_KEY = "dev"\n',
      "proj/settings/testing.py": "from .base import *\ntry:\n    from .local import *\nexcept ImportError:\n    pass\n",
    },
    expect: {
      "proj/settings/base.py": ENVIRON,
      "proj/settings/production.py": 'from .base import *\nSECRET_KEY = env("DJANGO_SECRET_KEY")\n',
      "proj/settings/testing.py": `from .base import *\n${DEV_LINE}\ntry:\n    from .local import *\nexcept ImportError:\n    pass\n`,
    },
  },
  {
    name: "base.py uses the key itself: it stays, rewritten in place",
    files: {
      "proj/settings/base.py": `${ENVIRON}SECRET_KEY = "${KEY}"\nSIGNING_KEY = SECRET_KEY\n`,
      "proj/settings/production.py": "from .base import *\n",
      "proj/settings/development.py": "from .base import *\n",
    },
  },
  {
    name: "no development or testing environment loads the module: rewritten in place",
    files: { "proj/settings/base.py": `${ENVIRON}SECRET_KEY = "${KEY}"\n`, "proj/settings/production.py": "from .base import *\n" },
  },
];

for (const row of ROWS) {
  test(`SECRET_KEY fix: ${row.name}`, async () => {
    const a = await auditFiles({ ...PKG, ...row.files });
    const findings = a.findings.filter((f) => f.rule === "hardcoded-secret-key");
    assert.ok(findings.length > 0);
    const fixes = findings.map((f) => f.fix);
    assert.ok(fixes[0], "a fix is offered");
    assert.ok(fixes.every((f) => JSON.stringify(f) === JSON.stringify(fixes[0])), "every environment reporting it prepares the same fix");
    const fix = fixes[0]!;
    assert.equal(fix.safety, "unsafe");
    assert.match(findings[0].message, /the key is compromised \(it stays in git history\): rotate it/);
    const plan = planFixes([fix]);
    const changed = Object.fromEntries(plan.changes.filter((c) => c.file.endsWith(".py")).map((c) => [path.relative(a.dir, c.file).split(path.sep).join("/"), c.after]));
    if (!row.expect) {
      assert.deepEqual(Object.keys(changed), ["proj/settings/base.py"], "only the module holding the key changes");
      assert.match(fix.title, /^Read SECRET_KEY from the environment|^Remove the committed default/);
      return;
    }
    assert.deepEqual(changed, row.expect);
    if (row.title) assert.equal(fix.title, row.title);
    const example = plan.changes.find((c) => c.file.endsWith(".env.example"));
    assert.match(example?.after ?? "", /^DJANGO_SECRET_KEY=$/m, ".env.example lists the variable, empty");
    writeChanges(plan.changes);
    const again = (await sharedEngine()).audit(a.dir);
    assert.deepEqual(again.findings.filter((f) => f.rule === "hardcoded-secret-key").map((f) => f.message), [], "no committed key is left, the development key included");
  });
}

test("SECRET_KEY fix on examples/mysite: development and testing pass manage.py check with no variables; production requires it", async (t) => {
  if (!requireDjango(t)) return;
  const dir = copyExample("mysite");
  const audit = (await sharedEngine()).audit(dir);
  const fix = audit.findings.find((f) => f.rule === "hardcoded-secret-key")?.fix;
  assert.ok(fix);
  assert.equal(fix.title, "Read DJANGO_SECRET_KEY in production; development and testing get their own key (unsafe: DJANGO_SECRET_KEY becomes required in production)");
  writeChanges(planFixes([fix]).changes);
  for (const m of ["mysite.settings.development", "mysite.settings.testing"]) {
    const r = manageCheck(dir, m);
    assert.equal(r.status, 0, `${m}: ${r.output}`);
  }
  assert.match(deployCheckIds(dir, "mysite.settings.production", { EMAIL_HOST_PASSWORD: "x" }).error ?? "", /DJANGO_SECRET_KEY/);
  assert.ok(deployCheckIds(dir, "mysite.settings.production", { EMAIL_HOST_PASSWORD: "x", DJANGO_SECRET_KEY: KEY }).ids, "production loads once the variable is set");
});

test("SECRET_KEY fix after an edit to development.py alone: every environment's fix follows the new text", async () => {
  const dir = writeProject({
    ...PKG,
    "proj/settings/base.py": `${ENVIRON}SECRET_KEY = "${KEY}"\n`,
    "proj/settings/production.py": "from .base import *\n",
    "proj/settings/development.py": "from .base import *\n",
  });
  const texts = new Map<string, string>();
  const session = new Session(await sharedEngine(), dir, { overlay: { get: (f) => texts.get(f) } });
  session.audit();
  // Production's run does not read development.py, so only a fix that edits it knows it moved.
  const dev = path.join(dir, "proj", "settings", "development.py");
  texts.set(dev, '"""Development settings."""\nfrom .base import *\nDEBUG = True\n');
  const audit = session.audit();
  const fixes = audit.findings.filter((f) => f.rule === "hardcoded-secret-key").map((f) => f.fix);
  assert.ok(fixes.length >= 2 && fixes.every((f) => JSON.stringify(f) === JSON.stringify(fixes[0])), "production's fix is the same as development's");
  const plan = planFixes([fixes[0]!], (f) => texts.get(f) ?? readFromDisk(f));
  assert.equal(plan.changes.find((c) => c.file === dev)?.after, `"""Development settings."""\nfrom .base import *\n${DEV_LINE}\nDEBUG = True\n`);
  session.dispose();
});
