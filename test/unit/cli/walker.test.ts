import * as assert from 'node:assert/strict';
import { mkdirSync, symlinkSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { collectFiles, type WalkOptions } from '../../../src/cli/walk/walker';
import { compilePathGlob } from '../../../src/cli/walk/path-filter';
import { makeTree, removeTree } from './cli-harness';

const NO_FILTER: WalkOptions = { filter: { include: [], exclude: [] }, ignorePaths: [] };

function rel(root: string, files: string[]): string[] {
  return files.map((f) => relative(root, f).split(sep).join('/'));
}

describe('file walker', () => {
  let root: string;

  beforeEach(() => {
    root = makeTree({
      'main.tf': '',
      'vars.tfvars': '',
      'stack.tf.json': '{}',
      'k8s/deploy.yaml': '',
      'k8s/svc.yml': '',
      'config/application.properties': '',
      'config/.env': '',
      'config/prod.env': '',
      'config/mosquitto.conf': '',
      'config/notes.md': '',
      'config/app.py': '',
      'node_modules/pkg/x.yaml': '',
      '.terraform/modules/m/main.tf': '',
      '.git/config.yaml': '',
      '.gitignore': 'generated/\n*.secret.yaml\n!keep.secret.yaml\n',
      'generated/out.yaml': '',
      'k8s/db.secret.yaml': '',
      'k8s/keep.secret.yaml': '',
      'k8s/.gitignore': 'svc.yml\n',
    });
  });
  afterEach(() => removeTree(root));

  it('picks the file types the engine understands, in name order, skipping tool folders and ignored files', async () => {
    const walk = await collectFiles([root], NO_FILTER);
    assert.deepEqual(rel(root, walk.files), [
      'config/.env',
      'config/application.properties',
      'config/mosquitto.conf',
      'config/prod.env',
      'k8s/deploy.yaml',
      'k8s/keep.secret.yaml',
      'main.tf',
      'stack.tf.json',
      'vars.tfvars',
    ]);
    assert.deepEqual(walk.unreadable, []);
  });

  it('hands every listing it reads to onListing whole, before any filter, and skips tool folders', async () => {
    const listings = new Map<string, string[]>();
    await collectFiles([root], { ...NO_FILTER, onListing: (dir, entries) => listings.set(rel(root, [dir])[0], entries.map((e) => e.name).sort()) });
    assert.deepEqual([...listings.keys()].sort(), ['', 'config', 'k8s']);
    // Ignored and unlintable names stay in: the engine classifies files by their neighbours.
    assert.deepEqual(listings.get('k8s'), ['.gitignore', 'db.secret.yaml', 'deploy.yaml', 'keep.secret.yaml', 'svc.yml']);
    assert.ok(listings.get('')!.includes('generated') && listings.get('')!.includes('node_modules'));
  });

  it('applies .gitignore files between the repository root and a scanned sub-folder', async () => {
    mkdirSync(join(root, '.git'), { recursive: true });
    const walk = await collectFiles([join(root, 'k8s')], NO_FILTER);
    assert.deepEqual(rel(root, walk.files), ['k8s/deploy.yaml', 'k8s/keep.secret.yaml']);
  });

  it('lints explicitly named files whatever their name', async () => {
    const walk = await collectFiles([join(root, 'config/notes.md'), join(root, 'generated/out.yaml')], NO_FILTER);
    assert.deepEqual(rel(root, walk.files), ['config/notes.md', 'generated/out.yaml']);
  });

  it('honours --include, --exclude and config ignorePaths', async () => {
    const base = root.split(sep).join('/');
    const walk = await collectFiles([root], {
      filter: { include: [compilePathGlob('*.{yaml,env}', base)], exclude: [compilePathGlob('config/prod.env', base)] },
      ignorePaths: ['k8s/keep*'],
      configDir: root,
    });
    assert.deepEqual(rel(root, walk.files), ['config/.env', 'k8s/deploy.yaml']);
    assert.equal(walk.leavesOut(join(root, 'config/prod.env'), false), true);
    assert.equal(walk.leavesOut(join(root, 'main.tf'), false), true, 'not included');
    assert.equal(walk.leavesOut(join(root, 'k8s/deploy.yaml'), false), false);
    assert.equal(walk.leavesOut(join(root, '.terraform/modules/m/x.yaml'), false), true);
  });

  it('follows symlinks once and ends symlink loops', async function () {
    try {
      symlinkSync(root, join(root, 'k8s/loop'), 'dir');
      symlinkSync(join(root, 'main.tf'), join(root, 'alias.tf'));
      symlinkSync(join(root, 'missing.yaml'), join(root, 'dangling.yaml'));
    } catch {
      this.skip();
    }
    const walk = await collectFiles([root], NO_FILTER);
    const files = rel(root, walk.files);
    assert.equal(files.filter((f) => f.endsWith('main.tf')).length + files.filter((f) => f === 'alias.tf').length, 1, 'one real file, once');
    assert.ok(!files.some((f) => f.includes('loop/')));
    assert.deepEqual(walk.unreadable.map((u) => relative(root, u.path)), ['dangling.yaml']);
    assert.match(walk.unreadable[0].reason, /broken symbolic link/);
  });

  it('reports paths that do not exist instead of dropping them', async () => {
    const walk = await collectFiles([join(root, 'nope'), root], NO_FILTER);
    assert.equal(walk.unreadable.length, 1);
    assert.match(walk.unreadable[0].reason, /no such file or directory/);
    assert.ok(walk.files.length > 0);
  });
});
