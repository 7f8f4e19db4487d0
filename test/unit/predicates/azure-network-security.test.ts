import assert from 'node:assert/strict';
import { coveredText, findingsOf } from './azure-helpers';

const RULE = 'azure-nsg-no-public-sensitive-inbound';

function rule(fields: Record<string, string>): string {
  const base: Record<string, string> = {
    name: '"r"',
    priority: '100',
    direction: '"Inbound"',
    access: '"Allow"',
    protocol: '"Tcp"',
    source_port_range: '"*"',
    destination_port_range: '"22"',
    source_address_prefix: '"*"',
    destination_address_prefix: '"*"',
    resource_group_name: '"rg"',
    network_security_group_name: '"nsg"',
    ...fields,
  };
  const body = Object.entries(base)
    .filter(([, v]) => v !== '')
    .map(([k, v]) => `  ${k} = ${v}`)
    .join('\n');
  return `resource "azurerm_network_security_rule" "r" {\n${body}\n}\n`;
}

describe('predicate azure-nsg-no-public-sensitive-inbound', () => {
  it('flags SSH from anywhere and points at the source', async () => {
    const hcl = rule({});
    const [finding] = await findingsOf(RULE, hcl);
    assert.equal(finding.status, 'fail');
    assert.equal(coveredText(hcl, finding), '"*"');
    assert.match(finding.message, /port 22 \(SSH\)/);
  });

  it('understands every internet spelling of the source', async () => {
    for (const source of ['"Internet"', '"0.0.0.0/0"', '"Any"', '"::/0"']) {
      assert.equal((await findingsOf(RULE, rule({ source_address_prefix: source }))).length, 1, source);
    }
    const list = rule({ source_address_prefix: '', source_address_prefixes: '["10.0.0.0/8", "Internet"]' });
    assert.equal((await findingsOf(RULE, list)).length, 1);
  });

  it('reads ranges, lists and the wildcard of destination ports', async () => {
    assert.equal((await findingsOf(RULE, rule({ destination_port_range: '"3000-3400"' }))).length, 1);
    assert.equal((await findingsOf(RULE, rule({ destination_port_range: '', destination_port_ranges: '["443", "1433"]' }))).length, 1);
    const all = await findingsOf(RULE, rule({ destination_port_range: '"*"', protocol: '"*"' }));
    assert.match(all[0].message, /all ports/);
  });

  it('passes private sources, public web ports, denials, outbound and ICMP rules', async () => {
    const cases: Array<Record<string, string>> = [
      { source_address_prefix: '"10.1.0.0/16"' },
      { source_address_prefix: '"VirtualNetwork"' },
      { destination_port_range: '"443"' },
      { access: '"Deny"' },
      { direction: '"Outbound"' },
      { protocol: '"Icmp"', destination_port_range: '"*"' },
    ];
    for (const fields of cases) {
      assert.deepEqual(await findingsOf(RULE, rule(fields)), [], JSON.stringify(fields));
    }
  });

  it('is undetermined, never failing, when the source or ports come from an unknown variable', async () => {
    const source = `variable "src" {}\n${rule({ source_address_prefix: 'var.src' })}`;
    assert.deepEqual((await findingsOf(RULE, source)).map((f) => f.status), ['undetermined']);
    const ports = `variable "port" {}\n${rule({ destination_port_range: 'var.port' })}`;
    assert.deepEqual((await findingsOf(RULE, ports)).map((f) => f.status), ['undetermined']);
    const closed = `variable "port" {}\n${rule({ destination_port_range: 'var.port', source_address_prefix: '"10.0.0.0/8"' })}`;
    assert.deepEqual(await findingsOf(RULE, closed), []);
  });

  it('reports each open inline rule of a group separately', async () => {
    const block = (port: string) => `
  security_rule {
    name                       = "p${port}"
    priority                   = ${100 + Number(port)}
    direction                  = "Inbound"
    access                     = "Allow"
    protocol                   = "Tcp"
    source_port_range          = "*"
    destination_port_range     = "${port}"
    source_address_prefix      = "*"
    destination_address_prefix = "*"
  }`;
    const hcl = `resource "azurerm_network_security_group" "g" {\n  name = "g"\n${block('22')}\n${block('443')}\n${block('3389')}\n}\n`;
    const findings = await findingsOf(RULE, hcl);
    assert.equal(findings.length, 2);
  });
});
