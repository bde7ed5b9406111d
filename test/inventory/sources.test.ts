// Table over the documentation formats: every file kind must yield exactly the variables it documents, at their line and column, for Django or not.
import { strict as assert } from "node:assert";
import { test } from "node:test";
import { fileReader, scanDocumentation, walkTree } from "../../server/src/inventory/sources/index";
import { rel, writeTree, type Files } from "./helpers";

interface Row {
  name: string;
  files: Files;
  /** Variables the settings read: decides which compose services and containers run Django. */
  read?: string[];
  /** `NAME@file:line:column`, with ` (other)` for entries that configure another program. Order-insensitive. */
  entries: string[];
  consumed?: string[];
  open?: string[];
  notes?: number;
  /** `file (source, n)` for every documentation file. */
  files_?: string[];
}

const DEPLOYMENT = (container: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    spec:
${container}`;

const ROWS: Row[] = [
  {
    name: "dotenv: keys, export, quotes, a multi-line value, comments, a bare key",
    files: { ".env.example": '# comment\nA=1\nexport B="two"\n  C = 3\nD="line one\nNOT_A_KEY=x"\nE\nF= # empty\n\'G\'=q\n' },
    entries: ["A@.env.example:2:1", "B@.env.example:3:8", "C@.env.example:4:3", "D@.env.example:5:1", "E@.env.example:7:1", "F@.env.example:8:1", "G@.env.example:9:2"],
    files_: [".env.example (dotenv, 7)"],
  },
  { name: "dotenv: CRLF line endings and a byte-order mark", files: { ".env.sample": "\ufeffA=1\r\nB=2\r\n" }, entries: ["A@.env.sample:1:2", "B@.env.sample:2:1"] },
  { name: "dotenv: .env.template and .env.dist are documentation; .env and .env.local are not", files: { ".env.template": "T=1\n", ".env.dist": "U=1\n", ".env": "SECRET=1\n", ".env.local": "L=1\n" }, entries: ["T@.env.template:1:1", "U@.env.dist:1:1"] },
  {
    name: "compose: list form with and without values, map form, a Django service by build:",
    files: { "docker-compose.yml": "services:\n  web:\n    build: .\n    environment:\n      - A=1\n      - B\n  api:\n    build: ./api\n    environment:\n      C: 1\n      'D': x\n" },
    entries: ["A@docker-compose.yml:5:9", "B@docker-compose.yml:6:9", "C@docker-compose.yml:10:7", "D@docker-compose.yml:11:8"],
    files_: ["docker-compose.yml (compose, 4)"],
  },
  {
    name: "compose: an image-only service that runs no Django documents for another program",
    files: { "compose.yaml": "services:\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_PASSWORD: x\n" },
    entries: ["POSTGRES_PASSWORD@compose.yaml:5:7 (other)"],
  },
  {
    name: "compose: a Django command or a variable the settings read makes an image-only service Django's",
    files: { "docker-compose.prod.yml": "services:\n  worker:\n    image: shop\n    command: [celery, -A, shop, worker]\n    environment: [W=1]\n  cron:\n    image: shop\n    environment:\n      - DATABASE_URL\n      - OTHER=1\n" },
    read: ["DATABASE_URL"],
    entries: ["W@docker-compose.prod.yml:5:19", "DATABASE_URL@docker-compose.prod.yml:9:9", "OTHER@docker-compose.prod.yml:10:9"],
  },
  {
    name: "compose: anchors and merge keys are followed to where the name is written",
    files: { "docker-compose.yml": "x-env: &env\n  SHARED: 1\nservices:\n  web:\n    build: .\n    environment:\n      <<: *env\n      OWN: 2\n" },
    entries: ["SHARED@docker-compose.yml:2:3", "OWN@docker-compose.yml:8:7"],
  },
  {
    name: "compose: env_file as a string, a list and a map; missing required ones are open references",
    files: {
      "docker-compose.yml": "services:\n  web:\n    build: .\n    env_file:\n      - .envs/.django\n      - path: ./missing.env\n      - path: ./optional.env\n        required: false\n  job:\n    build: .\n    env_file: job.env\n",
      ".envs/.django": "DJANGO_A=1\nDJANGO_B=2\n",
      "job.env": "JOB=1\n",
    },
    entries: ["DJANGO_A@.envs/.django:1:1", "DJANGO_B@.envs/.django:2:1", "JOB@job.env:1:1"],
    open: ["docker-compose.yml:6:15 env_file ./missing.env of service web is not in the tree"],
    files_: ["docker-compose.yml (compose, 0)", ".envs/.django (dotenv, 2)", "job.env (dotenv, 1)"],
  },
  {
    name: "compose: ${VAR} interpolation anywhere consumes the variable ($$ escapes)",
    files: { "docker-compose.yml": "services:\n  web:\n    build: .\n    command: run --port ${PORT:-8000} $$HOME $WORKERS\n" },
    entries: [],
    consumed: ["PORT@docker-compose.yml:4:27", "WORKERS@docker-compose.yml:4:47"],
  },
  {
    name: "kubernetes: env names, envFrom ConfigMap keys across files with a prefix, a Secret's stringData",
    files: {
      "k8s/web.yaml": DEPLOYMENT(
        "      containers:\n        - name: django\n          image: shop\n          command: [gunicorn, shop.wsgi]\n          env:\n            - name: A\n              value: '1'\n          envFrom:\n            - configMapRef:\n                name: cfg\n            - prefix: P_\n              secretRef:\n                name: sec\n",
      ),
      "k8s/cfg.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\ndata:\n  B: x\n---\napiVersion: v1\nkind: Secret\nmetadata:\n  name: sec\nstringData:\n  C: y\n",
    },
    entries: ["A@k8s/web.yaml:13:21", "B@k8s/cfg.yaml:6:3", "P_C@k8s/cfg.yaml:13:3"],
    files_: ["k8s/cfg.yaml (kubernetes, 2)", "k8s/web.yaml (kubernetes, 1)"],
  },
  {
    name: "kubernetes: a missing ConfigMap is an open reference unless optional",
    files: {
      "deploy.yml": DEPLOYMENT(
        "      containers:\n        - name: django\n          image: shop\n          args: [python, manage.py, migrate]\n          envFrom:\n            - configMapRef:\n                name: gone\n            - secretRef:\n                name: maybe\n                optional: true\n",
      ),
    },
    entries: [],
    open: ["deploy.yml:14:23 envFrom ConfigMap gone of Deployment web is not in the tree"],
  },
  {
    name: "kubernetes: CronJob, StatefulSet and initContainers; a sidecar runs another program",
    files: {
      "jobs.yaml":
        "apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: nightly\nspec:\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          containers:\n            - name: c\n              image: shop\n              args: [python, manage.py, clearsessions]\n              env:\n                - name: CRON_ONLY\n---\napiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: s\nspec:\n  template:\n    spec:\n      initContainers:\n        - name: init\n          image: shop\n          command: [python, manage.py, migrate]\n          env:\n            - name: INIT_VAR\n      containers:\n        - name: exporter\n          image: prom/statsd-exporter\n          env:\n            - name: STATSD_PORT\n",
    },
    entries: ["CRON_ONLY@jobs.yaml:15:25", "INIT_VAR@jobs.yaml:29:21", "STATSD_PORT@jobs.yaml:34:21 (other)"],
  },
  {
    name: "kubernetes: other YAML (CI, OpenAPI) is not read; a broken document is a note",
    files: { ".github/workflows/ci.yml": "on: push\njobs:\n  t:\n    env:\n      CI_ONLY: 1\n", "k8s/bad.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata: [unclosed\n" },
    entries: [],
    notes: 1,
  },
  {
    name: "helm: env maps and lists in values.yaml beside Chart.yaml; subchart values are another program's",
    files: {
      "chart/Chart.yaml": "apiVersion: v2\nname: shop\ndependencies:\n  - name: redis\n  - name: postgresql\n    alias: db\n",
      "chart/values.yaml": "web:\n  env:\n    A: '1'\n  extraEnvVars:\n    - name: B\n      value: x\ndb:\n  primary:\n    extraEnv:\n      - name: PG_ONLY\nreplicas: 2\n",
      "chart/values-prod.yaml": "web:\n  environment:\n    C: prod\n",
      "values.yaml": "env:\n  NOT_A_CHART: 1\n",
    },
    entries: ["A@chart/values.yaml:3:5", "B@chart/values.yaml:5:13", "PG_ONLY@chart/values.yaml:10:15 (other)", "C@chart/values-prod.yaml:3:5"],
  },
  {
    name: "heroku: app.json env and environments.<name>.env",
    files: { "app.json": '{\n  "env": {\n    "SECRET_KEY": {"generator": "secret"},\n    "B": "1"\n  },\n  "environments": {"review": {"env": {"C": "x"}}}\n}\n' },
    entries: ["SECRET_KEY@app.json:3:6", "B@app.json:4:6", "C@app.json:6:40"],
  },
  {
    name: "procfile: inline assignments document, $VAR references consume",
    files: { Procfile: "web: DJANGO_SETTINGS_MODULE=shop.settings A='x y' gunicorn shop.wsgi -b 0.0.0.0:$PORT\nworker: env W=1 celery -A shop worker\n# c: X=1 cmd\n" },
    entries: ["DJANGO_SETTINGS_MODULE@Procfile:1:6", "A@Procfile:1:43", "W@Procfile:2:13"],
    consumed: ["PORT@Procfile:1:82"],
  },
  {
    // wger's extras/docker/demo/Dockerfile sets DJANGO_DB_ENGINE with ENV; ARG is gone when the container runs.
    name: "Dockerfile ENV, both forms and continuations; not ARG, not comments, not RUN",
    files: {
      Dockerfile: "FROM python:3.12\nARG BUILD_ONLY=1\nENV DJANGO_DB_ENGINE=django.db.backends.postgresql \\\n    DJANGO_DB_DATABASE=\"wger db\" PYTHONUNBUFFERED=1\nENV LEGACY_NAME some value\n# ENV COMMENTED=1\nRUN NOT_ENV=1 python manage.py check\n",
      "deploy/prod.Dockerfile": "FROM x\nenv LOWER=1\n",
      "docker/Dockerfile.web": "FROM x\nENV WEB_ONLY=1\n",
    },
    entries: ["DJANGO_DB_ENGINE@Dockerfile:3:5", "DJANGO_DB_DATABASE@Dockerfile:4:5", "PYTHONUNBUFFERED@Dockerfile:4:34", "LEGACY_NAME@Dockerfile:5:5", "LOWER@deploy/prod.Dockerfile:2:5", "WEB_ONLY@docker/Dockerfile.web:2:5"],
    files_: ["Dockerfile (dockerfile, 4)", "deploy/prod.Dockerfile (dockerfile, 1)", "docker/Dockerfile.web (dockerfile, 1)"],
  },
  {
    // pythondotorg's env_sample.
    name: "env_sample and its spellings are .env.example documents",
    files: { env_sample: "SECRET_KEY=\n", "a/.env_example": "A1=\n", "b/env-template": "B1=\n", "c/env_samples": "NOT_A_DOC=1\n" },
    entries: ["SECRET_KEY@env_sample:1:1", "A1@a/.env_example:1:1", "B1@b/env-template:1:1"],
  },
  {
    name: "render.yaml envVars, App Engine env_variables, fly.toml [env]",
    files: {
      "render.yaml": "services:\n  - type: web\n    name: shop\n    envVars:\n      - key: R1\n        value: x\n      - key: R2\n        sync: false\nenvVarGroups:\n  - name: shared\n    envVars:\n      - key: R3\n",
      "gae/app.yaml": "runtime: python312\nenv_variables:\n  G1: x\n",
      "other/app.yaml": "env_variables:\n  NOT_GAE: x\n",
      "fly.toml": 'app = "shop"\n[env]\n  F1 = "x"\n  "F2" = "y"\n[http_service]\n  F3 = 1\n',
    },
    entries: ["R1@render.yaml:5:14", "R2@render.yaml:7:14", "R3@render.yaml:12:14", "G1@gae/app.yaml:3:3", "F1@fly.toml:3:3", "F2@fly.toml:4:4"],
  },
];

for (const row of ROWS) {
  test(`documentation: ${row.name}`, () => {
    const dir = writeTree(row.files);
    const scan = scanDocumentation(dir, walkTree(dir), new Set(row.read ?? []), fileReader());
    const at = (l: { file: string; range: { start: { line: number; character: number } } }) => `${rel(dir, l.file)}:${l.range.start.line + 1}:${l.range.start.character + 1}`;
    assert.deepEqual(scan.entries.map((e) => `${e.variable}@${at(e.loc)}${e.forDjango ? "" : " (other)"}`).sort(), [...row.entries].sort(), "entries");
    if (row.consumed) assert.deepEqual(scan.consumed.map((c) => `${c.variable}@${at(c.loc)}`).sort(), [...row.consumed].sort(), "consumed");
    assert.deepEqual(scan.open.map((o) => `${at(o.loc)} ${o.message}`).sort(), [...(row.open ?? [])].sort(), "open references");
    assert.equal(scan.notes.length, row.notes ?? 0, `notes: ${scan.notes.map((n) => n.message).join("; ")}`);
    if (row.files_) assert.deepEqual(scan.files.map((f) => `${rel(dir, f.file)} (${f.source}, ${f.variables})`).sort(), [...row.files_].sort(), "files");
  });
}
