// The .env.example the inventory action writes for examples/mysite still works when copied to .env (Django 3.2 oracle).
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { test } from "node:test";
import { pathToFileURL } from "node:url";
import { applyTextEdits } from "../../server/src/fixes/apply";
import { rangeOfOffsets } from "../../server/src/fixes/literal";
import { addMissingVariablesAction } from "../../server/src/lsp/envInventory";
import { copyExample, requireDjango, settingRepr } from "../helpers/django";
import { sharedEngine } from "../helpers/project";

const PROD = "mysite.settings.production";

/** examples/mysite with the action's entries appended to its .env.example; the resulting text. */
async function withMissingVariables(dir: string): Promise<string> {
  const file = path.join(dir, ".env.example");
  const audit = (await sharedEngine()).audit(dir);
  const action = addMissingVariablesAction(pathToFileURL(file).toString(), audit);
  assert.ok(action, "the action is offered in .env.example");
  const [edit] = Object.values(action.edit!.changes!)[0];
  const text = fs.readFileSync(file, "utf8");
  // The action's edit is an insertion at the end of the file.
  assert.deepEqual(edit.range.start, edit.range.end);
  const after = applyTextEdits(text, [{ file, range: rangeOfOffsets(text, text.length, text.length), newText: edit.newText }]);
  fs.writeFileSync(file, after);
  return after;
}

test(".env.example for mysite: required names empty, defaults commented out with their value, no secret values", async () => {
  const dir = copyExample("mysite");
  const text = await withMissingVariables(dir);
  const lines = text.split("\n");
  assert.ok(lines.includes("EMAIL_HOST_PASSWORD="), "required: an empty entry to fill in");
  assert.ok(lines.includes("# POSTGRES_PORT=5432"), "defaulted int: commented out with its default");
  assert.ok(lines.includes("# DJANGO_SECURE_SSL_REDIRECT=True"), "defaulted bool: commented out, as env.bool reads it back");
  assert.ok(lines.includes("# DJANGO_CSRF_TRUSTED_ORIGINS="), "an empty list default");
  // No entry of a variable that has a default is live: copied to .env it would override the default.
  for (const l of lines.filter((x) => /^[A-Z_]+=/.test(x))) assert.ok(["DJANGO_DEBUG=False", "DJANGO_ALLOWED_HOSTS=mysite.example.com", "POSTGRES_HOST=db", "EMAIL_HOST_PASSWORD="].includes(l), l);
  // Every line the action added is a comment or a required name.
  assert.match(lines[lines.findIndex((l) => l === "EMAIL_HOST_PASSWORD=") - 1], /^# read by EMAIL_HOST_PASSWORD \(required in mysite\.settings\.production\)$/);
});

test(".env.example for mysite copied to .env: production keeps SECURE_SSL_REDIRECT True and an int port", async (t) => {
  if (!requireDjango(t)) return;
  const dir = copyExample("mysite");
  await withMissingVariables(dir);
  fs.copyFileSync(path.join(dir, ".env.example"), path.join(dir, ".env"));
  // base.py reads BASE_DIR / ".env" with django-environ, as `cp .env.example .env` would have it.
  assert.equal(settingRepr(dir, PROD, "(settings.SECURE_SSL_REDIRECT, settings.DATABASES['default']['PORT'], settings.DEBUG)"), "(True, 5432, False)");
});
