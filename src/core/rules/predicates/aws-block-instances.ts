/**
 * Nested blocks as Terraform will create them: written blocks once, `dynamic` blocks once per
 * element of their `for_each` with the iterator bound, so each generated block is judged with its
 * own values (and a dynamic block over an empty list produces nothing).
 */
import { nestedBlockInstances } from '../../terraform';
import { Unknown } from '../../terraform/types';
import type { Range } from '../../text/position';
import { TerraformScope, blockHeaderRange } from '../../subjects/terraform-scope';

export interface BlockInstanceScope {
  scope: TerraformScope;
  /** The header a finding about the block as a whole points at (`dynamic "x"` for generated ones). */
  header: Range;
  /** Set when a dynamic block's collection is not known, so its blocks cannot be listed. */
  unknownReason?: string;
}

export function blockInstances(parent: TerraformScope, type: string): BlockInstanceScope[] {
  return nestedBlockInstances(parent.module, parent.body, type, parent.evalScope).map((instance) => {
    const { nested, scope } = instance;
    const child = new TerraformScope(parent.module, parent.file, nested.block, nested.body, scope, nested.dynamic !== undefined || parent.handle.dynamic);
    const iterator = nested.dynamic ? scope.locals?.[nested.dynamic.iterator] : undefined;
    const header = nested.dynamic ? blockHeaderRange(nested.dynamic.dynamicBlock) : child.headerRange;
    return { scope: child, header, unknownReason: iterator instanceof Unknown ? iterator.reason : undefined };
  });
}
