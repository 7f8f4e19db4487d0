import assert from 'node:assert/strict';
import { parsePortRange } from '../../../src/core/rules/predicates/gcp-firewall-ingress';
import { covered, gcpFindings } from './gcp-helpers';

const ID = 'gcp-firewall-no-public-sensitive-ingress';

function firewall(body: string): string {
  return `resource "google_compute_firewall" "fw" {\n  name    = "fw"\n  network = "health"\n${body}\n}\n`;
}

describe('predicate gcp-firewall-no-public-sensitive-ingress', () => {
  it('parses ports and port ranges', () => {
    assert.deepEqual(parsePortRange('22'), { low: 22, high: 22 });
    assert.deepEqual(parsePortRange(' 1000 - 2000 '), { low: 1000, high: 2000 });
    assert.equal(parsePortRange('2000-1000'), undefined);
    assert.equal(parsePortRange('ssh'), undefined);
  });

  it('names the sensitive ports a public rule opens', async () => {
    const hcl = firewall(`  source_ranges = ["0.0.0.0/0"]\n  allow {\n    protocol = "tcp"\n    ports    = ["443", "5000-5500"]\n  }`);
    const [finding] = await gcpFindings(ID, hcl);
    assert.equal(covered(hcl, finding), '["0.0.0.0/0"]');
    assert.match(finding.message, /port 5432 \(PostgreSQL\)/);
  });

  it('treats protocol numbers and a missing ports list as every port of the protocol', async () => {
    const hcl = firewall(`  source_ranges = ["0.0.0.0/0"]\n  allow {\n    protocol = "6"\n  }`);
    const [finding] = await gcpFindings(ID, hcl);
    assert.match(finding.message, /all ports/);
  });

  it('applies a rule without any source to every address, but not one limited to tags', async () => {
    assert.equal((await gcpFindings(ID, firewall(`  allow {\n    protocol = "tcp"\n    ports    = ["3389"]\n  }`))).length, 1);
    assert.deepEqual(await gcpFindings(ID, firewall(`  source_service_accounts = ["app@p.iam.gserviceaccount.com"]\n  allow {\n    protocol = "tcp"\n    ports    = ["3389"]\n  }`)), []);
  });

  it('ignores ICMP, web ports, egress, deny and disabled rules', async () => {
    const open = `  source_ranges = ["0.0.0.0/0"]`;
    assert.deepEqual(await gcpFindings(ID, firewall(`${open}\n  allow {\n    protocol = "icmp"\n  }\n  allow {\n    protocol = "tcp"\n    ports    = ["80", "443"]\n  }`)), []);
    assert.deepEqual(await gcpFindings(ID, firewall(`${open}\n  direction = "EGRESS"\n  allow {\n    protocol = "all"\n  }`)), []);
    assert.deepEqual(await gcpFindings(ID, firewall(`${open}\n  deny {\n    protocol = "all"\n  }`)), []);
    assert.deepEqual(await gcpFindings(ID, firewall(`${open}\n  disabled = true\n  allow {\n    protocol = "all"\n  }`)), []);
  });

  it('is undetermined when the direction is not known', async () => {
    const hcl = `variable "direction" {}\n${firewall(`  direction     = var.direction\n  source_ranges = ["0.0.0.0/0"]\n  allow {\n    protocol = "all"\n  }`)}`;
    const [finding] = await gcpFindings(ID, hcl);
    assert.equal(finding.status, 'undetermined');
  });
});
