// Settings named like credentials (*_KEY, *_SECRET, *_TOKEN, *_PASSWORD, *_PASS, *_DSN, *_API_KEY, nested too) holding a credential-looking literal.
import type { Rule } from "../types";
import { ALL_KINDS, secretResults } from "./secretHelpers";

export const hardcodedCredential: Rule = {
  id: "hardcoded-credential",
  djangoChecks: [],
  severity: "warning",
  appliesTo: ALL_KINDS,
  docs: {
    summary: "A setting named like a credential (*_KEY, *_SECRET, *_TOKEN, *_PASSWORD, *_PASS, *_DSN, *_API_KEY, or such a key in a nested dict) holds a literal that looks like one",
    why: "Third-party apps take their credentials from settings with these names (RECAPTCHA_PRIVATE_KEY, FIELD_ENCRYPTION_KEY, CACHES OPTIONS PASSWORD, SOCIALACCOUNT_PROVIDERS secrets). When the format is not a known provider's, the name says what the value is: a password-like name with any real value, or a key-like name with a value that looks generated (long, mixed, high entropy).",
    example: 'FIELD_ENCRYPTION_KEY = "q8VvJ2mXc4Lr0TzN6bWk1Hs9Pd3Fy7Ga"\nCACHES = {"default": {"BACKEND": "django_redis.cache.RedisCache", "OPTIONS": {"PASSWORD": "r3d1s-Xk8q"}}}',
    useInstead: 'FIELD_ENCRYPTION_KEY = env("FIELD_ENCRYPTION_KEY")\nCACHES = {"default": {"BACKEND": "django_redis.cache.RedisCache", "OPTIONS": {"PASSWORD": env("CACHE_PASSWORD")}}}',
    fixSafety:
      "unsafe: the literal becomes a read of a variable named after the setting's path in the module's style, or a committed default is removed; the variable becomes required and its name is added to .env.example.",
    versions: "All versions. Entropy is used for key-like names only: dotted paths, file paths, URLs, e-mail addresses, slugs and short values are not credentials. Names with PUBLIC or PUBLISHABLE are skipped.",
  },
  check(ctx) {
    return secretResults(ctx, "hardcoded-credential", "read it from the environment");
  },
};
