import assert from 'node:assert/strict';
import * as path from 'node:path';
import { DiskHost } from '../helpers/hosts';
import { MAX_MODULE_DEPTH, Unknown, evaluate, getAttribute, loadModule, nestedBlocks, referencedResources, type TerraformModule } from '../../../src/core/terraform';
import { FIXTURES, attributeOf, evalLocal, moduleFrom, resource } from './support';

describe('terraform child modules', () => {
  const rootDir = path.join(FIXTURES, 'modules');
  let root: TerraformModule;
  before(async () => {
    root = await loadModule(new DiskHost(), rootDir);
  });
  const child = (name: string): TerraformModule => root.children!.get(name)!;

  it('follows local sources and prefixes child addresses with the call', () => {
    assert.deepEqual([...root.children!.keys()], ['records', 'archive']);
    const records = child('records');
    assert.equal(records.dir, path.join(rootDir, 'modules/storage'));
    assert.equal(records.parent?.call.name, 'records');
    assert.deepEqual(
      records.resources.map((r) => r.address),
      ['module.records.aws_kms_key.this', 'module.records.aws_s3_bucket.this', 'module.records.aws_s3_bucket_versioning.this'],
    );
    assert.equal(root.moduleCalls.find((c) => c.name === 'records')!.resolvedDir, records.dir);
  });

  it('binds call arguments to the child variables, evaluated in the caller, with the origin chain', () => {
    const bucket = attributeOf(child('records'), 'module.records.aws_s3_bucket.this', 'bucket');
    assert.equal(bucket.value, 'ehr-prod-records');
    assert.deepEqual(
      bucket.origins.map((o) => `${path.posix.basename(o.file)}:${o.range.start.line + 1} ${o.description}`),
      [
        'main.tf:18 argument "bucket_name" of module "records"',
        'main.tf:13 local value "bucket_name"',
        'main.tf:12 local value "prefix"',
        'main.tf:11 local value "environment"',
      ],
    );
  });

  it('uses the caller variable default for one call and the child default for another', () => {
    const records = attributeOf(child('records'), 'module.records.aws_kms_key.this', 'enable_key_rotation');
    assert.equal(records.value, true);
    assert.equal(records.origins[1].description, 'default of variable "encrypt_records"');
    const archive = attributeOf(child('archive'), 'module.archive.aws_kms_key.this', 'enable_key_rotation');
    assert.equal(archive.value, false);
    assert.equal(path.relative(rootDir, archive.origins[0].file), 'modules/storage/variables.tf');
  });

  it('fills optional object attributes from their defaults', () => {
    const versioning = resource(child('records'), 'module.records.aws_s3_bucket_versioning.this');
    const status = getAttribute(nestedBlocks(versioning.block.body, 'versioning_configuration')[0].body, 'status')!;
    assert.equal(evaluate(child('records'), status.expr).value, 'Enabled');
  });

  it('evaluates module outputs: literal-backed ones are known, computed ones unknown', () => {
    const policyBucket = attributeOf(root, 'aws_s3_bucket_policy.records', 'bucket');
    assert.ok(policyBucket.value instanceof Unknown);
    assert.equal(policyBucket.value.reason, 'module.records.aws_s3_bucket.this.id is computed by the provider at apply time');
    assert.equal(policyBucket.origins[0].description, 'output "bucket_id" of module "records"');
  });

  it('evaluates an output set from a literal-backed attribute of a child resource', async () => {
    const probe = new Map([[path.join(rootDir, 'probe.tf'), 'locals {\n  name = module.records.bucket_name\n  all = module.archive\n}']]);
    const withProbe = await loadModule(new DiskHost(), rootDir, { overlays: probe });
    assert.equal(evalLocal(withProbe, 'name').value, 'ehr-prod-records');
    const all = evalLocal(withProbe, 'all').value as Record<string, unknown>;
    assert.deepEqual(Object.keys(all), ['bucket_id', 'bucket_name', 'key_arn']);
    assert.equal(all.bucket_name, 'ehr-archive');
  });

  it('leaves a registry module unresolved with the reason, and values from it unknown', () => {
    const network = root.moduleCalls.find((c) => c.name === 'network')!;
    assert.equal(network.resolvedDir, undefined);
    assert.equal(network.unresolvedReason, 'module source "terraform-aws-modules/vpc/aws" is not available locally; run terraform init');
    const name = attributeOf(root, 'aws_sns_topic.alerts', 'name').value;
    assert.ok(name instanceof Unknown);
    assert.equal(name.reason, network.unresolvedReason);
  });

  it('finds the resource behind a reference through module outputs and arguments', () => {
    const topic = resource(root, 'aws_sns_topic.alerts');
    const keyRef = getAttribute(topic.block.body, 'kms_master_key_id')!;
    assert.deepEqual(
      referencedResources(root, keyRef.expr).map((r) => r.address),
      ['module.records.aws_kms_key.this'],
    );
    const records = child('records');
    const description = getAttribute(resource(records, 'module.records.aws_kms_key.this').block.body, 'description')!;
    assert.deepEqual(referencedResources(records, description.expr), []);
  });

  it('resolves registry modules installed by terraform init from modules.json (Key/Dir)', async () => {
    const module = await moduleFrom({
      '/p/main.tf': 'module "vpc" {\n  source = "terraform-aws-modules/vpc/aws"\n  cidr = "10.0.0.0/16"\n}\nlocals { out = module.vpc.cidr_out }',
      '/p/.terraform/modules/modules.json': JSON.stringify({
        Modules: [
          { Key: '', Source: '', Dir: '.' },
          { Key: 'vpc', Source: 'registry.terraform.io/terraform-aws-modules/vpc/aws', Version: '5.1.0', Dir: '.terraform/modules/vpc' },
          { Key: 'vpc.subnets', Source: './modules/subnets', Dir: '.terraform/modules/vpc/modules/subnets' },
        ],
      }),
      '/p/.terraform/modules/vpc/main.tf': 'variable "cidr" {}\nmodule "subnets" {\n  source = "./modules/subnets"\n  base = var.cidr\n}\noutput "cidr_out" { value = module.subnets.first }',
      '/p/.terraform/modules/vpc/modules/subnets/main.tf': 'variable "base" {}\noutput "first" { value = cidrsubnet(var.base, 8, 1) }',
    });
    const vpc = module.children!.get('vpc')!;
    assert.equal(vpc.dir, '/p/.terraform/modules/vpc');
    assert.equal(vpc.children!.get('subnets')!.dir, '/p/.terraform/modules/vpc/modules/subnets');
    assert.equal(evaluate(module, module.locals.get('out')!.attribute.expr).value, '10.0.1.0/24');
  });

  it('refuses module cycles and nesting deeper than the limit', async () => {
    const cyclic = await moduleFrom({
      '/p/main.tf': 'module "a" { source = "./a" }',
      '/p/a/main.tf': 'module "back" { source = "../" }\nresource "null_resource" "x" {}',
    });
    const a = cyclic.children!.get('a')!;
    assert.match(a.moduleCalls[0].unresolvedReason!, /module cycle/);
    assert.equal(a.children!.size, 0);

    const files: Record<string, string> = {};
    let dir = '/p';
    for (let i = 0; i <= MAX_MODULE_DEPTH + 2; i++) {
      files[`${dir}/main.tf`] = `module "next" { source = "./n" }`;
      dir = `${dir}/n`;
    }
    const deep = await moduleFrom(files);
    let depth = 0;
    let current: TerraformModule | undefined = deep;
    while (current?.children?.get('next')) {
      current = current.children.get('next');
      depth++;
    }
    assert.equal(depth, MAX_MODULE_DEPTH);
    assert.match(current!.moduleCalls[0].unresolvedReason!, /deeper than 10 levels/);
  });

  it('says when a local module directory has no Terraform files', async () => {
    const module = await moduleFrom({ '/p/main.tf': 'module "gone" { source = "./missing" }\nlocals { x = module.gone.out }' });
    const call = module.moduleCalls[0];
    assert.equal(call.unresolvedReason, 'module "gone": /p/missing has no Terraform files');
    const value = evaluate(module, module.locals.get('x')!.attribute.expr).value;
    assert.ok(value instanceof Unknown && value.reason === call.unresolvedReason);
  });

  it('evaluates arguments of a repeated call per instance and keeps them only when they agree', async () => {
    const module = await moduleFrom({
      '/p/main.tf': `
        module "same" {
          source   = "./m"
          for_each = toset(["a", "b"])
          flag     = true
        }
        module "differs" {
          source   = "./m"
          for_each = { a = true, b = false }
          flag     = each.value
        }`,
      '/p/m/main.tf': 'variable "flag" { type = bool }\nlocals { f = var.flag }',
    });
    const flagOf = (name: string) => {
      const m = module.children!.get(name)!;
      return evaluate(m, m.locals.get('f')!.attribute.expr).value;
    };
    assert.equal(flagOf('same'), true);
    const differs = flagOf('differs');
    assert.ok(differs instanceof Unknown);
    assert.equal(differs.reason, 'the value differs between the 2 instances of module "differs"');
  });
});
