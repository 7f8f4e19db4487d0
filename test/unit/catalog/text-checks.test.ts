import assert from 'node:assert/strict';
import { countSentences, firstSharedRun, numberingChecker, wordRuns, words } from './text-checks';

describe('catalog text checks', () => {
  describe('countSentences', () => {
    it('counts sentences ended by full stops', () => {
      assert.equal(countSentences('One thing. Another thing. A third.'), 3);
      assert.equal(countSentences('Just one sentence.'), 1);
      assert.equal(countSentences('  '), 0);
    });

    it('does not split on abbreviations or dotted numbers', () => {
      assert.equal(countSentences('Cite Art. 32 of the GDPR, e.g. for backups. Requirement CKM-03.1 applies.'), 2);
      assert.equal(countSentences('ISO/IEC 27001 and version 1.2 are named. That is all.'), 2);
    });
  });

  describe('verbatim overlap', () => {
    const reference = 'The quick brown fox jumps over the lazy dog while the cat sleeps on the warm mat.';
    const index = wordRuns([reference], 12);

    it('finds a copied run of twelve words, ignoring case and punctuation', () => {
      const copied = 'As noted: THE QUICK BROWN FOX JUMPS OVER THE LAZY DOG, while the cat sleeps somewhere.';
      assert.equal(firstSharedRun(copied, index, 12), 'the quick brown fox jumps over the lazy dog while the cat');
    });

    it('accepts text sharing only shorter runs', () => {
      assert.equal(firstSharedRun('The quick brown fox jumps over the lazy dog but nobody cares at all.', index, 12), undefined);
    });

    it('folds apostrophes so possessives match plain forms', () => {
      assert.deepEqual(words("the provider's data"), ['the', 'providers', 'data']);
    });
  });

  describe('numberingChecker', () => {
    const unconfirmedIn = numberingChecker('Chapter layout: §4.1 General practices. Annex A, section A.9. GDPR Chapter V (transfers).');

    it('accepts numbers that occur in the reference', () => {
      assert.deepEqual(unconfirmedIn('See §4.1 and Annex A (A.9), and GDPR Chapter V.'), []);
    });

    it('reports section, page, table and annex numbers that do not', () => {
      assert.deepEqual(
        unconfirmedIn('See §4.7, page 12, Table 3, section 2.4, Annex B and A.12.'),
        ['§4.7', 'page 12', 'Table 3', 'section 2.4', 'Annex B', 'A.12'],
      );
    });
  });
});
