// Prints the wall time and peak memory of `audit` on the example project and on a generated 3,000-line settings module.
import { spawnSync } from "child_process";
import { mkdtempSync, mkdirSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { dirname, join } from "path";
import { fileURLToPath } from "url";

const repo = join(dirname(fileURLToPath(import.meta.url)), "..");
const RUNS = Number(process.env.BENCH_RUNS ?? 7);

/**
 * Runs the CLI as a user does (bin/, with its code cache) in a fresh process, output to /dev/null, start-up included;
 * peak RSS from GNU time.
 */
function runOnce(target) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync("/usr/bin/time", ["-f", "MAXRSS %M", process.execPath, join(repo, "bin", "django-settings-hygiene.js"), "audit", target, "--format", "json"], {
    encoding: "utf8",
    stdio: ["ignore", "ignore", "pipe"],
  });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.error) throw r.error;
  if (r.status !== 0 && !/exited with non-zero status 1\b/.test(r.stderr)) throw new Error(r.stderr);
  const rss = Number(/MAXRSS (\d+)/.exec(r.stderr)?.[1] ?? NaN) / 1024;
  return { ms, rss };
}

function measure(label, target, lines) {
  runOnce(target); // warm the file cache
  const runs = Array.from({ length: RUNS }, () => runOnce(target));
  const times = runs.map((r) => r.ms).sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)];
  const peak = Math.max(...runs.map((r) => r.rss));
  console.log(`${label.padEnd(34)} lines=${String(lines).padStart(6)}  median=${median.toFixed(0).padStart(5)} ms  min=${times[0].toFixed(0).padStart(5)} ms  peak RSS=${peak.toFixed(1)} MiB`);
}

function generated3000() {
  const dir = mkdtempSync(join(tmpdir(), "dsh-bench-"));
  mkdirSync(join(dir, "proj", "settings"), { recursive: true });
  const lines = ["import os", 'SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")', "DEBUG = False", 'ALLOWED_HOSTS = ["example.com"]', "MIDDLEWARE = ["];
  lines.push('    "django.middleware.security.SecurityMiddleware",', "]");
  let i = 0;
  while (lines.length < 2990) {
    i++;
    switch (i % 6) {
      case 0:
        lines.push(`FEATURE_${i} = os.environ.get("FEATURE_${i}", "off").lower() == "on"`);
        break;
      case 1:
        lines.push(`SERVICE_${i} = {"url": "https://svc${i}.example.com", "timeout": ${i % 30}, "retries": [1, 2, 3]}`);
        break;
      case 2:
        lines.push(`if DEBUG:`, `    LEVEL_${i} = "DEBUG"`, `else:`, `    LEVEL_${i} = "INFO"`);
        break;
      case 3:
        lines.push(`MIDDLEWARE.append("app${i}.middleware.Thing")`);
        break;
      case 4:
        lines.push(`# comment line ${i} explaining nothing in particular`);
        break;
      default:
        lines.push(`LIMIT_${i} = int(os.getenv("LIMIT_${i}", "${i}")) * 2`);
    }
  }
  writeFileSync(join(dir, "proj", "settings", "base.py"), lines.join("\n") + "\n");
  writeFileSync(join(dir, "proj", "settings", "production.py"), "from .base import *\nSECURE_HSTS_SECONDS = 3600\n");
  return { dir, lines: lines.length + 2 };
}

console.log(`node ${process.version}, ${RUNS} runs each (one process per run, start-up included)`);
measure("examples/mysite", join(repo, "examples", "mysite"), "-");
const g = generated3000();
measure("generated 3,000-line settings module", g.dir, g.lines);
