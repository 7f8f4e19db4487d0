/**
 * JSON values as HCL expressions: strings are templates (or, for a few Terraform arguments,
 * bare expressions), numbers/booleans/null are literals, arrays are tuples, objects are objects
 * whose keys are templates too.
 */
import type { Node as JsonNode } from 'jsonc-parser';
import type { Comment, Expression, HclSyntaxError, ObjectItem, TemplateExpr } from '../ast';
import type { PositionTable } from '../positions';
import { parseExpressionFragment, parseTemplateFragment } from '../native/fragments';
import { decodeJsonString } from './json-string';

/** How strings inside a value are read. */
export const enum StringMode {
  Template,
  /** Every string is a native expression (`depends_on`, `provider`, `type`, ...). */
  Expression,
  /** Object values are expressions, keys stay literal (`providers = { aws = aws.eu }`). */
  ExpressionValues,
}

export class JsonExpressionReader {
  constructor(
    private readonly text: string,
    private readonly table: PositionTable,
    private readonly errors: HclSyntaxError[],
    private readonly comments: Comment[],
  ) {}

  read(node: JsonNode, mode: StringMode = StringMode.Template): Expression {
    const range = this.table.range(node.offset, node.offset + node.length);
    switch (node.type) {
      case 'string':
        return mode === StringMode.Expression ? this.expression(node) : this.template(node);
      case 'number':
        return { type: 'Literal', value: Number(node.value), range };
      case 'boolean':
        return { type: 'Literal', value: node.value === true, range };
      case 'null':
        return { type: 'Literal', value: null, range };
      case 'array':
        return { type: 'Tuple', elements: (node.children ?? []).map((child) => this.read(child, mode === StringMode.Expression ? mode : StringMode.Template)), range };
      case 'object':
        return { type: 'Object', items: this.objectItems(node, mode), range };
      default:
        return { type: 'Invalid', range };
    }
  }

  /** A string as a template; a string without `${`, `%{` or escapes skips the template parser. */
  template(node: JsonNode): TemplateExpr {
    const decoded = decodeJsonString(this.text, node.offset, node.offset + node.length, this.table);
    const range = this.table.range(node.offset, node.offset + node.length);
    const contentRange = this.table.range(decoded.contentStart, decoded.contentEnd);
    const value = decoded.value;
    if (value.indexOf('{') < 0 || (value.indexOf('${') < 0 && value.indexOf('%{') < 0)) {
      const parts = value === '' ? [] : [{ type: 'TemplateString' as const, value, range: contentRange }];
      return { type: 'Template', kind: 'quoted', parts, contentRange, range };
    }
    const fragment = parseTemplateFragment(value, decoded.positions);
    this.absorb(fragment.errors, fragment.comments);
    return { type: 'Template', kind: 'quoted', parts: fragment.value, contentRange, range };
  }

  private expression(node: JsonNode): Expression {
    const decoded = decodeJsonString(this.text, node.offset, node.offset + node.length, this.table);
    const fragment = parseExpressionFragment(decoded.value, decoded.positions);
    this.absorb(fragment.errors, fragment.comments);
    return fragment.value;
  }

  private objectItems(node: JsonNode, mode: StringMode): ObjectItem[] {
    const items: ObjectItem[] = [];
    for (const property of node.children ?? []) {
      const [keyNode, valueNode] = property.children ?? [];
      if (!keyNode || !valueNode) continue;
      const valueMode = mode === StringMode.Template ? StringMode.Template : StringMode.Expression;
      items.push({
        key: this.template(keyNode),
        value: this.read(valueNode, valueMode),
        separator: ':',
        range: this.table.range(property.offset, property.offset + property.length),
      });
    }
    return items;
  }

  private absorb(errors: HclSyntaxError[], comments: Comment[]): void {
    for (const error of errors) this.errors.push(error);
    for (const comment of comments) this.comments.push(comment);
  }
}
