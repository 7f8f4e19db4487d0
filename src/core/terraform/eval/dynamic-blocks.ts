/**
 * `dynamic` blocks: one generated block per element of `for_each`, with the iterator bound to
 * `{ key, value }`. Also knows which attribute expressions sit inside a dynamic `content`, so an
 * evaluation that did not bind the iterator still gets a sound answer (see `evalInDynamicContext`).
 */
import type { Attribute, Body, Expression } from '../../hcl/ast';
import { getBlocks, nestedBlocks, dynamicIterator, getAttribute } from '../blocks';
import { Unknown, type EvalScope, type NestedBlock, type TerraformModule, type TfValue } from '../types';
import type { EvalContext } from './context';
import { evalExpr } from './expressions';
import { MAX_INSTANCES } from './instances';
import { EvalFailure, agreeing, isObject, sortedKeys, typeName } from './values';
import { SideTable } from '../../util/side-table';

export interface BlockInstance {
  nested: NestedBlock;
  /** The scope to evaluate the block's attributes in (iterator bound for dynamic blocks). */
  scope: EvalScope;
}

interface DynamicFrame {
  type: string;
  iterator: string;
  forEach?: Attribute;
}

export function expandNestedBlocks(body: Body, type: string, ctx: EvalContext): BlockInstance[] {
  const out: BlockInstance[] = [];
  for (const nested of nestedBlocks(body, type)) {
    if (!nested.dynamic) {
      out.push({ nested, scope: ctx.scope });
      continue;
    }
    const frame = { type, iterator: nested.dynamic.iterator, forEach: nested.dynamic.forEach };
    for (const scope of iteratorScopes(frame, ctx)) out.push({ nested, scope });
  }
  return out;
}

/** One scope per element of the dynamic block's for_each; one with an unknown iterator if unknown. */
function iteratorScopes(frame: DynamicFrame, ctx: EvalContext): EvalScope[] {
  const bind = (binding: TfValue): EvalScope => ({ ...ctx.scope, locals: { ...ctx.scope.locals, [frame.iterator]: binding } });
  if (!frame.forEach) return []; // Terraform requires for_each; without it nothing is generated
  const collection = evalExpr(frame.forEach.expr, ctx);
  if (collection instanceof Unknown) {
    return [bind(new Unknown(`the elements of dynamic "${frame.type}" are not known: ${collection.reason}`, collection.origins))];
  }
  let entries: Array<[TfValue, TfValue]>;
  if (Array.isArray(collection)) entries = collection.map((v, i) => [i, v]);
  else if (isObject(collection)) entries = sortedKeys(collection).map((k) => [k, collection[k]]);
  else if (collection === null) entries = [];
  else return [bind(new EvalFailure(`dynamic "${frame.type}" needs a collection, not ${typeName(collection)}`))];
  if (entries.length > MAX_INSTANCES) {
    return [bind(new Unknown(`dynamic "${frame.type}" has ${entries.length} elements; more than ${MAX_INSTANCES} are not expanded`))];
  }
  return entries.map(([key, value]) => bind({ key, value }));
}

const frameIndexes = new SideTable<TerraformModule, Map<Expression, DynamicFrame[]>>('dynamic frames');

/** For every attribute expression inside dynamic content, the dynamic blocks around it (outermost first). */
function frameIndexOf(module: TerraformModule): Map<Expression, DynamicFrame[]> {
  let index = frameIndexes.get(module);
  if (index) return index;
  index = new Map();
  for (const resource of [...module.resources, ...module.dataSources]) indexBody(resource.block.body, [], index, 0);
  frameIndexes.set(module, index);
  return index;
}

function indexBody(body: Body, frames: DynamicFrame[], index: Map<Expression, DynamicFrame[]>, depth: number): void {
  if (depth > 32) return;
  for (const item of body.items) {
    if (item.type === 'Attribute') {
      if (frames.length > 0) index.set(item.expr, frames);
      continue;
    }
    if (item.blockType !== 'dynamic') {
      indexBody(item.body, frames, index, depth + 1);
      continue;
    }
    // The dynamic block's own arguments (for_each, iterator) see only the outer iterators.
    for (const inner of item.body.items) if (inner.type === 'Attribute' && frames.length > 0) index.set(inner.expr, frames);
    const content = getBlocks(item.body, 'content')[0];
    if (!content) continue;
    const frame: DynamicFrame = { type: item.labels[0]?.value ?? 'dynamic', iterator: dynamicIterator(item), forEach: getAttribute(item.body, 'for_each') };
    indexBody(content.body, [...frames, frame], index, depth + 1);
  }
}

/**
 * Evaluates an attribute expression; when it lies inside dynamic content whose iterator the caller
 * did not bind, evaluates it for every generated block and keeps the value only if all agree.
 */
export function evalInDynamicContext(expr: Expression, ctx: EvalContext): TfValue {
  const frames = frameIndexOf(ctx.module).get(expr);
  const unbound = frames?.filter((f) => !(ctx.scope.locals && Object.prototype.hasOwnProperty.call(ctx.scope.locals, f.iterator)));
  if (!unbound || unbound.length === 0) return evalExpr(expr, ctx);
  let scopes: EvalScope[] = [ctx.scope];
  for (const frame of unbound) {
    scopes = scopes.flatMap((scope) => iteratorScopes(frame, { ...ctx, scope }));
    if (scopes.length > MAX_INSTANCES) return new Unknown(`the nested dynamic blocks produce more than ${MAX_INSTANCES} blocks`);
  }
  const values = scopes.map((scope) => evalExpr(expr, { ...ctx, scope }));
  return agreeing(values, `blocks produced by dynamic "${unbound[unbound.length - 1].type}"`);
}
