// The production checklist beyond Django's deploy checks, one rule per file; this list grows as they land.
import { allowedHostsSubdomainPattern } from "./allowedHostsSubdomainPattern";
import { allowedHostsWildcard } from "./allowedHostsWildcard";
import { connMaxAgeZero } from "./connMaxAgeZero";
import { corsAllowAll } from "./corsAllowAll";
import { corsCredentialsWithAll } from "./corsCredentialsWithAll";
import { corsRegexMatchesAll } from "./corsRegexMatchesAll";
import { cspMissing } from "./cspMissing";
import { cspUnsafeSource } from "./cspUnsafeSource";
import { csrfTrustedOriginHttp } from "./csrfTrustedOriginHttp";
import { csrfTrustedOriginScheme } from "./csrfTrustedOriginScheme";
import { devToolsInProduction } from "./devToolsInProduction";
import { emailBackendNotSmtp } from "./emailBackendNotSmtp";
import { hstsPreloadRequirements } from "./hstsPreloadRequirements";
import { loggingNotToStdout } from "./loggingNotToStdout";
import { mediaOnLocalDisk } from "./mediaOnLocalDisk";
import { noErrorTracking } from "./noErrorTracking";
import { passwordValidatorsEmpty } from "./passwordValidatorsEmpty";
import { proxySslHeaderInvalid } from "./proxySslHeaderInvalid";
import { samesiteNoneInsecure } from "./samesiteNoneInsecure";
import { secretKeyFallbacksInvalid } from "./secretKeyFallbacksInvalid";
import { sentrySendDefaultPii } from "./sentrySendDefaultPii";
import { sentryTracesSampleRate } from "./sentryTracesSampleRate";
import { sqliteInProduction } from "./sqliteInProduction";
import { sslRedirectWithoutProxyHeader } from "./sslRedirectWithoutProxyHeader";
import { storageSettingDeprecated } from "./storageSettingDeprecated";
import { storageSettingRemoved } from "./storageSettingRemoved";
import { templateDebugOrAutoescape } from "./templateDebugOrAutoescape";
import { testSlowPasswordHasher } from "./testSlowPasswordHasher";
import { uploadLimitsDisabled } from "./uploadLimitsDisabled";
import { useTzFalse } from "./useTzFalse";
import { weakPasswordHasher } from "./weakPasswordHasher";
import { weakPasswordHasherDev } from "./weakPasswordHasherDev";
import { whitenoiseMiddlewareOrder } from "./whitenoiseMiddlewareOrder";
import type { Rule } from "../types";

export const CHECKLIST_RULES: readonly Rule[] = [
  allowedHostsSubdomainPattern,
  allowedHostsWildcard,
  connMaxAgeZero,
  corsAllowAll,
  corsCredentialsWithAll,
  corsRegexMatchesAll,
  cspMissing,
  cspUnsafeSource,
  csrfTrustedOriginHttp,
  csrfTrustedOriginScheme,
  devToolsInProduction,
  emailBackendNotSmtp,
  hstsPreloadRequirements,
  loggingNotToStdout,
  mediaOnLocalDisk,
  noErrorTracking,
  passwordValidatorsEmpty,
  proxySslHeaderInvalid,
  samesiteNoneInsecure,
  secretKeyFallbacksInvalid,
  sentrySendDefaultPii,
  sentryTracesSampleRate,
  sqliteInProduction,
  sslRedirectWithoutProxyHeader,
  storageSettingDeprecated,
  storageSettingRemoved,
  templateDebugOrAutoescape,
  testSlowPasswordHasher,
  uploadLimitsDisabled,
  useTzFalse,
  weakPasswordHasher,
  weakPasswordHasherDev,
  whitenoiseMiddlewareOrder,
];
