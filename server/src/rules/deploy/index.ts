// Django's own deploy checks (security.W001–W025, W007 before 3.0, E023, E024, E100, caches.W002), one rule per file.
import { allowedHostsEmpty } from "./allowedHostsEmpty";
import { browserXssFilterOff } from "./browserXssFilterOff";
import { cacheLocationExposed } from "./cacheLocationExposed";
import { contentTypeNosniffOff } from "./contentTypeNosniffOff";
import { coopInvalid } from "./coopInvalid";
import { csrfCookieNotSecure } from "./csrfCookieNotSecure";
import { csrfMiddlewareMissing } from "./csrfMiddlewareMissing";
import { debugEnabled } from "./debugEnabled";
import { hashingAlgorithmInvalid } from "./hashingAlgorithmInvalid";
import { hstsNotSet } from "./hstsNotSet";
import { hstsPreloadOff } from "./hstsPreloadOff";
import { hstsSubdomainsOff } from "./hstsSubdomainsOff";
import { referrerPolicyInvalid } from "./referrerPolicyInvalid";
import { referrerPolicyUnset } from "./referrerPolicyUnset";
import { securityMiddlewareMissing } from "./securityMiddlewareMissing";
import { sessionCookieNotHttponly } from "./sessionCookieNotHttponly";
import { sessionCookieNotSecure } from "./sessionCookieNotSecure";
import { sslRedirectOff } from "./sslRedirectOff";
import { weakSecretKey } from "./weakSecretKey";
import { weakSecretKeyFallback } from "./weakSecretKeyFallback";
import { xframeMiddlewareMissing } from "./xframeMiddlewareMissing";
import { xframeNotDeny } from "./xframeNotDeny";
import type { Rule } from "../types";

export const DEPLOY_RULES: readonly Rule[] = [
  allowedHostsEmpty,
  browserXssFilterOff,
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
];
