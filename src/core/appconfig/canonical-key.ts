/**
 * One spelling per configuration key, so a rule written once matches every carrier.
 *
 * What maps to what (the result is always lower case, segments joined by `.`):
 * - YAML, JSON and .properties (Spring relaxed binding): `-` and `_` inside a segment are dropped,
 *   so `server.ssl.key-store`, `server.ssl.keyStore`, `server.ssl.key_store` → `server.ssl.keystore`.
 *   List indices `[0]` become a segment: `hosts[0].name` → `hosts.0.name`. Other bracketed parts
 *   (`logging.level.[org.acme]`) keep their inside verbatim, lower-cased, as one segment.
 * - JSON and env also take ASP.NET's `:` separator: `Kestrel:Endpoints:Https` →
 *   `kestrel.endpoints.https`.
 * - env (`.env`, environment variables):
 *   - with a double underscore, ASP.NET style: `__` separates segments and single `_` stays
 *     (`ConnectionStrings__Default` → `connectionstrings.default`,
 *     `Logging__LogLevel__Default` → `logging.loglevel.default`);
 *   - otherwise Spring style: `_` separates segments and `-` is dropped
 *     (`SERVER_SSL_ENABLED` → `server.ssl.enabled`, `SPRING_DATASOURCE_PASSWORD` →
 *     `spring.datasource.password`; `MY_LIST_0_NAME` → `my.list.0.name`). As in Spring, a dashed
 *     name needs its dashes removed in env form: `server.ssl.key-store` ↔ `SERVER_SSL_KEYSTORE`.
 *   A rule path such as `server.ssl.enabled`, written with dots, maps to itself.
 * - mosquitto: option names are only lower-cased (`allow_anonymous` stays as it is).
 */
import type { FlatCarrier } from '../documents/flat';

export function canonicalKey(key: string, carrier: FlatCarrier): string {
  switch (carrier) {
    case 'mosquitto':
      return key.trim().toLowerCase();
    case 'env':
      return envKey(key.trim());
    case 'json':
      return relaxedKey(key.replace(/:/g, '.'));
    default:
      return relaxedKey(key);
  }
}

function envKey(key: string): string {
  const normalised = key.replace(/:/g, '.');
  if (normalised.includes('__')) {
    return normalised
      .split('__')
      .map((segment) => segment.toLowerCase())
      .filter((segment) => segment !== '')
      .join('.');
  }
  return relaxedKey(normalised.replace(/_/g, '.'));
}

/** Spring's relaxed form of a dotted key (see the module comment). */
function relaxedKey(key: string): string {
  const segments: string[] = [];
  let current = '';
  let i = 0;
  // Once no `]` follows, no later `[` can close either: searching again for each one would make
  // a key of many `[` quadratic (a 5 MB key took minutes).
  let unclosedFrom = key.length;
  while (i < key.length) {
    const ch = key[i];
    if (ch === '[' && i < unclosedFrom) {
      const close = key.indexOf(']', i + 1);
      if (close < 0) unclosedFrom = i;
      if (close > i) {
        if (current !== '') segments.push(current);
        current = '';
        segments.push(key.slice(i + 1, close).trim().toLowerCase());
        i = close + 1;
        continue;
      }
    }
    if (ch === '.') {
      if (current !== '') segments.push(current);
      current = '';
    } else if (ch !== '-' && ch !== '_') {
      current += ch.toLowerCase();
    }
    i++;
  }
  if (current !== '') segments.push(current);
  return segments.join('.');
}
