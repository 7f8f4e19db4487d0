import assert from 'node:assert/strict';
import { ipv4ToNumber, rangeSize, WIDEST_ACCEPTED_RANGE } from '../../../src/core/rules/predicates/azure-firewall-ranges';
import { coveredText, findingsOf } from './azure-helpers';

const RULE = 'azure-database-firewall-not-open-to-internet';

function firewall(start: string, end: string): string {
  return `resource "azurerm_mssql_firewall_rule" "r" {\n  name             = "r"\n  server_id        = "id"\n  start_ip_address = ${start}\n  end_ip_address   = ${end}\n}\n`;
}

describe('predicate azure-firewall-range-not-open', () => {
  it('converts IPv4 addresses and measures ranges', () => {
    assert.equal(ipv4ToNumber('0.0.0.0'), 0);
    assert.equal(ipv4ToNumber('255.255.255.255'), 2 ** 32 - 1);
    assert.equal(ipv4ToNumber('10.0.0.256'), undefined);
    assert.equal(ipv4ToNumber('10.0.0'), undefined);
    assert.equal(rangeSize('10.0.0.0', '10.0.0.255'), 256);
    assert.equal(rangeSize('0.0.0.0', '0.0.0.0'), 1);
    assert.equal(rangeSize('x', '10.0.0.1'), undefined);
  });

  it('fails a /8 or wider, pointing at the end address', async () => {
    const hcl = firewall('"0.0.0.0"', '"255.255.255.255"');
    const [finding] = await findingsOf(RULE, hcl);
    assert.equal(coveredText(hcl, finding), '"255.255.255.255"');
    assert.equal((await findingsOf(RULE, firewall('"10.0.0.0"', '"10.255.255.255"'))).length, 1);
    assert.equal(rangeSize('10.0.0.0', '10.255.255.254')! <= WIDEST_ACCEPTED_RANGE, true);
  });

  it('passes narrow ranges and the Azure-services rule', async () => {
    assert.deepEqual(await findingsOf(RULE, firewall('"203.0.113.0"', '"203.0.113.255"')), []);
    assert.deepEqual(await findingsOf(RULE, firewall('"0.0.0.0"', '"0.0.0.0"')), []);
  });

  it('is undetermined when an address is not known', async () => {
    const hcl = `variable "end" {}\n${firewall('"0.0.0.0"', 'var.end')}`;
    assert.deepEqual((await findingsOf(RULE, hcl)).map((f) => f.status), ['undetermined']);
  });
});
