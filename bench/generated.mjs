// Generated Python sources shared by the benchmarks, so that the parse and LSP figures measure the same modules.

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
