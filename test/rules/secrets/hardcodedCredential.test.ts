// Table for hardcoded-credential: generic credential names (nested too) with generated-looking values; entropy and shape near misses.
import { ALNUM, fake, rand } from "../../secrets/planted";
import { py, secretTable } from "./secretTable";

const KEY = fake(rand("hc-key", 32, ALNUM));
const PW = fake(rand("hc-pw", 10, ALNUM));
const secrets = [KEY, PW];

secretTable("hardcoded-credential", [
  { name: "a *_KEY with a generated value", base: `FIELD_ENCRYPTION_KEY = ${py(KEY)}\n`, expect: ["base.py:1"], secrets, messageIncludes: ["FIELD_ENCRYPTION_KEY is a credential"], fixable: true },
  { name: "a *_TOKEN", base: `DEPLOY_TOKEN = ${py(KEY)}\n`, expect: ["base.py:1"], secrets },
  { name: "near miss: the name must end with the suffix", base: `DEPLOY_TOKEN_TTL = ${py(KEY)}\n`, expect: [], secrets },
  { name: "*_API_KEY", base: `MAPS_API_KEY = ${py(KEY)}\n`, expect: ["base.py:1"], secrets },
  { name: "a *_PASSWORD takes any real value", base: `REDIS_PASSWORD = ${py(PW)}\n`, expect: ["base.py:1"], secrets, messageIncludes: ["is a password"] },
  { name: "a nested PASSWORD in CACHES options", base: `CACHES = {"default": {"BACKEND": "django_redis.cache.RedisCache", "OPTIONS": {"PASSWORD": ${py(PW)}}}}\n`, expect: ["base.py:1"], secrets, messageIncludes: ["CACHES['default']['OPTIONS']['PASSWORD']"] },
  { name: "a lower-case nested secret", base: `SOCIALACCOUNT_PROVIDERS = {"github": {"APP": {"client_id": "abc", "secret": ${py(KEY)}}}}\n`, expect: ["base.py:1"], secrets },
  { name: "a default judged by the variable's name", base: `import os\nWEBHOOK = os.environ.get("WEBHOOK_SECRET", ${py(KEY)})\n`, expect: ["base.py:2"], secrets },
  { name: "near miss: low entropy", base: `CACHE_SECRET = "aaaaabbbbbcccccdddddeeeee"\n`, expect: [] },
  { name: "near miss: a dotted path", base: `STORAGE_KEY = "storages.backends.s3boto3.S3Boto3Storage"\n`, expect: [] },
  { name: "near miss: a file path", base: `SSL_KEY = "/etc/ssl/private/shop.example.com.key"\n`, expect: [] },
  { name: "near miss: an OAuth client id", base: `SOCIAL_AUTH_GOOGLE_OAUTH2_KEY = "${rand("hc-client", 12, "0123456789")}-${rand("hc-client2", 32, "abcdefghijklmnopqrstuvwxyz0123456789")}.apps.googleusercontent.com"\n`, expect: [] },
  { name: "near miss: a short value", base: `SORT_KEY = "name"\n`, expect: [] },
  { name: "near miss: a public key", base: `RECAPTCHA_PUBLIC_KEY = ${py(KEY)}\n`, expect: [] },
  { name: "near miss: words", base: `CACHE_KEY_PREFIX = "shop-production-cache"\nSESSION_TOKEN = "session-token-for-shop"\n`, expect: [] },
  { name: "near miss: a stand-in password", base: `REDIS_PASSWORD = "changeme123"\n`, expect: [] },
]);
