import assert from 'node:assert/strict';
import { awsFindings, covered } from './aws-helpers';

const RULE = 'aws-nacl-no-public-sensitive-ingress';

function entry(ruleNo: number, action: string, protocol: string, from: number, to: number, cidr = '"0.0.0.0/0"'): string {
  return `  ingress {\n    rule_no    = ${ruleNo}\n    action     = "${action}"\n    protocol   = ${protocol}\n    cidr_block = ${cidr}\n    from_port  = ${from}\n    to_port    = ${to}\n  }\n`;
}

function acl(...entries: string[]): string {
  return `resource "aws_network_acl" "a" {\n  vpc_id = "vpc-1"\n${entries.join('')}}\n`;
}

describe('predicate aws-nacl-no-public-sensitive-ingress', () => {
  it('reports sensitive ports opened to everyone, naming them', async () => {
    const hcl = acl(entry(100, 'allow', '"tcp"', 20, 25));
    const findings = await awsFindings(RULE, hcl);
    assert.deepEqual(findings.map((f) => covered(hcl, f)), ['"0.0.0.0/0"']);
    assert.match(findings[0].message, /allows ports 22 \(SSH\), 23 \(Telnet\) from the whole internet/);
  });

  it('treats protocol -1 (or "all") as every port, and ignores ICMP and non-sensitive ports', async () => {
    assert.match((await awsFindings(RULE, acl(entry(100, 'allow', '"-1"', 0, 0))))[0].message, /allows all ports/);
    assert.deepEqual(await awsFindings(RULE, acl(entry(100, 'allow', '"1"', 0, 0))), []);
    assert.deepEqual(await awsFindings(RULE, acl(entry(100, 'allow', '"6"', 443, 443))), []);
    assert.deepEqual(await awsFindings(RULE, acl(entry(100, 'allow', '"tcp"', 22, 22, '"10.0.0.0/8"'))), []);
  });

  it('lets a lower-numbered deny entry from the same range shadow an allow entry', async () => {
    assert.deepEqual(await awsFindings(RULE, acl(entry(200, 'allow', '"tcp"', 22, 22), entry(100, 'deny', '"tcp"', 0, 1024))), []);
    // A deny entry numbered after the allow entry comes too late.
    assert.equal((await awsFindings(RULE, acl(entry(100, 'allow', '"tcp"', 22, 22), entry(200, 'deny', '"tcp"', 22, 22)))).length, 1);
    // Denying SSH leaves RDP open under an allow-all entry.
    const partial = await awsFindings(RULE, acl(entry(100, 'deny', '"tcp"', 22, 22), entry(200, 'allow', '"-1"', 0, 0)));
    assert.equal(partial.length, 1);
    assert.doesNotMatch(partial[0].message, /22 \(SSH\)/);
  });

  it('judges aws_network_acl_rule resources, skipping egress ones', async () => {
    const rule = (egress: boolean) => `resource "aws_network_acl_rule" "r" {
  network_acl_id = "acl-1"
  rule_number    = 100
  egress         = ${egress}
  protocol       = "tcp"
  rule_action    = "allow"
  cidr_block     = "0.0.0.0/0"
  from_port      = 3389
  to_port        = 3389
}
`;
    assert.equal((await awsFindings(RULE, rule(false))).length, 1);
    assert.deepEqual(await awsFindings(RULE, rule(true)), []);
  });

  it('judges each rule a dynamic block generates, and is undetermined for unknown values', async () => {
    const generated = `variable "rules" {
  default = [{ port = 443 }, { port = 5432 }]
}
resource "aws_network_acl" "a" {
  vpc_id = "vpc-1"
  dynamic "ingress" {
    for_each = var.rules
    content {
      rule_no    = 100 + ingress.key
      action     = "allow"
      protocol   = "tcp"
      cidr_block = "0.0.0.0/0"
      from_port  = ingress.value.port
      to_port    = ingress.value.port
    }
  }
}
`;
    const findings = await awsFindings(RULE, generated);
    assert.equal(findings.length, 1);
    assert.match(findings[0].message, /5432 \(PostgreSQL\)/);
    const unknown = `variable "cidr" {}\n${acl(entry(100, 'allow', '"tcp"', 22, 22, 'var.cidr'))}`;
    assert.deepEqual((await awsFindings(RULE, unknown)).map((f) => f.status), ['undetermined']);
  });
});
