import assert from 'node:assert/strict';
import { parseHcl } from '../../../src/core/hcl';
import type { Expression, ForExpr, FunctionCallExpr, SplatExpr } from '../../../src/core/hcl';
import { assertNoErrors, at, exprOf, shape, textOf } from './support/helpers';

function expression(source: string): Expression {
  const file = parseHcl(`x = ${source}\n`);
  assertNoErrors(file);
  return exprOf(file);
}

/** Renders an operator tree with explicit parentheses to check precedence and associativity. */
function grouping(expr: Expression): string {
  switch (expr.type) {
    case 'Binary':
      return `(${grouping(expr.left)} ${expr.op} ${grouping(expr.right)})`;
    case 'Unary':
      return `${expr.op}${grouping(expr.operand)}`;
    case 'Conditional':
      return `(${grouping(expr.condition)} ? ${grouping(expr.trueExpr)} : ${grouping(expr.falseExpr)})`;
    case 'Variable':
      return expr.name;
    case 'Literal':
      return String(expr.value);
    case 'GetAttr':
      return `${grouping(expr.target)}.${expr.name}`;
    case 'Paren':
      return `[${grouping(expr.expr)}]`;
    default:
      return expr.type;
  }
}

describe('hcl native syntax: expressions', () => {
  it('reads literals: numbers with fractions and exponents, booleans, null', () => {
    const cases: Array<[string, unknown]> = [
      ['42', 42],
      ['3.25', 3.25],
      ['1e3', 1000],
      ['2.5E-2', 0.025],
      ['7e+1', 70],
      ['true', true],
      ['false', false],
      ['null', null],
    ];
    for (const [source, value] of cases) {
      assert.deepEqual(shape(expression(source)), { type: 'Literal', value }, source);
    }
    assert.equal(at(expression('2.5E-2').range), '0:4-0:10');
  });

  it('applies the six binary precedence levels with left associativity and unary binding tightest', () => {
    assert.equal(grouping(expression('a || b && c == d < e + f * g')), '(a || (b && (c == (d < (e + (f * g))))))');
    assert.equal(grouping(expression('a / b * c')), '((a / b) * c)');
    assert.equal(grouping(expression('a - b - c')), '((a - b) - c)');
    assert.equal(grouping(expression('!a && -b.c > 0')), '(!a && (-b.c > 0))');
    assert.equal(grouping(expression('a >= 1 != b <= 2')), '((a >= 1) != (b <= 2))');
    assert.equal(grouping(expression('a % 2 == 0')), '((a % 2) == 0)');
  });

  it('parses conditionals, nested to the right, with exact ranges', () => {
    const expr = expression('a ? b : c ? d : e');
    assert.equal(grouping(expr), '(a ? b : (c ? d : e))');
    assert.equal(at(expr.range), '0:4-0:21');
    assert.equal(grouping(expression('x > 0 || y ? 1 : 2')), '(((x > 0) || y) ? 1 : 2)');
  });

  it('lets a parenthesised expression span lines', () => {
    const expr = expression('(\n  var.enabled\n  ? 1\n  : 0\n)');
    assert.equal(expr.type, 'Paren');
    assert.equal(grouping(expr), '[(var.enabled ? 1 : 0)]');
    assert.equal(at(expr.range), '0:4-4:1');
  });

  it('parses tuples with trailing commas and newlines inside the brackets', () => {
    const expr = expression('[\n  1,\n  "two",\n  [3],\n]');
    assert.equal(expr.type, 'Tuple');
    assert.deepEqual(
      expr.type === 'Tuple' && expr.elements.map((element) => element.type),
      ['Literal', 'Template', 'Tuple'],
    );
    assert.equal(at(expr.range), '0:4-4:1');
    assert.deepEqual(shape(expression('[]')), { type: 'Tuple', elements: [] });
  });

  it('parses objects with = and :, commas or newlines, and parenthesised or quoted keys', () => {
    const file = parseHcl('x = {\n  a = 1, "b" : 2\n  (var.k) = 3\n  c = {}\n}\n');
    assertNoErrors(file);
    const expr = exprOf(file);
    assert.equal(expr.type, 'Object');
    if (expr.type !== 'Object') return;
    assert.deepEqual(
      expr.items.map((item) => [item.key.type, item.separator, textOf(file, item.range)]),
      [
        ['Variable', '=', 'a = 1'],
        ['Template', ':', '"b" : 2'],
        ['Paren', '=', '(var.k) = 3'],
        ['Variable', '=', 'c = {}'],
      ],
    );
    assert.deepEqual(shape(expr.items[0]), { key: { type: 'Variable', name: 'a' }, value: { type: 'Literal', value: 1 }, separator: '=' });
    assert.equal(at(expr.items[1].range), '1:9-1:16');
    assert.equal(at(expr.range), '0:4-4:1');
  });

  it('parses function calls with namespaced names, trailing commas and final-argument expansion', () => {
    const call = expression('provider::aws::arn_parse(local.arn)') as FunctionCallExpr;
    assert.equal(call.type, 'FunctionCall');
    assert.equal(call.name, 'provider::aws::arn_parse');
    assert.equal(at(call.nameRange), '0:4-0:28');
    assert.equal(at(call.range), '0:4-0:39');
    const expanded = expression('concat(a, b...)') as FunctionCallExpr;
    assert.equal(expanded.expandFinal, true);
    assert.equal(expanded.args.length, 2);
    const multiLine = expression('merge(\n  a,\n  b,\n)') as FunctionCallExpr;
    assert.equal(multiLine.expandFinal, false);
    assert.equal(multiLine.args.length, 2);
    assert.deepEqual(shape(expression('timestamp()')), { type: 'FunctionCall', name: 'timestamp', args: [], expandFinal: false });
  });

  it('builds attribute access, index and legacy index chains with ranges from the root', () => {
    const expr = expression('aws_instance.web[0].tags["Name"].0');
    assert.deepEqual(shape(expr), {
      type: 'Index',
      legacy: true,
      key: { type: 'Literal', value: 0 },
      target: {
        type: 'Index',
        legacy: false,
        key: { type: 'Template', kind: 'quoted', parts: [{ type: 'TemplateString', value: 'Name' }] },
        target: {
          type: 'GetAttr',
          name: 'tags',
          target: {
            type: 'Index',
            legacy: false,
            key: { type: 'Literal', value: 0 },
            target: { type: 'GetAttr', name: 'web', target: { type: 'Variable', name: 'aws_instance' } },
          },
        },
      },
    });
    assert.equal(at(expr.range), '0:4-0:38');
    if (expr.type === 'Index' && expr.target.type === 'Index' && expr.target.target.type === 'GetAttr') {
      assert.equal(at(expr.target.target.nameRange), '0:24-0:28');
    } else assert.fail('unexpected shape');
  });

  it('rejects chained legacy indexes like foo.0.1, which scan as a fraction', () => {
    const file = parseHcl('x = foo.0.1\n');
    assert.equal(file.errors.length, 1);
    assert.match(file.errors[0].message, /Chained legacy index/);
    assert.equal(at(file.errors[0].range), '0:8-0:11');
  });

  it('parses full splats with attribute and index steps applied to each element', () => {
    const splat = expression('aws_subnet.private[*].tags["zone"]') as SplatExpr;
    assert.equal(splat.type, 'Splat');
    assert.equal(splat.kind, 'full');
    assert.deepEqual(shape(splat.source), { type: 'GetAttr', name: 'private', target: { type: 'Variable', name: 'aws_subnet' } });
    assert.deepEqual(shape(splat.each), {
      type: 'Index',
      legacy: false,
      key: { type: 'Template', kind: 'quoted', parts: [{ type: 'TemplateString', value: 'zone' }] },
      target: { type: 'GetAttr', name: 'tags', target: { type: 'Variable', name: '*' } },
    });
    assert.equal(at(splat.range), '0:4-0:38');
    if (splat.each.type === 'Index' && splat.each.target.type === 'GetAttr') {
      assert.equal(at(splat.each.target.target.range), '0:22-0:25');
    }
  });

  it('ends an attribute-only splat before an index, which then applies to the whole result', () => {
    const expr = expression('a.*.b.c[0]');
    assert.deepEqual(shape(expr), {
      type: 'Index',
      legacy: false,
      key: { type: 'Literal', value: 0 },
      target: {
        type: 'Splat',
        kind: 'attr',
        source: { type: 'Variable', name: 'a' },
        each: { type: 'GetAttr', name: 'c', target: { type: 'GetAttr', name: 'b', target: { type: 'Variable', name: '*' } } },
      },
    });
  });

  it('parses tuple for expressions with a condition', () => {
    const expr = expression('[for i, s in var.list : upper(s) if s != ""]') as ForExpr;
    assert.equal(expr.type, 'For');
    assert.equal(expr.kind, 'tuple');
    assert.equal(expr.keyVar, 'i');
    assert.equal(expr.valueVar, 's');
    assert.equal(expr.grouping, false);
    assert.equal(expr.keyExpr, undefined);
    assert.equal(grouping(expr.collection), 'var.list');
    assert.equal(expr.valueExpr.type, 'FunctionCall');
    assert.equal(expr.condition?.type, 'Binary');
    assert.equal(at(expr.range), '0:4-0:48');
  });

  it('parses object for expressions with grouping and spanning lines', () => {
    const expr = expression('{\n  for k, v in var.map :\n  v.group => k...\n  if v.enabled\n}') as ForExpr;
    assert.equal(expr.kind, 'object');
    assert.equal(grouping(expr.keyExpr!), 'v.group');
    assert.equal(grouping(expr.valueExpr), 'k');
    assert.equal(expr.grouping, true);
    assert.equal(grouping(expr.condition!), 'v.enabled');
    assert.equal(at(expr.range), '0:4-4:1');
  });

  it('treats for as a keyword only at the start of a collection', () => {
    assert.equal(expression('[(for), 1]').type, 'Tuple');
    assert.deepEqual(shape(expression('{ "for" = 1 }')), {
      type: 'Object',
      items: [{ key: { type: 'Template', kind: 'quoted', parts: [{ type: 'TemplateString', value: 'for' }] }, value: { type: 'Literal', value: 1 }, separator: '=' }],
    });
  });

  it('requires commas between tuple elements, as HashiCorp’s parser does', () => {
    const file = parseHcl('x = [\n  "a"\n  "b"\n]\n');
    assert.equal(file.errors.length, 1);
    assert.match(file.errors[0].message, /Expected ',' or '\]'/);
    assert.equal(at(file.errors[0].range), '2:2-2:3');
  });
});
