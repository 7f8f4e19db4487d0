/**
 * Scopes over Terraform resource bodies. Nested blocks (including those written by `dynamic`
 * blocks) fan out; attribute values are evaluated through the project model, so a value set by a
 * variable, tfvars file, local or module input is seen as the user would see it after `plan`.
 */
import type { Range } from '../text/position';
import type { Block, Body } from '../hcl/ast';
import { Unknown, type EvalScope, type TerraformModule, type TfValue, type ValueOrigin } from '../terraform/types';
import { evaluate, getAttribute, nestedBlocks } from '../terraform';
import type { Lookup, Scope } from './types';
import { newRange, UNTRACKED } from '../util/lint-lived';

export interface HclHandle {
  kind: 'hcl';
  module: TerraformModule;
  file: string;
  /** The block this scope stands for (resource, or nested block). */
  block: Block;
  body: Body;
  evalScope: EvalScope;
  /** Set when the block was produced by a `dynamic` block: edits must go to its content. */
  dynamic: boolean;
}

/** `resource "aws_s3_bucket" "records"`: from the block type to the end of the last label. */
export function blockHeaderRange(block: Block): Range {
  const last = block.labels[block.labels.length - 1];
  return newRange(block.typeRange.start, last ? last.range.end : block.typeRange.end);
}

export function firstUnknown(value: unknown, depth = 0): Unknown | undefined {
  if (value instanceof Unknown) return value;
  if (depth > 32 || value === null || typeof value !== 'object') return undefined;
  for (const v of Array.isArray(value) ? value : Object.values(value)) {
    const u = firstUnknown(v, depth + 1);
    if (u) return u;
  }
  return undefined;
}

export class TerraformScope implements Scope {
  readonly handle: HclHandle;
  readonly headerRange: Range;

  constructor(
    readonly module: TerraformModule,
    readonly file: string,
    readonly block: Block,
    readonly body: Body,
    readonly evalScope: EvalScope,
    dynamic = false,
  ) {
    // One per subject, kept to the next lint: untracked (see lint-lived.ts).
    this.handle = { ...UNTRACKED, kind: 'hcl', module, file, block, body, evalScope, dynamic };
    this.headerRange = blockHeaderRange(block);
  }

  resolve(path: string[]): Lookup[] {
    if (path.length === 0) return [{ state: 'known', value: {}, range: this.headerRange, origins: [] }];
    const [head, ...rest] = path;
    const attribute = getAttribute(this.body, head);
    if (attribute) {
      const evaluated = evaluate(this.module, attribute.expr, this.evalScope);
      const origin: ValueOrigin = { file: this.file, range: attribute.expr.range, description: `${head} in ${this.file}` };
      return [valueLookup(evaluated.value, rest, attribute.expr.range, attribute.nameRange, [origin, ...evaluated.origins], this, path)];
    }
    const blocks = nestedBlocks(this.body, head);
    if (blocks.length === 0) return [{ state: 'absent', anchor: this.headerRange, scope: this, path }];
    const out: Lookup[] = [];
    for (const nested of blocks) {
      const child = this.child(nested.block, nested.body, nested.dynamic !== undefined);
      if (nested.dynamic && nested.dynamic.forEach) {
        // A dynamic block with an unknown collection may produce zero or many blocks.
        const coll = evaluate(this.module, nested.dynamic.forEach.expr, this.evalScope);
        const unknown = firstUnknown(coll.value);
        if (unknown && rest.length > 0) {
          out.push({ state: 'unknown', reason: `the blocks come from a dynamic block over ${unknown.reason}`, range: nested.dynamic.forEach.expr.range, origins: coll.origins });
          continue;
        }
      }
      if (rest.length === 0) out.push({ state: 'known', value: {}, range: blockHeaderRange(nested.block), origins: [] });
      else out.push(...child.resolve(rest));
    }
    return out;
  }

  items(path: string[]): Scope[] {
    let scopes: TerraformScope[] = [this];
    for (const segment of path) {
      const next: TerraformScope[] = [];
      for (const scope of scopes) {
        for (const nested of nestedBlocks(scope.body, segment)) next.push(scope.child(nested.block, nested.body, nested.dynamic !== undefined));
      }
      scopes = next;
    }
    return scopes;
  }

  child(block: Block, body: Body, dynamic: boolean): TerraformScope {
    return new TerraformScope(this.module, this.file, block, body, this.evalScope, dynamic || this.handle.dynamic);
  }
}

function valueLookup(
  value: TfValue,
  rest: string[],
  range: Range,
  keyRange: Range,
  origins: ValueOrigin[],
  scope: Scope,
  path: string[],
): Lookup {
  let current: unknown = value;
  for (const key of rest) {
    if (current instanceof Unknown) break;
    if (current === null || current === undefined) return { state: 'absent', anchor: range, scope, path };
    if (Array.isArray(current)) {
      // Attribute-as-block syntax (`site_config = [{...}]`): look inside the first element.
      current = /^\d+$/.test(key) ? current[Number(key)] : (current[0] as Record<string, unknown> | undefined)?.[key];
    } else if (typeof current === 'object') {
      current = (current as Record<string, unknown>)[key];
    } else {
      return { state: 'absent', anchor: range, scope, path };
    }
    if (current === undefined) return { state: 'absent', anchor: range, scope, path };
  }
  if (current instanceof Unknown) {
    return { state: 'unknown', reason: current.reason, range, origins: [...origins, ...current.origins] };
  }
  return { state: 'known', value: current, range, keyRange, origins };
}
