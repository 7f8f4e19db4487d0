import assert from 'node:assert/strict';
import { parseHcl, parseHclFile, parseHclJson } from '../../../src/core/hcl';
import type { Block, TemplateExpr, TemplateInterpolation } from '../../../src/core/hcl';
import { assertNoErrors, at, attribute, block, shape, textOf } from './support/helpers';

const CONFIG = `{
  "//": "enisa-health-disable aws-s3-encryption -- generated",
  "resource": {
    "aws_s3_bucket": {
      "records": {
        "bucket": "phi-\${var.env}-r\\u00e9cords",
        "tags": { "Name": "records" },
        "versioning": { "enabled": true },
        "lifecycle_rule": [{ "id": "a" }, { "id": "b" }],
        "depends_on": ["aws_kms_key.k"],
        "provider": "aws.eu",
        "lifecycle": { "ignore_changes": ["tags"], "precondition": { "condition": "\${true}" } }
      },
      "logs": [{ "bucket": "l1" }, { "bucket": "l2" }]
    }
  },
  "variable": { "encrypted": { "type": "bool", "default": { "a": 1 } } },
  "output": { "arn": { "value": "\${aws_s3_bucket.records.arn}" } },
  "locals": { "n": 3, "list": [1, "x", null, false] },
  "terraform": { "backend": { "s3": { "bucket": "state" } }, "required_providers": { "aws": { "source": "hashicorp/aws" } } }
}
`;

describe('hcl JSON syntax', () => {
  const file = parseHclJson(CONFIG);

  it('maps top-level keys to blocks with Terraform label counts', () => {
    assertNoErrors(file);
    assert.equal(file.syntax, 'json');
    assert.deepEqual(
      file.body.items.map((item) => (item.type === 'Block' ? [item.blockType, ...item.labels.map((label) => label.value)].join(' ') : item.name)),
      ['resource aws_s3_bucket records', 'resource aws_s3_bucket logs', 'resource aws_s3_bucket logs', 'variable encrypted', 'output arn', 'locals', 'terraform'],
    );
    const records = file.body.items[0] as Block;
    assert.equal(textOf(file, records.typeRange), 'resource');
    assert.equal(textOf(file, records.labels[1].range), '"records"');
    assert.equal(records.labels[1].quoted, true);
    assert.equal(at(records.openBrace!), '4:17-4:18');
    assert.equal(at(records.closeBrace!), '12:6-12:7');
    assert.equal(at(records.range), '4:6-12:7');
  });

  it('reads `"//"` properties as comments', () => {
    assert.deepEqual(
      file.comments.map((comment) => [comment.style, comment.text, at(comment.range)]),
      [['//', 'enisa-health-disable aws-s3-encryption -- generated', '1:2-1:61']],
    );
  });

  it('parses strings as templates with ranges in the file, through escapes', () => {
    const records = file.body.items[0] as Block;
    const bucket = attribute(records.body, 'bucket');
    assert.equal(textOf(file, bucket.nameRange), 'bucket');
    const t = bucket.expr as TemplateExpr;
    assert.equal(t.type, 'Template');
    assert.deepEqual(
      t.parts.map((part) => [part.type, part.type === 'TemplateString' ? part.value : '', textOf(file, part.range)]),
      [
        ['TemplateString', 'phi-', 'phi-'],
        ['TemplateInterpolation', '', '${var.env}'],
        ['TemplateString', '-récords', '-r\\u00e9cords'],
      ],
    );
    assert.equal(textOf(file, (t.parts[1] as TemplateInterpolation).expr.range), 'var.env');
    assert.equal(textOf(file, t.contentRange), 'phi-${var.env}-r\\u00e9cords');
  });

  it('infers provider nested blocks from objects and arrays of objects, but keeps map arguments', () => {
    const records = file.body.items[0] as Block;
    assert.equal(attribute(records.body, 'tags').expr.type, 'Object');
    assert.deepEqual(shape(block(records.body, 'versioning').body.items), [{ type: 'Attribute', name: 'enabled', expr: { type: 'Literal', value: true } }]);
    assert.equal(block(records.body, 'lifecycle_rule', 1).body.items.length, 1);
    const lifecycle = block(records.body, 'lifecycle');
    assert.equal(block(lifecycle.body, 'precondition').body.items.length, 1);
  });

  it('reads Terraform reference arguments as expressions, not strings', () => {
    const records = file.body.items[0] as Block;
    assert.deepEqual(shape(attribute(records.body, 'depends_on').expr), {
      type: 'Tuple',
      elements: [{ type: 'GetAttr', name: 'k', target: { type: 'Variable', name: 'aws_kms_key' } }],
    });
    assert.deepEqual(shape(attribute(records.body, 'provider').expr), { type: 'GetAttr', name: 'eu', target: { type: 'Variable', name: 'aws' } });
    const provider = attribute(records.body, 'provider');
    assert.equal(textOf(file, provider.expr.range), 'aws.eu');
    const variable = block(file.body, 'variable');
    assert.deepEqual(shape(attribute(variable.body, 'type').expr), { type: 'Variable', name: 'bool' });
    assert.equal(attribute(variable.body, 'default').expr.type, 'Object');
  });

  it('maps numbers, booleans, null and arrays to literals and tuples', () => {
    const locals = block(file.body, 'locals');
    assert.deepEqual(shape(attribute(locals.body, 'list').expr), {
      type: 'Tuple',
      elements: [
        { type: 'Literal', value: 1 },
        { type: 'Template', kind: 'quoted', parts: [{ type: 'TemplateString', value: 'x' }] },
        { type: 'Literal', value: null },
        { type: 'Literal', value: false },
      ],
    });
    const terraform = block(file.body, 'terraform');
    assert.deepEqual(block(terraform.body, 'backend').labels.map((label) => label.value), ['s3']);
    assert.equal(attribute(block(terraform.body, 'required_providers').body, 'aws').expr.type, 'Object');
  });

  it('keeps repeated properties in order, as the JSON spec requires', () => {
    const repeated = parseHclJson('{ "provider": { "aws": { "region": "eu-west-1" }, "aws": { "region": "eu-central-1", "alias": "fra" } } }');
    assertNoErrors(repeated);
    assert.deepEqual(
      repeated.body.items.map((item) => (item.type === 'Block' ? item.body.items.length : 0)),
      [1, 2],
    );
  });

  it('reads .tfvars.json with every property as an attribute', () => {
    const vars = parseHclFile('env/prod.tfvars.json', '{ "encrypted": true, "tags": { "a": "b" } }');
    assertNoErrors(vars);
    assert.deepEqual(
      vars.body.items.map((item) => [item.type, item.type === 'Attribute' ? item.name : '']),
      [
        ['Attribute', 'encrypted'],
        ['Attribute', 'tags'],
      ],
    );
  });

  it('reports JSON errors and still returns a body', () => {
    const broken = parseHclJson('{ "resource": { "a": { "b": { "x": 1, } } }, // no\n');
    assert.ok(broken.errors.length >= 2);
    assert.ok(broken.errors.some((error) => /Comments are not allowed/.test(error.message)));
    assert.equal(broken.body.type, 'Body');
    assert.equal(parseHclJson('[1, 2]').errors[0].message, 'The root of an HCL JSON file must be an object');
    assert.equal(parseHclJson('').body.items.length, 0);
  });

  it('reports template errors inside strings at their place in the file', () => {
    const broken = parseHclJson('{ "locals": { "a": "${var.x" } }');
    assert.equal(broken.errors.length, 1);
    assert.equal(at(broken.errors[0].range), '0:27-0:27');
  });

  it('survives 10,000 nested arrays', () => {
    const deep = parseHclJson(`{ "locals": { "a": ${'['.repeat(10000)}${']'.repeat(10000)} } }`);
    assert.match(deep.errors[0].message, /nested more than 500 levels deep/);
  });

  it('chooses the syntax from the file name', () => {
    assert.equal(parseHclFile('main.tf', 'a = 1').syntax, 'native');
    assert.equal(parseHclFile('C:\\x\\main.TF.JSON', '{}').syntax, 'json');
    assert.equal(parseHclFile('terraform.tfvars', 'a = 1').syntax, 'native');
    assert.equal(parseHcl('a = 1').syntax, 'native');
  });
});
