// Known credential formats of third-party providers, found anywhere inside a string; see docs/secrets.md for the list.
import { looksRandom } from "./entropy";
import { placeholderReason } from "./placeholders";

export interface TokenFormat {
  id: string;
  provider: string;
  /** Reads after "a"/"an" in messages: "a Stripe secret key". */
  what: string;
  /**
   * Must define the groups `token` (the whole credential, what gets masked) and `body` (its random part, checked for
   * placeholders). Written without the g flag; matching adds it.
   */
  pattern: RegExp;
  /** The format's fixed public prefix, shown by masking because it only names the provider. */
  prefix?: string;
  /** Formats with no distinctive prefix count only when a setting or variable name around them says what they are. */
  nameContext?: RegExp;
  /** For formats that need context: the body must also look random. */
  randomBody?: boolean;
  /** AWS credentials have their own rule. */
  aws?: boolean;
  /**
   * Finds what `pattern` with the g flag finds (same matches, same order), for a format whose RegExp backtracks
   * super-linearly on hostile text; `pattern` stays its definition, and a test holds the two equal.
   */
  scan?: (value: string) => Iterable<{ index: number; token: string; body: string }>;
}

// Boundaries: a token must not be glued to more token characters, or a longer random string would match in its middle.
const L = "(?<![A-Za-z0-9_-])";
const R = "(?![A-Za-z0-9_-])";

function re(source: string): RegExp {
  return new RegExp(source);
}

/** Ordered: the first format that matches a span wins, so specific formats come before general ones (JWT last). */
export const TOKEN_FORMATS: readonly TokenFormat[] = [
  { id: "aws-access-key-id", provider: "AWS", what: "an AWS access key id", pattern: re(`(?<![A-Z0-9])(?<token>(?:AKIA|ASIA|ABIA|ACCA)(?<body>[A-Z2-7]{16}))(?![A-Z0-9])`), prefix: "AKIA", aws: true },
  {
    id: "aws-secret-access-key",
    provider: "AWS",
    what: "an AWS secret access key",
    pattern: re(`(?<![A-Za-z0-9/+])(?<token>(?<body>[A-Za-z0-9/+]{40}))(?![A-Za-z0-9/+=])`),
    nameContext: /AWS|SECRET_ACCESS|ACCESS_KEY|(^|_)S3(_|$)|^SECRET_KEY$/i,
    randomBody: true,
    aws: true,
  },
  { id: "github-token", provider: "GitHub", what: "a GitHub token", pattern: re(`${L}(?<token>gh[pousr]_(?<body>[A-Za-z0-9]{36,251}))${R}`), prefix: "ghp_" },
  { id: "github-fine-grained-token", provider: "GitHub", what: "a GitHub fine-grained token", pattern: re(`${L}(?<token>github_pat_(?<body>[A-Za-z0-9]{22}_[A-Za-z0-9]{59}))${R}`), prefix: "github_pat_" },
  { id: "gitlab-token", provider: "GitLab", what: "a GitLab personal access token", pattern: re(`${L}(?<token>glpat-(?<body>[A-Za-z0-9_-]{20,}))${R}`), prefix: "glpat-" },
  { id: "gitlab-other-token", provider: "GitLab", what: "a GitLab deploy, runner or trigger token", pattern: re(`${L}(?<token>gl(?:dt|rt|ptt|cbt|imt|oas|soat|ft)-(?<body>[A-Za-z0-9_-]{20,}))${R}`), prefix: "gl" },
  { id: "slack-token", provider: "Slack", what: "a Slack token", pattern: re(`${L}(?<token>xox[abposre]-(?<body>[0-9A-Za-z]{8,}-[0-9A-Za-z-]{8,}))${R}`), prefix: "xox" },
  { id: "slack-app-token", provider: "Slack", what: "a Slack app-level token", pattern: re(`${L}(?<token>xapp-\\d-(?<body>[A-Z0-9]{9,}-\\d{9,}-[a-f0-9]{32,}))${R}`), prefix: "xapp-" },
  {
    id: "slack-webhook",
    provider: "Slack",
    what: "a Slack incoming-webhook URL",
    pattern: re(`(?<token>https://hooks\\.slack\\.com/(?:services|workflows|triggers)/(?<body>T[A-Z0-9]{6,}/[A-Z0-9]{6,}/[A-Za-z0-9]{20,}))`),
    prefix: "https://hooks.slack.com/",
  },
  { id: "stripe-secret-key", provider: "Stripe", what: "a Stripe secret or restricted key", pattern: re(`${L}(?<token>(?:sk|rk)_(?:live|test)_(?<body>[0-9A-Za-z]{24,}))${R}`), prefix: "sk_live_" },
  { id: "stripe-webhook-secret", provider: "Stripe", what: "a Stripe webhook signing secret", pattern: re(`${L}(?<token>whsec_(?<body>[A-Za-z0-9+/]{32,}))${R}`), prefix: "whsec_" },
  { id: "sendgrid-api-key", provider: "SendGrid", what: "a SendGrid API key", pattern: re(`${L}(?<token>SG\\.(?<body>[A-Za-z0-9_-]{22}\\.[A-Za-z0-9_-]{43}))${R}`), prefix: "SG." },
  { id: "mailgun-api-key", provider: "Mailgun", what: "a Mailgun API key", pattern: re(`${L}(?<token>key-(?<body>[0-9a-f]{32}))${R}`), prefix: "key-" },
  { id: "mailchimp-api-key", provider: "Mailchimp", what: "a Mailchimp API key", pattern: re(`${L}(?<token>(?<body>[0-9a-f]{32})-us\\d{1,2})${R}`) },
  { id: "twilio-api-key", provider: "Twilio", what: "a Twilio API key SID", pattern: re(`${L}(?<token>SK(?<body>[0-9a-f]{32}))${R}`), prefix: "SK" },
  { id: "twilio-account-sid", provider: "Twilio", what: "a Twilio account SID", pattern: re(`${L}(?<token>AC(?<body>[0-9a-f]{32}))${R}`), prefix: "AC" },
  { id: "twilio-auth-token", provider: "Twilio", what: "a Twilio auth token", pattern: re(`${L}(?<token>(?<body>[0-9a-f]{32}))${R}`), nameContext: /TWILIO/i },
  { id: "google-api-key", provider: "Google", what: "a Google API key", pattern: re(`${L}(?<token>AIza(?<body>[0-9A-Za-z_-]{35}))${R}`), prefix: "AIza" },
  { id: "google-oauth-client-secret", provider: "Google", what: "a Google OAuth client secret", pattern: re(`${L}(?<token>GOCSPX-(?<body>[A-Za-z0-9_-]{28}))${R}`), prefix: "GOCSPX-" },
  {
    id: "sentry-dsn",
    provider: "Sentry",
    what: "a Sentry DSN with its key",
    pattern: re(`https?://(?<token>(?<body>[0-9a-f]{32})(?::[0-9a-f]{32})?)@[A-Za-z0-9.-]+(?::\\d+)?/\\d+`),
  },
  { id: "anthropic-api-key", provider: "Anthropic", what: "an Anthropic API key", pattern: re(`${L}(?<token>sk-ant-(?:api|admin|oat|sid)\\d{2}-(?<body>[A-Za-z0-9_-]{32,}))${R}`), prefix: "sk-ant-" },
  { id: "openai-project-key", provider: "OpenAI", what: "an OpenAI API key", pattern: re(`${L}(?<token>sk-(?:proj|svcacct|admin)-(?<body>[A-Za-z0-9_-]{40,}))${R}`), prefix: "sk-proj-" },
  { id: "openai-api-key", provider: "OpenAI", what: "an OpenAI API key", pattern: re(`${L}(?<token>sk-(?<body>[A-Za-z0-9]{20}T3BlbkFJ[A-Za-z0-9]{20}|[A-Za-z0-9]{48}))${R}`), prefix: "sk-" },
  {
    id: "azure-storage-key",
    provider: "Azure",
    what: "an Azure storage account key",
    pattern: re(`AccountKey=(?<token>(?<body>[A-Za-z0-9+/]{86}==))`),
  },
  {
    id: "private-key",
    provider: "PEM",
    what: "a PEM private key",
    pattern: re(`(?<token>-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----(?<body>[\\sA-Za-z0-9+/=:,-]{40,}?)-----END (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----)`),
    prefix: "-----BEGIN",
    scan: privateKeyBlocks,
  },
  { id: "npm-token", provider: "npm", what: "an npm access token", pattern: re(`${L}(?<token>npm_(?<body>[A-Za-z0-9]{36}))${R}`), prefix: "npm_" },
  { id: "pypi-token", provider: "PyPI", what: "a PyPI API token", pattern: re(`${L}(?<token>pypi-(?<body>AgEIcHlwaS5vcmc[A-Za-z0-9_-]{50,}))${R}`), prefix: "pypi-" },
  { id: "digitalocean-token", provider: "DigitalOcean", what: "a DigitalOcean token", pattern: re(`${L}(?<token>do[opr]_v1_(?<body>[a-f0-9]{64}))${R}`), prefix: "dop_v1_" },
  { id: "shopify-token", provider: "Shopify", what: "a Shopify access token", pattern: re(`${L}(?<token>shp(?:at|ca|pa|ss)_(?<body>[a-fA-F0-9]{32}))${R}`), prefix: "shpat_" },
  { id: "huggingface-token", provider: "Hugging Face", what: "a Hugging Face token", pattern: re(`${L}(?<token>hf_(?<body>[A-Za-z]{34}))${R}`), prefix: "hf_" },
  { id: "telegram-bot-token", provider: "Telegram", what: "a Telegram bot token", pattern: re(`(?<![0-9])(?<token>\\d{8,10}:(?<body>AA[0-9A-Za-z_-]{33}))${R}`) },
  {
    id: "discord-webhook",
    provider: "Discord",
    what: "a Discord webhook URL",
    pattern: re(`(?<token>https://(?:ptb\\.|canary\\.)?discord(?:app)?\\.com/api/webhooks/\\d+/(?<body>[A-Za-z0-9_-]{60,}))`),
    prefix: "https://discord",
  },
  { id: "square-token", provider: "Square", what: "a Square access token or secret", pattern: re(`${L}(?<token>sq0(?:atp|csp)-(?<body>[0-9A-Za-z_-]{22,43}))${R}`), prefix: "sq0" },
  { id: "newrelic-key", provider: "New Relic", what: "a New Relic user API key", pattern: re(`${L}(?<token>NRAK-(?<body>[A-Z0-9]{27}))${R}`), prefix: "NRAK-" },
  { id: "linear-api-key", provider: "Linear", what: "a Linear API key", pattern: re(`${L}(?<token>lin_api_(?<body>[A-Za-z0-9]{40}))${R}`), prefix: "lin_api_" },
  { id: "postman-api-key", provider: "Postman", what: "a Postman API key", pattern: re(`${L}(?<token>PMAK-(?<body>[a-f0-9]{24}-[a-f0-9]{34}))${R}`), prefix: "PMAK-" },
  { id: "doppler-token", provider: "Doppler", what: "a Doppler token", pattern: re(`${L}(?<token>dp\\.(?:pt|st|sa|ct|scim)\\.(?<body>[A-Za-z0-9]{40,44}))${R}`), prefix: "dp." },
  { id: "databricks-token", provider: "Databricks", what: "a Databricks access token", pattern: re(`${L}(?<token>dapi(?<body>[a-f0-9]{32}))(?:-\\d)?${R}`), prefix: "dapi" },
  { id: "mapbox-secret-token", provider: "Mapbox", what: "a Mapbox secret token", pattern: re(`${L}(?<token>sk\\.(?<body>eyJ[A-Za-z0-9_-]{50,}\\.[A-Za-z0-9_-]{20,}))${R}`), prefix: "sk.eyJ" },
  {
    id: "firebase-fcm-key",
    provider: "Firebase",
    what: "a Firebase Cloud Messaging server key",
    pattern: re(`${L}(?<token>AAAA[A-Za-z0-9_-]{7}:(?<body>APA91b[A-Za-z0-9_-]{134}))${R}`),
    prefix: "AAAA",
  },
  { id: "facebook-access-token", provider: "Facebook", what: "a Facebook access token", pattern: re(`${L}(?<token>EAA(?:B|CEdEose0cBA)(?<body>[0-9A-Za-z]{40,}))${R}`), prefix: "EAA" },
  { id: "jwt", provider: "JWT", what: "a JSON Web Token", pattern: re(`${L}(?<token>eyJ(?<body>[A-Za-z0-9_-]{10,}\\.eyJ[A-Za-z0-9_-]{10,}\\.[A-Za-z0-9_-]{10,}))${R}`), prefix: "eyJ" },
];

const MIN_TOKEN_LENGTH = 20;

/** The patterns with the g flag, compiled once (matchAll clones them, so sharing is safe). */
const GLOBAL = TOKEN_FORMATS.map((f) => new RegExp(f.pattern.source, f.pattern.flags.includes("g") ? f.pattern.flags : f.pattern.flags + "g"));

export interface TokenMatch {
  format: TokenFormat;
  token: string;
  /** Offset of the token in the searched string. */
  index: number;
  /** The public prefix to show when masking, when the token starts with it. */
  prefix?: string;
}

/**
 * Every known-format credential inside `value`, at most one per span (the first format in table order wins).
 * `names` are the setting path's names and the env variable, consulted by formats that need context.
 */
/**
 * The same strings come back for every environment that imports a module, and again from masking and the inventory:
 * results are remembered per (value, names), in a bounded map that is simply cleared when full.
 */
const tokenCache = new Map<string, TokenMatch[]>();
const TOKEN_CACHE_LIMIT = 20000;

export function findTokens(value: string, names: readonly string[] = []): TokenMatch[] {
  // Every format is at least this long (an AWS key id): most settings values are shorter and need no regex at all.
  if (value.length < MIN_TOKEN_LENGTH) return [];
  const key = names.join("\u0000") + "\u0001" + value;
  const hit = tokenCache.get(key);
  if (hit) return hit.map((m) => ({ ...m }));
  const out = scanTokens(value, names);
  if (tokenCache.size >= TOKEN_CACHE_LIMIT) tokenCache.clear();
  tokenCache.set(key, out.map((m) => ({ ...m })));
  return out;
}

function scanTokens(value: string, names: readonly string[]): TokenMatch[] {
  const out: TokenMatch[] = [];
  const taken: Array<[number, number]> = [];
  for (const [i, format] of TOKEN_FORMATS.entries()) {
    if (format.nameContext && !names.some((n) => format.nameContext!.test(n))) continue;
    const g = GLOBAL[i];
    g.lastIndex = 0;
    for (const m of format.scan ? format.scan(value) : regexMatches(value, g)) {
      const { token, body, index } = m;
      if (!token) continue;
      const end = index + token.length;
      if (taken.some(([s, e]) => index < e && s < end)) continue;
      if (placeholderReason(body) !== undefined) continue;
      if (format.randomBody && !looksRandom(body)) continue;
      taken.push([index, end]);
      out.push({ format, token, index, prefix: publicPrefix(format, token) });
    }
  }
  return out.sort((a, b) => a.index - b.index);
}

function* regexMatches(value: string, g: RegExp): Iterable<{ index: number; token: string; body: string }> {
  for (const m of value.matchAll(g)) {
    const token = m.groups?.token;
    const body = m.groups?.body;
    if (!token || body === undefined) continue;
    yield { token, body, index: (m.index ?? 0) + m[0].indexOf(token) };
  }
}

const PEM_HEADER = /-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----/y;
const PEM_FOOTER = /-----END (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----/y;
const PEM_BODY_CHAR = /[\sA-Za-z0-9+/=:,-]/;
const PEM_MIN_BODY = 40;

/**
 * The private-key format's matches in O(n log n). Its RegExp reads the rest of the value from every header that has no
 * footer (a 1 MB line of repeated `-----BEGIN PRIVATE KEY-----` took 100 s). Here each header takes the first footer at
 * least 40 characters on whose body is all body characters, as the lazy `{40,}?` does, found by binary search.
 */
export function* privateKeyBlocks(value: string): Iterable<{ index: number; token: string; body: string }> {
  if (!value.includes("-----BEGIN ") || !value.includes("-----END ")) return;
  const footers: Array<{ at: number; end: number }> = [];
  for (let p = value.indexOf("-----END "); p >= 0; p = value.indexOf("-----END ", p + 1)) {
    PEM_FOOTER.lastIndex = p;
    if (PEM_FOOTER.test(value)) footers.push({ at: p, end: PEM_FOOTER.lastIndex });
  }
  if (footers.length === 0) return;
  // runEnd[i]: where the run of body characters starting at i stops.
  const runEnd = new Int32Array(value.length + 1);
  runEnd[value.length] = value.length;
  for (let i = value.length - 1; i >= 0; i--) runEnd[i] = PEM_BODY_CHAR.test(value[i]) ? runEnd[i + 1] : i;
  let pos = 0;
  for (let h = value.indexOf("-----BEGIN ", pos); h >= 0; h = value.indexOf("-----BEGIN ", pos)) {
    PEM_HEADER.lastIndex = h;
    pos = h + 1;
    if (!PEM_HEADER.test(value)) continue;
    const bodyStart = PEM_HEADER.lastIndex;
    const from = bodyStart + PEM_MIN_BODY;
    let lo = 0;
    let hi = footers.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (footers[mid].at < from) lo = mid + 1;
      else hi = mid;
    }
    const f = footers[lo];
    if (!f || f.at > runEnd[bodyStart]) continue;
    yield { index: h, token: value.slice(h, f.end), body: value.slice(bodyStart, f.at) };
    pos = f.end;
  }
}

/** The part of the token that only names its provider: "sk_live_", "ghp_", "xoxb-", "glpat-". */
function publicPrefix(format: TokenFormat, token: string): string | undefined {
  const m = /^(sk_live_|sk_test_|rk_live_|rk_test_|gh[pousr]_|xox[a-z]-|gl[a-z]+-|sk-ant-[a-z]+\d{2}-|sk-[a-z]+-|do[opr]_v1_|shp[a-z]{2}_|dp\.[a-z]+\.|sq0[a-z]{3}-)/.exec(token);
  if (m) return m[1];
  return format.prefix && token.startsWith(format.prefix) ? format.prefix : undefined;
}

/** Every provider name in the table, for the docs page and the coverage test. */
export function providers(): string[] {
  return [...new Set(TOKEN_FORMATS.map((f) => f.provider))];
}
