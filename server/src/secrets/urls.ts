// Credentials inside service URLs (`postgres://user:pass@host/db`, `redis://:pass@host`, `amqp://…`, `smtp://…`).

export interface UrlCredential {
  /** The whole URL as found in the string. */
  url: string;
  scheme: string;
  user: string;
  /** The password exactly as written (still percent-encoded). */
  password: string;
  /** Offset of the password in the searched string. */
  index: number;
}

/** Schemes whose URLs configure a database, cache, e-mail or message broker, for the rule's wording. */
const SERVICE_KINDS: Record<string, string> = {
  postgres: "database",
  postgresql: "database",
  postgis: "database",
  pgsql: "database",
  psql: "database",
  mysql: "database",
  mysql2: "database",
  mysqlgis: "database",
  mariadb: "database",
  oracle: "database",
  mssql: "database",
  mongodb: "database",
  "mongodb+srv": "database",
  cockroach: "database",
  redshift: "database",
  timescale: "database",
  redis: "cache",
  rediss: "cache",
  memcache: "cache",
  pymemcache: "cache",
  pylibmc: "cache",
  smtp: "e-mail",
  smtps: "e-mail",
  "smtp+tls": "e-mail",
  "smtp+ssl": "e-mail",
  submission: "e-mail",
  amqp: "broker",
  amqps: "broker",
  pyamqp: "broker",
  librabbitmq: "broker",
  sqs: "broker",
  kafka: "broker",
  nats: "broker",
};

/** "database", "cache", "e-mail", "broker" or "service", from the scheme. */
export function serviceKind(scheme: string): string {
  return SERVICE_KINDS[scheme.toLowerCase()] ?? "service";
}

/**
 * Every `scheme://user:password@` inside `value`. The authority runs to the first `/`, `?`, `#` or whitespace, and the
 * userinfo to its last `@`, so a password holding `@` (written unencoded, as people do) is still cut correctly.
 */
export function urlCredentials(value: string): UrlCredential[] {
  const out: UrlCredential[] = [];
  // The lookbehind starts a scheme only where one can begin, so a long run of letters is scanned once, not once per letter.
  const re = /(?<![A-Za-z0-9+.-])([A-Za-z][A-Za-z0-9+.-]*):\/\/([^\s/?#]*)/g;
  for (const m of value.matchAll(re)) {
    const authority = m[2];
    const at = authority.lastIndexOf("@");
    if (at < 0) continue;
    const userinfo = authority.slice(0, at);
    const colon = userinfo.indexOf(":");
    if (colon < 0) continue;
    const start = (m.index ?? 0) + m[1].length + 3;
    let end = start + authority.length;
    // The URL goes on through its path and query, up to whitespace or a quote.
    while (end < value.length && !/[\s"'<>]/.test(value[end])) end++;
    out.push({
      url: value.slice(m.index ?? 0, end),
      scheme: m[1].toLowerCase(),
      user: userinfo.slice(0, colon),
      password: userinfo.slice(colon + 1),
      index: start + colon + 1,
    });
  }
  return out;
}

/** Percent-decoding for judging a password (`p%40ss` is `p@ss`); malformed escapes are kept as written. */
export function decodePassword(p: string): string {
  try {
    return decodeURIComponent(p);
  } catch {
    return p;
  }
}
