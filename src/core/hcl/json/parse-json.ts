/**
 * The JSON syntax (`.tf.json`, `.tfvars.json`) read with jsonc-parser and mapped onto the same
 * Body/Block/Attribute tree as the native syntax, following HCL's JSON rules: nested objects (or
 * arrays of objects) give one label per level, then the block body; arrays of bodies give
 * repeated blocks; `"//"` properties are comments.
 */
import { parseTree, printParseErrorCode, type Node as JsonNode, type ParseError } from 'jsonc-parser';
import type { Attribute, Block, BlockLabel, Body, BodyItem, Comment, HclFile, HclSyntaxError } from '../ast';
import type { Range } from '../../text/position';
import { PositionTable } from '../positions';
import { sortErrors } from '../sort-errors';
import { JsonExpressionReader, StringMode } from './json-expression';
import { CONFIGURATION_BLOCKS, MAP_ARGUMENTS, UNKNOWN_TOP_LEVEL, type BlockSchema } from './terraform-schema';

/** `configuration`: top-level keys are Terraform block types. `attributes`: all attributes (tfvars). */
export type JsonBodyMode = 'configuration' | 'attributes';

/** Nesting deeper than this is not followed (jsonc-parser itself recurses per level). */
const MAX_JSON_DEPTH = 500;

const MESSAGES: Record<string, string> = {
  InvalidSymbol: 'Invalid symbol',
  InvalidNumberFormat: 'Invalid number',
  PropertyNameExpected: 'Expected a property name in double quotes',
  ValueExpected: 'Expected a value',
  ColonExpected: "Expected ':' after the property name",
  CommaExpected: "Expected ',' between values",
  CloseBraceExpected: "Missing closing '}'",
  CloseBracketExpected: "Missing closing ']'",
  EndOfFileExpected: 'Unexpected text after the end of the JSON value',
  InvalidCommentToken: 'Comments are not allowed in JSON; use a "//" property instead',
  UnexpectedEndOfComment: 'Unclosed comment',
  UnexpectedEndOfString: 'Unclosed string',
  UnexpectedEndOfNumber: 'Incomplete number',
  InvalidUnicode: 'Invalid \\u escape',
  InvalidEscapeCharacter: 'Invalid escape sequence',
  InvalidCharacter: 'Invalid character in string',
};

export function parseJsonSyntax(text: string, mode: JsonBodyMode): HclFile {
  const table = new PositionTable(text);
  const errors: HclSyntaxError[] = [];
  const comments: Comment[] = [];
  const fileRange = table.range(0, text.length);
  const file: HclFile = { syntax: 'json', text, body: { type: 'Body', items: [], range: fileRange }, comments, errors };
  let root: JsonNode | undefined;
  const parseErrors: ParseError[] = [];
  if (exceedsDepth(text)) {
    errors.push({ message: `JSON is nested more than ${MAX_JSON_DEPTH} levels deep`, range: table.range(0, 0) });
    return file;
  }
  try {
    root = parseTree(text, parseErrors, { disallowComments: true, allowTrailingComma: false });
  } catch {
    errors.push({ message: 'The JSON could not be read', range: fileRange });
    return file;
  }
  for (const error of parseErrors) {
    const name = printParseErrorCode(error.error);
    errors.push({ message: MESSAGES[name] ?? name, range: table.range(error.offset, error.offset + error.length) });
  }
  if (!root) return file;
  if (root.type !== 'object') {
    errors.push({ message: 'The root of an HCL JSON file must be an object', range: table.range(root.offset, root.offset + root.length) });
    return file;
  }
  const builder = new BodyBuilder(text, table, errors, comments);
  file.body = mode === 'attributes' ? builder.body([root], null, fileRange) : builder.configuration(root, fileRange);
  file.errors = sortErrors(errors);
  return file;
}

/** Cheap pre-check so a pathological `[[[[...` never reaches the recursive JSON parser. */
function exceedsDepth(text: string): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (inString) {
      if (code === 92) i++;
      else if (code === 34) inString = false;
    } else if (code === 34) inString = true;
    else if (code === 123 || code === 91) {
      if (++depth > MAX_JSON_DEPTH) return true;
    } else if (code === 125 || code === 93) depth--;
  }
  return false;
}

class BodyBuilder {
  private readonly expressions: JsonExpressionReader;

  constructor(
    private readonly text: string,
    private readonly table: PositionTable,
    private readonly errors: HclSyntaxError[],
    private readonly comments: Comment[],
  ) {
    this.expressions = new JsonExpressionReader(text, table, errors, comments);
  }

  /** Top level of `.tf.json`: each property is a block type. */
  configuration(root: JsonNode, range: Range): Body {
    const items: BodyItem[] = [];
    for (const property of root.children ?? []) {
      const [keyNode, valueNode] = property.children ?? [];
      if (!keyNode || !valueNode) continue;
      const name = String(keyNode.value);
      if (name === '//') {
        this.comment(valueNode, property);
        continue;
      }
      this.blocks(name, keyNode, valueNode, CONFIGURATION_BLOCKS[name] ?? UNKNOWN_TOP_LEVEL, items);
    }
    return { type: 'Body', items, range };
  }

  /**
   * The properties of one or more objects (an array of objects is one body spread over
   * several objects) read against a schema; a null schema makes every property an attribute.
   */
  body(objects: JsonNode[], schema: BlockSchema | null, range: Range): Body {
    const items: BodyItem[] = [];
    for (const object of objects) {
      for (const property of object.children ?? []) {
        const [keyNode, valueNode] = property.children ?? [];
        if (!keyNode || !valueNode) continue;
        const name = String(keyNode.value);
        if (name === '//') {
          this.comment(valueNode, property);
          continue;
        }
        const nested = schema ? this.nestedSchema(schema, name, valueNode) : undefined;
        if (nested) this.blocks(name, keyNode, valueNode, nested, items);
        else items.push(this.attribute(name, keyNode, valueNode, property, schema));
      }
    }
    return { type: 'Body', items, range };
  }

  private nestedSchema(schema: BlockSchema, name: string, value: JsonNode): BlockSchema | undefined {
    const known = schema.blocks?.[name];
    if (known) return known;
    if (!schema.inferNested || MAP_ARGUMENTS.has(name)) return undefined;
    if (value.type === 'object') return PROVIDER_BLOCK;
    if (value.type === 'array' && value.children && value.children.length > 0 && value.children.every((child) => child.type === 'object')) {
      return PROVIDER_BLOCK;
    }
    return undefined;
  }

  private attribute(name: string, keyNode: JsonNode, valueNode: JsonNode, property: JsonNode, schema: BlockSchema | null): Attribute {
    const stringMode = !schema?.expressionArguments?.has(name)
      ? StringMode.Template
      : name === 'providers'
        ? StringMode.ExpressionValues
        : StringMode.Expression;
    return {
      type: 'Attribute',
      name,
      nameRange: this.keyContentRange(keyNode),
      expr: this.expressions.read(valueNode, stringMode),
      range: this.table.range(property.offset, valueNode.offset + valueNode.length),
    };
  }

  /** Blocks of one type: label levels first, then one body (object) or several (array). */
  private blocks(blockType: string, typeKey: JsonNode, value: JsonNode, schema: BlockSchema, items: BodyItem[]): void {
    this.labelLevel(blockType, typeKey, typeKey, value, schema, [], items);
  }

  private labelLevel(
    blockType: string,
    typeKey: JsonNode,
    lastKey: JsonNode,
    value: JsonNode,
    schema: BlockSchema,
    labels: BlockLabel[],
    items: BodyItem[],
  ): void {
    if (labels.length === schema.labels) {
      this.blockBodies(blockType, typeKey, lastKey, value, schema, labels, items);
      return;
    }
    const levelObjects = this.objectsOf(value, `labels of the '${blockType}' block`);
    for (const object of levelObjects) {
      for (const property of object.children ?? []) {
        const [keyNode, valueNode] = property.children ?? [];
        if (!keyNode || !valueNode) continue;
        if (keyNode.value === '//') {
          this.comment(valueNode, property);
          continue;
        }
        const label: BlockLabel = {
          value: String(keyNode.value),
          quoted: true,
          range: this.table.range(keyNode.offset, keyNode.offset + keyNode.length),
        };
        this.labelLevel(blockType, typeKey, keyNode, valueNode, schema, [...labels, label], items);
      }
    }
  }

  private blockBodies(
    blockType: string,
    typeKey: JsonNode,
    lastKey: JsonNode,
    value: JsonNode,
    schema: BlockSchema,
    labels: BlockLabel[],
    items: BodyItem[],
  ): void {
    const typeRange = this.keyContentRange(typeKey);
    if (value.type === 'object') {
      items.push(this.block(blockType, typeRange, labels, value, schema, lastKey.offset));
      return;
    }
    if (value.type === 'array') {
      for (const element of value.children ?? []) {
        if (element.type === 'object') items.push(this.block(blockType, typeRange, labels, element, schema, element.offset));
        else this.error(`Each element for the '${blockType}' block must be an object`, element);
      }
      return;
    }
    this.error(`The '${blockType}' block must be a JSON object`, value);
  }

  private block(blockType: string, typeRange: Range, labels: BlockLabel[], object: JsonNode, schema: BlockSchema, start: number): Block {
    const end = object.offset + object.length;
    const closed = this.text.charCodeAt(end - 1) === 125;
    const openBrace = this.table.range(object.offset, object.offset + 1);
    const bodyRange = this.table.range(object.offset + 1, closed ? end - 1 : end);
    const block: Block = {
      type: 'Block',
      blockType,
      typeRange,
      labels,
      body: this.body([object], schema, bodyRange),
      openBrace,
      range: this.table.range(start, end),
    };
    if (closed) block.closeBrace = this.table.range(end - 1, end);
    return block;
  }

  /** A label level or body may be an object or an array of objects. */
  private objectsOf(value: JsonNode, what: string): JsonNode[] {
    if (value.type === 'object') return [value];
    if (value.type === 'array') {
      const objects: JsonNode[] = [];
      for (const element of value.children ?? []) {
        if (element.type === 'object') objects.push(element);
        else this.error(`The ${what} must be JSON objects`, element);
      }
      return objects;
    }
    this.error(`The ${what} must be a JSON object`, value);
    return [];
  }

  /** `"//": "text"` documents a body the way a comment does; suppressions can use it. */
  private comment(valueNode: JsonNode, property: JsonNode): void {
    const text = valueNode.type === 'string' ? String(valueNode.value) : this.text.slice(valueNode.offset, valueNode.offset + valueNode.length);
    this.comments.push({ style: '//', text, range: this.table.range(property.offset, property.offset + property.length) });
  }

  /** The name inside the quotes of a property key. */
  private keyContentRange(keyNode: JsonNode): Range {
    const end = keyNode.offset + keyNode.length;
    const closed = keyNode.length >= 2 && this.text.charCodeAt(end - 1) === 34;
    return this.table.range(keyNode.offset + 1, closed ? end - 1 : end);
  }

  private error(message: string, node: JsonNode): void {
    this.errors.push({ message, range: this.table.range(node.offset, node.offset + node.length) });
  }
}

const PROVIDER_BLOCK: BlockSchema = { labels: 0, inferNested: true };
