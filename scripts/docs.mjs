// Regenerates docs/rules/<id>.md and the rule-id list in package.json from the compiled rule catalogue (run `npm run docs`).
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "fs";
import { createRequire } from "module";
import { dirname, join } from "path";
import { fileURLToPath } from "url";

const require = createRequire(import.meta.url);
const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const { CATALOGUE } = require(join(root, "out/server/src/rules/catalogue.js"));
const { renderRuleDoc } = require(join(root, "out/server/src/docs/ruleDocs.js"));

const dir = join(root, "docs", "rules");
mkdirSync(dir, { recursive: true });
const wanted = new Set(CATALOGUE.map((r) => `${r.id}.md`));
for (const f of readdirSync(dir)) if (f.endsWith(".md") && f !== "README.md" && !wanted.has(f)) rmSync(join(dir, f));
for (const r of CATALOGUE) writeFileSync(join(dir, `${r.id}.md`), renderRuleDoc(r));
const index = ["# Rules", "", "| Rule | Django check | Severity | Environments | Summary |", "|---|---|---|---|---|"];
for (const r of CATALOGUE) index.push(`| [${r.id}](${r.id}.md) | ${r.djangoChecks.join(", ") || "–"} | ${r.severity} | ${r.appliesTo.join(", ")} | ${r.docs.summary}${r.scope && r.scope !== "environment" ? " (once per project)" : ""} |`);
writeFileSync(join(dir, "README.md"), index.join("\n") + "\n");

const pkgPath = join(root, "package.json");
const pkg = JSON.parse(readFileSync(pkgPath, "utf8"));
const props = pkg.contributes.configuration.properties;
const ids = CATALOGUE.map((r) => r.id);
props["djangoSettingsHygiene.disabledRules"].items = { type: "string", enum: ids };
props["djangoSettingsHygiene.severities"].propertyNames = { enum: ids };
writeFileSync(pkgPath, JSON.stringify(pkg, null, 2) + "\n");
console.log(`${CATALOGUE.length} rule pages written to docs/rules/; package.json rule ids updated`);
