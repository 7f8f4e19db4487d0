import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

describe('generated rule docs', () => {
  it('are up to date with the rule definitions and fixtures', () => {
    const root = join(__dirname, '../../../..');
    const run = spawnSync(process.execPath, [join(root, 'scripts/gen-docs.mjs'), '--check'], { encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr || run.stdout);
  });
});
