import assert from 'node:assert/strict';
import { metadataBoolean } from '../../../src/core/rules/predicates/gcp-compute-metadata';
import { covered, gcpFindings } from './gcp-helpers';

const instance = (metadata: string) =>
  `resource "google_compute_instance" "vm" {\n  name         = "vm"\n  machine_type = "e2-small"\n  zone         = "europe-west4-a"\n  metadata = {\n${metadata}\n  }\n}\n`;

describe('predicate gcp-compute-metadata-boolean', () => {
  it('reads metadata booleans the way Compute Engine does', () => {
    assert.equal(metadataBoolean('TRUE'), true);
    assert.equal(metadataBoolean(' false '), false);
    assert.equal(metadataBoolean(true), true);
    assert.equal(metadataBoolean('0'), false);
    assert.equal(metadataBoolean('maybe'), undefined);
  });

  it('fails an instance only when it turns OS Login off, pointing at the entry', async () => {
    const off = instance('    "enable-oslogin" = "False"');
    const [finding] = await gcpFindings('gcp-compute-os-login', off);
    assert.equal(covered(off, finding), '"False"');
    assert.equal(finding.fix, undefined, 'map entries are not rewritten automatically');
    assert.deepEqual(await gcpFindings('gcp-compute-os-login', instance('    startup-script = "echo"')), []);
  });

  it('requires project metadata to turn OS Login on, and fixes a metadata item in place', async () => {
    const item = `resource "google_compute_project_metadata_item" "i" {\n  key   = "enable-oslogin"\n  value = "no"\n}\n`;
    const [finding] = await gcpFindings('gcp-compute-os-login', item);
    assert.equal(covered(item, finding), '"no"');
    assert.equal(finding.fix?.edits[0].newText, '"TRUE"');
  });

  it('lets project metadata leave the serial port key out', async () => {
    const project = `resource "google_compute_project_metadata" "m" {\n  metadata = {\n    enable-oslogin = "TRUE"\n  }\n}\n`;
    assert.deepEqual(await gcpFindings('gcp-compute-serial-port-disabled', project), []);
  });
});
