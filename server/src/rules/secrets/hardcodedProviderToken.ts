// Known third-party token formats (GitHub, Slack, Stripe, SendGrid, Google, OpenAI, PEM keys, JWTs…) anywhere in a settings value.
import type { Rule } from "../types";
import { ALL_KINDS, secretResults } from "./secretHelpers";

export const hardcodedProviderToken: Rule = {
  id: "hardcoded-provider-token",
  djangoChecks: [],
  severity: "error",
  appliesTo: ALL_KINDS,
  docs: {
    summary: "A token in a known provider format is written in the code: GitHub, GitLab, Slack, Stripe, SendGrid, Mailgun, Twilio, Google, Sentry, OpenAI, Anthropic, Azure, a PEM private key, a JWT…",
    why: "These formats are issued by a provider and work as soon as someone has them; scanners in the wild look for exactly these prefixes in public code. They hide in nested settings too (SOCIALACCOUNT_PROVIDERS, LOGGING handlers, ANYMAIL, sentry_sdk.init) and in env-read defaults, where line-based scanners do not look.",
    example: 'STRIPE_SECRET_KEY = "sk_live_…"\nSOCIALACCOUNT_PROVIDERS = {"google": {"APP": {"client_id": "…", "secret": "GOCSPX-…"}}}',
    useInstead: 'STRIPE_SECRET_KEY = env("STRIPE_SECRET_KEY")\nSOCIALACCOUNT_PROVIDERS = {"google": {"APP": {"client_id": env("GOOGLE_CLIENT_ID"), "secret": env("GOOGLE_CLIENT_SECRET")}}}',
    fixSafety:
      "unsafe: the literal becomes a read of a variable named after the setting's path (STRIPE_SECRET_KEY, SOCIALACCOUNT_PROVIDERS_GOOGLE_APP_SECRET, SENTRY_DSN…) in the module's style, or a committed default is removed; the variable becomes required. Revoke the token too: it is in the history.",
    versions: "All versions. The formats and their near misses are listed in docs/secrets.md; bodies made of placeholders (sk_live_xxxx…) are not reported.",
  },
  check(ctx) {
    return secretResults(ctx, "hardcoded-provider-token", "anyone with the repository can use the account; revoke it and read it from the environment");
  },
};
