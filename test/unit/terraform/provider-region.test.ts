import assert from 'node:assert/strict';
import * as path from 'node:path';
import { DiskHost } from '../helpers/hosts';
import { Unknown, loadModule, providerRegion, type TerraformModule } from '../../../src/core/terraform';
import { FIXTURES, moduleFrom, resource } from './support';

describe('terraform provider regions', () => {
  it('uses the default provider, or the alias named by the provider meta-argument', async () => {
    const module = await moduleFrom({
      '/p/providers.tf': 'provider "aws" {\n  region = "eu-central-1"\n}\nprovider "aws" {\n  alias  = "us"\n  region = var.us_region\n}\nvariable "us_region" {\n  default = "us-east-1"\n}',
      '/p/main.tf': 'resource "aws_s3_bucket" "eu" {}\nresource "aws_s3_bucket" "us" {\n  provider = aws.us\n}\ndata "aws_region" "current" {\n  provider = aws.us\n}',
    });
    const eu = providerRegion(module, resource(module, 'aws_s3_bucket.eu'));
    assert.equal(eu.value, 'eu-central-1');
    assert.equal(eu.origins[0].description, 'region of provider "aws"');
    const us = providerRegion(module, resource(module, 'aws_s3_bucket.us'));
    assert.equal(us.value, 'us-east-1');
    assert.deepEqual(
      us.origins.map((o) => o.description),
      ['region of provider "aws.us"', 'default of variable "us_region"'],
    );
    assert.equal(providerRegion(module, resource(module, 'data.aws_region.current')).value, 'us-east-1');
  });

  it('follows providers = { aws = aws.x } into child modules and inherits the default otherwise', async () => {
    const root = await loadModule(new DiskHost(), path.join(FIXTURES, 'modules'));
    const regionIn = (call: string): unknown => {
      const child = root.children!.get(call)!;
      return providerRegion(child, resource(child, `module.${call}.aws_s3_bucket.this`)).value;
    };
    assert.equal(regionIn('records'), 'eu-west-3');
    assert.equal(regionIn('archive'), 'eu-central-1');
  });

  it('explains why a region is unknown', async () => {
    const reasonOf = (module: TerraformModule, address: string): string => {
      const value = providerRegion(module, resource(module, address)).value;
      assert.ok(value instanceof Unknown);
      return value.reason;
    };
    const bare = await moduleFrom({ '/p/main.tf': 'resource "aws_s3_bucket" "b" {}' });
    assert.match(reasonOf(bare, 'aws_s3_bucket.b'), /^no provider "aws" configuration in \/p; the region comes from the environment/);

    const noRegion = await moduleFrom({ '/p/main.tf': 'provider "aws" {}\nresource "aws_s3_bucket" "b" {}' });
    assert.match(reasonOf(noRegion, 'aws_s3_bucket.b'), /^provider "aws" sets no region/);

    const parent = await moduleFrom({
      '/p/main.tf': 'provider "aws" {\n  region = "eu-west-1"\n}\nprovider "aws" {\n  alias = "x"\n  region = "x"\n}\nmodule "c" {\n  source = "./c"\n  providers = {\n    aws.other = aws.x\n  }\n}\nmodule "d" {\n  source = "./c"\n}',
      '/p/c/main.tf': 'resource "aws_s3_bucket" "b" {}\nresource "aws_s3_bucket" "o" {\n  provider = aws.other\n}',
    });
    const c = parent.children!.get('c')!;
    assert.equal(reasonOf(c, 'module.c.aws_s3_bucket.b'), 'module "c" does not pass a provider "aws"');
    assert.equal(providerRegion(c, resource(c, 'module.c.aws_s3_bucket.o')).value, 'x');
    const d = parent.children!.get('d')!;
    assert.equal(reasonOf(d, 'module.d.aws_s3_bucket.o'), 'provider "aws.other" must be passed to module "d" in its providers argument');
  });
});
