/**
 * Differential test against tree-sitter-hcl on every `.tf` and `.hcl` file of the shared corpus:
 * both parsers must accept or reject the same files, and on accepted files agree on the block and
 * attribute outline (types, labels, names, nesting, ranges). Every known disagreement is listed
 * with whose fault it is in differential-known.json; an unlisted one, or a listed one that no
 * longer happens, fails the test.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseHcl } from '../../../src/core/hcl';
import { corpusDir, isNativeHclFile, listFiles, repoRoot } from './support/helpers';
import { loadTreeSitterHcl, ourOutline, outlineDifference, parseWithTreeSitter } from './support/tree-sitter';

const KNOWN_FILE = path.join(repoRoot(), 'test', 'unit', 'hcl', 'differential-known.json');

describe('hcl native syntax: differential against tree-sitter-hcl', function () {
  this.timeout(120_000);

  it('agrees on acceptance and outline for every corpus file, except the recorded disagreements', async function () {
    const corpus = corpusDir();
    if (!corpus) this.skip();
    const files = listFiles(corpus!, isNativeHclFile);
    assert.ok(files.length > 1000, `expected the full corpus, found ${files.length} files`);
    const known = JSON.parse(fs.readFileSync(KNOWN_FILE, 'utf8')) as Record<string, string>;
    const treeSitter = await loadTreeSitterHcl(repoRoot());

    const disagreements = new Map<string, string>();
    let bothAccepted = 0;
    for (const file of files) {
      const relative = path.relative(corpus!, file).split(path.sep).join('/');
      const text = fs.readFileSync(file, 'utf8');
      const ours = parseHcl(text);
      const reference = parseWithTreeSitter(treeSitter, text);
      const oursAccepted = ours.errors.length === 0;
      if (oursAccepted !== reference.accepted) {
        const ourWords = oursAccepted ? 'accepted here' : `rejected here (${ours.errors[0].message} at line ${ours.errors[0].range.start.line + 1})`;
        disagreements.set(relative, `${ourWords}, ${reference.accepted ? 'accepted' : 'rejected'} by tree-sitter`);
        continue;
      }
      if (!oursAccepted) continue;
      bothAccepted++;
      const difference = outlineDifference(ourOutline(ours), reference.outline);
      if (difference) disagreements.set(relative, difference);
    }

    const unrecorded = [...disagreements].filter(([file]) => !(file in known)).map(([file, what]) => `${file}: ${what}`);
    const stale = Object.keys(known).filter((file) => !disagreements.has(file));
    assert.deepEqual(unrecorded, [], 'disagreements missing from differential-known.json');
    assert.deepEqual(stale, [], 'differential-known.json lists files on which the parsers now agree');
    assert.ok(bothAccepted > 1000, `only ${bothAccepted} files were compared structurally`);
    for (const [file, reason] of Object.entries(known)) assert.ok(reason.length > 20, `${file} needs a reason`);
  });
});
