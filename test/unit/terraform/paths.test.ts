import assert from 'node:assert/strict';
import { basename, dirname, join, normalize, relative } from '../../../src/core/util/paths';

describe('posix path helpers', () => {
  it('normalizes dots, repeated slashes and leading parent segments', () => {
    assert.equal(normalize('/a//b/./c/../d/'), '/a/b/d');
    assert.equal(normalize('a/../../b'), '../b');
    assert.equal(normalize('/../a'), '/a');
    assert.equal(normalize('./'), '.');
    assert.equal(normalize(''), '.');
  });

  it('joins module sources onto their caller directory', () => {
    assert.equal(join('/w/env/prod', '../../modules/db'), '/w/modules/db');
    assert.equal(join('/w', './modules/x'), '/w/modules/x');
    assert.equal(join('proj', '..'), '.');
    assert.equal(join('', 'a'), 'a');
  });

  it('splits directory and base name', () => {
    assert.equal(dirname('/w/main.tf'), '/w');
    assert.equal(dirname('/main.tf'), '/');
    assert.equal(dirname('main.tf'), '.');
    assert.equal(basename('/w/x/terraform.tfvars'), 'terraform.tfvars');
  });

  it('computes relative paths', () => {
    assert.equal(relative('/w/a', '/w/b/c.tf'), '../b/c.tf');
    assert.equal(relative('/w', '/w'), '.');
    assert.equal(relative('a/b', 'a/b/c'), 'c');
  });
});
