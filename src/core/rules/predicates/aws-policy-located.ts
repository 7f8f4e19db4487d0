/**
 * Values that remember where they are written. Policy checks walk a document (an HCL object given
 * to `jsonencode`, a JSON string, or a synthetic shape built from `aws_iam_policy_document` blocks)
 * and need, for each element, both its value and the place a finding should point at. Inside an
 * HCL object literal every key and element has its own range; values that come out of an evaluated
 * expression or a JSON string share the range of the expression they came from.
 */
import type { Expression } from '../../hcl/ast';
import type { Range } from '../../text/position';
import { evaluate, staticString } from '../../terraform';
import { Unknown, type EvalScope, type TerraformModule, type TfValue, type ValueOrigin } from '../../terraform/types';

export interface Located {
  /** The evaluated value; parts that cannot be known are `Unknown`. */
  readonly value: TfValue;
  /** Where the value is written, or the nearest enclosing written place. */
  readonly range: Range;
  readonly origins: ValueOrigin[];
  /** The child under an object key (policy element names are matched without regard to case). */
  get(key: string): Located | undefined;
  /** The object keys, in source order. */
  keys(): string[];
  /** List elements; a scalar or an object stands for a list of itself (IAM accepts both forms). */
  list(): Located[];
}

function isPlainObject(value: TfValue): value is { [key: string]: TfValue } {
  return value !== null && typeof value === 'object' && !Array.isArray(value) && !(value instanceof Unknown);
}

function findKey(keys: string[], wanted: string): string | undefined {
  return keys.find((k) => k === wanted) ?? keys.find((k) => k.toLowerCase() === wanted.toLowerCase());
}

/** A value known as a whole, whose parts share its range. */
export function fromValue(value: TfValue, range: Range, origins: ValueOrigin[] = []): Located {
  return {
    value,
    range,
    origins,
    get(key) {
      if (!isPlainObject(value)) return undefined;
      const found = findKey(Object.keys(value), key);
      return found === undefined ? undefined : fromValue(value[found], range, origins);
    },
    keys: () => (isPlainObject(value) ? Object.keys(value) : []),
    list: () => (Array.isArray(value) ? value.map((v) => fromValue(v, range, origins)) : [fromValue(value, range, origins)]),
  };
}

/** An object put together from located parts (the shape of a policy statement built from HCL blocks). */
export function syntheticObject(entries: Array<[string, Located]>, range: Range): Located {
  const value: { [key: string]: TfValue } = {};
  for (const [k, v] of entries) value[k] = v.value;
  const self: Located = {
    value,
    range,
    origins: [],
    get(key) {
      const found = findKey(entries.map(([k]) => k), key);
      return found === undefined ? undefined : entries.find(([k]) => k === found)?.[1];
    },
    keys: () => entries.map(([k]) => k),
    list: () => [self],
  };
  return self;
}

/** A list put together from located elements. */
export function syntheticList(elements: Located[], range: Range): Located {
  return {
    value: elements.map((e) => e.value),
    range,
    origins: [],
    get: () => undefined,
    keys: () => [],
    list: () => elements,
  };
}

function unwrap(expr: Expression): Expression {
  let e = expr;
  while (e.type === 'Paren') e = e.expr;
  return e;
}

/** The text of an object key: a bare name, a literal, or an expression that evaluates to a string. */
function keyText(module: TerraformModule, key: Expression, scope: EvalScope): string | undefined {
  const inner = unwrap(key);
  if (inner.type === 'Variable') return inner.name;
  const text = staticString(inner);
  if (text !== undefined) return text;
  const value = evaluate(module, inner, scope).value;
  return typeof value === 'string' ? value : undefined;
}

/**
 * Locates the parts of an expression: object and tuple literals are walked so each key and element
 * keeps its own range; anything else is evaluated as a whole.
 */
export function fromExpression(module: TerraformModule, expr: Expression, scope: EvalScope, depth = 0): Located {
  const inner = unwrap(expr);
  if (depth < 32 && inner.type === 'Object') {
    const entries: Array<[string, Located]> = [];
    for (const item of inner.items) {
      const key = keyText(module, item.key, scope);
      if (key === undefined) {
        // A key that cannot be known makes the whole object uncertain.
        return fromValue(new Unknown('a key of the policy object is not known before apply'), inner.range);
      }
      entries.push([key, fromExpression(module, item.value, scope, depth + 1)]);
    }
    return syntheticObject(entries, inner.range);
  }
  if (depth < 32 && inner.type === 'Tuple') {
    return syntheticList(
      inner.elements.map((e) => fromExpression(module, e, scope, depth + 1)),
      inner.range,
    );
  }
  const evaluated = evaluate(module, inner, scope);
  return fromValue(evaluated.value, inner.range, evaluated.origins);
}

/** Marks an interpolation whose value is unknown inside a JSON template; never valid policy text. */
const PLACEHOLDER = '\u0000tf-unknown\u0000';

/** Replaces placeholder-bearing strings by Unknown after parsing a template's JSON. */
function restoreUnknowns(value: unknown, reason: string): TfValue {
  if (typeof value === 'string') return value.includes(PLACEHOLDER) ? new Unknown(reason) : value;
  if (Array.isArray(value)) return value.map((v) => restoreUnknowns(v, reason));
  if (value !== null && typeof value === 'object') {
    const out: { [key: string]: TfValue } = {};
    for (const [k, v] of Object.entries(value)) out[k] = restoreUnknowns(v, reason);
    return out;
  }
  return value as TfValue;
}

export type JsonRead = { ok: true; located: Located } | { ok: false; reason: string; origins: ValueOrigin[] };

/** Parses JSON text; the whole document shares `range`. */
export function fromJsonText(text: string, range: Range, origins: ValueOrigin[] = [], unknownReason = ''): JsonRead {
  let parsed: unknown;
  try {
    // Raw NUL characters are not allowed in JSON strings, so the placeholder goes in escaped.
    parsed = JSON.parse(text.split(PLACEHOLDER).join('\\u0000tf-unknown\\u0000'));
  } catch {
    return { ok: false, reason: 'the policy is not valid JSON once its interpolations are filled in', origins };
  }
  return { ok: true, located: fromValue(restoreUnknowns(parsed, unknownReason), range, origins) };
}

/**
 * The text of a template (quoted string or heredoc) with every unknown interpolation replaced by a
 * placeholder, so JSON written around `${aws_s3_bucket.x.arn}` can still be read. Undefined when
 * the template uses directives (`%{ if }`, `%{ for }`): those are evaluated as a whole instead.
 */
export function templateWithPlaceholders(
  module: TerraformModule,
  expr: Expression,
  scope: EvalScope,
): { text: string; unknownReason: string; origins: ValueOrigin[] } | undefined {
  const inner = unwrap(expr);
  if (inner.type !== 'Template') return undefined;
  let text = '';
  let unknownReason = '';
  const origins: ValueOrigin[] = [];
  for (const part of inner.parts) {
    if (part.type === 'TemplateString') {
      text += part.value;
      continue;
    }
    if (part.type !== 'TemplateInterpolation') return undefined;
    const evaluated = evaluate(module, part.expr, scope);
    origins.push(...evaluated.origins);
    const value = evaluated.value;
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
      text += String(value);
    } else {
      text += PLACEHOLDER;
      if (!unknownReason) unknownReason = value instanceof Unknown ? value.reason : 'an interpolated value is not a plain string';
    }
  }
  return { text, unknownReason, origins };
}

/** Known strings of a located value (a string or a list of strings); unknown parts are counted. */
export function stringsOf(located: Located | undefined): { known: Array<{ text: string; at: Located }>; unknown: Located[] } {
  const known: Array<{ text: string; at: Located }> = [];
  const unknown: Located[] = [];
  if (!located) return { known, unknown };
  for (const element of located.list()) {
    if (typeof element.value === 'string') known.push({ text: element.value, at: element });
    else if (element.value instanceof Unknown) unknown.push(element);
    else if (Array.isArray(element.value)) {
      const nested = stringsOf(syntheticList(element.list(), element.range));
      known.push(...nested.known);
      unknown.push(...nested.unknown);
    }
  }
  return { known, unknown };
}
