import assert from 'node:assert/strict';
import * as path from 'node:path';
import { DiskHost } from '../helpers/hosts';
import { loadProject, referencingResources, type TerraformProject } from '../../../src/core/terraform';
import { FIXTURES, memoryHost, resource } from './support';

describe('terraform relationships', () => {
  const dir = path.join(FIXTURES, 's3-split');
  let project: TerraformProject;
  before(async () => {
    project = await loadProject(new DiskHost(), [dir]);
  });
  const module = () => project.root(dir)!;
  const linked = (address: string, query = {}) =>
    referencingResources(project, resource(module(), address), query)
      .map((r) => `${r.resource.address} via ${r.attribute.name}`)
      .sort();

  it('finds the split S3 settings of a bucket by reference (.id, .bucket, .arn) and by literal name', () => {
    assert.deepEqual(linked('aws_s3_bucket.records'), [
      'aws_s3_bucket_logging.records via bucket',
      'aws_s3_bucket_policy.records via bucket',
      'aws_s3_bucket_public_access_block.records via bucket',
      'aws_s3_bucket_server_side_encryption_configuration.records via bucket',
      'aws_s3_bucket_versioning.records via bucket',
      'data.aws_iam_policy_document.records via resources',
    ]);
  });

  it('filters by resource type and by the attribute that makes the link', () => {
    assert.deepEqual(linked('aws_s3_bucket.records', { types: ['aws_s3_bucket_versioning', 'aws_s3_bucket_acl'] }), [
      'aws_s3_bucket_versioning.records via bucket',
    ]);
    assert.deepEqual(linked('aws_s3_bucket.logs'), ['aws_s3_bucket_acl.logs via bucket', 'aws_s3_bucket_logging.records via target_bucket']);
    assert.deepEqual(linked('aws_s3_bucket.logs', { attribute: 'bucket' }), ['aws_s3_bucket_acl.logs via bucket']);
  });

  it('links Azure diagnostic settings to their target through a template reference', () => {
    assert.deepEqual(linked('azurerm_storage_account.ehr'), ['azurerm_monitor_diagnostic_setting.ehr_blobs via target_resource_id']);
  });

  it('works on one module tree too, across module boundaries, and sees project updates', async () => {
    const files = {
      '/w/main.tf': 'module "store" {\n  source = "./store"\n}\nresource "aws_s3_bucket_versioning" "v" {\n  bucket = module.store.id\n}',
      '/w/store/main.tf': 'resource "aws_s3_bucket" "b" {\n  bucket = "n"\n}\noutput "id" {\n  value = aws_s3_bucket.b.id\n}',
    };
    const tree = await loadProject(memoryHost(files), ['/w']);
    const root = tree.root('/w')!;
    const bucket = root.children!.get('store')!.resources[0];
    assert.deepEqual(
      referencingResources(root, bucket).map((r) => [r.resource.address, r.module.dir]),
      [['aws_s3_bucket_versioning.v', '/w']],
    );
    assert.equal(referencingResources(tree, bucket).length, 1);

    await tree.updateFile('/w/main.tf', 'module "store" {\n  source = "./store"\n}');
    const reloaded = tree.root('/w')!.children!.get('store')!.resources[0];
    assert.deepEqual(referencingResources(tree, reloaded), []);
  });
});
