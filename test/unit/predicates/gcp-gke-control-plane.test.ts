import assert from 'node:assert/strict';
import { covered, gcpFindings } from './gcp-helpers';

const ID = 'gcp-gke-control-plane-restricted';
const cluster = (body: string) => `resource "google_container_cluster" "c" {\n  name     = "c"\n  location = "europe-west4"\n${body}\n}\n`;

describe('predicate gcp-gke-control-plane-restricted', () => {
  it('fails a public endpoint without authorised networks and fixes it by adding an empty list', async () => {
    const [finding] = await gcpFindings(ID, cluster(''));
    assert.match(finding.fix?.edits[0].newText ?? '', /master_authorized_networks_config \{\n\s+gcp_public_cidrs_access_enabled = false/);
  });

  it('accepts a private endpoint and an empty list of authorised networks', async () => {
    assert.deepEqual(await gcpFindings(ID, cluster('  private_cluster_config {\n    enable_private_endpoint = true\n  }')), []);
    assert.deepEqual(await gcpFindings(ID, cluster('  master_authorized_networks_config {}')), []);
    const dnsOnly = '  control_plane_endpoints_config {\n    ip_endpoints_config {\n      enabled = false\n    }\n  }';
    assert.deepEqual(await gcpFindings(ID, cluster(dnsOnly)), []);
  });

  it('reports each world-open range without offering the fix', async () => {
    const hcl = cluster('  master_authorized_networks_config {\n    cidr_blocks {\n      cidr_block = "0.0.0.0/0"\n    }\n    cidr_blocks {\n      cidr_block = "::/0"\n    }\n  }');
    const findings = await gcpFindings(ID, hcl);
    assert.deepEqual(findings.map((f) => covered(hcl, f)), ['"0.0.0.0/0"', '"::/0"']);
    assert.ok(findings.every((f) => f.fix === undefined));
  });
});
