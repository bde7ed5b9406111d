// Shared by the deploy checks' fixes: whether the settings themselves say the site is on HTTPS, and how HSTS starts.
import { truthy } from "../../resolve/values";
import type { RuleContext } from "../types";
import { isTrue } from "./conditions";

/**
 * True when the environment's own settings show the site is served over HTTPS: it redirects HTTP to HTTPS, sends HSTS,
 * or names the proxy header that marks a request as secure. Then a Secure cookie changes nothing for real visitors;
 * without that evidence a plain-HTTP deployment would lose its logins, so cookie fixes are unsafe.
 */
export function servedOverHttps(ctx: RuleContext): boolean {
  return isTrue(ctx.get("SECURE_SSL_REDIRECT").value) === true || truthy(ctx.get("SECURE_HSTS_SECONDS").value) === true || truthy(ctx.get("SECURE_PROXY_SSL_HEADER").value) === true;
}

/** HSTS starts small: browsers remember the header for its whole max-age, so a year in one step cannot be taken back. */
export const HSTS_START_SECONDS = "300";
export const HSTS_RAMP_COMMENT = "five minutes to start; raise to 3600, 86400, then 31536000 once every page and subdomain serves HTTPS";
/** What the preload list (hstspreload.org) requires of max-age. */
export const HSTS_PRELOAD_SECONDS = 31536000;
