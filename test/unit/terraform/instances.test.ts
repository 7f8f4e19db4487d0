import assert from 'node:assert/strict';
import {
  MAX_INSTANCES,
  Unknown,
  evaluate,
  getAttribute,
  instancesOf,
  nestedBlockInstances,
  nestedBlocks,
  type EvalScope,
  type TerraformModule,
} from '../../../src/core/terraform';
import { moduleFrom, resource } from './support';

/** Instances as plain data: `{ key, value }` for for_each, the index for count, Unknown as its reason. */
function describeScopes(scopes: EvalScope[]): unknown[] {
  const plain = (v: unknown): unknown => (v instanceof Unknown ? `unknown: ${v.reason}` : v);
  return scopes.map((s) => (s.each ? { key: plain(s.each.key), value: plain(s.each.value) } : plain(s.countIndex)));
}

describe('terraform instances', () => {
  let module: TerraformModule;
  before(async () => {
    module = await moduleFrom({
      '/p/main.tf': `
        variable "regions" {
          default = { eu = "eu-west-1", us = "us-east-1" }
        }
        variable "enabled" {
          default = false
        }
        variable "unknown_list" {}
        locals {
          names = ["b", "a", "b"]
        }
        resource "aws_s3_bucket" "map" {
          for_each = var.regions
        }
        resource "aws_s3_bucket" "set" {
          for_each = toset(local.names)
        }
        resource "aws_s3_bucket" "counted" {
          count = 3
        }
        resource "aws_s3_bucket" "disabled" {
          count = var.enabled ? 1 : 0
        }
        resource "aws_s3_bucket" "empty_map" {
          for_each = {}
        }
        resource "aws_s3_bucket" "unknown" {
          for_each = var.unknown_list
        }
        resource "aws_s3_bucket" "unknown_count" {
          count = length(var.unknown_list)
        }
        resource "aws_s3_bucket" "huge" {
          count = 500
        }
        resource "aws_s3_bucket" "single" {}
      `,
    });
  });
  const instances = (name: string) => describeScopes(instancesOf(module, resource(module, `aws_s3_bucket.${name}`)));

  it('expands a known for_each map into one scope per key, in key order', () => {
    assert.deepEqual(instances('map'), [
      { key: 'eu', value: 'eu-west-1' },
      { key: 'us', value: 'us-east-1' },
    ]);
  });

  it('expands a set with each.key equal to each.value, duplicates removed', () => {
    assert.deepEqual(instances('set'), [
      { key: 'a', value: 'a' },
      { key: 'b', value: 'b' },
    ]);
  });

  it('expands a known count into count.index 0..n-1', () => {
    assert.deepEqual(instances('counted'), [0, 1, 2]);
  });

  it('gives no instances at all for count = 0 or an empty for_each (the resource is disabled)', () => {
    assert.deepEqual(instances('disabled'), []);
    assert.deepEqual(instances('empty_map'), []);
  });

  it('gives one scope with unknown bindings when the collection is unknown, with the reason', () => {
    const reason = 'unknown: for_each is not known: variable "unknown_list" has no default and no value in tfvars';
    assert.deepEqual(instances('unknown'), [{ key: reason, value: reason }]);
    assert.deepEqual(instances('unknown_count'), ['unknown: count is not known: variable "unknown_list" has no default and no value in tfvars']);
  });

  it('collapses a count above the cap to one unknown instance', () => {
    assert.deepEqual(instances('huge'), [`unknown: count is 500; more than ${MAX_INSTANCES} instances are not expanded`]);
  });

  it('gives a resource without count or for_each exactly one instance', () => {
    assert.deepEqual(instancesOf(module, resource(module, 'aws_s3_bucket.single')), [{}]);
  });
});

describe('terraform dynamic blocks', () => {
  let module: TerraformModule;
  before(async () => {
    module = await moduleFrom({
      '/p/main.tf': `
        variable "rules" {
          default = [
            { port = 443, cidr = "10.0.0.0/8" },
            { port = 22, cidr = "0.0.0.0/0" },
          ]
        }
        variable "unset" {}
        resource "aws_security_group" "sg" {
          ingress {
            from_port = 80
          }
          dynamic "ingress" {
            for_each = var.rules
            content {
              from_port   = ingress.value.port
              cidr_blocks = [ingress.value.cidr]
              description = "rule \${ingress.key}"
            }
          }
          dynamic "egress" {
            for_each = var.rules
            iterator = rule
            content {
              to_port = rule.value.port
            }
          }
          dynamic "tag" {
            for_each = var.unset
            content {
              key = tag.value
            }
          }
          dynamic "same" {
            for_each = var.rules
            content {
              protocol = "tcp"
            }
          }
        }
      `,
    });
  });
  const sg = () => resource(module, 'aws_security_group.sg').block.body;
  const valuesOf = (type: string, attribute: string) =>
    nestedBlockInstances(module, sg(), type).map((b) => {
      const found = getAttribute(b.nested.body, attribute);
      return found ? evaluate(module, found.expr, b.scope).value : 'absent';
    });

  it('lists written blocks and dynamic content blocks, marking the dynamic ones', () => {
    const blocks = nestedBlocks(sg(), 'ingress');
    assert.equal(blocks.length, 2);
    assert.equal(blocks[0].dynamic, undefined);
    assert.equal(blocks[1].dynamic?.iterator, 'ingress');
    assert.equal(blocks[1].block.blockType, 'content');
    assert.equal(blocks[1].dynamic?.forEach?.name, 'for_each');
    assert.equal(nestedBlocks(sg(), 'egress')[0].dynamic?.iterator, 'rule');
  });

  it('expands a dynamic block per element with the iterator bound', () => {
    assert.deepEqual(valuesOf('ingress', 'from_port'), [80, 443, 22]);
    assert.deepEqual(valuesOf('ingress', 'cidr_blocks'), ['absent', ['10.0.0.0/8'], ['0.0.0.0/0']]);
    assert.deepEqual(valuesOf('ingress', 'description'), ['absent', 'rule 0', 'rule 1']);
  });

  it('binds a custom iterator name', () => {
    assert.deepEqual(valuesOf('egress', 'to_port'), [443, 22]);
  });

  it('binds the iterator to Unknown when for_each is unknown', () => {
    const [only] = valuesOf('tag', 'key');
    assert.ok(only instanceof Unknown);
    assert.match(only.reason, /^the elements of dynamic "tag" are not known: variable "unset"/);
  });

  it('evaluates content without a bound iterator as all generated blocks, known only when they agree', () => {
    const content = (type: string, attribute: string) => getAttribute(nestedBlocks(sg(), type).find((b) => b.dynamic)!.body, attribute)!.expr;
    assert.equal(evaluate(module, content('same', 'protocol')).value, 'tcp');
    const ports = evaluate(module, content('ingress', 'from_port')).value;
    assert.ok(ports instanceof Unknown);
    assert.equal(ports.reason, 'the value differs between the 2 blocks produced by dynamic "ingress"');
  });
});
