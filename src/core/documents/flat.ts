/**
 * Application configuration flattened into one key model whatever the carrier, so one rule about
 * `server.ssl.enabled` covers application.yaml, application.properties, appsettings.json and .env.
 */
import type { Range } from '../text/position';
import type { ScalarValue } from './tree';

export interface FlatEntry {
  /** The key as the carrier wrote it, path-joined with `.` for nested carriers (`server.ssl.enabled`). */
  key: string;
  /**
   * Canonical form used for matching: lower case, `.` separated, Spring relaxed binding applied
   * (`SERVER_SSL_ENABLED`, `server.ssl-enabled`, `Server:Ssl:Enabled` all normalise alike where the
   * carrier's rules say they are the same key; list indices as `[0]` → `.0`).
   */
  canonicalKey: string;
  /** Scalar value; strings keep placeholders such as `${DB_PASSWORD}` verbatim. */
  value: ScalarValue;
  /** Whether the value contains an unresolved placeholder (`${X}`, `{{ x }}`, `%X%`). */
  templated: boolean;
  keyRange: Range;
  valueRange: Range;
  /** From the start of the key to the end of the value (the whole line for flat carriers). */
  range: Range;
  /** Spring profile or ASP.NET environment this entry belongs to (`prod`), when the carrier says. */
  profile?: string;
  /** For carriers with sections (a mosquitto `listener 8883` block): the section header it belongs to. */
  section?: { name: string; value: string; range: Range };
}

export type FlatCarrier = 'yaml' | 'json' | 'properties' | 'env' | 'mosquitto';

export interface FlatConfig {
  carrier: FlatCarrier;
  entries: FlatEntry[];
  errors: Array<{ message: string; range: Range }>;
  comments: Array<{ text: string; range: Range }>;
}
