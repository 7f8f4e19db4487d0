/** Runs one Kubernetes predicate on the subjects of a YAML text, without rules or fixtures. */
import { parseYamlTree } from '../../../src/core/yaml/parse-yaml';
import { kubernetesObjects } from '../../../src/core/kubernetes/objects';
import { kubernetesSubjects, type KubernetesSubject } from '../../../src/core/subjects/kubernetes-subjects';
import { defaultConfig } from '../../../src/core/config/defaults';
import type { EngineConfig } from '../../../src/core/config/types';
import type { Evidence } from '../../../src/core/rules/evaluate';
import type { Scope } from '../../../src/core/subjects/types';
import { getPredicate } from '../../../src/core/rules/predicates';

export function subjectsOf(yaml: string): KubernetesSubject[] {
  const tree = parseYamlTree(yaml);
  return kubernetesSubjects(tree, '/test/manifest.yaml', kubernetesObjects(tree));
}

/** The subject of a scope (`object`, `pod`, `container`), picked by its name or kind when several match. */
export function subjectOf(yaml: string, scope: 'object' | 'pod' | 'container', name?: string): KubernetesSubject {
  const found = subjectsOf(yaml).filter((s) => s.scope === scope && (name === undefined || s.name.includes(name)));
  if (found.length === 0) throw new Error(`no ${scope} subject${name ? ` named ${name}` : ''}`);
  return found[0];
}

export function run(predicate: string, subject: KubernetesSubject, args: Record<string, unknown> = {}, config: EngineConfig = defaultConfig()): Evidence {
  return runIn(predicate, subject, subject, args, config);
}

/** Runs a predicate in a scope inside the subject (an RBAC rule item under `each: rules`, say). */
export function runIn(predicate: string, scope: Scope, subject: KubernetesSubject, args: Record<string, unknown> = {}, config: EngineConfig = defaultConfig()): Evidence {
  const check = getPredicate(predicate);
  if (!check) throw new Error(`predicate ${predicate} is not registered`);
  return check(scope, args, { config, subject, related: () => [] });
}

/** The text each failing (or undetermined) place covers, the main one first. */
export function covered(yaml: string, evidence: Evidence): string[] {
  const all = [evidence, ...(evidence.others ?? [])].filter((e) => e.outcome !== 'pass' && e.range);
  return all.map((e) => yaml.slice(e.range!.start.offset, e.range!.end.offset));
}

export function pod(spec: string, containers = '  containers:\n    - name: app\n      image: example.eu/app:1.0.0\n'): string {
  return `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n${spec}${containers}`;
}
