// django-cors-headers' effective settings: the current names win over the pre-3.5 names, as its conf module reads them.
import type { ResolvedSetting } from "../../resolve/environment";
import { truthy } from "../../resolve/values";
import type { RuleContext } from "../types";
import { middlewareHas } from "./checklistHelpers";

export const CORS_MW = "corsheaders.middleware.CorsMiddleware";

/** True when CorsMiddleware is certainly on; undefined when MIDDLEWARE may or may not hold it. */
export function corsOn(ctx: RuleContext): boolean | undefined {
  return middlewareHas(ctx, CORS_MW);
}

/** `getattr(settings, NEW, getattr(settings, OLD, default))`: the setting that decides, or undefined when neither is set. */
export function corsSetting(ctx: RuleContext, current: string, old: string): ResolvedSetting | undefined {
  const a = ctx.get(current);
  if (!a.isDefault) return a;
  const b = ctx.get(old);
  return b.isDefault ? undefined : b;
}

/** The allow-all setting when it is on (truthy, as django-cors-headers tests it). */
export function allowAllOn(ctx: RuleContext): ResolvedSetting | undefined {
  const s = corsSetting(ctx, "CORS_ALLOW_ALL_ORIGINS", "CORS_ORIGIN_ALLOW_ALL");
  return s && truthy(s.value) === true ? s : undefined;
}

export function credentialsOn(ctx: RuleContext): ResolvedSetting | undefined {
  const s = ctx.get("CORS_ALLOW_CREDENTIALS");
  return !s.isDefault && truthy(s.value) === true ? s : undefined;
}
