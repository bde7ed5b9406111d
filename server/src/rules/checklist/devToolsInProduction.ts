// Checklist: development tools (debug toolbar, django-extensions, silk, browser reload, runserver_plus) in a deployed environment.
import { removeItem } from "../../fixes/literal";
import type { Value } from "../../resolve/values";
import type { ResolvedSetting } from "../../resolve/environment";
import type { Fix, Rule, RuleContext, RuleResult } from "../types";
import { DEPLOYED, presentItems } from "./checklistHelpers";

const DEV_APPS: Record<string, string> = {
  debug_toolbar: "django-debug-toolbar shows SQL, settings and request data in the page",
  django_extensions: "django-extensions brings runserver_plus (the Werkzeug debugger runs arbitrary code) and shell_plus",
  silk: "django-silk records every request and response, bodies included, in the database",
  django_browser_reload: "django-browser-reload keeps a connection open per page to reload it on code changes",
};

const DEV_MIDDLEWARE: Record<string, string> = {
  "debug_toolbar.middleware.DebugToolbarMiddleware": "debug_toolbar",
  "silk.middleware.SilkyMiddleware": "silk",
  "django_browser_reload.middleware.BrowserReloadMiddleware": "django_browser_reload",
};

export const devToolsInProduction: Rule = {
  id: "dev-tools-in-production",
  djangoChecks: [],
  severity: "warning",
  appliesTo: DEPLOYED,
  docs: {
    summary: "Development tools are installed in a deployed environment",
    why: "The debug toolbar, django-extensions, django-silk and django-browser-reload are built for a developer's machine: they expose SQL, settings and request bodies, record traffic, or (runserver_plus's Werkzeug debugger) run arbitrary code for whoever reaches them. They also slow every request. Settings for runserver_plus (RUNSERVER_PLUS_*) in a deployed module suggest the development server is what runs there.",
    example: 'INSTALLED_APPS += ["debug_toolbar", "django_extensions"]\nMIDDLEWARE += ["debug_toolbar.middleware.DebugToolbarMiddleware"]',
    useInstead: "# in development.py only\nINSTALLED_APPS += [\"debug_toolbar\", \"django_extensions\"]",
    fixSafety: "unsafe: removes the entry from a list literal in the environment's own module; a urls.py that includes the tool's URLs must change too. No fix for entries inherited from a shared module, which development also uses.",
    versions: "All versions.",
  },
  check(ctx) {
    const out: RuleResult[] = [];
    const apps = ctx.get("INSTALLED_APPS");
    for (const item of presentItems(apps.value)) {
      if (item.k !== "str") continue;
      const app = Object.keys(DEV_APPS).find((a) => item.v === a || item.v.startsWith(a + ".apps."));
      if (!app) continue;
      out.push(result(ctx, apps, item, `INSTALLED_APPS has ${item.v}: ${DEV_APPS[app]}`));
    }
    const mw = ctx.get("MIDDLEWARE");
    for (const item of presentItems(mw.value)) {
      if (item.k !== "str" || !(item.v in DEV_MIDDLEWARE)) continue;
      out.push(result(ctx, mw, item, `MIDDLEWARE has ${item.v.split(".").pop()}: ${DEV_APPS[DEV_MIDDLEWARE[item.v]]}`));
    }
    for (const [name] of ctx.env.settings) {
      if (!name.startsWith("RUNSERVER_PLUS_")) continue;
      const s = ctx.get(name);
      out.push({ message: `${name} configures runserver_plus, the development server with the Werkzeug debugger: it must not be what serves this environment`, setting: name, subject: s, value: s.value });
    }
    return out;
  },
};

function result(ctx: RuleContext, s: ResolvedSetting, item: Value & { k: "str" }, message: string): RuleResult {
  return { message, setting: s.name, subject: s, at: item.loc, value: item, fix: removal(ctx, item) };
}

function removal(ctx: RuleContext, item: Value & { k: "str" }): Fix | undefined {
  if (!item.loc || item.loc.file !== ctx.env.file) return undefined;
  const model = ctx.module(item.loc.file);
  const edit = model && removeItem(model, item.loc);
  return edit && { title: `Remove ${item.v}`, safety: "unsafe", edits: [edit] };
}
