// Resolver: deep import chains and dense import graphs finish, bounded (issue 20): hang guards with a generous budget.
import assert from "node:assert/strict";
import { test } from "node:test";
import { auditFiles, type ProjectFiles } from "../helpers/project";

test("600+ chained star-imports do not overflow the stack; the chain is cut with a note", async () => {
  const files: ProjectFiles = { "proj/__init__.py": "", "proj/settings/__init__.py": "" };
  const n = 650;
  for (let i = 0; i < n; i++) files[`proj/settings/m${i}.py`] = (i + 1 < n ? `from .m${i + 1} import *\n` : "") + `X${i} = ${i}\n`;
  files["proj/settings/production.py"] = "from .m0 import *\nDEBUG = True\n";
  const t0 = Date.now();
  const a = await auditFiles(files, { djangoVersion: "5.2" });
  assert.ok(Date.now() - t0 < 60000, "hang guard: within 60 s");
  const prod = a.project.environments.find((e) => e.name === "proj.settings.production");
  assert.ok(prod);
  assert.equal(prod.get("X0").value.k, "int");
  assert.ok(prod.notes.some((x) => /chain more than 64 modules deep/.test(x.message)));
  assert.ok(a.findings.some((f) => f.rule === "debug-enabled" && f.environment === "proj.settings.production"));
});

test("a 200-module all-to-all import graph finishes, with one cycle note per module", async () => {
  const files: ProjectFiles = { "proj/__init__.py": "", "proj/settings/__init__.py": "" };
  const n = 200;
  for (let i = 0; i < n; i++) {
    let body = "";
    for (let j = 0; j < n; j++) if (j !== i) body += `from .m${j} import *\n`;
    files[`proj/settings/m${i}.py`] = body + `X${i} = ${i}\n`;
  }
  // The environment the graph feeds (modules that set no Django setting are not settings modules of their own).
  files["proj/settings/production.py"] = "from .m0 import *\n";
  const t0 = Date.now();
  const a = await auditFiles(files, { djangoVersion: "5.2" });
  assert.ok(Date.now() - t0 < 60000, "hang guard: within 60 s");
  const env = a.project.environments.find((e) => e.name === "proj.settings.production");
  assert.ok(env);
  const cycles = env.notes.filter((x) => /import cycle/.test(x.message));
  assert.ok(cycles.length <= n, `${cycles.length} cycle notes`);
  // The module at the depth limit skips its imports with one note, not one per import (18,906 notes before).
  const deep = env.notes.filter((x) => /modules deep here/.test(x.message));
  assert.ok(deep.length > 0 && deep.length <= n, `${deep.length} depth notes`);
  assert.ok(deep.some((x) => /more imports in this module are past that depth/.test(x.message)));
});

test("a DATABASES literal with 16,000 committed passwords finishes, with a finding for each", async () => {
  const n = 16000;
  let body = "DATABASES = {\n";
  for (let i = 0; i < n; i++) body += `    "db${i}": {"ENGINE": "django.db.backends.postgresql", "PASSWORD": "p${i}Xq7vLr9sTz2Wm${i}"},\n`;
  const files: ProjectFiles = { "proj/__init__.py": "", "proj/settings/__init__.py": "", "proj/settings/production.py": body + "}\n" };
  const t0 = Date.now();
  const a = await auditFiles(files, { djangoVersion: "5.2" });
  // Minutes before: per-entry scans of the whole literal in the evaluator, the fixes and the inventory.
  assert.ok(Date.now() - t0 < 60000, "hang guard: within 60 s");
  const passwords = a.findings.filter((f) => f.environment === "proj.settings.production" && f.setting === "DATABASES" && /PASSWORD/.test(f.message));
  assert.equal(passwords.length, n);
});
