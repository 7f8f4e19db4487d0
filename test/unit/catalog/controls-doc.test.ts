import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { builtinCatalog } from '../../../src/core/catalog';
import { repoRoot } from './catalog-files';

describe('docs/controls.md', () => {
  it('is up to date with rules/catalog (regenerate with node scripts/gen-controls-doc.mjs)', () => {
    const run = spawnSync(process.execPath, [join(repoRoot, 'scripts/gen-controls-doc.mjs'), '--check'], { encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
  });

  it('has an anchor for every control, so reports can link to it', () => {
    const doc = readFileSync(join(repoRoot, 'docs/controls.md'), 'utf8');
    const missing = builtinCatalog().controls.filter((c) => !doc.includes(`<a id="${c.id.toLowerCase()}"></a>`)).map((c) => c.id);
    assert.deepEqual(missing, []);
  });
});
