// Resolver: `name := value` binds the name before the rest of the test or statement reads it (healthchecks' envsecret).
import assert from "node:assert/strict";
import { test } from "node:test";
import { auditFiles } from "../helpers/project";
import { lone, repr } from "./resolveHelpers";

const rows: Array<{ name: string; code: string; setting: string; want: string }> = [
  { name: "an if test on an unset variable takes the else branch", code: 'import os\nif v := os.getenv("DEBUG"):\n    DEBUG = v == "True"\nelse:\n    DEBUG = True', setting: "DEBUG", want: "True" },
  { name: "the bound name is the value", code: 'import os\nif (hosts := os.getenv("HOSTS", "a.example.com")) is not None:\n    ALLOWED_HOSTS = hosts.split(",")', setting: "ALLOWED_HOSTS", want: "['a.example.com']" },
  { name: "the name stays bound after the if", code: 'import os\nif (port := int(os.getenv("PORT", "587"))) > 0:\n    pass\nEMAIL_PORT = port', setting: "EMAIL_PORT", want: "587" },
  { name: "in an assignment's value", code: "X = (y := 5) + 1\nY = y", setting: "Y", want: "5" },
  { name: "nested: the inner one first", code: "X = (a := (b := 2) * 3)\nA = a\nB = b", setting: "B", want: "2" },
  { name: "in a call statement's argument", code: "L = []\nL.append(n := 4)\nN = n", setting: "N", want: "4" },
  { name: "inside a helper function", code: 'import os\ndef secret(s, default=None):\n    if path := os.getenv(s + "_FILE"):\n        return open(path).read()\n    return os.getenv(s, default)\nKEY = secret("KEY", "fallback")', setting: "KEY", want: "'fallback'" },
  // Python binds a comprehension's := in the enclosing scope, and evaluates left to right.
  { name: "from inside a comprehension, in the enclosing scope", code: 'W = "a"\nX = [W for v in ["b"] if (W := v)]\nW2 = W', setting: "W2", want: "'b'" },
  { name: "from inside a comprehension the analysis does not follow: unknown", code: 'import os\nW = "a"\nX = [W for v in os.environ["LIST"].split(",") if (W := v)]\nW2 = W', setting: "W2", want: "<unknown>" },
  { name: "the old value is read before the := on its right", code: "y = 1\nX = y + (y := 5)", setting: "X", want: "6" },
];

for (const row of rows) {
  test(`walrus: ${row.name}`, async () => {
    const env = await lone(row.code + "\n");
    assert.equal(repr(env, row.setting), row.want);
  });
}

test("walrus: a helper that tests NAME_FILE with := still has its default judged (weak-secret-key)", async () => {
  const settings = [
    "import os",
    "def envsecret(s, default=None):",
    '    if secret_path := os.getenv(s + "_FILE"):',
    "        with open(secret_path) as f:",
    "            return f.read()",
    "    return os.getenv(s, default)",
    'SECRET_KEY = envsecret("SECRET_KEY", "---")',
    "",
  ].join("\n");
  const a = await auditFiles({ "proj/__init__.py": "", "proj/settings.py": settings, "manage.py": 'import os\nos.environ.setdefault("DJANGO_SETTINGS_MODULE", "proj.settings")\n', "requirements.txt": "Django==4.2\n" }, { djangoVersion: "4.2" });
  const weak = a.findings.filter((f) => f.rule === "weak-secret-key");
  assert.equal(weak.length, 1, a.findings.map((f) => `${f.rule}: ${f.message}`).join("\n"));
  assert.match(weak[0].message, /only 3 characters .* whenever SECRET_KEY and SECRET_KEY_FILE are unset/);
});
