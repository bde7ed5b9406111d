// Prints the CLI's wall time on hostile projects (issue 20, item 5): huge lines, dense import graphs, huge literals.
import { spawnSync } from "child_process";
import { mkdirSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { dirname, join } from "path";
import { fileURLToPath } from "url";

const repo = join(dirname(fileURLToPath(import.meta.url)), "..");
const CLI = join(repo, "bin", "django-settings-hygiene.js");
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const WORK = join(tmpdir(), "dsh-bench-hostile");

/** One settings package `proj.settings` with the given modules, production selected by manage.py. */
function project(name, modules) {
  const dir = join(WORK, name);
  mkdirSync(join(dir, "proj", "settings"), { recursive: true });
  writeFileSync(join(dir, "manage.py"), 'import os\nos.environ.setdefault("DJANGO_SETTINGS_MODULE", "proj.settings.production")\n');
  writeFileSync(join(dir, "proj", "__init__.py"), "");
  writeFileSync(join(dir, "proj", "settings", "__init__.py"), "");
  for (const [file, text] of Object.entries(modules)) writeFileSync(join(dir, "proj", "settings", file), text);
  return dir;
}

const CASES = {
  "1 MB line of PEM headers": () => ({ "production.py": `X = "${"-----BEGIN PRIVATE KEY-----".repeat(38000)}"\n` }),
  '"{{" * 500000 as SECRET_KEY': () => ({ "production.py": `SECRET_KEY = "${"{{".repeat(500000)}"\n` }),
  '"${a:" * 200000 as SECRET_KEY': () => ({ "production.py": `SECRET_KEY = "${"${a:".repeat(200000)}"\n` }),
  "700 chained star-imports": () => {
    const m = { "production.py": "from .m0 import *\n" };
    for (let i = 0; i < 700; i++) m[`m${i}.py`] = (i + 1 < 700 ? `from .m${i + 1} import *\n` : "") + `X${i} = ${i}\n`;
    return m;
  },
  "200 modules importing each other": () => {
    const m = { "production.py": "from .m0 import *\n" };
    for (let i = 0; i < 200; i++) {
      let body = "";
      for (let j = 0; j < 200; j++) if (j !== i) body += `from .m${j} import *\n`;
      m[`m${i}.py`] = body + `X${i} = ${i}\n`;
    }
    return m;
  },
  "DATABASES with 16,000 passwords": () => {
    let body = "DATABASES = {\n";
    for (let i = 0; i < 16000; i++) body += `    "db${i}": {"PASSWORD": "p${i}Xq7vLr9sTz2Wm${i}"},\n`;
    return { "production.py": body + "}\n" };
  },
};

rmSync(WORK, { recursive: true, force: true });
console.log(`CLI wall time on hostile projects (median of ${RUNS}; min-max)`);
for (const [name, make] of Object.entries(CASES)) {
  const dir = project(name.replace(/[^A-Za-z0-9]+/g, "-"), make());
  const times = [];
  let status;
  for (let r = 0; r < RUNS; r++) {
    const t0 = performance.now();
    const res = spawnSync(process.execPath, [CLI, "audit", dir, "--format", "json"], { encoding: "utf8", maxBuffer: 1 << 30 });
    times.push(performance.now() - t0);
    status = res.status;
  }
  times.sort((a, b) => a - b);
  const s = (ms) => (ms / 1000).toFixed(2);
  console.log(`  ${name.padEnd(36)} ${s(times[Math.floor(times.length / 2)])} s  (${s(times[0])}-${s(times[times.length - 1])})  exit ${status}`);
}
rmSync(WORK, { recursive: true, force: true });
