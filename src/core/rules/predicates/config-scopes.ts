/**
 * Building blocks for predicates over flattened application configuration, and the predicates
 * that rules combine with their own conditions:
 *
 * - `config-outside-development` runs `require` only on settings that can reach production:
 *   entries of a development or test profile (`application-dev.yml`, a `dev` document,
 *   `appsettings.Development.json`) and files that only serve development, tests or as examples
 *   (`src/test/...`, `.env.local`, `docker-compose.test.yml`, `.env.example`) are left out.
 * - `config-children` runs `require` inside every child group of a key (`hapi.fhir.tester.home`,
 *   `hapi.fhir.tester.global`, ...), since flat paths cannot say "any name here".
 * - `config-settings` applies one value test to several settings, failing each offending value on
 *   its own (see below).
 * - `config-profile-overlay` passes for profile files (`application-prod.yml`), where a missing
 *   setting is inherited from the base file rather than left at its default.
 *
 * Fixes inside a child group work for values that are written: a fix op with path `''` edits the
 * value the group stands for, any other path is relative to the group. A group never adds keys
 * (the editors would put them at the top of the file), so failures about missing keys inside a
 * group come without a fix.
 */
import type { Range } from '../../text/position';
import type { FlatEntry } from '../../documents/flat';
import { canonicalKey } from '../../appconfig/canonical-key';
import { FlatScope } from '../../subjects/flat-scope';
import type { Lookup, Scope } from '../../subjects/types';
import type { Condition, ValueTest } from '../condition-types';
import { combineAll, combineAny, evaluateCondition, type EvalContext, type Evidence } from '../evaluate';
import { applyOperators } from '../operators';
import { registerPredicate } from './registry';

/** Profile and file-name words that mean "development, tests or an example", never production. */
const NON_PRODUCTION_WORDS = new Set([
  'dev',
  'develop',
  'development',
  'local',
  'test',
  'tests',
  'testing',
  'unittest',
  'integrationtest',
  'ci',
  'e2e',
  'debug',
  'example',
  'examples',
  'sample',
  'samples',
  'template',
  'dist',
]);

export const PASS: Evidence = { outcome: 'pass', origins: [] };

/** The flattened configuration behind a scope, when it is one. */
export function flatScopeOf(scope: Scope): FlatScope | undefined {
  return scope instanceof FlatScope ? scope : undefined;
}

/**
 * Whether a Spring profile expression or ASP.NET environment names only development profiles:
 * `dev`, `Development`, `local,test`, `dev & (local)`; `prod`, `!dev` or `prod,dev` are not.
 */
export function isDevelopmentProfile(profile: string | undefined): boolean {
  if (!profile) return false;
  const words = profile
    .split(/[\s,&|()]+/)
    .filter((w) => w !== '')
    .map((w) => w.toLowerCase());
  if (words.length === 0 || words.some((w) => w.startsWith('!'))) return false;
  return words.every((w) => w.split(/[-_.]/).some((part) => NON_PRODUCTION_WORDS.has(part)));
}

/** Directory-name words that mark test code (`src/test/`, `integration-tests/`, `e2e/`). */
const TEST_DIRECTORY_WORDS = new Set(['test', 'tests', 'testing', 'e2e']);

/**
 * Files that only serve development, tests or as examples: directly in a test folder
 * (`tests/`, `orthanc-integration-tests/`), anywhere in a build tool's test source set
 * (`src/test/`, `src/integrationTest/`), or named with such a word (`.env.local`,
 * `application-test.yaml`, `docker-compose.dev.yml`, `.env.example`, `orthanc.sample.json`).
 * A `tests` folder further up is where a checkout or a fixture collection happens to live and
 * must not silence every file below it.
 */
export function isNonProductionFile(path: string): boolean {
  // Asked by every rule about every subject of a file, one file after the other.
  if (lastAsked?.path === path) return lastAsked.answer;
  const answer = nonProductionPath(path);
  lastAsked = { path, answer };
  return answer;
}

let lastAsked: { path: string; answer: boolean } | undefined;

function nonProductionPath(path: string): boolean {
  const parts = path.replace(/\\/g, '/').toLowerCase().split('/');
  const name = parts.pop() ?? '';
  const words = (text: string) => text.split(/[-_.]/);
  const isTestFolder = (dir: string) => words(dir).some((word) => TEST_DIRECTORY_WORDS.has(word));
  const parent = parts[parts.length - 1];
  if (parent !== undefined && isTestFolder(parent)) return true;
  if (parts.some((dir, i) => dir === 'src' && i + 1 < parts.length && /test/.test(parts[i + 1]))) return true;
  return words(name).some((word) => NON_PRODUCTION_WORDS.has(word));
}

/**
 * A Spring profile file (`application-prod.yml`) or ASP.NET environment file
 * (`appsettings.Production.json`): every entry belongs to a profile, so settings it leaves out
 * come from the base file and their defaults say nothing.
 */
export function isProfileOverlay(scope: FlatScope): boolean {
  return scope.entries.length > 0 && scope.entries.every((e) => e.profile !== undefined);
}

/** The same configuration without the entries of development profiles. */
export function withoutDevelopmentEntries(scope: FlatScope): FlatScope {
  const kept = scope.entries.filter((e) => !isDevelopmentProfile(e.profile));
  if (kept.length === scope.entries.length) return scope;
  return new FlatScope(scope.config, scope.headerRange, scope.handle.text, scope.handle.tree, kept, scope.handle.section);
}

/** The lookup a flat entry gives, the way the flat scope reports it. */
export function entryLookup(entry: FlatEntry): Lookup {
  if (entry.templated) {
    return {
      state: 'unknown',
      reason: `"${entry.key}" is set from a placeholder (${String(entry.value)}) that is resolved at run time`,
      range: entry.valueRange,
      origins: [],
    };
  }
  return { state: 'known', value: entry.value, range: entry.valueRange, keyRange: entry.keyRange, origins: [] };
}

/**
 * The settings below one key (`hapi.fhir.tester.home` in canonical form), addressed by paths
 * relative to it; the empty path is the value of the key itself.
 */
export class EntryGroupScope implements Scope {
  readonly handle: FlatScope['handle'];

  constructor(
    readonly base: FlatScope,
    /** Canonical key of the group (`hapi.fhir.tester.home`). */
    readonly prefix: string,
    readonly headerRange: Range,
  ) {
    this.handle = base.handle;
  }

  /** Entries whose key is the group's key or lies below it. */
  get entries(): FlatEntry[] {
    return this.base.entries.filter((e) => e.canonicalKey === this.prefix || e.canonicalKey.startsWith(this.prefix + '.'));
  }

  resolve(path: string[]): Lookup[] {
    const relative = canonicalKey(path.filter((s) => s !== '').join('.'), this.base.config.carrier);
    const key = relative === '' ? this.prefix : `${this.prefix}.${relative}`;
    const found = this.base.entries.filter((e) => e.canonicalKey === key);
    if (found.length === 0) return [{ state: 'absent', anchor: this.headerRange, scope: READ_ONLY, path }];
    return found.map(entryLookup);
  }

  items(): Scope[] {
    return [];
  }
}

/** A place no fix writer edits: failures about keys missing inside a group carry it. */
const READ_ONLY: Scope = {
  headerRange: { start: { offset: 0, line: 0, column: 0 }, end: { offset: 0, line: 0, column: 0 } },
  handle: { kind: 'read-only' },
  resolve: () => [],
  items: () => [],
};

/** One group per distinct key segment directly below `path` (canonical spelling), in file order. */
export function childGroups(scope: FlatScope, path: string): EntryGroupScope[] {
  const parent = canonicalKey(path, scope.config.carrier);
  const groups = new Map<string, EntryGroupScope>();
  for (const entry of scope.entries) {
    if (!entry.canonicalKey.startsWith(parent + '.')) continue;
    const child = entry.canonicalKey.slice(parent.length + 1).split('.')[0];
    if (child === '' || groups.has(child)) continue;
    groups.set(child, new EntryGroupScope(scope, `${parent}.${child}`, entry.keyRange));
  }
  return [...groups.values()];
}

/** A group scope for the exact key of an entry, so a fix with path `''` edits that value. */
export function entryScope(scope: FlatScope, entry: FlatEntry): EntryGroupScope {
  return new EntryGroupScope(scope, entry.canonicalKey, entry.keyRange);
}

/** A nested condition passed to a predicate, checked when the rule runs. */
export function conditionArg(args: Record<string, unknown>, name: string, predicate: string): Condition {
  const value = args[name];
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    throw new Error(`predicate "${predicate}" needs a condition in "${name}"`);
  }
  return value as Condition;
}

export function stringArg(args: Record<string, unknown>, name: string, predicate: string): string {
  const value = args[name];
  if (typeof value !== 'string' || value === '') throw new Error(`predicate "${predicate}" needs a string "${name}"`);
  return value;
}

export function stringListArg(args: Record<string, unknown>, name: string, predicate: string): string[] {
  const value = args[name];
  if (!Array.isArray(value) || value.length === 0 || !value.every((v) => typeof v === 'string')) {
    throw new Error(`predicate "${predicate}" needs a list of strings in "${name}"`);
  }
  return value as string[];
}

/**
 * `config-settings`: every setting in `paths` satisfies the value test given by the other args
 * (`notEquals`, `oneOf`, `default`, ...). Unlike a list of value tests, each failing written
 * value carries its own setting as scope, so one fix op with path `''` rewrites exactly the
 * values that fail and adds nothing where a setting is absent.
 */
registerPredicate('config-settings', (scope: Scope, args, ctx: EvalContext): Evidence => {
  const paths = stringListArg(args, 'paths', 'config-settings');
  const operators = Object.fromEntries(Object.entries(args).filter(([key]) => key !== 'paths'));
  const flat = flatScopeOf(scope);
  if (!flat) return { ...PASS };
  const results: Evidence[] = [];
  for (const path of paths) {
    const test = { ...operators, path } as ValueTest;
    const key = canonicalKey(path, flat.config.carrier);
    const entries = flat.entries.filter((e) => e.canonicalKey === key);
    if (entries.length === 0) {
      if (applyOperators(test, test.default, ctx.config) !== true) {
        results.push({ outcome: 'fail', range: flat.headerRange, origins: [], scope: READ_ONLY, lookup: { state: 'absent', anchor: flat.headerRange, scope: READ_ONLY, path: path.split('.') } });
      }
      continue;
    }
    for (const entry of entries) {
      const lookup = entryLookup(entry);
      if (lookup.state === 'unknown') {
        results.push({ outcome: 'undetermined', range: lookup.range, reason: lookup.reason, origins: [], scope: flat });
        continue;
      }
      const verdict = applyOperators(test, entry.value, ctx.config);
      if (verdict === true) continue;
      if (verdict === false) {
        const valueText = typeof entry.value === 'string' ? entry.value : JSON.stringify(entry.value);
        results.push({ outcome: 'fail', range: entry.valueRange, origins: [], lookup, scope: entryScope(flat, entry), valueText });
      } else {
        results.push({ outcome: 'undetermined', range: entry.valueRange, reason: verdict.undetermined, origins: [], scope: flat });
      }
    }
  }
  return results.length ? combineAll(results) : { ...PASS };
});

registerPredicate('config-outside-development', (scope: Scope, args, ctx: EvalContext): Evidence => {
  const require = conditionArg(args, 'require', 'config-outside-development');
  if (isNonProductionFile(ctx.subject.file)) return { ...PASS };
  const flat = flatScopeOf(scope);
  return evaluateCondition(require, flat ? withoutDevelopmentEntries(flat) : scope, ctx);
});

registerPredicate('config-profile-overlay', (scope: Scope): Evidence => {
  const flat = flatScopeOf(scope);
  return flat && isProfileOverlay(flat) ? { ...PASS } : { outcome: 'fail', range: scope.headerRange, origins: [], scope };
});

registerPredicate('config-children', (scope: Scope, args, ctx: EvalContext): Evidence => {
  const path = stringArg(args, 'path', 'config-children');
  const match = args.match === 'any' ? 'any' : 'all';
  const flat = flatScopeOf(scope);
  const groups = flat ? childGroups(flat, path) : [];
  if (groups.length === 0) return match === 'all' ? { ...PASS } : { outcome: 'fail', range: scope.headerRange, origins: [], scope: READ_ONLY };
  if (args.require === undefined) return { ...PASS };
  const require = conditionArg(args, 'require', 'config-children');
  const results = groups.map((group) => evaluateCondition(require, group, ctx));
  return match === 'all' ? combineAll(results) : combineAny(results, scope);
});
