// Keeps the rule catalogue, the rule files, their tests, the docs pages and package.json in step (read with ts-morph).
import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { test } from "node:test";
import { Project, SyntaxKind } from "ts-morph";
import { renderRuleDoc } from "../../server/src/docs/ruleDocs";
import { CATALOGUE } from "../../server/src/rules/catalogue";

const REPO = path.resolve(__dirname, "..", "..", "..");
const RULE_DIRS = ["deploy", "secrets", "checklist", "project"];
/** The declared types a rule file may export: a per-environment Rule, or a ProjectRule run by a project-wide pass. */
const RULE_TYPES = new Set(["Rule", "ProjectRule"]);
/** Files in the rule folders that hold helpers, not rules. */
const HELPERS = new Set(["index.ts", "conditions.ts", "secretKeyStrength.ts"]);

interface RuleFile {
  dir: string;
  file: string;
  ids: string[];
  header: string;
}

function ruleFiles(): RuleFile[] {
  const project = new Project({ skipAddingFilesFromTsConfig: true, compilerOptions: { allowJs: false } });
  const out: RuleFile[] = [];
  for (const dir of RULE_DIRS) {
    const abs = path.join(REPO, "server", "src", "rules", dir);
    if (!fs.existsSync(abs)) continue;
    for (const file of fs.readdirSync(abs).filter((f) => f.endsWith(".ts")).sort()) {
      const sf = project.addSourceFileAtPath(path.join(abs, file));
      const ids: string[] = [];
      for (const v of sf.getVariableDeclarations()) {
        if (!v.isExported() || !RULE_TYPES.has(v.getTypeNode()?.getText() ?? "")) continue;
        const init = v.getInitializerIfKind(SyntaxKind.ObjectLiteralExpression);
        const idProp = init?.getProperty("id")?.asKind(SyntaxKind.PropertyAssignment);
        const lit = idProp?.getInitializerIfKind(SyntaxKind.StringLiteral);
        if (lit) ids.push(lit.getLiteralValue());
      }
      out.push({ dir, file, ids, header: sf.getFullText().split("\n")[0] });
    }
  }
  return out;
}

const files = ruleFiles();

test("every rule file declares exactly one exported Rule, and every one is in the catalogue", () => {
  const catalogue = new Set(CATALOGUE.map((r) => r.id));
  const declared: string[] = [];
  for (const f of files) {
    if (HELPERS.has(f.file) || f.file.endsWith("Helpers.ts")) continue;
    assert.equal(f.ids.length, 1, `${f.dir}/${f.file} should export exactly one Rule, found ${f.ids.length}`);
    assert.ok(catalogue.has(f.ids[0]), `${f.ids[0]} (${f.dir}/${f.file}) is not in the catalogue`);
    declared.push(f.ids[0]);
  }
  for (const id of catalogue) assert.ok(declared.includes(id), `${id} is in the catalogue but no rule file declares it`);
  assert.equal(new Set(declared).size, declared.length, "rule ids are unique");
});

test("every rule file starts with a header comment and has a table test beside it", () => {
  for (const f of files) {
    assert.match(f.header, /^\/\/ \S/, `${f.dir}/${f.file} needs a one-line header comment`);
    if (HELPERS.has(f.file) || f.file.endsWith("Helpers.ts")) continue;
    const testFile = path.join(REPO, "test", "rules", f.dir, f.file.replace(/\.ts$/, ".test.ts"));
    assert.ok(fs.existsSync(testFile), `missing ${path.relative(REPO, testFile)}`);
  }
});

test("docs/rules/<id>.md matches each rule's metadata (run `npm run docs` after changing a rule)", () => {
  for (const rule of CATALOGUE) {
    const page = path.join(REPO, "docs", "rules", `${rule.id}.md`);
    assert.ok(fs.existsSync(page), `missing docs/rules/${rule.id}.md`);
    assert.equal(fs.readFileSync(page, "utf8"), renderRuleDoc(rule), `docs/rules/${rule.id}.md is stale`);
    for (const key of ["summary", "why", "example", "useInstead", "fixSafety", "versions"] as const) {
      assert.ok(rule.docs[key].trim().length > 0, `${rule.id} has empty docs.${key}`);
    }
  }
});

test("package.json lists exactly the catalogue's rule ids for disabledRules and severities", () => {
  const pkg = JSON.parse(fs.readFileSync(path.join(REPO, "package.json"), "utf8"));
  const props = pkg.contributes.configuration.properties;
  const ids = CATALOGUE.map((r) => r.id);
  assert.deepEqual(props["djangoSettingsHygiene.disabledRules"].items.enum, ids);
  assert.deepEqual(props["djangoSettingsHygiene.severities"].propertyNames.enum, ids);
});

test("every rule id the code can emit is in the catalogue (string literals and constants given to `rule:`)", () => {
  const project = new Project({ tsConfigFilePath: path.join(REPO, "tsconfig.json"), skipAddingFilesFromTsConfig: true });
  project.addSourceFilesAtPaths(path.join(REPO, "server", "src", "**", "*.ts"));
  const catalogue = new Set(CATALOGUE.map((r) => r.id));
  const emitted = new Set<string>();
  for (const sf of project.getSourceFiles()) {
    for (const prop of sf.getDescendantsOfKind(SyntaxKind.PropertyAssignment)) {
      if (prop.getName() !== "rule") continue;
      const init = prop.getInitializer();
      let value: string | undefined;
      if (init?.isKind(SyntaxKind.StringLiteral)) value = init.getLiteralValue();
      else if (init?.isKind(SyntaxKind.Identifier)) {
        const decl = init.getSymbol()?.getDeclarations()[0];
        const lit = decl?.isKind(SyntaxKind.VariableDeclaration) ? decl.getInitializerIfKind(SyntaxKind.StringLiteral) : undefined;
        value = lit?.getLiteralValue();
      }
      if (value === undefined) continue;
      emitted.add(value);
      assert.ok(catalogue.has(value), `${path.relative(REPO, sf.getFilePath())}:${prop.getStartLineNumber()} emits rule "${value}", which is not in the catalogue`);
    }
  }
  // The check must see the project-wide checks' literal ids, or it proves nothing.
  for (const id of ["env-undocumented", "env-unused", "unused-waiver"]) assert.ok(emitted.has(id), `no \`rule: "${id}"\` found: the scan is broken`);
});
