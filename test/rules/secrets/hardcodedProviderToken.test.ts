// Table for hardcoded-provider-token: known formats in settings, nested dicts, LOGGING, call arguments and defaults.
import { ALNUM, B64URL, LOWER_HEX, fake, rand } from "../../secrets/planted";
import { py, secretTable } from "./secretTable";

const STRIPE = fake("sk_", "live_", rand("hpt-stripe", 32, ALNUM));
const GITHUB = fake("ghp_", rand("hpt-gh", 36, ALNUM));
const GOOGLE = fake("GOCSPX-", rand("hpt-google", 28, B64URL));
const SENTRY = fake(rand("hpt-sentry", 32, LOWER_HEX));
const OPENAI = fake("sk-", "proj-", rand("hpt-openai", 64, B64URL));
const secrets = [STRIPE, GITHUB, GOOGLE, SENTRY, OPENAI];

secretTable("hardcoded-provider-token", [
  { name: "a Stripe live key", base: `STRIPE_SECRET_KEY = ${py(STRIPE)}\n`, expect: ["base.py:1"], secrets, messageIncludes: ["a Stripe secret or restricted key", "sk_live_…(40 chars)"], fixable: true },
  { name: "a token under a name that says nothing", base: `PAYMENTS = {"api": ${py(STRIPE)}}\n`, expect: ["base.py:1"], secrets },
  { name: "a GitHub token as an os.getenv default", base: `import os\nGITHUB_TOKEN = os.getenv("GITHUB_TOKEN", ${py(GITHUB)})\n`, expect: ["base.py:2"], secrets, messageIncludes: ["falls back to a GitHub token"] },
  { name: "SOCIALACCOUNT_PROVIDERS secret", base: `SOCIALACCOUNT_PROVIDERS = {"google": {"APP": {"client_id": "1.apps.googleusercontent.com", "secret": ${py(GOOGLE)}}}}\n`, expect: ["base.py:1"], secrets, messageIncludes: ["SOCIALACCOUNT_PROVIDERS['google']['APP']['secret']"] },
  { name: "a Sentry DSN in sentry_sdk.init", base: `import sentry_sdk\nsentry_sdk.init(dsn="https://${SENTRY}@o1.ingest.sentry.io/42")\n`, expect: ["base.py:2"], secrets, messageIncludes: ["sentry_sdk.init(dsn=…)"] },
  { name: "an OpenAI key in a decouple default", base: `from decouple import config\nOPENAI_API_KEY = config("OPENAI_API_KEY", default=${py(OPENAI)})\n`, expect: ["base.py:2"], secrets },
  { name: "a token in an env-read default nested in a dict", base: `import os\nANYMAIL = {"SENDGRID_API_KEY": os.environ.get("SENDGRID_API_KEY", ${py(STRIPE)})}\n`, expect: ["base.py:2"], secrets },
  // A token known by its shape leaks wherever it is written, even where the environment reads another value.
  { name: "a token production replaces is still reported", base: `STRIPE_SECRET_KEY = ${py(STRIPE)}\n`, production: `import os\nSTRIPE_SECRET_KEY = os.environ["STRIPE_SECRET_KEY"]\n`, expect: ["base.py:1"], secrets },
  { name: "near miss: a placeholder body", base: `STRIPE_SECRET_KEY = "sk_live_xxxxxxxxxxxxxxxxxxxxxxxx"\n`, expect: [] },
  { name: "near miss: a publishable key", base: `STRIPE_PUBLISHABLE_KEY = "pk_live_${rand("hpt-pk", 24, ALNUM)}"\n`, expect: [] },
  { name: "near miss: a Sentry DSN without a key", base: `SENTRY_DSN = "https://o1.ingest.sentry.io/42"\n`, expect: [] },
  { name: "near miss: too short for the format", base: `GITHUB_TOKEN = "ghp_${rand("hpt-short", 20, ALNUM)}"\n`, expect: [] },
]);
