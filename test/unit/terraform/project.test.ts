import assert from 'node:assert/strict';
import * as path from 'node:path';
import { DiskHost } from '../helpers/hosts';
import { ParseCache, loadProject, moduleDirsOf } from '../../../src/core/terraform';
import { FIXTURES, attributeOf, memoryHost } from './support';

describe('terraform project', () => {
  it('loads every directory as a root and knows which are also called as children', async () => {
    const root = path.join(FIXTURES, 'modules');
    const storage = path.join(root, 'modules/storage');
    const project = await loadProject(new DiskHost(), [root, storage, path.join(FIXTURES, 'no-such-dir')]);
    assert.deepEqual(
      project.roots.map((m) => m.dir),
      [root, storage],
    );
    assert.equal(project.isCalledAsChild(storage), true);
    assert.equal(project.isCalledAsChild(root), false);
    assert.deepEqual(
      project.callersOf(storage).map((c) => c.call.name),
      ['records', 'archive'],
    );
    // As its own root the storage module has no caller to set bucket_name.
    assert.equal(project.root(storage)!.parent, undefined);
    assert.equal(project.allModules().length, 4);
  });

  it('picks module directories from a list of paths', () => {
    assert.deepEqual(moduleDirsOf(['/a/main.tf', '/a/vars.tf', '/b/x.tf.json', '/c/readme.md', '/a/b/c.tf']), ['/a', '/b', '/a/b']);
  });

  it('re-analyses an edited file without re-parsing the others, and updates callers', async () => {
    const files = {
      '/w/main.tf': 'module "m" {\n  source = "./m"\n  name = "one"\n}',
      '/w/variables.tf': 'variable "unused" {\n  default = 1\n}',
      '/w/m/main.tf': 'variable "name" {}\nresource "aws_s3_bucket" "b" {\n  bucket = var.name\n}',
      '/w/m/outputs.tf': 'output "x" {\n  value = 1\n}',
    };
    const cache = new ParseCache();
    const host = memoryHost(files);
    const project = await loadProject(host, ['/w', '/w/m'], { parseCache: cache });
    assert.equal(cache.parseCount, 4);
    const readsBefore = host.reads.length;

    const reloaded = await project.updateFile('/w/main.tf', 'module "m" {\n  source = "./m"\n  name = "two"\n}');
    assert.deepEqual(
      reloaded.map((m) => m.dir),
      ['/w'],
    );
    assert.equal(cache.parseCount, 5);
    assert.equal(host.reads.length, readsBefore, 'unchanged files are not read again');
    const child = project.root('/w')!.children!.get('m')!;
    assert.equal(attributeOf(child, 'module.m.aws_s3_bucket.b', 'bucket').value, 'two');

    // Editing the child reloads both roots that contain it.
    const both = await project.updateFile('/w/m/main.tf', 'variable "name" {}\nresource "aws_s3_bucket" "b" {\n  bucket = "fixed-${var.name}"\n}');
    assert.deepEqual(both.map((m) => m.dir).sort(), ['/w', '/w/m']);
    assert.equal(cache.parseCount, 6);
    assert.equal(attributeOf(project.root('/w')!.children!.get('m')!, 'module.m.aws_s3_bucket.b', 'bucket').value, 'fixed-two');
  });

  it('adds a root when a Terraform file appears in a new directory, and re-reads a file changed on disk', async () => {
    const files: Record<string, string> = { '/w/main.tf': 'locals { a = 1 }' };
    const host = memoryHost(files);
    const project = await loadProject(host, ['/w']);
    await project.updateFile('/n/new.tf', 'resource "aws_s3_bucket" "b" {}');
    assert.deepEqual(
      project.roots.map((m) => m.dir),
      ['/w', '/n'],
    );
    host.files.set('/w/main.tf', 'locals { a = 2 }');
    await project.updateFile('/w/main.tf');
    assert.equal(project.root('/w')!.locals.get('a')!.attribute.expr.type, 'Literal');
    const literal = project.root('/w')!.locals.get('a')!.attribute.expr;
    assert.equal(literal.type === 'Literal' ? literal.value : undefined, 2);
  });
});
