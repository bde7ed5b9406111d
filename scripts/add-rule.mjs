// Scaffolds a new rule: its file, its table test and its line in the folder's index; `npm run docs` then writes its page.
//
//   node scripts/add-rule.mjs <checklist|deploy|secrets> <rule-id> [--check security.W0NN] [--severity warning]
//
// The files it writes do not pass the tests on purpose: the rule's check returns nothing and its table expects a
// finding on the bad case, so nothing lands before the check and its cases are written (see CONTRIBUTING.md).
import { existsSync, readFileSync, writeFileSync } from "fs";
import { dirname, join } from "path";
import { fileURLToPath } from "url";

const repo = join(dirname(fileURLToPath(import.meta.url)), "..");
const FOLDERS = { checklist: "CHECKLIST_RULES", deploy: "DEPLOY_RULES", secrets: "SECRET_RULES" };

function usage(message) {
  process.stderr.write(`${message}\nusage: node scripts/add-rule.mjs <${Object.keys(FOLDERS).join("|")}> <rule-id> [--check security.W0NN] [--severity error|warning|information|hint]\n`);
  process.exit(2);
}

const args = process.argv.slice(2);
const flag = (name) => {
  const i = args.indexOf(name);
  if (i < 0) return undefined;
  const value = args[i + 1];
  args.splice(i, 2);
  return value;
};
const check = flag("--check");
const severity = flag("--severity") ?? "warning";
const [folder, id] = args;
if (!folder || !(folder in FOLDERS)) usage(`unknown folder ${folder ?? "(none)"}`);
if (!id || !/^[a-z][a-z0-9]*(-[a-z0-9]+)+$/.test(id)) usage(`a rule id is kebab-case with at least two words: ${id ?? "(none)"}`);
if (!["error", "warning", "information", "hint"].includes(severity)) usage(`unknown severity ${severity}`);
if (check && !/^[a-z_]+\.[A-Z]\d{3}$/.test(check)) usage(`a Django check id looks like security.W004: ${check}`);

const name = id.replace(/-([a-z0-9])/g, (_, c) => c.toUpperCase());
const ruleFile = join(repo, "server", "src", "rules", folder, `${name}.ts`);
const testFile = join(repo, "test", "rules", folder, `${name}.test.ts`);
const indexFile = join(repo, "server", "src", "rules", folder, "index.ts");
for (const f of [ruleFile, testFile]) if (existsSync(f)) usage(`${f} exists already`);
const index = readFileSync(indexFile, "utf8");
if (index.includes(`"./${name}"`)) usage(`${indexFile} lists ${name} already`);

writeFileSync(
  ruleFile,
  `// ${folder === "deploy" ? "Deploy check" : folder === "secrets" ? "Secrets" : "Checklist"}: TODO one line on what ${id} finds.
import type { Rule } from "../types";

export const ${name}: Rule = {
  id: "${id}",
  djangoChecks: [${check ? JSON.stringify(check) : ""}],
  severity: "${severity}",
  // Which environment kinds the rule judges: ["production", "staging"] for deployed ones, or every kind.
  appliesTo: ["production", "staging"],
  docs: {
    summary: "TODO: what is wrong, in one line",
    why: "TODO: why it matters, what an attacker or an outage does with it",
    example: "TODO = 'the bad setting'",
    useInstead: "TODO = 'the good setting'",
    fixSafety: "TODO: safe or unsafe, and what the fix changes",
    versions: "TODO: the Django versions it applies to",
  },
  check(ctx) {
    // Read resolved settings with ctx.get("NAME"); return one result per problem with its place and a prepared fix.
    void ctx;
    return [];
  },
};
`,
);

writeFileSync(
  testFile,
  `// Rule table for ${id}: the bad case fires, the good case stays silent.
import { ruleTable } from "../../helpers/project";

const R = "${id}";

ruleTable(R, [
  { name: "TODO the bad case fires", production: "TODO = 'bad'\\n", expect: [R] },
  { name: "TODO the good case is silent", production: "TODO = 'good'\\n", expect: [] },
]);
`,
);

// The import among the others in alphabetical order, and the rule in the exported list.
const lines = index.split("\n");
const imports = lines.map((l, i) => [l, i]).filter(([l]) => /^import \{ \w+ \} from "\.\/\w+";$/.test(l));
const importLine = `import { ${name} } from "./${name}";`;
const after = imports.filter(([l]) => l < importLine).pop();
lines.splice(after ? after[1] + 1 : imports[0]?.[1] ?? 1, 0, importLine);
const listStart = lines.findIndex((l) => l.includes(`${FOLDERS[folder]}: readonly Rule[] = [`));
if (listStart < 0) usage(`${indexFile} has no ${FOLDERS[folder]} list`);
let at = listStart + 1;
while (lines[at] && /^\s+\w+,$/.test(lines[at]) && lines[at].trim() < `${name},`) at++;
lines.splice(at, 0, `  ${name},`);
writeFileSync(indexFile, lines.join("\n"));

process.stdout.write(
  [
    `wrote ${ruleFile.slice(repo.length + 1)}`,
    `wrote ${testFile.slice(repo.length + 1)}`,
    `listed ${name} in ${indexFile.slice(repo.length + 1)}`,
    "next: write the check and its cases, then `npm run docs` (docs page, package.json enums) and `npm run build && node scripts/test.mjs rules catalogue`",
    "",
  ].join("\n"),
);
