import assert from 'node:assert/strict';
import { EvalFailure, Unknown, evaluate, type TfValue } from '../../../src/core/terraform';
import { attributeOf, evalLocal, moduleFrom, valueOf } from './support';

function assertUnknown(value: TfValue, reason: string | RegExp): Unknown {
  assert.ok(value instanceof Unknown, `expected Unknown, got ${JSON.stringify(value)}`);
  if (typeof reason === 'string') assert.equal(value.reason, reason);
  else assert.match(value.reason, reason);
  return value;
}

describe('terraform evaluate', () => {
  describe('literals, operators and templates', () => {
    it('evaluates arithmetic, comparison, logic and unary operators', async () => {
      assert.deepEqual(await valueOf('[1 + 2 * 3, (1 + 2) * 3, 7 % 4, 10 / 4, -5, !true]'), [7, 9, 3, 2.5, -5, false]);
      assert.deepEqual(await valueOf('[1 < 2, 2 <= 1, "a" == "a", [1, 2] == [1, 2], 1 == "1", {a = 1} != {a = 2}]'), [true, false, true, true, false, true]);
      assert.deepEqual(await valueOf('[true && false, true || false, "5" + 1]'), [false, true, 6]);
    });

    it('renders templates, directives and heredocs, keeping a lone interpolation as its value', async () => {
      assert.equal(await valueOf('"n=${1 + 1}, b=${true}"'), 'n=2, b=true');
      assert.deepEqual(await valueOf('"${[1, 2]}"'), [1, 2]);
      assert.equal(await valueOf('"%{ for i, v in ["a", "b"] }${i}${v};%{ endfor }"'), '0a;1b;');
      assert.equal(await valueOf('"%{ if 1 > 2 }big%{ else }small%{ endif }"'), 'small');
      assert.equal(await valueOf('<<-EOT\n    hello ${"world"}\n    EOT'), 'hello world\n');
    });

    it('evaluates conditionals, and one with an unknown condition only when both branches agree', async () => {
      assert.equal(await valueOf('1 > 0 ? "yes" : "no"'), 'yes');
      assert.equal(await valueOf('var.unset ? "same" : "same"', 'variable "unset" {}'), 'same');
      assertUnknown(await valueOf('var.unset ? "a" : "b"', 'variable "unset" {}'), 'variable "unset" has no default and no value in tfvars');
    });

    it('decides logic with one unknown side when the known side settles it', async () => {
      const extra = 'variable "u" {}';
      assert.equal(await valueOf('true || var.u', extra), true);
      assert.equal(await valueOf('var.u || true', extra), true);
      assert.equal(await valueOf('false && var.u', extra), false);
      assertUnknown(await valueOf('false || var.u', extra), /variable "u"/);
      assertUnknown(await valueOf('var.u + 1', extra), /variable "u"/);
      assertUnknown(await valueOf('var.u == 1', extra), /variable "u"/);
    });

    it('turns invalid operations into failures rather than throwing', async () => {
      assert.ok((await valueOf('1 / 0')) instanceof EvalFailure);
      assert.ok((await valueOf('"a" * 2')) instanceof EvalFailure);
      assert.ok((await valueOf('{a = 1}.b')) instanceof EvalFailure);
      assert.ok((await valueOf('[1][5]')) instanceof EvalFailure);
    });
  });

  describe('collections', () => {
    it('evaluates for expressions over lists and maps, with filters and grouping', async () => {
      assert.deepEqual(await valueOf('[for v in [1, 2, 3] : v * 2 if v != 2]'), [2, 6]);
      assert.deepEqual(await valueOf('{for k, v in {b = 2, a = 1} : upper(k) => v}'), { A: 1, B: 2 });
      assert.deepEqual(await valueOf('{for s in ["ax", "ay", "bz"] : substr(s, 0, 1) => s...}'), { a: ['ax', 'ay'], b: ['bz'] });
      assert.deepEqual(await valueOf('[for i, v in ["x", "y"] : "${i}:${v}"]'), ['0:x', '1:y']);
    });

    it('evaluates splats, indexes and legacy index syntax', async () => {
      assert.deepEqual(await valueOf('[{ id = "a" }, { id = "b" }][*].id'), ['a', 'b']);
      assert.deepEqual(await valueOf('{ id = "solo" }[*].id'), ['solo']);
      assert.deepEqual(await valueOf('local.none[*].id', 'locals { none = null }'), []);
      assert.equal(await valueOf('{ a = ["p", "q"] }["a"][1]'), 'q');
      assert.equal(await valueOf('local.l.1', 'locals { l = ["p", "q"] }'), 'q');
    });

    it('keeps objects free of prototype keys', async () => {
      assert.ok((await valueOf('{ a = 1 }.constructor')) instanceof EvalFailure);
      assert.deepEqual(await valueOf('{ "__proto__" = 1 }'), JSON.parse('{"__proto__": 1}'));
    });
  });

  describe('references', () => {
    it('follows chains of locals and lists them as origins, outermost first', async () => {
      const module = await moduleFrom({
        '/p/locals.tf': 'locals {\n  a = local.b\n  b = "${local.c}-b"\n  c = var.c\n}',
        '/p/variables.tf': 'variable "c" {\n  default = "c"\n}',
      });
      const a = evalLocal(module, 'a');
      assert.equal(a.value, 'c-b');
      assert.deepEqual(
        a.origins.map((o) => `${o.file}:${o.range.start.line + 1} ${o.description}`),
        ['/p/locals.tf:3 local value "b"', '/p/locals.tf:4 local value "c"', '/p/variables.tf:2 default of variable "c"'],
      );
    });

    it('stops at reference cycles with an Unknown naming the cycle', async () => {
      const module = await moduleFrom({ '/p/main.tf': 'locals {\n  a = local.b\n  b = local.a\n  c = local.c + 1\n}' });
      assertUnknown(evalLocal(module, 'a').value, 'reference cycle: local.b → local.a → local.b');
      assertUnknown(evalLocal(module, 'c').value, 'reference cycle: local.c → local.c');
    });

    it('reads resource arguments written literally, and says computed attributes are unknown', async () => {
      const module = await moduleFrom({
        '/p/main.tf': `
          resource "aws_kms_key" "k" {
            description = "records key"
            policy      = jsonencode({ a = 1 })
          }
          resource "aws_s3_bucket" "b" {
            bucket = "records"
            versioning {
              enabled = true
            }
          }
          locals {
            description = aws_kms_key.k.description
            policy      = aws_kms_key.k.policy
            arn         = aws_kms_key.k.arn
            versioning  = aws_s3_bucket.b.versioning[0].enabled
            whole       = aws_kms_key.k
          }`,
      });
      assert.equal(evalLocal(module, 'description').value, 'records key');
      assert.equal(evalLocal(module, 'policy').value, '{"a":1}');
      const arn = evalLocal(module, 'arn');
      const unknown = assertUnknown(arn.value, 'aws_kms_key.k.arn is computed by the provider at apply time');
      assert.equal(unknown.origins[0].description, 'aws_kms_key.k');
      assert.equal(evalLocal(module, 'versioning').value, true);
      assertUnknown(evalLocal(module, 'whole').value, /known only after apply/);
    });

    it('selects resource instances by count index and for_each key', async () => {
      const module = await moduleFrom({
        '/p/main.tf': `
          resource "aws_s3_bucket" "counted" {
            count  = 2
            bucket = "b-\${count.index}"
          }
          resource "aws_s3_bucket" "keyed" {
            for_each = { eu = "eu-west-1", us = "us-east-1" }
            bucket   = "b-\${each.key}-\${each.value}"
          }
          locals {
            second = aws_s3_bucket.counted[1].bucket
            eu     = aws_s3_bucket.keyed["eu"].bucket
            missing = aws_s3_bucket.keyed["xx"].bucket
            all    = aws_s3_bucket.counted[*].bucket
          }`,
      });
      assert.equal(evalLocal(module, 'second').value, 'b-1');
      assert.equal(evalLocal(module, 'eu').value, 'b-eu-eu-west-1');
      assertUnknown(evalLocal(module, 'missing').value, 'there is no instance with key "xx"');
      assertUnknown(evalLocal(module, 'all').value, /has count; the collection of its instances is known only after apply/);
    });

    it('binds each and count from the scope, and says when they are evaluated without one', async () => {
      const module = await moduleFrom({
        '/p/main.tf': 'resource "aws_s3_bucket" "b" {\n  for_each = toset(["x"])\n  bucket = "${each.key}-${each.value}"\n  acl = count.index\n}',
      });
      assert.equal(attributeOf(module, 'aws_s3_bucket.b', 'bucket', { each: { key: 'x', value: 'y' } }).value, 'x-y');
      assertUnknown(attributeOf(module, 'aws_s3_bucket.b', 'bucket').value, 'each.key is only known for one instance of a resource with for_each');
      assert.equal(attributeOf(module, 'aws_s3_bucket.b', 'acl', { countIndex: 3 }).value, 3);
    });

    it('knows path.* and leaves terraform.workspace unknown', async () => {
      const module = await moduleFrom({ '/p/main.tf': 'locals {\n  m = path.module\n  r = path.root\n  w = terraform.workspace\n}' });
      assert.equal(evalLocal(module, 'm').value, '/p');
      assert.equal(evalLocal(module, 'r').value, '/p');
      assertUnknown(evalLocal(module, 'w').value, 'terraform.workspace is chosen when terraform runs');
    });

    it('reports undeclared names as failures', async () => {
      assert.ok((await valueOf('var.nope')) instanceof EvalFailure);
      assert.ok((await valueOf('local.nope')) instanceof EvalFailure);
      assert.ok((await valueOf('aws_s3_bucket.nope.id', 'resource "aws_s3_bucket" "b" {}')) instanceof EvalFailure);
      assertUnknown(await valueOf('mystery.thing'), '"mystery" is not a variable, local, resource, module or iterator in scope here');
    });
  });

  describe('try, can and coalesce', () => {
    const extra = 'variable "u" {}\nvariable "o" {\n  default = { a = 1 }\n}';
    it('falls back on errors but not on unknowns', async () => {
      assert.equal(await valueOf('try(var.o.missing, "fallback")', extra), 'fallback');
      assert.equal(await valueOf('try(var.o.a, "fallback")', extra), 1);
      assertUnknown(await valueOf('try(var.u, "x")', extra), /variable "u"/);
      assertUnknown(await valueOf('try(var.o.missing, var.o.nope)', extra), 'try(): no argument could be evaluated');
    });

    it('can() says false for errors, true for values, unknown for unknowns', async () => {
      assert.equal(await valueOf('can(var.o.missing)', extra), false);
      assert.equal(await valueOf('can(regex("^a", "abc"))', extra), true);
      assertUnknown(await valueOf('can(var.u)', extra), /variable "u"/);
    });

    it('coalesce returns a known first non-null value despite later unknowns', async () => {
      assert.equal(await valueOf('coalesce(null, "", "b", var.u)', extra), 'b');
      assertUnknown(await valueOf('coalesce(null, var.u, "b")', extra), /variable "u"/);
    });
  });

  describe('plan-time values', () => {
    it('does not read files and does not invent timestamps', async () => {
      assertUnknown(await valueOf('file("${path.module}/policy.json")'), 'reads a file at plan time');
      assertUnknown(await valueOf('templatefile("x.tpl", {})'), 'reads a file at plan time');
      assertUnknown(await valueOf('timestamp()'), 'timestamp() is only known when terraform runs');
      assertUnknown(await valueOf('uuid()'), 'uuid() is only known when terraform runs');
      assertUnknown(await valueOf('jsondecode(file("p.json")).Statement'), 'reads a file at plan time');
    });

    it('leaves unknown functions and provider functions unknown', async () => {
      assertUnknown(await valueOf('no_such_function(1)'), 'function no_such_function() is not evaluated statically');
      assertUnknown(await valueOf('provider::aws::arn_parse("x")'), /provider function/);
    });
  });

  it('never throws on deeply nested or broken input', async () => {
    const deep = `${'['.repeat(300)}1${']'.repeat(300)}`;
    const value = await valueOf(deep);
    assert.ok(Array.isArray(value) || value instanceof Unknown);
    const broken = await moduleFrom({ '/p/main.tf': 'locals {\n  x = 1 +\n  y = [\n}' });
    for (const name of broken.locals.keys()) assert.doesNotThrow(() => evaluate(broken, broken.locals.get(name)!.attribute.expr));
  });
});
