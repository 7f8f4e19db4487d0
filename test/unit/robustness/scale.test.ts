/**
 * Size and scale: the size limit skips a file with one information finding, binary files are
 * skipped silently, and re-linting after an edit parses only the edited file (the parse cache
 * keeps the rest of the module), reading nothing outside the edited file's module.
 */
import assert from 'node:assert/strict';
import { defaultConfig } from '../../../src/core/config/defaults';
import { LintEngine } from '../../../src/core/engine/engine';
import type { ParseCache } from '../../../src/core/terraform';
import { BytesHost } from '../../fuzz/targets';
import { lintFiles } from './support';

const POD = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: ehr\nspec:\n  containers:\n    - name: api\n      image: ehr:1\n';

describe('robustness: size limit and binary files', () => {
  const limited = { ...defaultConfig(), maxFileSizeBytes: 2_048 };

  for (const [name, path, text] of [
    ['a manifest', '/w/k8s/pod.yaml', `${POD}${'# padding\n'.repeat(300)}`],
    ['a properties file', '/w/app/application.properties', `server.port=8080\n${'a=b\n'.repeat(1_000)}`],
    ['a Terraform file', '/w/tf/main.tf', `locals {\n${'  a = 1\n'.repeat(400)}}\n`],
  ] as const) {
    it(`${name} over maxFileSizeBytes gets exactly one file-skipped information finding`, async () => {
      const result = await lintFiles({ [path]: text }, { config: limited });
      assert.deepEqual(
        result.findings.map((f) => [f.ruleId, f.severity, f.file, f.range.start.line]),
        [['file-skipped', 'info', path, 0]],
      );
      assert.match(result.findings[0].message, /not checked/);
      assert.ok(result.files.find((f) => f.file === path)?.skipped);
      const under = await lintFiles({ [path]: text }, { config: { ...defaultConfig(), maxFileSizeBytes: 1024 * 1024 } });
      assert.ok(!under.findings.some((f) => f.ruleId === 'file-skipped'), 'the same file under a larger limit is linted');
    });
  }

  it('an unsaved buffer over the limit is skipped the same way', async () => {
    const host = new BytesHost(new Map([['/w/k8s/pod.yaml', POD]]));
    const engine = new LintEngine({ host, config: limited });
    const result = await engine.lint(['/w/k8s/pod.yaml'], { overlays: new Map([['/w/k8s/pod.yaml', POD + 'x'.repeat(4_096)]]) });
    assert.deepEqual(result.findings.map((f) => f.ruleId), ['file-skipped']);
  });

  it('binary files are skipped without a finding, whatever their name', async () => {
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);
    const utf16WithoutMark = Uint8Array.from([0x61, 0, 0x3a, 0, 0x20, 0, 0x62, 0]);
    const result = await lintFiles({ '/w/a/values.yaml': png, '/w/a/application.properties': png, '/w/b/mosquitto.conf': utf16WithoutMark, '/w/c/main.tf': png });
    assert.deepEqual(result.findings, []);
    assert.equal(result.files.length, 4);
    assert.ok(result.files.every((f) => f.skipped), JSON.stringify(result.files));
  });
});

describe('robustness: re-linting after an edit', () => {
  const module = {
    '/w/infra/main.tf': 'resource "aws_s3_bucket" "records" {\n  bucket = "records"\n}\n',
    '/w/infra/kms.tf': 'resource "aws_kms_key" "k" {\n  enable_key_rotation = false\n}\n',
    '/w/infra/variables.tf': 'variable "env" {\n  default = "prod"\n}\n',
    '/w/infra/modules/store/main.tf': 'resource "aws_db_instance" "db" {\n  storage_encrypted = false\n}\n',
    '/w/infra/calls.tf': 'module "store" {\n  source = "./modules/store"\n}\n',
    '/w/k8s/pod.yaml': POD,
    '/w/other/main.tf': 'resource "aws_kms_key" "other" {}\n',
  };

  function engineWithCounters() {
    const host = new BytesHost(new Map(Object.entries(module)));
    const engine = new LintEngine({ host, config: defaultConfig() });
    // The cache is private to the engine; the test reads its counter to see what was parsed again.
    const cache = (engine as unknown as { parseCache: ParseCache }).parseCache;
    return { host, engine, cache };
  }

  it('parses only the edited file again; the rest of its module and the module it calls come from the cache', async () => {
    const { host, engine, cache } = engineWithCounters();
    await engine.lint(['/w/infra/main.tf']);
    const firstParses = cache.parseCount;
    assert.equal(firstParses, 5, 'the module, its variables and the called module, each parsed once');

    const edited = module['/w/infra/main.tf'].replace('"records"\n}', '"records"\n  acl = "public-read"\n}');
    host.reads.length = 0;
    const result = await engine.lint(['/w/infra/main.tf'], { overlays: new Map([['/w/infra/main.tf', edited]]) });
    assert.equal(cache.parseCount - firstParses, 1, 'one file changed, one parse');
    assert.ok(result.findings.some((f) => f.ruleId === 'aws-s3-bucket-acl-not-public' && f.file === '/w/infra/main.tf'));
    assert.ok(!host.reads.includes('/w/infra/main.tf'), 'the edited buffer is used, not the file on disk');
    assert.ok(host.reads.every((path) => path.startsWith('/w/infra/')), `nothing outside the module is read: ${host.reads.join(', ')}`);

    await engine.lint(['/w/infra/main.tf'], { overlays: new Map([['/w/infra/main.tf', edited]]) });
    assert.equal(cache.parseCount - firstParses, 1, 'linting the same text again parses nothing');
  });

  it('linting one manifest touches no Terraform module and no other file', async () => {
    const { host, engine, cache } = engineWithCounters();
    await engine.lint(['/w/k8s/pod.yaml'], { overlays: new Map([['/w/k8s/pod.yaml', `${POD}      securityContext:\n        privileged: true\n`]]) });
    assert.equal(cache.parseCount, 0);
    assert.deepEqual(host.reads, []);
  });
});
