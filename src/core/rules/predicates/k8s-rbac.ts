/**
 * RBAC rules of Roles and ClusterRoles. Findings point at the offending list item (the `*`, the
 * `escalate` verb, the `secrets` resource); the evidence scope is the rule item, so a fix can
 * rewrite that rule's lists.
 */
import type { Scope } from '../../subjects/types';
import { combineAll, type Evidence } from '../evaluate';
import { registerPredicate } from './registry';
import { lookupOne, pass, undetermined } from './k8s-context';

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.map(String) : [];
}

/** Scalar items of a list below the scope, each with its own place. */
export function listItems(scope: Scope, path: string[]): Array<{ item: Scope; text?: string; evidence?: Evidence }> {
  return scope.items(path).map((item) => {
    const lookup = lookupOne(item, []);
    if (lookup.state === 'unknown') return { item, evidence: undetermined(lookup, item) };
    if (lookup.state === 'known' && (typeof lookup.value === 'string' || typeof lookup.value === 'number')) return { item, text: String(lookup.value) };
    return { item };
  });
}

/**
 * The current rule does not grant `args.verbs` on `args.resources` of the core API group. A rule
 * limited by `resourceNames` is narrow enough and passes; wildcards are reported by their own rules.
 */
registerPredicate('k8s-rbac-rule-not-granting', (scope, args): Evidence => {
  const resources = new Set(strings(args.resources));
  const verbs = new Set([...strings(args.verbs), '*']);
  if (resources.size === 0) throw new Error('k8s-rbac-rule-not-granting needs args.resources');
  const groups = listItems(scope, ['apiGroups']);
  const verbItems = listItems(scope, ['verbs']);
  const pending = [...groups, ...verbItems].find((g) => g.evidence);
  if (pending?.evidence) return pending.evidence;
  if (!groups.some((g) => g.text === '' || g.text === '*')) return pass();
  if (!verbItems.some((v) => v.text !== undefined && verbs.has(v.text))) return pass();
  const names = lookupOne(scope, ['resourceNames']);
  if (names.state === 'known' && strings(names.value).length > 0) return pass();
  const results: Evidence[] = [];
  for (const { item, text, evidence } of listItems(scope, ['resources'])) {
    if (evidence) results.push(evidence);
    else if (text !== undefined && resources.has(text)) {
      results.push({ outcome: 'fail', range: item.headerRange, origins: [], lookup: lookupOne(item, []), scope, valueText: text });
    }
  }
  return results.length ? combineAll(results) : pass();
});
