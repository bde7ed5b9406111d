// Resolver: imports that are optional by construction get an information note, not "this import would fail".
import assert from "node:assert/strict";
import { test } from "node:test";
import { lone, repr } from "./resolveHelpers";

const rows: Array<{ name: string; code: string; severity: "information" | "warning"; message: RegExp; x?: string }> = [
  { name: "with suppress(ImportError)", code: "from contextlib import suppress\nX = 1\nwith suppress(ImportError):\n    from .private import *\n    X = 2", severity: "information", message: /optional import of \.private skipped/, x: "1" },
  { name: "with contextlib.suppress(ModuleNotFoundError)", code: "import contextlib\nwith contextlib.suppress(ModuleNotFoundError):\n    from .private import *", severity: "information", message: /optional import/ },
  { name: "if os.path.exists(...)", code: 'import os\nif os.path.exists(os.path.join(os.path.dirname(__file__), "private.py")):\n    from .private import *', severity: "information", message: /runs only when the condition around it holds/ },
  { name: "with suppress(KeyError) does not make it optional", code: "from contextlib import suppress\nwith suppress(KeyError):\n    from .private import *", severity: "warning", message: /this import would fail/ },
  { name: "an unconditional import still would fail", code: "from .private import *", severity: "warning", message: /this import would fail/ },
];

for (const row of rows) {
  test(`optional import: ${row.name}`, async () => {
    const env = await lone(row.code + "\n");
    const notes = env.notes.filter((n) => /private/.test(n.message));
    assert.equal(notes.length, 1, JSON.stringify(env.notes.map((n) => n.message)));
    assert.equal(notes[0].severity, row.severity);
    assert.match(notes[0].message, row.message);
    if (row.x) assert.equal(repr(env, "X"), row.x, "the body stops at the failed import");
  });
}
