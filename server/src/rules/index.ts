// The rule catalogue: every rule, sorted by id. Everything else (runner, docs, package.json check) reads this list.
import { allowedHostsEmpty } from "./deploy/allowedHostsEmpty";
import { cacheLocationExposed } from "./deploy/cacheLocationExposed";
import { contentTypeNosniffOff } from "./deploy/contentTypeNosniffOff";
import { coopInvalid } from "./deploy/coopInvalid";
import { csrfCookieNotSecure } from "./deploy/csrfCookieNotSecure";
import { csrfMiddlewareMissing } from "./deploy/csrfMiddlewareMissing";
import { debugEnabled } from "./deploy/debugEnabled";
import { hashingAlgorithmInvalid } from "./deploy/hashingAlgorithmInvalid";
import { hstsNotSet } from "./deploy/hstsNotSet";
import { hstsPreloadOff } from "./deploy/hstsPreloadOff";
import { hstsSubdomainsOff } from "./deploy/hstsSubdomainsOff";
import { referrerPolicyInvalid } from "./deploy/referrerPolicyInvalid";
import { referrerPolicyUnset } from "./deploy/referrerPolicyUnset";
import { securityMiddlewareMissing } from "./deploy/securityMiddlewareMissing";
import { sessionCookieNotHttponly } from "./deploy/sessionCookieNotHttponly";
import { sessionCookieNotSecure } from "./deploy/sessionCookieNotSecure";
import { sslRedirectOff } from "./deploy/sslRedirectOff";
import { weakSecretKey } from "./deploy/weakSecretKey";
import { weakSecretKeyFallback } from "./deploy/weakSecretKeyFallback";
import { xframeMiddlewareMissing } from "./deploy/xframeMiddlewareMissing";
import { xframeNotDeny } from "./deploy/xframeNotDeny";
import type { Rule } from "./types";

export const RULES: readonly Rule[] = [
  allowedHostsEmpty,
  cacheLocationExposed,
  contentTypeNosniffOff,
  coopInvalid,
  csrfCookieNotSecure,
  csrfMiddlewareMissing,
  debugEnabled,
  hashingAlgorithmInvalid,
  hstsNotSet,
  hstsPreloadOff,
  hstsSubdomainsOff,
  referrerPolicyInvalid,
  referrerPolicyUnset,
  securityMiddlewareMissing,
  sessionCookieNotHttponly,
  sessionCookieNotSecure,
  sslRedirectOff,
  weakSecretKey,
  weakSecretKeyFallback,
  xframeMiddlewareMissing,
  xframeNotDeny,
].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

export function ruleById(id: string): Rule | undefined {
  return RULES.find((r) => r.id === id);
}

/** Where a rule's documentation page lives in the repository, for diagnostics' codeDescription and SARIF helpUri. */
export const DOCS_BASE = "https://github.com/django-settings-hygiene/django-settings-hygiene/blob/main/docs/rules/";

export function docsUrl(rule: Rule): string {
  return `${DOCS_BASE}${rule.id}.md`;
}
