import assert from 'node:assert/strict';
import * as path from 'node:path';
import { DiskHost } from '../helpers/hosts';
import { ParseCache, Unknown, evaluate, getAttribute, instancesOf, loadModule, nestedBlockInstances, providerRegion } from '../../../src/core/terraform';
import type { HclFile } from '../../../src/core/hcl/ast';
import { parseHclFile } from '../../../src/core/hcl';
import { FIXTURES, attributeOf, evalLocal, memoryHost, moduleFrom } from './support';

describe('terraform loadModule', () => {
  describe('files and declarations', () => {
    it('merges .tf and .tf.json files in name order and collects every kind of declaration', async () => {
      const module = await moduleFrom({
        '/p/b.tf': `
          variable "secret" {
            type      = string
            sensitive = true
            validation {
              condition     = length(var.secret) > 8
              error_message = "too short"
            }
          }
          locals { a = 1 }
          output "id" { value = aws_s3_bucket.b.id }
          provider "aws" { region = "eu-west-1" }
          provider "aws" {
            alias  = "us"
            region = "us-east-1"
          }
          data "aws_caller_identity" "me" {}
          module "m" { source = "git::https://example.com/m.git" }`,
        '/p/a.tf.json': JSON.stringify({ resource: { aws_s3_bucket: { b: { bucket: 'json-bucket', provider: 'aws.us' } } } }),
        '/p/notes.txt': 'not terraform',
        '/p/sub/c.tf': 'resource "aws_s3_bucket" "other" {}',
      });
      assert.deepEqual(
        module.files.map((f) => f.path),
        ['/p/a.tf.json', '/p/b.tf'],
      );
      assert.deepEqual(
        module.resources.map((r) => [r.address, r.providerRef]),
        [['aws_s3_bucket.b', 'aws.us']],
      );
      assert.deepEqual(
        module.dataSources.map((r) => r.address),
        ['data.aws_caller_identity.me'],
      );
      const secret = module.variables.get('secret')!;
      assert.equal(secret.sensitive, true);
      assert.equal(secret.validations?.length, 1);
      assert.equal(secret.type?.type, 'Variable');
      assert.deepEqual([...module.locals.keys()], ['a']);
      assert.deepEqual(
        module.outputs.map((o) => o.name),
        ['id'],
      );
      assert.deepEqual(
        module.providers.map((p) => [p.name, p.alias, p.region?.name]),
        [
          ['aws', undefined, 'region'],
          ['aws', 'us', 'region'],
        ],
      );
      assert.equal(attributeOf(module, 'aws_s3_bucket.b', 'bucket').value, 'json-bucket');
    });

    it('reads a module written in JSON syntax like native syntax', async () => {
      const module = await moduleFrom({
        '/p/main.tf.json': JSON.stringify({
          variable: { enc: { type: 'bool', default: 'true' }, names: { default: ['a', 'b'] } },
          locals: { prefix: 'ehr-${var.enc}' },
          provider: { aws: [{ region: 'eu-west-1' }, { alias: 'us', region: 'us-east-1' }] },
          resource: {
            aws_s3_bucket: {
              b: {
                bucket: '${local.prefix}-x',
                count: '${length(var.names)}',
                provider: 'aws.us',
                dynamic: { rule: { for_each: '${var.names}', content: { id: '${rule.value}' } } },
              },
            },
          },
        }),
      });
      const bucket = module.resources[0];
      assert.equal(bucket.providerRef, 'aws.us');
      assert.equal(attributeOf(module, 'aws_s3_bucket.b', 'bucket').value, 'ehr-true-x');
      assert.deepEqual(instancesOf(module, bucket), [{ countIndex: 0 }, { countIndex: 1 }]);
      const ids = nestedBlockInstances(module, bucket.block.body, 'rule').map((b) => evaluate(module, getAttribute(b.nested.body, 'id')!.expr, b.scope).value);
      assert.deepEqual(ids, ['a', 'b']);
      assert.equal(providerRegion(module, bucket).value, 'us-east-1');
    });

    it('lists files that are too large or not UTF-8 with an error instead of throwing', async () => {
      const host = memoryHost({ '/p/main.tf': 'resource "aws_s3_bucket" "b" {}', '/p/big.tf': `# ${'x'.repeat(300)}` });
      const binary = {
        readFile: async (p: string) => (p === '/p/latin1.tf' ? new Uint8Array([0x23, 0x20, 0xe9, 0x0a]) : host.readFile(p)),
        readDirectory: async (p: string) => [...((await host.readDirectory(p)) ?? []), { name: 'latin1.tf', type: 'file' as const }],
      };
      const module = await loadModule(binary, '/p', { maxFileSize: 200 });
      const byName = new Map(module.files.map((f) => [path.posix.basename(f.path), f]));
      assert.match(byName.get('big.tf')!.error!, /over the 200-byte limit/);
      assert.equal(byName.get('big.tf')!.parsed.errors.length, 1);
      assert.match(byName.get('latin1.tf')!.error!, /not valid UTF-8/);
      assert.equal(byName.get('main.tf')!.error, undefined);
      assert.equal(module.resources.length, 1);
    });

    it('survives a host that throws and a parse function that throws', async () => {
      const host = {
        readFile: async (p: string) => {
          if (p.endsWith('broken.tf')) throw new Error('disk on fire');
          return 'locals { a = 1 }';
        },
        readDirectory: async () => [
          { name: 'broken.tf', type: 'file' as const },
          { name: 'ok.tf', type: 'file' as const },
          { name: 'bad-parse.tf', type: 'file' as const },
        ],
      };
      const cache = new ParseCache((p, text) => {
        if (p.endsWith('bad-parse.tf')) throw new Error('parser bug');
        return parseHclFile(p, text);
      });
      const module = await loadModule(host, '/p', { parseCache: cache });
      assert.deepEqual(
        module.files.map((f) => [path.posix.basename(f.path), f.error?.split(':')[0]]),
        [
          ['bad-parse.tf', 'could not be parsed'],
          ['broken.tf', 'cannot be read'],
          ['ok.tf', undefined],
        ],
      );
    });

    it('lets overlays replace files and add unsaved ones', async () => {
      const module = await moduleFrom(
        { '/p/main.tf': 'locals { a = "disk" }' },
        {
          overlays: new Map([
            ['/p/main.tf', 'locals { a = "editor" }'],
            ['/p/new.tf', 'locals { b = 2 }'],
          ]),
        },
      );
      assert.deepEqual(
        module.files.map((f) => f.path),
        ['/p/main.tf', '/p/new.tf'],
      );
      assert.equal(module.locals.get('a')!.attribute.expr.type, 'Template');
      assert.ok(module.locals.has('b'));
    });
  });

  describe('variable inputs and their precedence', () => {
    const dir = path.join(FIXTURES, 'precedence');
    const value = async (varFiles: string[] | undefined, attribute: string) => {
      const module = await loadModule(new DiskHost(), dir, { varFiles });
      return attributeOf(module, 'aws_db_instance.records', attribute);
    };

    it('applies terraform.tfvars, then terraform.tfvars.json, then *.auto.tfvars(.json) in name order', async () => {
      // name: tfvars < tfvars.json < a.auto.tfvars; retention: a.auto ("14") < b.auto.tfvars.json (30)
      assert.equal((await value(undefined, 'identifier')).value, 'from-a-auto');
      const retention = await value(undefined, 'backup_retention_period');
      assert.equal(retention.value, 30);
      assert.equal(path.posix.basename(retention.origins[0].file), 'b.auto.tfvars.json');
      assert.equal(retention.origins[0].description, 'value of "retention_days" in b.auto.tfvars.json');
    });

    it('applies chosen var files after the automatic ones, later files winning', async () => {
      const prod = path.join(dir, 'prod.tfvars');
      const staging = path.join(dir, 'staging.tfvars');
      assert.equal((await value([prod], 'backup_retention_period')).value, 90);
      assert.equal((await value([prod, staging], 'backup_retention_period')).value, 3);
      assert.equal((await value([staging, prod], 'backup_retention_period')).value, 90);
      assert.equal((await value([staging, prod], 'identifier')).value, 'from-staging');
    });

    it('converts tfvars values to the declared type', async () => {
      const typed = await moduleFrom({ '/p/v.tf': 'variable "n" { type = number }\nlocals { x = var.n }', '/p/terraform.tfvars': 'n = "14"' });
      assert.equal(evalLocal(typed, 'x').value, 14);
    });

    it('reports where a default came from: file, line and description', async () => {
      const encrypted = await value(undefined, 'storage_encrypted');
      assert.equal(encrypted.value, false);
      const [from] = encrypted.origins;
      assert.equal(path.posix.basename(from.file), 'variables.tf');
      assert.equal(from.range.start.line + 1, 12);
      assert.equal(from.description, 'default of variable "encrypted"');
    });

    it('leaves a variable without default or input unknown, saying why and where it is declared', async () => {
      const owner = await value(undefined, 'tags');
      const tags = owner.value as Record<string, unknown>;
      const unknown = tags.Owner as Unknown;
      assert.ok(unknown instanceof Unknown);
      assert.equal(unknown.reason, 'variable "owner" has no default and no value in tfvars');
      assert.equal(unknown.origins[0].range.start.line + 1, 20);
    });

    it('records the tfvars files it applied, in order', async () => {
      const module = await loadModule(new DiskHost(), dir, { varFiles: [path.join(dir, 'prod.tfvars')] });
      assert.deepEqual(
        module.inputFiles!.map((f) => path.posix.basename(f.path)),
        ['terraform.tfvars', 'terraform.tfvars.json', 'a.auto.tfvars', 'b.auto.tfvars.json', 'prod.tfvars'],
      );
    });
  });

  describe('parse cache', () => {
    it('re-parses only the edited file of a 200-file module', async () => {
      const files: Record<string, string> = {};
      for (let i = 0; i < 200; i++) files[`/p/f${String(i).padStart(3, '0')}.tf`] = `resource "aws_s3_bucket" "b${i}" {\n  bucket = "b-${i}"\n}\n`;
      const host = memoryHost(files);
      let calls = 0;
      const cache = new ParseCache((p, text): HclFile => {
        calls++;
        return parseHclFile(p, text);
      });
      const first = await loadModule(host, '/p', { parseCache: cache });
      assert.equal(first.resources.length, 200);
      assert.equal(calls, 200);

      const edited = new Map([['/p/f042.tf', 'resource "aws_s3_bucket" "b42" {\n  bucket = "edited"\n}\n']]);
      const second = await loadModule(host, '/p', { parseCache: cache, overlays: edited });
      assert.equal(calls, 201);
      assert.equal(cache.parseCount, 201);
      assert.equal(attributeOf(second, 'aws_s3_bucket.b42', 'bucket').value, 'edited');
      // Unchanged files share their parse with the first load.
      assert.equal(second.files[0].parsed, first.files[0].parsed);
    });

    it('tells the cache which files belong to called modules, so a scan keeps those', async () => {
      const host = memoryHost({
        '/r/examples/a/main.tf': 'module "root" {\n  source = "../.."\n}\n',
        '/r/main.tf': 'module "x" {\n  source = "./modules/x"\n}\n',
        '/r/modules/x/main.tf': 'resource "aws_s3_bucket" "b" {}\n',
      });
      const asked: Array<[string, boolean]> = [];
      class Recording extends ParseCache {
        override get(p: string, text: string, called = false): HclFile {
          asked.push([p, called]);
          return super.get(p, text, called);
        }
      }
      await loadModule(host, '/r/examples/a', { parseCache: new Recording() });
      assert.deepEqual(asked, [
        ['/r/examples/a/main.tf', false],
        ['/r/main.tf', true],
        ['/r/modules/x/main.tf', true],
      ]);
    });
  });
});
