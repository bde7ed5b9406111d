// package.json's editor contributions hold together: each command is registered by the client, settings that can
// differ per folder are resource-scoped, the walkthrough's pictures exist and are packed into the .vsix.
import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { test } from "node:test";
import { REPO } from "./client";

interface Contributes {
  commands: Array<{ command: string }>;
  configuration: { properties: Record<string, { scope?: string; enum?: string[] }> };
  walkthroughs: Array<{ steps: Array<{ id: string; description: string; media: { image?: string }; completionEvents?: string[] }> }>;
}
const contributes = (JSON.parse(fs.readFileSync(path.join(REPO, "package.json"), "utf8")) as { contributes: Contributes }).contributes;
const client = fs.readdirSync(path.join(REPO, "client", "src")).map((f) => fs.readFileSync(path.join(REPO, "client", "src", f), "utf8")).join("\n");

test("every contributed command is registered by the client", () => {
  for (const { command } of contributes.commands) assert.ok(client.includes(`registerCommand("${command}"`), `${command} is contributed but not registered`);
});

test("settings are per folder except the server-wide ones; trace.server has LSP's levels", () => {
  const props = contributes.configuration.properties;
  const windowScoped = ["djangoSettingsHygiene.debounceMs", "djangoSettingsHygiene.trace.server"];
  for (const [key, p] of Object.entries(props)) assert.equal(p.scope, windowScoped.includes(key) ? "window" : "resource", key);
  assert.deepEqual(props["djangoSettingsHygiene.trace.server"].enum, ["off", "messages", "verbose"]);
});

test("the walkthrough opens the audit, its pictures exist and the .vsix carries them", () => {
  const steps = contributes.walkthroughs.flatMap((w) => w.steps);
  assert.ok(steps.some((s) => s.description.includes("(command:djangoSettingsHygiene.auditProductionSettings)")));
  const ignore = fs.readFileSync(path.join(REPO, ".vscodeignore"), "utf8").split("\n");
  for (const s of steps) {
    assert.ok(s.media.image, `step ${s.id} has no picture`);
    assert.ok(fs.existsSync(path.join(REPO, s.media.image)), `${s.media.image} is missing: npm run test:e2e takes it`);
    assert.ok(ignore.includes(`!${s.media.image}`), `${s.media.image} is not taken back into the .vsix by .vscodeignore`);
  }
});
