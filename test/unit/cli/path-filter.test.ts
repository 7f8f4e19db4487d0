import * as assert from 'node:assert/strict';
import { compilePathGlob, globCovers, isExcluded, isIncludedFile } from '../../../src/cli/walk/path-filter';

describe('include/exclude globs', () => {
  it('matches a slash-free pattern by name at any depth', () => {
    const glob = compilePathGlob('*.tf', '/ws');
    assert.equal(globCovers(glob, '/ws/main.tf'), true);
    assert.equal(globCovers(glob, '/ws/a/b/main.tf'), true);
    assert.equal(globCovers(glob, '/ws/main.tf.json'), false);
    assert.equal(globCovers(glob, '/other/main.tf'), false, 'outside the base');
  });

  it('anchors patterns with a slash to the base directory', () => {
    const glob = compilePathGlob('./terraform/aws/**', '/ws');
    assert.equal(globCovers(glob, '/ws/terraform/aws/main.tf'), true);
    assert.equal(globCovers(glob, '/ws/x/terraform/aws/main.tf'), false);
  });

  it('covers everything inside a matched directory', () => {
    const glob = compilePathGlob('fixtures/', '/ws');
    assert.equal(globCovers(glob, '/ws/fixtures'), true);
    assert.equal(globCovers(glob, '/ws/a/fixtures/bad.yaml'), true);
  });

  it('supports braces and classes', () => {
    const glob = compilePathGlob('**/*.{yaml,yml}', '/ws');
    assert.equal(globCovers(glob, '/ws/k8s/a.yml'), true);
    assert.equal(globCovers(glob, '/ws/k8s/a.yaml'), true);
    assert.equal(globCovers(glob, '/ws/k8s/a.json'), false);
    assert.equal(globCovers(compilePathGlob('env-[0-9].tf', '/ws'), '/ws/env-3.tf'), true);
  });

  it('includes every file when no include is given and only covered ones otherwise', () => {
    const none = { include: [], exclude: [] };
    assert.equal(isIncludedFile(none, '/ws/a.yaml'), true);
    const some = { include: [compilePathGlob('kubernetes', '/ws')], exclude: [compilePathGlob('*.secret.yaml', '/ws')] };
    assert.equal(isIncludedFile(some, '/ws/kubernetes/a.yaml'), true);
    assert.equal(isIncludedFile(some, '/ws/terraform/a.tf'), false);
    assert.equal(isExcluded(some, '/ws/kubernetes/db.secret.yaml'), true);
    assert.equal(isExcluded(some, '/ws/kubernetes/db.yaml'), false);
  });
});
