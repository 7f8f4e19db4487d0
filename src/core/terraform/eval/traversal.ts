/** Splits `var.settings["x"].enabled` into its root name and the steps after it. */
import type { Range } from '../../text/position';
import type { Expression } from '../../hcl/ast';

export type TraversalStep = { kind: 'attr'; name: string; range: Range } | { kind: 'index'; key: Expression; range: Range };

export interface Traversal {
  root: string;
  rootRange: Range;
  steps: TraversalStep[];
}

/** Undefined when the chain does not start at a plain name (e.g. `func().x`, `(a ? b : c).x`). */
export function traversalOf(expr: Expression): Traversal | undefined {
  const steps: TraversalStep[] = [];
  let current = expr;
  for (;;) {
    if (current.type === 'GetAttr') {
      steps.push({ kind: 'attr', name: current.name, range: current.nameRange });
      current = current.target;
    } else if (current.type === 'Index') {
      steps.push({ kind: 'index', key: current.key, range: current.key.range });
      current = current.target;
    } else if (current.type === 'Variable') {
      return { root: current.name, rootRange: current.range, steps: steps.reverse() };
    } else {
      return undefined;
    }
  }
}
