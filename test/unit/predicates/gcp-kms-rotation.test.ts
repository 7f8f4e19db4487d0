import assert from 'node:assert/strict';
import { parseDurationSeconds } from '../../../src/core/rules/predicates/gcp-kms-rotation';
import { covered, gcpFindings } from './gcp-helpers';

const key = (extra: string) => `resource "google_kms_crypto_key" "k" {\n  name     = "k"\n  key_ring = "projects/p/locations/europe-west4/keyRings/r"\n${extra}\n}\n`;

describe('predicate gcp-kms-rotation-within', () => {
  it('reads durations in seconds', () => {
    assert.equal(parseDurationSeconds('7776000s'), 7776000);
    assert.equal(parseDurationSeconds('86400.5s'), 86400.5);
    assert.equal(parseDurationSeconds('90d'), undefined);
  });

  it('accepts 90 days and fails longer periods with the period in days', async () => {
    assert.deepEqual(await gcpFindings('gcp-kms-key-rotation', key('  rotation_period = "7776000s"')), []);
    const hcl = key('  rotation_period = "7776001s"');
    const [finding] = await gcpFindings('gcp-kms-key-rotation', hcl);
    assert.equal(covered(hcl, finding), '"7776001s"');
    assert.equal(finding.fix?.edits[0].newText, '"7776000s"');
  });

  it('is undetermined for text that is not a duration, and skips signing keys', async () => {
    const [finding] = await gcpFindings('gcp-kms-key-rotation', key('  rotation_period = "quarterly"'));
    assert.equal(finding.status, 'undetermined');
    assert.deepEqual(await gcpFindings('gcp-kms-key-rotation', key('  purpose = "ASYMMETRIC_SIGN"')), []);
  });
});
