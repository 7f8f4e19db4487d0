/**
 * Lists whose items must avoid some values (`verbs: ["*"]`) or stay within an allow-list (added
 * capabilities, sysctls). Each offending item is its own finding; the evidence scope stays the
 * scope the check ran in (the container, the pod, the RBAC rule), so a fix can rewrite or remove
 * the whole list there.
 */
import { combineAll, splitPath, type Evidence } from '../evaluate';
import { registerPredicate } from './registry';
import { lookupOne, pass, undetermined } from './k8s-context';

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.map(String) : [];
}

/**
 * `args.path`: the list; `args.field`: for lists of maps, the key holding the compared value;
 * `args.forbidden` or `args.allowed`: the values (compared without case); `args.ignorePrefix`: a
 * prefix dropped before comparing (`CAP_` in capability names).
 */
registerPredicate('k8s-list-items', (scope, args): Evidence => {
  const path = typeof args.path === 'string' ? splitPath(args.path) : [];
  const field = typeof args.field === 'string' ? splitPath(args.field) : [];
  const forbidden = args.forbidden === undefined ? undefined : new Set(strings(args.forbidden).map((v) => v.toLowerCase()));
  const allowed = args.allowed === undefined ? undefined : new Set(strings(args.allowed).map((v) => v.toLowerCase()));
  const prefix = typeof args.ignorePrefix === 'string' ? args.ignorePrefix.toLowerCase() : '';
  if (path.length === 0 || (forbidden === undefined) === (allowed === undefined)) {
    throw new Error('k8s-list-items needs args.path and exactly one of args.forbidden and args.allowed');
  }
  const results: Evidence[] = [];
  for (const item of scope.items(path)) {
    const lookup = lookupOne(item, field);
    if (lookup.state === 'unknown') {
      results.push(undetermined(lookup, item));
      continue;
    }
    if (lookup.state !== 'known' || (typeof lookup.value !== 'string' && typeof lookup.value !== 'number')) continue;
    let text = String(lookup.value).trim().toLowerCase();
    if (prefix && text.startsWith(prefix)) text = text.slice(prefix.length);
    const offends = forbidden ? forbidden.has(text) : !allowed!.has(text);
    if (offends) results.push({ outcome: 'fail', range: lookup.range, origins: [], lookup, scope, valueText: String(lookup.value) });
  }
  return results.length ? combineAll(results) : pass();
});
