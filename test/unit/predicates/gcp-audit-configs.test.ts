import assert from 'node:assert/strict';
import { covered, gcpFindings } from './gcp-helpers';

const ID = 'gcp-healthcare-data-access-audit-logs';
const dataset = `resource "google_healthcare_dataset" "ehr" {\n  name     = "ehr"\n  location = "europe-west4"\n}\n`;

function auditConfig(service: string, logTypes: string[]): string {
  const blocks = logTypes.map((t) => `  audit_log_config {\n    log_type = "${t}"\n  }`).join('\n');
  return `resource "google_project_iam_audit_config" "a" {\n  project = "p"\n  service = "${service}"\n${blocks}\n}\n`;
}

describe('predicate gcp-data-access-audit-logs', () => {
  it('fails a dataset when no audit configuration covers the Healthcare API, with a fix that adds one', async () => {
    const [finding] = await gcpFindings(ID, dataset + auditConfig('storage.googleapis.com', ['DATA_READ', 'DATA_WRITE']));
    assert.equal(finding.range.start.line, 0);
    assert.match(finding.fix?.edits[0].newText ?? '', /service = "healthcare.googleapis.com"/);
  });

  it('combines configurations for the service and for allServices', async () => {
    const files = dataset + auditConfig('healthcare.googleapis.com', ['DATA_READ']) + auditConfig('allServices', ['ADMIN_READ', 'DATA_WRITE']);
    assert.deepEqual(await gcpFindings(ID, files), []);
  });

  it('points at an incomplete configuration, in its own file, without a fix', async () => {
    const audit = auditConfig('healthcare.googleapis.com', ['DATA_WRITE']);
    const [finding] = await gcpFindings(ID, { 'main.tf': dataset, 'audit.tf': audit });
    assert.equal(finding.file, '/gcp/audit.tf');
    assert.equal(covered(audit, finding), '"healthcare.googleapis.com"');
    assert.match(finding.message, /DATA_READ not logged/);
    assert.equal(finding.fix, undefined);
  });

  it('is undetermined when the service comes from an unknown variable', async () => {
    const files = `variable "service" {}\n${dataset}resource "google_project_iam_audit_config" "a" {\n  project = "p"\n  service = var.service\n}\n`;
    const [finding] = await gcpFindings(ID, files);
    assert.equal(finding.status, 'undetermined');
  });

  it('offers no fix for repeated datasets, whose project needs an index', async () => {
    const repeated = `resource "google_healthcare_dataset" "ehr" {\n  count    = 2\n  name     = "ehr-\${count.index}"\n  location = "europe-west4"\n}\n`;
    const findings = await gcpFindings(ID, repeated);
    assert.equal(findings.length, 1, 'instances of one block report once');
    assert.equal(findings[0].fix, undefined);
  });
});
