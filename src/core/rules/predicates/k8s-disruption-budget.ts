/**
 * A replicated workload that must stay available has a PodDisruptionBudget deployed with it whose
 * selector matches its pod template labels and which keeps at least one pod running during
 * voluntary disruptions (node drains, upgrades): `minAvailable` of 1 or more (a percentage above
 * 0%), or `maxUnavailable` below the replica count. Percentages are rounded up, as the disruption
 * controller does.
 */
import { mapGet, type TreeNode } from '../../documents/tree';
import type { K8sObject } from '../../kubernetes/objects';
import type { Range } from '../../text/position';
import type { Evidence } from '../evaluate';
import { registerPredicate } from './registry';
import { replicaFloor } from './k8s-availability';
import { NoFixScope, kubernetesSubject, missingCompanion, objectsOfKind, originAt, pass, podMetadata, sameNamespace, type PlacedObject } from './k8s-context';

type Tri = 'yes' | 'no' | 'unknown';

export interface PodLabels {
  values: Map<string, string>;
  /** Template lines or templated values may add or change labels. */
  open: boolean;
}

function podLabels(object: K8sObject): PodLabels {
  const node = mapGet(podMetadata(object), 'labels');
  const values = new Map<string, string>();
  let open = node?.kind === 'templated' || (node?.kind === 'map' && (node.templated?.length ?? 0) > 0);
  if (node?.kind === 'map') {
    for (const entry of node.entries) {
      if (entry.value.kind === 'scalar' && entry.value.value !== null) values.set(entry.key, String(entry.value.value));
      else if (entry.value.kind === 'templated') open = true;
    }
  }
  return { values, open };
}

function scalarText(node: TreeNode | undefined): string | undefined {
  return node?.kind === 'scalar' && node.value !== null ? String(node.value) : undefined;
}

function requirementHolds(expression: TreeNode, labels: PodLabels): Tri {
  const key = scalarText(mapGet(expression, 'key'));
  const operator = scalarText(mapGet(expression, 'operator'));
  const valuesNode = mapGet(expression, 'values');
  if (key === undefined || operator === undefined || mapGet(expression, 'key')?.kind === 'templated') return 'unknown';
  const values = valuesNode?.kind === 'seq' ? valuesNode.items.map(scalarText) : [];
  if (values.some((v) => v === undefined) || valuesNode?.kind === 'templated') return 'unknown';
  const has = labels.values.has(key);
  const value = labels.values.get(key);
  let holds: boolean;
  if (operator === 'In') holds = has && values.includes(value);
  else if (operator === 'NotIn') holds = !has || !values.includes(value);
  else if (operator === 'Exists') holds = has;
  else if (operator === 'DoesNotExist') holds = !has;
  else return 'unknown';
  return holds ? 'yes' : labels.open ? 'unknown' : 'no';
}

/** Whether a budget's label selector selects the pods; an absent selector selects none. */
export function selectorSelects(budget: K8sObject, labels: PodLabels): Tri {
  const selector = mapGet(mapGet(budget.root, 'spec'), 'selector');
  if (!selector || (selector.kind === 'scalar' && selector.value === null)) return 'no';
  if (selector.kind === 'templated') return 'unknown';
  if (selector.kind !== 'map') return 'no';
  const matchLabels = mapGet(selector, 'matchLabels');
  const expressions = mapGet(selector, 'matchExpressions');
  if (matchLabels?.kind === 'templated' || expressions?.kind === 'templated' || (selector.templated?.length ?? 0) > 0) return 'unknown';
  const results: Tri[] = [];
  if (matchLabels?.kind === 'map') {
    if ((matchLabels.templated?.length ?? 0) > 0) return 'unknown';
    for (const entry of matchLabels.entries) {
      if (entry.value.kind === 'templated') return 'unknown';
      const wanted = scalarText(entry.value);
      const matches = wanted !== undefined && labels.values.get(entry.key) === wanted;
      results.push(matches ? 'yes' : labels.open ? 'unknown' : 'no');
    }
  }
  if (expressions?.kind === 'seq') for (const expression of expressions.items) results.push(requirementHolds(expression, labels));
  // An empty selector selects every pod of the namespace in policy/v1 and none in v1beta1.
  if (results.length === 0) return budget.apiVersion === 'policy/v1beta1' ? 'no' : 'yes';
  return results.includes('no') ? 'no' : results.includes('unknown') ? 'unknown' : 'yes';
}

/** A budget value as the number of pods it stands for with `replicas` pods (percentages rounded up). */
function podsOf(node: TreeNode, replicas: number): number | undefined {
  if (node.kind !== 'scalar') return undefined;
  if (typeof node.value === 'number' && Number.isInteger(node.value)) return node.value;
  const percent = typeof node.value === 'string' ? /^\s*(\d+)%\s*$/.exec(node.value) : null;
  if (percent) return Math.ceil((replicas * Number(percent[1])) / 100);
  if (typeof node.value === 'string' && /^\s*\d+\s*$/.test(node.value)) return Number(node.value);
  return undefined;
}

type Verdict = { state: 'keeps-one' } | { state: 'unknown'; range: Range; reason: string } | { state: 'lets-all-go'; range: Range; text: string };

/** Whether the budget keeps at least one of `replicas` pods available. */
export function budgetVerdict(budget: K8sObject, replicas: number): Verdict {
  const spec = mapGet(budget.root, 'spec');
  const minAvailable = mapGet(spec, 'minAvailable');
  const maxUnavailable = mapGet(spec, 'maxUnavailable');
  const setting = minAvailable ?? maxUnavailable;
  // With neither field the disruption controller allows no voluntary eviction at all (the API
  // neither defaults nor rejects it): every pod stays up, so availability is kept (drains block).
  if (!setting) return { state: 'keeps-one' };
  if (setting.kind === 'templated') return { state: 'unknown', range: setting.range, reason: setting.reason };
  const pods = podsOf(setting, replicas);
  const written = setting.kind === 'scalar' ? String(setting.value) : 'a non-number';
  if (pods === undefined) return { state: 'lets-all-go', range: setting.range, text: written };
  const keepsOne = minAvailable ? pods >= 1 : pods <= replicas - 1;
  return keepsOne ? { state: 'keeps-one' } : { state: 'lets-all-go', range: setting.range, text: `${minAvailable ? 'minAvailable' : 'maxUnavailable'} ${written}` };
}

function budgetsFor(budgets: PlacedObject[], target: K8sObject): PlacedObject[] {
  return budgets.filter(({ object }) => sameNamespace(object, target));
}

registerPredicate('k8s-pod-disruption-budget', (_scope, _args, ctx): Evidence => {
  const subject = kubernetesSubject(ctx);
  const floor = replicaFloor(subject);
  if (floor.state === 'unknown') return floor.evidence;
  const replicas = floor.count ?? 1;
  const labels = podLabels(subject.object);
  const selecting: PlacedObject[] = [];
  let unsure: Evidence | undefined;
  for (const budget of budgetsFor(objectsOfKind(subject, 'PodDisruptionBudget'), subject.object)) {
    const selects = selectorSelects(budget.object, labels);
    if (selects === 'yes') selecting.push(budget);
    else if (selects === 'unknown' && !unsure) {
      const origins = originAt(subject, budget, budget.object.headerRange, `PodDisruptionBudget ${budget.object.name}`);
      unsure = { outcome: 'undetermined', range: subject.headerRange, reason: `whether PodDisruptionBudget ${budget.object.name} selects these pods is only known after rendering`, origins };
    }
  }
  const failures: Evidence[] = [];
  for (const budget of selecting) {
    const verdict = budgetVerdict(budget.object, replicas);
    if (verdict.state === 'keeps-one') return pass();
    const origins = originAt(subject, budget, verdict.range, `PodDisruptionBudget ${budget.object.name}`);
    const range = origins.length ? subject.headerRange : verdict.range;
    if (verdict.state === 'unknown') unsure = { outcome: 'undetermined', range, reason: verdict.reason, origins };
    else failures.push({ outcome: 'fail', range, origins, scope: new NoFixScope(range), valueText: `PodDisruptionBudget ${budget.object.name} lets every pod go (${verdict.text})` });
  }
  if (unsure) return unsure;
  if (failures.length) return failures[0];
  const missing: Evidence = { outcome: 'fail', range: subject.headerRange, origins: [], scope: new NoFixScope(subject.headerRange), valueText: 'no PodDisruptionBudget selects its pods' };
  return missingCompanion(subject, missing, 'PodDisruptionBudget selecting its pods');
});
