/**
 * `config-log-level`: whether a logger category logs at a level that writes sensitive data.
 *
 * Logging frameworks give a category the level of its most specific configured ancestor:
 * `org.hibernate.orm.jdbc.bind` takes `logging.level.org.hibernate` when nothing closer is set,
 * and ASP.NET's `Microsoft.EntityFrameworkCore.Database.Command` takes
 * `Logging:LogLevel:Microsoft.EntityFrameworkCore`. The predicate finds, for each category, the
 * closest configured ancestor at or below `within` (the root level and `Default` are left to
 * rules about the overall level) and fails when that level is `failAt` or more verbose.
 *
 * Args: `categories` (logger names), `within` (the shortest ancestor that counts), `prefixes`
 * (where levels live, `*` standing for one key segment: `Logging.*.LogLevel`), `failAt` (a level
 * name). A failure points at the level value; its scope is that setting, so a fix op with path
 * `''` rewrites the level.
 */
import type { FlatEntry } from '../../documents/flat';
import { canonicalKey } from '../../appconfig/canonical-key';
import type { Scope } from '../../subjects/types';
import { combineAll, type Evidence } from '../evaluate';
import { entryLookup, entryScope, flatScopeOf, PASS, stringArg, stringListArg } from './config-scopes';
import { registerPredicate } from './registry';

/** Verbosity of the level names of Logback/Log4j, Microsoft.Extensions.Logging and Serilog. */
const LEVEL_RANK: Readonly<Record<string, number>> = {
  all: 0,
  trace: 0,
  verbose: 0,
  finest: 0,
  debug: 1,
  fine: 1,
  info: 2,
  information: 2,
  warn: 3,
  warning: 3,
  error: 4,
  fatal: 5,
  critical: 5,
  off: 6,
  none: 6,
};

export function levelRank(level: unknown): number | undefined {
  if (typeof level !== 'string') return undefined;
  return LEVEL_RANK[level.trim().toLowerCase()];
}

/** `org.hibernate.orm.jdbc.bind` within `org.hibernate` → the category itself up to `org.hibernate`. */
export function ancestorsWithin(category: string, within: string): string[] {
  const parts = category.split('.');
  const floor = within.split('.').length;
  const out: string[] = [];
  for (let n = parts.length; n >= floor; n--) out.push(parts.slice(0, n).join('.'));
  return out;
}

/** A canonical key pattern from a dotted prefix where `*` is any one segment. */
function prefixPattern(prefix: string, carrier: Parameters<typeof canonicalKey>[1]): RegExp {
  const parts = prefix.split('.').map((segment) => (segment === '*' ? '[^.]+' : escapeRegex(canonicalKey(segment, carrier))));
  return new RegExp(`^${parts.join('\\.')}\\.`);
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The entries that set the level of the closest configured ancestor of `category`. */
export function decidingEntries(entries: FlatEntry[], prefixes: RegExp[], category: string, within: string, carrier: Parameters<typeof canonicalKey>[1]): FlatEntry[] {
  const levelEntries = entries
    .map((entry) => {
      const prefix = prefixes.map((p) => p.exec(entry.canonicalKey)).find((m) => m !== null);
      return prefix ? { entry, logger: entry.canonicalKey.slice(prefix[0].length) } : undefined;
    })
    .filter((x): x is { entry: FlatEntry; logger: string } => x !== undefined);
  for (const ancestor of ancestorsWithin(category, within)) {
    const wanted = canonicalKey(ancestor, carrier);
    const found = levelEntries.filter((l) => l.logger === wanted).map((l) => l.entry);
    if (found.length > 0) return found;
  }
  return [];
}

registerPredicate('config-log-level', (scope: Scope, args): Evidence => {
  const name = 'config-log-level';
  const categories = stringListArg(args, 'categories', name);
  const prefixes = stringListArg(args, 'prefixes', name);
  const within = stringArg(args, 'within', name);
  const failAt = levelRank(stringArg(args, 'failAt', name));
  if (failAt === undefined) throw new Error(`predicate "${name}": unknown level in "failAt"`);
  const flat = flatScopeOf(scope);
  if (!flat) return { ...PASS };
  const carrier = flat.config.carrier;
  const patterns = prefixes.map((p) => prefixPattern(p, carrier));
  const results: Evidence[] = [];
  const seen = new Set<FlatEntry>();
  for (const category of categories) {
    for (const entry of decidingEntries(flat.entries, patterns, category, within, carrier)) {
      if (seen.has(entry)) continue;
      seen.add(entry);
      const lookup = entryLookup(entry);
      if (lookup.state === 'unknown') {
        results.push({ outcome: 'undetermined', range: lookup.range, reason: lookup.reason, origins: [], scope: flat });
        continue;
      }
      const rank = levelRank(entry.value);
      if (rank === undefined || rank > failAt) continue;
      results.push({
        outcome: 'fail',
        range: entry.valueRange,
        origins: [],
        lookup,
        scope: entryScope(flat, entry),
        valueText: `${entry.key} = ${String(entry.value)}`,
      });
    }
  }
  return results.length ? combineAll(results) : { ...PASS };
});
