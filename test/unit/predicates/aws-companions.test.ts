import assert from 'node:assert/strict';
import { awsFindings, covered } from './aws-helpers';

describe('predicate aws-related-enabled', () => {
  const VPC = 'aws-vpc-flow-logs-enabled';

  it('counts only companions that Terraform creates', async () => {
    const flowLog = (count: string) => `variable "on" { default = ${count} }
resource "aws_vpc" "v" { cidr_block = "10.0.0.0/16" }
resource "aws_flow_log" "f" {
  count        = var.on ? 1 : 0
  vpc_id       = aws_vpc.v.id
  traffic_type = "ALL"
}
`;
    assert.deepEqual(await awsFindings(VPC, flowLog('true')), []);
    assert.equal((await awsFindings(VPC, flowLog('false'))).length, 1);
  });

  it('is undetermined when the number of companions is not known', async () => {
    const hcl = `variable "on" {}
resource "aws_vpc" "v" { cidr_block = "10.0.0.0/16" }
resource "aws_flow_log" "f" {
  count  = var.on ? 1 : 0
  vpc_id = aws_vpc.v.id
}
`;
    assert.deepEqual((await awsFindings(VPC, hcl)).map((f) => f.status), ['undetermined']);
  });

  it('judges each instance of a companion with its own values', async () => {
    const hcl = `variable "status" { default = { a = "Enabled", b = "Suspended" } }
resource "aws_s3_bucket" "b" { bucket = "b" }
resource "aws_s3_bucket_versioning" "v" {
  for_each = var.status
  bucket   = aws_s3_bucket.b.id
  versioning_configuration {
    status = each.value
  }
}
`;
    // One enabled configuration is enough for the bucket.
    assert.deepEqual(await awsFindings('aws-s3-bucket-versioning-enabled', hcl), []);
  });
});

describe('predicate aws-default-security-group-empty', () => {
  const RULE = 'aws-default-security-group-restricts-all';

  it('reports each rule block, and a dynamic block once at its header', async () => {
    const hcl = `variable "rules" { default = [1, 2, 3] }
resource "aws_default_security_group" "d" {
  vpc_id = "vpc-1"
  egress {
    protocol = "-1"
  }
  dynamic "ingress" {
    for_each = var.rules
    content {
      protocol = "-1"
    }
  }
}
`;
    assert.deepEqual((await awsFindings(RULE, hcl)).map((f) => covered(hcl, f)), ['egress', 'dynamic "ingress"']);
  });

  it('passes a group without rules or with dynamic blocks over empty lists, and is undetermined for unknown lists', async () => {
    const empty = `variable "rules" { default = [] }\nresource "aws_default_security_group" "d" {\n  dynamic "ingress" {\n    for_each = var.rules\n    content {}\n  }\n}\n`;
    assert.deepEqual(await awsFindings(RULE, empty), []);
    const unknown = empty.replace('variable "rules" { default = [] }', 'variable "rules" {}');
    assert.deepEqual((await awsFindings(RULE, unknown)).map((f) => f.status), ['undetermined']);
  });
});

describe('predicate aws-data-tier', () => {
  const RULE = 'aws-instance-data-tier-no-public-ip';
  const instance = (tags: string) => `resource "aws_instance" "i" {\n  associate_public_ip_address = true\n  tags = { ${tags} }\n}\n`;

  it('applies to instances tagged as patient data or as a database or storage tier', async () => {
    assert.equal((await awsFindings(RULE, instance('DataClassification = "PHI"'))).length, 1);
    assert.equal((await awsFindings(RULE, instance('role = "db"'))).length, 1);
    assert.equal((await awsFindings(RULE, instance('Tier = "storage"'))).length, 1);
  });

  it('leaves other servers alone', async () => {
    assert.deepEqual(await awsFindings(RULE, instance('Tier = "web"')), []);
    assert.deepEqual(await awsFindings(RULE, instance('Name = "database-proxy"')), []);
  });
});
