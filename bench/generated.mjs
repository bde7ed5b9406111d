// Generated Python sources and workspaces shared by the benchmarks, so that the parse, re-analysis and LSP figures measure the same modules.
import { mkdirSync, mkdtempSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";

/** A production settings module of `lines` lines: env reads, service dicts with URLs, `MIDDLEWARE +=`, comments. */
export function settingsModule(lines) {
  const out = ["from .base import *", "import os", "", "DEBUG = False", 'ALLOWED_HOSTS = ["example.com"]', "SECURE_HSTS_SECONDS = 3600"];
  let i = 0;
  while (out.length < lines) {
    i++;
    if (i % 4 === 0) out.push(`FEATURE_${i} = os.environ.get("FEATURE_${i}", "off") == "on"`);
    else if (i % 4 === 1) out.push(`SERVICE_${i} = {"url": "https://svc${i}.example.com", "timeout": ${i % 30}}`);
    else if (i % 4 === 2) out.push(`MIDDLEWARE += ["app${i}.middleware.Thing"]`);
    else out.push(`# note ${i}`);
  }
  return out.join("\n") + "\n";
}

/** A project whose production.py is a `productionLines`-line settingsModule() over a two-line base.py, with manage.py naming it. */
export function workspace(productionLines) {
  const dir = mkdtempSync(join(tmpdir(), "dsh-lsp-bench-"));
  mkdirSync(join(dir, "proj", "settings"), { recursive: true });
  writeFileSync(join(dir, "manage.py"), 'import os\nos.environ.setdefault("DJANGO_SETTINGS_MODULE", "proj.settings.production")\n');
  writeFileSync(join(dir, "proj", "settings", "base.py"), 'SECRET_KEY = "x"\nMIDDLEWARE = ["django.middleware.security.SecurityMiddleware"]\n');
  writeFileSync(join(dir, "proj", "settings", "production.py"), settingsModule(productionLines));
  return dir;
}

/** `n` settings modules as n/4 projects of base, development, production and testing: site0 … site{n/4-1}. */
export function manyModules(n) {
  const dir = mkdtempSync(join(tmpdir(), "dsh-lsp-many-"));
  for (let p = 0; p < n / 4; p++) {
    const s = join(dir, `site${p}`, "settings");
    mkdirSync(s, { recursive: true });
    writeFileSync(join(s, "base.py"), 'DEBUG = False\nSECRET_KEY = "short"\nMIDDLEWARE = ["django.middleware.security.SecurityMiddleware"]\n');
    for (const env of ["development", "production", "testing"]) writeFileSync(join(s, `${env}.py`), `from .base import *\nDEBUG = ${env === "development" ? "True" : "False"}\n`);
  }
  return dir;
}
