/**
 * The `environment` of a compose service in both of its forms, the map (`KEY: value`) and the
 * list (`- KEY=value`), with the range of each value, the `compose-environment-value` predicate
 * that tests one variable the way a value test does, and `compose-environment-prefix`, which
 * passes when some variable name starts with `prefix`.
 *
 * Compose passes every value as a string; `${VAR}` and `$VAR` are interpolated from the shell or
 * the `.env` file when the file is read (`$$` is a literal `$`), so such values are not known
 * here. A variable listed without a value (`- KEY`, `KEY:`) is taken from the shell: not known
 * either.
 */
import type { Range } from '../../text/position';
import type { TreeNode } from '../../documents/tree';
import type { TreeHandle } from '../../subjects/tree-scope';
import type { Lookup, Scope } from '../../subjects/types';
import type { ValueTest } from '../condition-types';
import type { EvalContext, Evidence } from '../evaluate';
import { applyOperators } from '../operators';
import { PASS, stringArg } from './config-scopes';
import { registerPredicate } from './registry';

export interface EnvironmentVariable {
  name: string;
  /** The value compose passes, or undefined when it comes from the shell (`- KEY`, `KEY:`). */
  value: string | undefined;
  /** Where the value is written (the whole item or entry when there is no value). */
  range: Range;
  /** Whether the value holds `${VAR}` or `$VAR`, resolved only when compose reads the file. */
  interpolated: boolean;
  form: 'map' | 'list';
}

/** `${VAR}`, `${VAR:-default}` or `$VAR` outside a `$$` escape. */
export function isInterpolated(value: string): boolean {
  return /\$\{[^}]*\}|\$[A-Za-z_]/.test(value.replace(/\$\$/g, ''));
}

function scalarText(node: TreeNode): string | undefined {
  if (node.kind !== 'scalar' || node.value === null) return undefined;
  return String(node.value);
}

/** The part of a one-line list item after `KEY=` (quotes excluded), else the whole item. */
function listValueRange(text: string, node: TreeNode, nameLength: number): Range {
  const { start, end } = node.range;
  if (start.line !== end.line) return node.range;
  const raw = text.slice(start.offset, end.offset);
  const quoted = raw.startsWith('"') || raw.startsWith("'");
  const eq = raw.indexOf('=', quoted ? 1 : 0);
  if (eq < 0 || eq !== nameLength + (quoted ? 1 : 0)) return node.range;
  const from = eq + 1;
  const to = raw.length - (quoted && raw.length > 1 && raw.endsWith(raw[0]) ? 1 : 0);
  const at = (delta: number) => ({ offset: start.offset + delta, line: start.line, column: start.column + delta });
  return { start: at(from), end: at(Math.max(from, to)) };
}

/** The service's environment variables in file order, or [] when it has none. */
export function serviceEnvironment(scope: Scope): EnvironmentVariable[] {
  const handle = scope.handle as TreeHandle | undefined;
  if (handle?.kind !== 'tree' || handle.node.kind !== 'map') return [];
  const entry = [...handle.node.entries].reverse().find((e) => e.key === 'environment');
  if (!entry) return [];
  const out: EnvironmentVariable[] = [];
  if (entry.value.kind === 'map') {
    for (const e of entry.value.entries) {
      const value = scalarText(e.value);
      out.push({ name: e.key, value, range: value === undefined ? e.range : e.value.range, interpolated: value !== undefined && isInterpolated(value), form: 'map' });
    }
  } else if (entry.value.kind === 'seq') {
    for (const item of entry.value.items) {
      const text = scalarText(item);
      if (text === undefined) continue;
      const eq = text.indexOf('=');
      const name = (eq < 0 ? text : text.slice(0, eq)).trim();
      if (name === '') continue;
      const value = eq < 0 ? undefined : text.slice(eq + 1);
      const range = value === undefined ? item.range : listValueRange(handle.file.text, item, name.length);
      out.push({ name, value, range, interpolated: value !== undefined && isInterpolated(value), form: 'list' });
    }
  }
  return out;
}

/**
 * The last definition of a variable (compose keeps the last one). `ignoreCase` is for programs
 * that read their settings without regard to case, such as ASP.NET Core (`FhirServer__...`).
 */
export function environmentVariable(scope: Scope, name: string, ignoreCase = false): EnvironmentVariable | undefined {
  const wanted = ignoreCase ? name.toLowerCase() : name;
  return serviceEnvironment(scope)
    .filter((v) => (ignoreCase ? v.name.toLowerCase() : v.name) === wanted)
    .pop();
}

/** The lookup the variable gives, the way a value test sees it. */
export function variableLookup(scope: Scope, variable: EnvironmentVariable | undefined, name: string): Lookup {
  if (!variable) return { state: 'absent', anchor: scope.headerRange, scope, path: ['environment', name] };
  if (variable.value === undefined) {
    return { state: 'unknown', reason: `${name} is taken from the environment compose runs in`, range: variable.range, origins: [] };
  }
  if (variable.interpolated) {
    return { state: 'unknown', reason: `${name} is interpolated from ${variable.value} when compose reads the file`, range: variable.range, origins: [] };
  }
  return { state: 'known', value: variable.value, range: variable.range, origins: [] };
}

/**
 * Args: `variable` plus the operators of a value test (`equals`, `notEquals`, `oneOf`,
 * `notMatches`, `default`, ...), applied to the variable's string value; `ignoreNameCase: true`
 * finds the variable whatever the case of its name.
 */
registerPredicate('compose-environment-value', (scope: Scope, args, ctx: EvalContext): Evidence => {
  const name = stringArg(args, 'variable', 'compose-environment-value');
  const operators = Object.fromEntries(Object.entries(args).filter(([key]) => key !== 'variable' && key !== 'ignoreNameCase'));
  const test = { ...operators, path: `environment.${name}` } as ValueTest;
  const variable = environmentVariable(scope, name, args.ignoreNameCase === true);
  const lookup = variableLookup(scope, variable, variable?.name ?? name);
  if (lookup.state === 'unknown') return { outcome: 'undetermined', range: lookup.range, reason: lookup.reason, origins: [], lookup, scope };
  const value = lookup.state === 'known' ? lookup.value : test.default === undefined ? undefined : String(test.default);
  const verdict = applyOperators(test, value, ctx.config);
  if (verdict === true) return { ...PASS };
  if (verdict === false) {
    const range = lookup.state === 'known' ? lookup.range : scope.headerRange;
    return { outcome: 'fail', range, origins: [], lookup, scope, valueText: lookup.state === 'known' ? `${variable?.name ?? name}=${String(lookup.value)}` : `${name} unset` };
  }
  return { outcome: 'undetermined', range: lookup.state === 'known' ? lookup.range : scope.headerRange, reason: verdict.undetermined, origins: [], lookup, scope };
});

registerPredicate('compose-environment-prefix', (scope: Scope, args): Evidence => {
  const prefix = stringArg(args, 'prefix', 'compose-environment-prefix');
  if (serviceEnvironment(scope).some((v) => v.name.startsWith(prefix))) return { ...PASS };
  return { outcome: 'fail', range: scope.headerRange, origins: [], scope };
});
