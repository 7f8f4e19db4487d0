import assert from 'node:assert/strict';
import { isDefaultComputeAccount } from '../../../src/core/rules/predicates/gcp-service-accounts';
import { gcpFindings } from './gcp-helpers';

const ID = 'gcp-compute-no-default-sa-full-scope';
const vm = (account: string) => `resource "google_compute_instance" "vm" {\n  name         = "vm"\n  machine_type = "e2-small"\n  zone         = "europe-west4-a"\n  service_account {\n${account}\n    scopes = ["cloud-platform"]\n  }\n}\n`;

describe('predicate gcp-custom-service-account', () => {
  it('recognises the default Compute Engine account', () => {
    assert.equal(isDefaultComputeAccount('123456-compute@developer.gserviceaccount.com'), true);
    assert.equal(isDefaultComputeAccount('default'), true);
    assert.equal(isDefaultComputeAccount('app@p.iam.gserviceaccount.com'), false);
  });

  it('passes an email taken from a service account resource although it is known only after apply', async () => {
    const account = `resource "google_service_account" "app" {\n  account_id = "app"\n}\n`;
    assert.deepEqual(await gcpFindings(ID, account + vm('    email = google_service_account.app.email')), []);
  });

  it('is undetermined for an email from a variable without a value', async () => {
    const [finding] = await gcpFindings(ID, `variable "email" {}\n${vm('    email = var.email')}`);
    assert.equal(finding.status, 'undetermined');
  });

  it('fails a missing email, which means the default account', async () => {
    const [finding] = await gcpFindings(ID, vm(''));
    assert.equal(finding.status, 'fail');
  });
});
