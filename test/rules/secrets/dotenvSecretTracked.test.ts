// Table for dotenv-secret-tracked: which .env files git would commit, what counts as a secret in them, and templates.
import assert from "node:assert/strict";
import * as path from "node:path";
import { test } from "node:test";
import { auditFiles } from "../../helpers/project";
import { leaks } from "../../../server/src/secrets/mask";
import { ALNUM, fake, rand, scrub } from "../../secrets/planted";

const KEY = fake(rand("dst-key", 50, ALNUM));
const PW = fake(rand("dst-pw", 18, ALNUM));
const secrets = [KEY, PW];

interface Row {
  name: string;
  files: Record<string, string>;
  /** "file:line" of each finding. */
  expect: string[];
  fixable?: boolean;
}

const rows: Row[] = [
  { name: "an untracked .env with a key", files: { ".env": `DJANGO_SECRET_KEY=${KEY}\nDEBUG=False\n` }, expect: [".env:1"], fixable: true },
  { name: "export, quotes and a URL password", files: { ".env": `export SECRET_KEY="${KEY}"\nDATABASE_URL='postgres://shop:${PW}@db/shop' # prod\n` }, expect: [".env:1", ".env:2"] },
  { name: "covered by .gitignore", files: { ".env": `DJANGO_SECRET_KEY=${KEY}\n`, ".gitignore": "*.pyc\n.env\n" }, expect: [] },
  { name: "covered by a pattern", files: { "deploy/prod.env": `DB_PASSWORD=${PW}\n`, ".gitignore": "*.env\n" }, expect: [] },
  { name: "re-included by a negation", files: { ".env.production": `DB_PASSWORD=${PW}\n`, ".gitignore": ".env*\n!.env.production\n" }, expect: [".env.production:1"] },
  { name: "a nested .gitignore", files: { "deploy/.env": `DB_PASSWORD=${PW}\n`, "deploy/.gitignore": ".env\n" }, expect: [] },
  { name: "an ignored directory", files: { "secrets/.env": `DB_PASSWORD=${PW}\n`, ".gitignore": "secrets/\n" }, expect: [] },
  { name: "a template with a real value", files: { ".env.example": `DJANGO_SECRET_KEY=${KEY}\nDEBUG=\n` }, expect: [".env.example:1"], fixable: true },
  { name: "near miss: placeholders only", files: { ".env": "DJANGO_SECRET_KEY=changeme\nDATABASE_URL=postgres://postgres:postgres@localhost/app\nEMAIL_HOST_PASSWORD=\nAPI_TOKEN=${API_TOKEN}\n" }, expect: [] },
  { name: "near miss: .envrc is not a dotenv file", files: { ".envrc": `export DJANGO_SECRET_KEY=${KEY}\n` }, expect: [] },
  // saleor's .devcontainer/backend.env: a dev container's own database and key, which exist only inside it.
  { name: "near miss: a dev container's stand-ins", files: { ".devcontainer/backend.env": "DATABASE_URL=postgres://saleor:saleor@db/saleor\nSECRET_KEY=changeme-devcontainer\n" }, expect: [] },
  { name: "a dev container's long random key is still one", files: { ".devcontainer/backend.env": `SECRET_KEY=${KEY}\nDATABASE_URL=postgres://saleor:saleor@db/saleor\n` }, expect: [".devcontainer/backend.env:1"] },
  { name: "the same short password outside a dev container is reported", files: { "deploy/backend.env": "DATABASE_URL=postgres://saleor:s4le0rDb@db/saleor\n" }, expect: ["deploy/backend.env:1"] },
  // DefectDojo's and plane's compose files: a plain `docker compose up` deploys with the committed default.
  { name: "compose: a ${VAR:-default} key in a service that runs Django", files: { "docker-compose.yml": `services:\n  web:\n    command: gunicorn proj.wsgi\n    environment:\n      DJANGO_SECRET_KEY: \${DJANGO_SECRET_KEY:-${KEY}}\n      DEBUG: "False"\n` }, expect: ["docker-compose.yml:5"] },
  { name: "compose: list form, a literal URL password", files: { "compose.yaml": `services:\n  app:\n    command: python manage.py migrate\n    environment:\n      - DATABASE_URL=postgres://shop:${PW}@db/shop\n` }, expect: ["compose.yaml:5"] },
  { name: "near miss: compose interpolation without a default commits nothing", files: { "docker-compose.yml": "services:\n  web:\n    command: gunicorn proj.wsgi\n    environment:\n      DJANGO_SECRET_KEY: ${DJANGO_SECRET_KEY}\n      DATABASE_URL: ${DATABASE_URL:?set it}\n" }, expect: [] },
  { name: "near miss: a service that does not run Django", files: { "docker-compose.yml": `services:\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_PASSWORD: ${PW}\n` }, expect: [] },
  { name: "near miss: a local compose file's short stand-in", files: { "docker-compose.dev.yml": "services:\n  web:\n    command: python manage.py runserver\n    environment:\n      DATABASE_URL: postgres://shop:shop2024@db/shop\n" }, expect: [] },
  { name: "a local compose file's long random key is still one", files: { "docker-compose.dev.yml": `services:\n  web:\n    command: python manage.py runserver\n    environment:\n      DJANGO_SECRET_KEY: "${KEY}"\n` }, expect: ["docker-compose.dev.yml:5"] },
  { name: "compose: a waiver on the line", files: { "docker-compose.yml": `services:\n  web:\n    command: gunicorn proj.wsgi\n    environment:\n      DJANGO_SECRET_KEY: \${DJANGO_SECRET_KEY:-${KEY}} # dsh: ignore[dotenv-secret-tracked]\n` }, expect: [] },
  { name: "a waiver on the line", files: { ".env": `DJANGO_SECRET_KEY=${KEY} # dsh: ignore[dotenv-secret-tracked]\n` }, expect: [] },
];

for (const row of rows) {
  test(`dotenv-secret-tracked: ${row.name}`, async () => {
    const audit = await auditFiles({ "proj/__init__.py": "", "proj/settings.py": "DEBUG = False\n", ...row.files });
    const mine = audit.findings.filter((f) => f.rule === "dotenv-secret-tracked");
    const where = mine.map((f) => `${path.relative(audit.dir, f.location.file).split(path.sep).join("/")}:${f.location.range.start.line + 1}`).sort();
    assert.deepEqual(where, [...row.expect].sort(), scrub(`${row.name}: ${mine.map((f) => f.message).join(" | ")}`));
    for (const f of audit.findings) for (const s of secrets) assert.ok(!leaks(f.message, s), `${row.name}: a message shows a secret`);
    if (row.fixable !== undefined) for (const f of mine) assert.equal(f.fix !== undefined, row.fixable, `${row.name}: fixable`);
    for (const f of mine) assert.equal(f.environment, path.basename(audit.dir), "filed under the project's name");
  });
}
