/**
 * Applies a variable's `type` constraint the way Terraform does before a module sees the value:
 * primitive conversions ("true" → true), set normalisation, and `optional(type, default)`
 * attributes filled in, which modules rely on heavily (`var.settings.enabled` with a default).
 */
import type { Expression } from '../../hcl/ast';
import { Unknown, type TfValue } from '../types';
import { EvalFailure, asBool, asNumber, asString, getKey, isObject, setKey, toSetValue, type TfObject } from './values';

export type TypeSpec =
  | { kind: 'any' }
  | { kind: 'string' | 'number' | 'bool' }
  | { kind: 'list' | 'set' | 'map'; element: TypeSpec }
  | { kind: 'tuple'; elements: TypeSpec[] }
  | { kind: 'object'; attributes: Map<string, AttributeSpec> };

export interface AttributeSpec {
  type: TypeSpec;
  optional: boolean;
  defaultExpr?: Expression;
}

const ANY: TypeSpec = { kind: 'any' };

/** Parsed types by expression: the syntax tree is shared by every load through the parse cache. */
const parsedTypes = new WeakMap<Expression, TypeSpec>();

export function parseTypeConstraint(expr: Expression | undefined): TypeSpec {
  if (!expr) return ANY;
  let parsed = parsedTypes.get(expr);
  if (!parsed) {
    parsed = parseType(expr);
    parsedTypes.set(expr, parsed);
  }
  return parsed;
}

function parseType(expr: Expression): TypeSpec {
  switch (expr.type) {
    case 'Paren':
      return parseTypeConstraint(expr.expr);
    case 'Variable':
      return primitive(expr.name);
    case 'Literal':
      return typeof expr.value === 'string' ? primitive(expr.value) : ANY;
    case 'Template':
      // Pre-0.12 quoted types ("string", "list", "map") still appear in old modules.
      return expr.parts.length === 1 && expr.parts[0].type === 'TemplateString' ? primitive(expr.parts[0].value) : ANY;
    case 'FunctionCall':
      return parseTypeCall(expr.name, expr.args);
    default:
      return ANY;
  }
}

function primitive(name: string): TypeSpec {
  if (name === 'string' || name === 'number' || name === 'bool') return { kind: name };
  if (name === 'list' || name === 'set' || name === 'map') return { kind: name, element: ANY };
  return ANY;
}

function parseTypeCall(name: string, args: Expression[]): TypeSpec {
  const [first] = args;
  switch (name) {
    case 'list':
    case 'set':
    case 'map':
      return { kind: name, element: parseTypeConstraint(first) };
    case 'tuple':
      return first?.type === 'Tuple' ? { kind: 'tuple', elements: first.elements.map((e) => parseTypeConstraint(e)) } : ANY;
    case 'object': {
      if (first?.type !== 'Object') return ANY;
      const attributes = new Map<string, AttributeSpec>();
      for (const item of first.items) {
        const key = item.key.type === 'Variable' ? item.key.name : keyText(item.key);
        if (key !== undefined) attributes.set(key, attributeSpec(item.value));
      }
      return { kind: 'object', attributes };
    }
    default:
      return ANY;
  }
}

function keyText(expr: Expression): string | undefined {
  if (expr.type === 'Literal' && typeof expr.value === 'string') return expr.value;
  if (expr.type === 'Template' && expr.parts.length === 1 && expr.parts[0].type === 'TemplateString') return expr.parts[0].value;
  return undefined;
}

function attributeSpec(expr: Expression): AttributeSpec {
  if (expr.type === 'FunctionCall' && expr.name === 'optional') {
    return { type: parseTypeConstraint(expr.args[0]), optional: true, defaultExpr: expr.args[1] };
  }
  return { type: parseTypeConstraint(expr), optional: false };
}

/** Evaluates an `optional(...)` default; supplied by the evaluator so this file stays syntax-only. */
export type DefaultEvaluator = (expr: Expression) => TfValue;

export function convertToType(value: TfValue, type: TypeSpec, evalDefault: DefaultEvaluator, depth = 0): TfValue {
  if (value instanceof Unknown || value === null || type.kind === 'any' || depth > 32) return value;
  const fail = (): EvalFailure => new EvalFailure(`a ${describe(value)} value does not fit the variable type ${type.kind}`);
  switch (type.kind) {
    case 'string': {
      const s = asString(value);
      return s === undefined ? fail() : s;
    }
    case 'number': {
      const n = asNumber(value);
      return n === undefined ? fail() : n;
    }
    case 'bool': {
      const b = asBool(value);
      return b === undefined ? fail() : b;
    }
    case 'list':
    case 'set': {
      if (!Array.isArray(value)) return fail();
      const items = value.map((v) => convertToType(v, type.element, evalDefault, depth + 1));
      return type.kind === 'set' ? toSetValue(items) : items;
    }
    case 'tuple':
      if (!Array.isArray(value)) return fail();
      return value.map((v, i) => convertToType(v, type.elements[i] ?? ANY, evalDefault, depth + 1));
    case 'map': {
      if (!isObject(value)) return fail();
      const out: TfObject = {};
      for (const [k, v] of Object.entries(value)) setKey(out, k, convertToType(v, type.element, evalDefault, depth + 1));
      return out;
    }
    case 'object':
      return isObject(value) ? convertObject(value, type.attributes, evalDefault, depth) : fail();
  }
}

function convertObject(value: TfObject, attributes: Map<string, AttributeSpec>, evalDefault: DefaultEvaluator, depth: number): TfValue {
  const out: TfObject = {};
  for (const [name, spec] of attributes) {
    const given = getKey(value, name);
    if (given === undefined && !spec.optional) return new EvalFailure(`attribute "${name}" is required by the variable type`);
    // Terraform uses an optional attribute's default both when it is omitted and when it is null;
    // a default like `{}` for an object type gets that object's own optional attributes too.
    const effective = (given === undefined || given === null) && spec.defaultExpr ? evalDefault(spec.defaultExpr) : given ?? null;
    setKey(out, name, convertToType(effective, spec.type, evalDefault, depth + 1));
  }
  return out;
}

function describe(value: TfValue): string {
  if (Array.isArray(value)) return 'list';
  if (isObject(value)) return 'object';
  return typeof value;
}
