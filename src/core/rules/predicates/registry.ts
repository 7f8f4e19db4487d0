/**
 * Named predicates: TypeScript checks that rule files call for logic YAML cannot say well. They
 * ship with the engine; a workspace cannot add any.
 */
import type { Scope } from '../../subjects/types';
import type { EvalContext, Evidence } from '../evaluate';

export type Predicate = (scope: Scope, args: Record<string, unknown>, ctx: EvalContext) => Evidence;

const predicates = new Map<string, Predicate>();

export function registerPredicate(name: string, predicate: Predicate): void {
  if (predicates.has(name)) throw new Error(`predicate "${name}" registered twice`);
  predicates.set(name, predicate);
}

export function getPredicate(name: string): Predicate | undefined {
  return predicates.get(name);
}

export function predicateNames(): string[] {
  return [...predicates.keys()].sort();
}
