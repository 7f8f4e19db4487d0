/**
 * What a rule may read besides its subject, judged from its definition alone. Value tests, `each`,
 * `some` and the boolean combinators read the subject (and, in Terraform, what its expressions
 * evaluate to); `related` reads resources of the named types; a named predicate is TypeScript that
 * may read anything in the file or module, so a rule calling one is never reused after a change,
 * unless the predicate is listed in `CHECKED_PREDICATES` below.
 */
import type { Condition } from '../rules/condition-types';
import type { Rule } from '../rules/rule';

export interface RuleReads {
  /** The rule calls a named predicate. */
  predicates: boolean;
  /** Resource types reached through `related` conditions. */
  relatedTypes: ReadonlySet<string>;
}

/**
 * Predicates whose reads were checked by reading their code: they look at the subject's own block
 * and at what its references reach (variable defaults, locals, referenced resources and data
 * sources, provider regions), like a value test, plus companion resources of the listed types,
 * like a `related` condition. Changes to variables, providers and module calls stop all reuse, so
 * reading those is safe. For Kubernetes predicates the listed types are object kinds. `test/unit/engine/rule-dependencies.test.ts` fails when their source
 * starts reaching further.
 */
export const CHECKED_PREDICATES: Readonly<Record<string, (args: Record<string, unknown>) => string[]>> = {
  'tf-no-literal-secrets': () => [],
  'aws-no-literal-secret': () => [],
  'aws-policy-not-public': () => [],
  'aws-destination-in-allowed-region': () => [],
  'aws-s3-denies-insecure-transport': () => ['aws_s3_bucket_policy'],
  'aws-related-enabled': (args) => (Array.isArray(args.types) ? args.types.map(String) : ['*']),
  // Kubernetes: these read the object they are given (its pod spec, containers, annotations) only.
  'k8s-host-path-volumes': () => [],
  'k8s-annotation-not': () => [],
  'k8s-ingress-tls-covers-hosts': () => [],
  'k8s-list-items': () => [],
  'k8s-rbac-rule-not-granting': () => [],
  'k8s-effective-security-context': () => [],
  'k8s-runs-as-non-root': () => [],
  'k8s-no-root-group': () => [],
  'k8s-seccomp-confined': () => [],
  'k8s-apparmor-not-unconfined': () => [],
  'k8s-load-balancer-health-ports-restricted': () => [],
  'k8s-node-port-no-health-ports': () => [],
  'k8s-long-running-container': () => [],
  'k8s-container-in-groups': () => [],
  'k8s-labelled-health-data': () => [],
  'k8s-linux-pod': () => [],
  'k8s-env-no-secret-literal': () => [],
  // Kubernetes: these also look up companion objects of the listed kinds in the file and the
  // manifest set (`objectsOfKind`), and whether part of the set went unread (`missingCompanion`).
  'k8s-min-replicas': () => ['HorizontalPodAutoscaler'],
  'k8s-replicas-at-least': () => ['HorizontalPodAutoscaler'],
  'k8s-pod-disruption-budget': () => ['PodDisruptionBudget', 'HorizontalPodAutoscaler'],
  'k8s-container-resource-set': () => ['LimitRange'],
  'k8s-service-account-token-not-mounted': () => ['ServiceAccount'],
  'k8s-namespace-default-deny-ingress': () => ['NetworkPolicy'],
  // Reads its own policy only, but shares its file (checked as a whole) with the one above.
  'k8s-network-policy-ingress-sources': () => ['NetworkPolicy'],
};

function visit(condition: Condition, reads: { predicates: boolean; relatedTypes: Set<string> }, depth: number): void {
  // Rule files are validated, but an unexpectedly deep definition must not be trusted as local.
  if (depth > 64) {
    reads.predicates = true;
    return;
  }
  const c = condition as unknown as Record<string, unknown>;
  if (typeof c.path === 'string') return;
  if (Array.isArray(c.all)) for (const inner of c.all as Condition[]) visit(inner, reads, depth + 1);
  else if (Array.isArray(c.any)) for (const inner of c.any as Condition[]) visit(inner, reads, depth + 1);
  else if (c.not) visit(c.not as Condition, reads, depth + 1);
  else if (typeof c.each === 'string') {
    visit(c.require as Condition, reads, depth + 1);
    if (c.where) visit(c.where as Condition, reads, depth + 1);
  } else if (typeof c.some === 'string') visit(c.require as Condition, reads, depth + 1);
  else if (c.related && typeof c.related === 'object') {
    const related = c.related as { types: string[]; require?: Condition };
    for (const type of related.types) reads.relatedTypes.add(type);
    if (related.require) visit(related.require, reads, depth + 1);
  } else if (typeof c.predicate === 'string' && Object.prototype.hasOwnProperty.call(CHECKED_PREDICATES, c.predicate)) {
    const args = (c.args ?? {}) as Record<string, unknown>;
    for (const type of CHECKED_PREDICATES[c.predicate](args)) reads.relatedTypes.add(type);
    // A condition handed to the predicate (run on each companion) is read like any other.
    if (args.require && typeof args.require === 'object') visit(args.require as Condition, reads, depth + 1);
  } else reads.predicates = true; // another predicate, or a shape this classifier does not know
}

const cache = new WeakMap<Rule, RuleReads>();

export function ruleReads(rule: Rule): RuleReads {
  let reads = cache.get(rule);
  if (!reads) {
    const found = { predicates: false, relatedTypes: new Set<string>() };
    visit(rule.condition, found, 0);
    if (rule.select.when) visit(rule.select.when, found, 0);
    reads = found;
    cache.set(rule, reads);
  }
  return reads;
}
