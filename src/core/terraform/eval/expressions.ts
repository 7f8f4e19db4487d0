/**
 * The expression evaluator: HCL syntax to TfValue, three-valued. Unknown flows through every
 * operation unless the result is decided anyway (`true || x`, `coalesce("a", x)`), and errors
 * Terraform would report become EvalFailure values that `try` and `can` recover from.
 */
import type { BinaryExpr, ConditionalExpr, Expression, ForExpr, FunctionCallExpr, ObjectExpr, SplatExpr } from '../../hcl/ast';
import { Unknown, type EvalScope, type TfValue } from '../types';
import { MAX_EVAL_DEPTH, OriginList, type EvalContext } from './context';
import { callFunction } from './functions';
import { resolveTraversal } from './references';
import { evalTemplate } from './templates';
import { traversalOf, type TraversalStep } from './traversal';
import {
  EvalFailure,
  asBool,
  asNumber,
  asString,
  deepEqual,
  deepFailure,
  deepUnknown,
  getKey,
  hasKey,
  isObject,
  setKey,
  sortedKeys,
  typeName,
  type TfObject,
} from './values';

export function evalExpr(expr: Expression, ctx: EvalContext): TfValue {
  if (ctx.depth > MAX_EVAL_DEPTH) return new Unknown('the expression is nested too deeply to evaluate');
  ctx.depth++;
  try {
    return evalNode(expr, ctx);
  } finally {
    ctx.depth--;
  }
}

function evalNode(expr: Expression, ctx: EvalContext): TfValue {
  switch (expr.type) {
    case 'Literal':
      return expr.value;
    case 'Template':
      return evalTemplate(expr, ctx);
    case 'Paren':
      return evalExpr(expr.expr, ctx);
    case 'Tuple':
      return expr.elements.map((e) => evalExpr(e, ctx));
    case 'Object':
      return evalObject(expr, ctx);
    case 'Variable':
    case 'GetAttr':
    case 'Index': {
      const traversal = traversalOf(expr);
      if (traversal) return resolveTraversal(traversal, ctx);
      // `f(x).attr`, `(cond ? a : b)[0]`: evaluate the target first, then step into it.
      if (expr.type === 'GetAttr') return applySteps(evalExpr(expr.target, ctx), [{ kind: 'attr', name: expr.name, range: expr.nameRange }], ctx);
      if (expr.type === 'Index') return applySteps(evalExpr(expr.target, ctx), [{ kind: 'index', key: expr.key, range: expr.key.range }], ctx);
      return new EvalFailure('unsupported reference');
    }
    case 'Splat':
      return evalSplat(expr, ctx);
    case 'For':
      return evalFor(expr, ctx);
    case 'Conditional':
      return evalConditional(expr, ctx);
    case 'Binary':
      return evalBinary(expr, ctx);
    case 'Unary': {
      const operand = evalExpr(expr.operand, ctx);
      if (operand instanceof Unknown) return operand;
      if (expr.op === '!') {
        const b = asBool(operand);
        return b === undefined ? new EvalFailure(`"!" needs a bool, not ${typeName(operand)}`) : !b;
      }
      const n = asNumber(operand);
      return n === undefined ? new EvalFailure(`"-" needs a number, not ${typeName(operand)}`) : -n;
    }
    case 'FunctionCall':
      return evalCall(expr, ctx);
    case 'Invalid':
      return new EvalFailure('the expression has a syntax error');
  }
}

/** Object keys: a bare name is the key itself; anything else is evaluated and must be a string. */
function evalObject(expr: ObjectExpr, ctx: EvalContext): TfValue {
  const out: TfObject = {};
  for (const item of expr.items) {
    let key: TfValue = item.key.type === 'Variable' ? item.key.name : evalExpr(item.key, ctx);
    if (key instanceof Unknown) return key;
    key = asString(key) ?? null;
    if (key === null) return new EvalFailure('object keys must be strings');
    setKey(out, key, evalExpr(item.value, ctx));
  }
  return out;
}

export function withLocals(ctx: EvalContext, bindings: Record<string, TfValue>): EvalContext {
  const scope: EvalScope = { ...ctx.scope, locals: { ...ctx.scope.locals, ...bindings } };
  return { ...ctx, scope };
}

/** Steps into a value: `.name` on objects, `[key]` on lists and maps. */
export function applySteps(value: TfValue, steps: TraversalStep[], ctx: EvalContext): TfValue {
  let current = value;
  for (const step of steps) {
    if (current instanceof Unknown) return current;
    if (step.kind === 'attr') {
      current = getAttr(current, step.name);
    } else {
      const key = evalExpr(step.key, ctx);
      current = key instanceof Unknown ? key : indexValue(current, key);
    }
  }
  return current;
}

export function getAttr(value: TfValue, name: string): TfValue {
  if (value instanceof Unknown) return value;
  if (value === null) return new EvalFailure(`cannot read attribute "${name}" of null`);
  if (isObject(value)) return hasKey(value, name) ? value[name] : new EvalFailure(`the object has no attribute "${name}"`);
  // `list.0` written as an attribute is the legacy index syntax.
  if (Array.isArray(value) && /^\d+$/.test(name)) return indexValue(value, Number(name));
  return new EvalFailure(`cannot read attribute "${name}" of a ${typeName(value)}`);
}

export function indexValue(value: TfValue, key: TfValue): TfValue {
  if (value instanceof Unknown) return value;
  if (key instanceof Unknown) return key;
  if (value === null) return new EvalFailure('cannot index null');
  if (Array.isArray(value)) {
    const i = asNumber(key);
    if (i === undefined || !Number.isInteger(i)) return new EvalFailure(`a list index must be a whole number, not ${typeName(key)}`);
    return i >= 0 && i < value.length ? value[i] : new EvalFailure(`index ${i} is out of range for a list of ${value.length}`);
  }
  if (isObject(value)) {
    const k = asString(key);
    if (k === undefined) return new EvalFailure(`a map key must be a string, not ${typeName(key)}`);
    const found = getKey(value, k);
    return found === undefined ? new EvalFailure(`the map has no key "${k}"`) : found;
  }
  return new EvalFailure(`cannot index a ${typeName(value)}`);
}

function evalSplat(expr: SplatExpr, ctx: EvalContext): TfValue {
  const source = evalExpr(expr.source, ctx);
  if (source instanceof Unknown) return source;
  if (source === null) return [];
  // A splat over a single value treats it as a one-element list.
  const items = Array.isArray(source) ? source : [source];
  return items.map((item) => evalExpr(expr.each, withLocals(ctx, { '*': item })));
}

function evalFor(expr: ForExpr, ctx: EvalContext): TfValue {
  const collection = evalExpr(expr.collection, ctx);
  if (collection instanceof Unknown) return collection;
  let entries: Array<[TfValue, TfValue]>;
  if (Array.isArray(collection)) entries = collection.map((v, i) => [i, v]);
  else if (isObject(collection)) entries = sortedKeys(collection).map((k) => [k, collection[k]]);
  else return new EvalFailure(`a for expression needs a list, set or map, not ${typeName(collection)}`);

  const list: TfValue[] = [];
  const object: TfObject = {};
  for (const [key, value] of entries) {
    const bindings: Record<string, TfValue> = { [expr.valueVar]: value };
    if (expr.keyVar) bindings[expr.keyVar] = key;
    const inner = withLocals(ctx, bindings);
    if (expr.condition) {
      const keep = evalExpr(expr.condition, inner);
      if (keep instanceof Unknown) return keep;
      const b = asBool(keep);
      if (b === undefined) return new EvalFailure('a for expression condition must be a bool');
      if (!b) continue;
    }
    const element = evalExpr(expr.valueExpr, inner);
    if (expr.kind === 'tuple') {
      list.push(element);
      continue;
    }
    const rawKey = expr.keyExpr ? evalExpr(expr.keyExpr, inner) : null;
    if (rawKey instanceof Unknown) return rawKey;
    const k = asString(rawKey);
    if (k === undefined) return new EvalFailure('a for expression key must be a string');
    if (expr.grouping) {
      const group = getKey(object, k);
      if (Array.isArray(group)) group.push(element);
      else setKey(object, k, [element]);
    } else if (hasKey(object, k)) {
      return new EvalFailure(`duplicate key "${k}" in a for expression (add "..." to group)`);
    } else {
      setKey(object, k, element);
    }
  }
  return expr.kind === 'tuple' ? list : object;
}

function evalConditional(expr: ConditionalExpr, ctx: EvalContext): TfValue {
  const condition = evalExpr(expr.condition, ctx);
  if (condition instanceof Unknown) {
    // Both branches agreeing decides the value even without the condition.
    const whenTrue = evalExpr(expr.trueExpr, ctx);
    const whenFalse = evalExpr(expr.falseExpr, ctx);
    return !deepUnknown(whenTrue) && deepEqual(whenTrue, whenFalse) ? whenTrue : condition;
  }
  const b = asBool(condition);
  if (b === undefined) return new EvalFailure(`a condition must be a bool, not ${typeName(condition)}`);
  return evalExpr(b ? expr.trueExpr : expr.falseExpr, ctx);
}

function evalBinary(expr: BinaryExpr, ctx: EvalContext): TfValue {
  if (expr.op === '||' || expr.op === '&&') return evalLogical(expr, ctx);
  const left = evalExpr(expr.left, ctx);
  const right = evalExpr(expr.right, ctx);
  if (expr.op === '==' || expr.op === '!=') {
    const unknown = deepUnknown(left) ?? deepUnknown(right);
    if (unknown) return unknown;
    return deepEqual(left, right) === (expr.op === '==');
  }
  if (left instanceof Unknown) return left;
  if (right instanceof Unknown) return right;
  const a = asNumber(left);
  const b = asNumber(right);
  if (a === undefined || b === undefined) {
    return new EvalFailure(`"${expr.op}" needs numbers, not ${typeName(a === undefined ? left : right)}`);
  }
  switch (expr.op) {
    case '+':
      return a + b;
    case '-':
      return a - b;
    case '*':
      return a * b;
    case '/':
      return b === 0 ? new EvalFailure('division by zero') : a / b;
    case '%':
      return b === 0 ? new EvalFailure('modulo by zero') : a % b;
    case '<':
      return a < b;
    case '<=':
      return a <= b;
    case '>':
      return a > b;
    case '>=':
      return a >= b;
  }
}

/** `true || unknown` is true and `false && unknown` is false: the known side decides. */
function evalLogical(expr: BinaryExpr, ctx: EvalContext): TfValue {
  const decisive = expr.op === '||';
  const left = evalExpr(expr.left, ctx);
  const l = left instanceof Unknown ? left : asBool(left);
  if (l === decisive) return decisive;
  const right = evalExpr(expr.right, ctx);
  const r = right instanceof Unknown ? right : asBool(right);
  if (r === decisive) return decisive;
  if (l instanceof Unknown) return l;
  if (r instanceof Unknown) return r;
  if (l === undefined || r === undefined) return new EvalFailure(`"${expr.op}" needs bools`);
  return !decisive;
}

function evalCall(expr: FunctionCallExpr, ctx: EvalContext): TfValue {
  if (expr.name === 'try') return evalTry(expr, ctx);
  if (expr.name === 'can') return evalCan(expr, ctx);
  const args = expr.args.map((a) => evalExpr(a, ctx));
  if (expr.expandFinal && args.length > 0) {
    const last = args.pop()!;
    if (last instanceof Unknown) return last;
    if (!Array.isArray(last)) return new EvalFailure(`the expanded argument of ${expr.name}() must be a list`);
    args.push(...last);
  }
  return callFunction(expr.name, args);
}

/**
 * The first argument that evaluates without an error wins. A wholly unknown argument makes the
 * result unknown (it might fail once known); a partly unknown one is kept, which tells rules more.
 */
function evalTry(expr: FunctionCallExpr, ctx: EvalContext): TfValue {
  for (const arg of expr.args) {
    const origins = new OriginList();
    const value = evalExpr(arg, { ...ctx, origins });
    if (deepFailure(value)) continue;
    ctx.origins.addList(origins);
    return value;
  }
  return new EvalFailure('try(): no argument could be evaluated');
}

function evalCan(expr: FunctionCallExpr, ctx: EvalContext): TfValue {
  if (expr.args.length !== 1) return new EvalFailure(`can() got ${expr.args.length} argument(s)`);
  const value = evalExpr(expr.args[0], ctx);
  if (deepFailure(value)) return false;
  return value instanceof Unknown ? value : true;
}
