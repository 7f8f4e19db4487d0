import assert from 'node:assert/strict';
import { isDataTier } from '../../../src/core/rules/predicates/gcp-data-tier';
import { defaultConfig } from '../../../src/core/config/defaults';

describe('predicate gcp-data-tier', () => {
  const classification = defaultConfig().dataClassification;

  it('recognises patient-data classification labels from the policy', () => {
    assert.equal(isDataTier({ 'data-classification': 'PHI' }, classification), true);
    assert.equal(isDataTier({ classification: 'public' }, classification), false);
  });

  it('recognises tier labels that name a data tier', () => {
    assert.equal(isDataTier({ tier: 'database' }, classification), true);
    assert.equal(isDataTier({ role: 'db' }, classification), true);
    assert.equal(isDataTier({ tier: 'web' }, classification), false);
    assert.equal(isDataTier({}, classification), false);
  });
});
