/** Reading a block body the way Terraform does: attributes by name, nested blocks including `dynamic`. */
import type { Attribute, Block, Body, Expression } from '../hcl/ast';
import type { NestedBlock } from './types';

export function getAttribute(body: Body, name: string): Attribute | undefined {
  for (const item of body.items) if (item.type === 'Attribute' && item.name === name) return item;
  return undefined;
}

export function getBlocks(body: Body, blockType: string): Block[] {
  const out: Block[] = [];
  for (const item of body.items) if (item.type === 'Block' && item.blockType === blockType) out.push(item);
  return out;
}

/**
 * The nested blocks of `type` in source order: the ones written out and the `content` of every
 * `dynamic "<type>"` block (one entry per dynamic block; expanding it per element needs evaluation,
 * see `nestedBlockInstances`).
 */
export function nestedBlocks(body: Body, type: string): NestedBlock[] {
  const out: NestedBlock[] = [];
  for (const item of body.items) {
    if (item.type !== 'Block') continue;
    if (item.blockType === type) {
      out.push({ block: item, body: item.body });
    } else if (item.blockType === 'dynamic' && item.labels[0]?.value === type) {
      const content = getBlocks(item.body, 'content')[0];
      if (!content) continue; // a dynamic block without content produces nothing
      out.push({
        block: content,
        body: content.body,
        dynamic: { dynamicBlock: item, iterator: dynamicIterator(item), forEach: getAttribute(item.body, 'for_each') },
      });
    }
  }
  return out;
}

/** The name a dynamic block binds: its `iterator` argument, or the block type label. */
export function dynamicIterator(dynamicBlock: Block): string {
  const iterator = getAttribute(dynamicBlock.body, 'iterator');
  const name = iterator ? staticName(iterator.expr) : undefined;
  return name ?? dynamicBlock.labels[0]?.value ?? 'dynamic';
}

/** A string known from the syntax alone: a literal or a template without interpolations. */
export function staticString(expr: Expression): string | undefined {
  if (expr.type === 'Literal') return typeof expr.value === 'string' ? expr.value : undefined;
  if (expr.type === 'Template') {
    let text = '';
    for (const part of expr.parts) {
      if (part.type !== 'TemplateString') return undefined;
      text += part.value;
    }
    return text;
  }
  if (expr.type === 'Paren') return staticString(expr.expr);
  return undefined;
}

/** A bare name (`iterator = setting`) or a quoted one (`"setting"`, as JSON syntax writes it). */
export function staticName(expr: Expression): string | undefined {
  if (expr.type === 'Variable') return expr.name;
  return staticString(expr);
}

/**
 * `aws.eu` written as a traversal, or `"aws.eu"` as a string (older syntax and JSON files).
 * Returns the dotted text, or undefined for anything else.
 */
export function traversalText(expr: Expression): string | undefined {
  if (expr.type === 'Variable') return expr.name;
  if (expr.type === 'GetAttr') {
    const target = traversalText(expr.target);
    return target === undefined ? undefined : `${target}.${expr.name}`;
  }
  return staticString(expr);
}

export function staticBool(expr: Expression | undefined): boolean | undefined {
  if (!expr) return undefined;
  if (expr.type === 'Literal' && typeof expr.value === 'boolean') return expr.value;
  const text = staticString(expr);
  if (text === 'true') return true;
  if (text === 'false') return false;
  return undefined;
}
