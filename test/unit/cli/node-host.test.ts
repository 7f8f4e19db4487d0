import * as assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { directoryEntries, NodeFileHost, toEnginePath } from '../../../src/cli/node-host';
import { makeTree, removeTree } from './cli-harness';

describe('Node file host', () => {
  let root: string;

  beforeEach(() => {
    root = makeTree({ 'a.tf': '', 'sub/b.yaml': '' });
  });
  afterEach(() => removeTree(root));

  it('lists folders from disk with their entry types', async () => {
    const host = new NodeFileHost(root);
    const entries = await host.readDirectory('.');
    assert.deepEqual(entries?.sort((x, y) => x.name.localeCompare(y.name)), [
      { name: 'a.tf', type: 'file' },
      { name: 'sub', type: 'directory' },
    ]);
  });

  it('answers from a remembered listing without reading the folder again', async () => {
    const host = new NodeFileHost(root);
    const remembered = directoryEntries(readdirSync(join(root, 'sub'), { withFileTypes: true }));
    host.rememberListing(join(root, 'sub'), remembered);
    removeTree(join(root, 'sub'));
    assert.equal(await host.readDirectory(toEnginePath(root, join(root, 'sub'))), remembered);
    // Folders it was not given are read from disk as before, failures included.
    assert.equal(await host.readDirectory('missing'), undefined);
    assert.equal(host.readFailures.get('missing'), 'no such file or directory');
  });
});
