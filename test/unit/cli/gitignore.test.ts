import * as assert from 'node:assert/strict';
import { GitignoreSet, parseGitignore, parseGitignoreLine } from '../../../src/cli/walk/gitignore';

function setOf(...files: Array<[string, string]>): GitignoreSet {
  const set = new GitignoreSet();
  for (const [base, text] of files) set.add(parseGitignore(text, base));
  return set;
}

describe('gitignore matcher', () => {
  it('skips blank lines and comments, keeps escaped # and !', () => {
    assert.equal(parseGitignoreLine(''), undefined);
    assert.equal(parseGitignoreLine('   '), undefined);
    assert.equal(parseGitignoreLine('# comment'), undefined);
    const hash = parseGitignoreLine('\\#notes');
    assert.ok(hash && hash.regex.test('#notes') && !hash.negated);
    const bang = parseGitignoreLine('\\!important');
    assert.ok(bang && bang.regex.test('!important') && !bang.negated);
  });

  it('drops trailing spaces unless escaped', () => {
    const set = setOf(['', 'a.log   \nb\\ \n']);
    assert.equal(set.ignores('a.log', false), true);
    assert.equal(set.ignores('b ', false), true);
    assert.equal(set.ignores('b', false), false);
  });

  it('matches an unanchored name at any depth and an anchored one only at the base', () => {
    const set = setOf(['', 'secrets.tfvars\n/build\ndocs/generated\n']);
    assert.equal(set.ignores('secrets.tfvars', false), true);
    assert.equal(set.ignores('env/prod/secrets.tfvars', false), true);
    assert.equal(set.ignores('build', true), true);
    assert.equal(set.ignores('src/build', true), false);
    assert.equal(set.ignores('docs/generated', true), true);
    assert.equal(set.ignores('site/docs/generated', true), false, 'a middle slash anchors the pattern');
  });

  it('applies a trailing slash to directories only', () => {
    const set = setOf(['', 'cache/\n']);
    assert.equal(set.ignores('cache', true), true);
    assert.equal(set.ignores('cache', false), false);
    assert.equal(set.ignores('cache/file.yaml', false), true, 'contents of the ignored directory');
    assert.equal(set.ignores('deep/cache/x.tf', false), true);
  });

  it('lets the last matching pattern win, with negation', () => {
    const set = setOf(['', '*.yaml\n!keep.yaml\n']);
    assert.equal(set.ignores('a.yaml', false), true);
    assert.equal(set.ignores('keep.yaml', false), false);
    assert.equal(set.ignores('sub/keep.yaml', false), false);
    const reversed = setOf(['', '!keep.yaml\n*.yaml\n']);
    assert.equal(reversed.ignores('keep.yaml', false), true);
  });

  it('never re-includes a file whose parent directory is ignored', () => {
    const set = setOf(['', 'vendor/\n!vendor/keep.tf\n']);
    assert.equal(set.ignores('vendor/keep.tf', false), true);
    const contents = setOf(['', 'vendor/*\n!vendor/keep.tf\n']);
    assert.equal(contents.ignores('vendor/keep.tf', false), false, 'ignoring the contents, not the dir, allows it');
    assert.equal(contents.ignores('vendor/other.tf', false), true);
  });

  it('understands ** at the start, in the middle and at the end', () => {
    const set = setOf(['', '**/logs\na/**/b.txt\nout/**\n']);
    assert.equal(set.ignores('logs', true), true);
    assert.equal(set.ignores('x/y/logs', true), true);
    assert.equal(set.ignores('a/b.txt', false), true);
    assert.equal(set.ignores('a/x/y/b.txt', false), true);
    assert.equal(set.ignores('z/a/b.txt', false), false);
    assert.equal(set.ignores('out/deep/file', false), true);
    assert.equal(set.ignores('out', true), false, 'out/** matches what is inside, not out itself');
  });

  it('keeps * and ? within one path segment and supports classes', () => {
    const set = setOf(['', 'doc/*.md\nfile?.tf\n*.[ch]\nv[!0-9]\n']);
    assert.equal(set.ignores('doc/a.md', false), true);
    assert.equal(set.ignores('doc/sub/a.md', false), false);
    assert.equal(set.ignores('file1.tf', false), true);
    assert.equal(set.ignores('file12.tf', false), false);
    assert.equal(set.ignores('x.c', false), true);
    assert.equal(set.ignores('x.d', false), false);
    assert.equal(set.ignores('va', false), true);
    assert.equal(set.ignores('v1', false), false);
  });

  it('has no braces, unlike globs', () => {
    const set = setOf(['', '{a,b}.tf\n']);
    assert.equal(set.ignores('a.tf', false), false);
    assert.equal(set.ignores('{a,b}.tf', false), true);
  });

  it('lets deeper .gitignore files override shallower ones, relative to their own directory', () => {
    const set = setOf(['/repo/sub', '!*.env\n/local.yaml\n'], ['/repo', '*.env\nlocal.yaml\n']);
    assert.equal(set.ignores('/repo/a.env', false), true);
    assert.equal(set.ignores('/repo/sub/a.env', false), false);
    assert.equal(set.ignores('/repo/local.yaml', false), true);
    assert.equal(set.ignores('/repo/sub/local.yaml', false), true);
    assert.equal(set.ignores('/repo/other/local.yaml', false), true);
    assert.equal(set.ignores('/elsewhere/a.env', false), false, 'rules stay inside their directory');
  });

  it('treats CRLF files like LF files', () => {
    const set = setOf(['', 'a.tf\r\n!b.tf\r\n']);
    assert.equal(set.ignores('a.tf', false), true);
    assert.equal(set.entryVerdict('b.tf', false), false);
  });
});
