/**
 * mosquitto.conf: one `option value...` per line, `#` comment lines, no quoting and no inline
 * comments (mosquitto only treats `#` as a comment at the start of a line; blanks before it are
 * tolerated here). The value is the rest of the line, trimmed (`listener 8883 0.0.0.0` has the
 * value `8883 0.0.0.0`).
 *
 * Sections: `listener <port> [address]` starts a listener section and `connection <name>` a
 * bridge section; every following entry, the header line itself included, records that section
 * until the next header. Entries before the first header have no section. This is the textual
 * grouping: with `per_listener_settings false` (the default) mosquitto still applies security
 * options such as `allow_anonymous` or `password_file` to all listeners wherever they appear.
 */
import { LineIndex } from '../text/position';
import type { FlatConfig, FlatEntry } from '../documents/flat';
import { canonicalKey } from './canonical-key';
import { hasPlaceholder } from './placeholders';

/** Options that open a section, with the section name they open. */
export const MOSQUITTO_SECTION_HEADERS: Readonly<Record<string, string>> = { listener: 'listener', connection: 'connection' };

export function parseMosquittoConf(text: string): FlatConfig {
  const index = new LineIndex(text);
  const config: FlatConfig = { carrier: 'mosquitto', entries: [], errors: [], comments: [] };
  let section: FlatEntry['section'];
  for (let line = 0; line < index.lineCount; line++) {
    const start = index.lineStart(line);
    const end = index.lineEnd(line);
    let i = start;
    while (i < end && isBlank(text[i])) i++;
    if (i === end) continue;
    if (text[i] === '#') {
      config.comments.push({ text: text.slice(i, end), range: index.range(i, end) });
      continue;
    }
    const keyStart = i;
    while (i < end && !isBlank(text[i])) i++;
    const keyEnd = i;
    while (i < end && isBlank(text[i])) i++;
    let valueEnd = end;
    while (valueEnd > i && isBlank(text[valueEnd - 1])) valueEnd--;
    const valueStart = i < valueEnd ? i : keyEnd;
    if (valueStart === keyEnd) valueEnd = keyEnd;
    const key = text.slice(keyStart, keyEnd);
    const value = text.slice(valueStart, valueEnd);
    const range = index.range(keyStart, Math.max(keyEnd, valueEnd));
    const header = MOSQUITTO_SECTION_HEADERS[key.toLowerCase()];
    if (header) section = { name: header, value, range };
    config.entries.push({
      key,
      canonicalKey: canonicalKey(key, 'mosquitto'),
      value,
      templated: hasPlaceholder(value),
      keyRange: index.range(keyStart, keyEnd),
      valueRange: index.range(valueStart, valueEnd),
      range,
      ...(section ? { section } : {}),
    });
  }
  return config;
}

function isBlank(ch: string): boolean {
  return ch === ' ' || ch === '\t';
}
