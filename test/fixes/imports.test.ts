// Import insertion: after the docstring, after `from __future__` imports, after header comments, and in a module with no imports at all.
import assert from "node:assert/strict";
import { test } from "node:test";
import { applyTextEdits } from "../../server/src/fixes/apply";
import { importEdit } from "../../server/src/fixes/imports";
import { parseModule } from "../../server/src/parse/parseModule";
import { sharedEngine } from "../helpers/project";

const cases: Array<{ name: string; before: string; after: string }> = [
  { name: "docstring, blank line, code", before: '"""Doc."""\n\nDEBUG = False\n', after: '"""Doc."""\n\nimport os\n\nDEBUG = False\n' },
  { name: "docstring directly followed by code", before: '"""Doc."""\nDEBUG = False\n', after: '"""Doc."""\n\nimport os\n\nDEBUG = False\n' },
  { name: "docstring directly followed by imports", before: '"""Doc."""\nimport sys\n', after: '"""Doc."""\nimport os\nimport sys\n' },
  { name: "docstring, blank line, imports", before: '"""Doc."""\n\nfrom pathlib import Path\n', after: '"""Doc."""\n\nimport os\nfrom pathlib import Path\n' },
  { name: "multi-line docstring", before: '"""Settings.\n\nMore words.\n"""\n\nDEBUG = False\n', after: '"""Settings.\n\nMore words.\n"""\n\nimport os\n\nDEBUG = False\n' },
  { name: "docstring only, no newline at the end", before: '"""Doc."""', after: '"""Doc."""\n\nimport os\n' },
  { name: "__future__ import, blank line, code", before: "from __future__ import annotations\n\nDEBUG = False\n", after: "from __future__ import annotations\n\nimport os\n\nDEBUG = False\n" },
  { name: "docstring then __future__", before: '"""Doc."""\nfrom __future__ import annotations\nimport sys\n', after: '"""Doc."""\nfrom __future__ import annotations\nimport os\nimport sys\n' },
  { name: "no imports at all", before: "DEBUG = False\n", after: "import os\n\nDEBUG = False\n" },
  { name: "existing imports first", before: "from pathlib import Path\n\nDEBUG = False\n", after: "import os\nfrom pathlib import Path\n\nDEBUG = False\n" },
  { name: "header comment block", before: "# Settings for the shop.\n\nDEBUG = False\n", after: "# Settings for the shop.\n\nimport os\n\nDEBUG = False\n" },
  { name: "shebang and coding line stay first", before: "#!/usr/bin/env python\n# -*- coding: utf-8 -*-\nfrom .base import *\n", after: "#!/usr/bin/env python\n# -*- coding: utf-8 -*-\nimport os\nfrom .base import *\n" },
  { name: "empty module", before: "", after: "import os\n" },
  { name: "CRLF line endings", before: '"""Doc."""\r\n\r\nDEBUG = False\r\n', after: '"""Doc."""\r\n\r\nimport os\r\n\r\nDEBUG = False\r\n' },
];

for (const c of cases) {
  test(`import insertion: ${c.name}`, async () => {
    const engine = await sharedEngine();
    const { model } = parseModule(engine.parser, "/virtual/settings.py", c.before);
    const after = applyTextEdits(c.before, [importEdit(model, "import os")]);
    assert.equal(after, c.after);
    const reparsed = parseModule(engine.parser, "/virtual/settings.py", after).model;
    assert.equal(reparsed.syntaxErrors.length, 0, "still parses");
    assert.ok(reparsed.importedModules.includes("os"), "os is imported");
  });
}
