import assert from 'node:assert/strict';
import { regionOfArn } from '../../../src/core/rules/predicates/aws-replica-regions';
import { awsFindings, covered } from './aws-helpers';

const RULE = 'aws-data-copies-in-allowed-regions';

function plan(destination: string): string {
  return `resource "aws_backup_plan" "p" {
  name = "p"
  rule {
    rule_name         = "daily"
    target_vault_name = "v"
    copy_action {
      destination_vault_arn = ${destination}
    }
  }
}
`;
}

describe('predicate aws-destination-in-allowed-region', () => {
  it('reads the region of ARNs that name one', () => {
    assert.equal(regionOfArn('arn:aws:backup:eu-west-1:123456789012:backup-vault:v'), 'eu-west-1');
    assert.equal(regionOfArn('arn:aws:s3:::bucket'), undefined);
    assert.equal(regionOfArn('not-an-arn'), undefined);
  });

  it('fails literal ARNs outside the allowed regions, with the region as value', async () => {
    const hcl = plan('"arn:aws:backup:us-east-1:123456789012:backup-vault:v"');
    const findings = await awsFindings(RULE, hcl);
    assert.deepEqual(findings.map((f) => covered(hcl, f)), ['"arn:aws:backup:us-east-1:123456789012:backup-vault:v"']);
    assert.match(findings[0].message, /copies data to us-east-1/);
    assert.deepEqual(await awsFindings(RULE, plan('"arn:aws:backup:eu-north-1:123456789012:backup-vault:v"')), []);
  });

  it('takes the region of a referenced vault from its own region argument or its provider alias', async () => {
    const alias = `provider "aws" {\n  alias  = "us"\n  region = "us-west-2"\n}\nresource "aws_backup_vault" "v" {\n  provider = aws.us\n  name     = "v"\n}\n${plan('aws_backup_vault.v.arn')}`;
    assert.equal((await awsFindings(RULE, alias)).length, 1);
    const own = `provider "aws" {\n  region = "us-west-2"\n}\nresource "aws_backup_vault" "v" {\n  region = "eu-central-1"\n  name   = "v"\n}\n${plan('aws_backup_vault.v.arn')}`;
    assert.deepEqual(await awsFindings(RULE, own), []);
  });

  it('is undetermined when the region cannot be known', async () => {
    const noRegion = `provider "aws" {}\nresource "aws_backup_vault" "v" { name = "v" }\n${plan('aws_backup_vault.v.arn')}`;
    assert.deepEqual((await awsFindings(RULE, noRegion)).map((f) => f.status), ['undetermined']);
    const bucketArn = `resource "aws_s3_bucket_replication_configuration" "r" {
  bucket = "b"
  role   = "r"
  rule {
    status = "Enabled"
    destination {
      bucket = "arn:aws:s3:::elsewhere"
    }
  }
}
`;
    const [finding] = await awsFindings(RULE, bucketArn);
    assert.equal(finding.status, 'undetermined');
    assert.match(finding.reason ?? '', /does not name its region/);
  });
});
