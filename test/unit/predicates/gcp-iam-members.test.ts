import assert from 'node:assert/strict';
import { isPublicPrincipal } from '../../../src/core/rules/predicates/gcp-iam-members';
import { covered, gcpFindings } from './gcp-helpers';

const ID = 'gcp-iam-no-public-members';
const grant = (member: string) => `resource "google_storage_bucket_iam_member" "m" {\n  bucket = "b"\n  role   = "roles/storage.objectViewer"\n  member = ${member}\n}\n`;

describe('predicate gcp-iam-members-not-public', () => {
  it('recognises the public principals', () => {
    assert.equal(isPublicPrincipal('allUsers'), true);
    assert.equal(isPublicPrincipal('allauthenticatedusers'), true);
    assert.equal(isPublicPrincipal('user:allUsers@example.eu'), false);
  });

  it('passes members built from a principal type or a resource although they are known only after apply', async () => {
    const account = `resource "google_service_account" "sa" {\n  account_id = "sa"\n}\n`;
    assert.deepEqual(await gcpFindings(ID, account + grant('"serviceAccount:${google_service_account.sa.email}"')), []);
    assert.deepEqual(await gcpFindings(ID, account + grant('google_service_account.sa.member')), []);
  });

  it('is undetermined for a member from a variable without a value, and fails a public one from a default', async () => {
    const [open] = await gcpFindings(ID, `variable "member" {}\n${grant('var.member')}`);
    assert.equal(open.status, 'undetermined');
    const hcl = `variable "member" {\n  default = "allUsers"\n}\n${grant('var.member')}`;
    const [finding] = await gcpFindings(ID, hcl);
    assert.equal(finding.status, 'fail');
    assert.equal(covered(hcl, finding), 'var.member');
  });

  it('names the public member of a binding in the message', async () => {
    const hcl = `resource "google_healthcare_fhir_store_iam_binding" "b" {\n  fhir_store_id = "s"\n  role          = "roles/healthcare.fhirResourceReader"\n  members       = ["group:a@example.eu", "allAuthenticatedUsers"]\n}\n`;
    const [finding] = await gcpFindings('gcp-healthcare-store-iam-not-public', hcl);
    assert.match(finding.message, /"allAuthenticatedUsers"/);
  });
});
