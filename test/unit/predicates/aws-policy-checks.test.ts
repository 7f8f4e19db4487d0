import assert from 'node:assert/strict';
import { awsFindings, covered } from './aws-helpers';

const ADMIN = 'aws-iam-policy-no-full-admin';
const PUBLIC = 'aws-resource-policy-not-public';
const TLS = 'aws-s3-bucket-denies-insecure-transport';
const IOT = 'aws-iot-policy-per-device';

function iamPolicy(statement: string): string {
  return `resource "aws_iam_policy" "p" {\n  policy = jsonencode({ Statement = [${statement}] })\n}\n`;
}

function bucketPolicy(statement: string): string {
  return `resource "aws_s3_bucket_policy" "p" {\n  bucket = "b"\n  policy = jsonencode({ Statement = [${statement}] })\n}\n`;
}

describe('predicate aws-iam-no-full-admin', () => {
  it('fails Allow of "*" or "*:*" on "*", pointing at the action', async () => {
    const hcl = iamPolicy('{ Effect = "Allow", Action = ["*:*"], Resource = "*" }');
    const findings = await awsFindings(ADMIN, hcl);
    assert.deepEqual(findings.map((f) => covered(hcl, f)), ['"*:*"']);
    assert.match(findings[0].message, /"Action": "\*:\*" on "Resource": "\*"/);
  });

  it('passes scoped grants, wildcards within a service, denials and resource policies', async () => {
    for (const statement of [
      '{ Effect = "Allow", Action = "*", Resource = "arn:aws:s3:::b/*" }',
      '{ Effect = "Allow", Action = "s3:*", Resource = "*" }',
      '{ Effect = "Deny", Action = "*", Resource = "*" }',
      '{ Effect = "Allow", Principal = { AWS = "arn:aws:iam::1:root" }, Action = "*", Resource = "*" }',
      '{ Effect = "Allow", NotAction = "iam:*", Resource = "*" }',
    ]) {
      assert.deepEqual(await awsFindings(ADMIN, iamPolicy(statement)), [], statement);
    }
  });

  it('leaves the outcome open when the effect or the action list is unknown', async () => {
    const effect = `variable "effect" {}\n${iamPolicy('{ Effect = var.effect, Action = "*", Resource = "*" }')}`;
    assert.deepEqual((await awsFindings(ADMIN, effect)).map((f) => f.status), ['undetermined']);
    const actions = `variable "actions" {}\n${iamPolicy('{ Effect = "Allow", Action = var.actions, Resource = "*" }')}`;
    assert.deepEqual((await awsFindings(ADMIN, actions)).map((f) => f.status), ['undetermined']);
  });

  it('reports a data source statement once, even when several policies use it', async () => {
    const hcl = `data "aws_iam_policy_document" "d" {
  statement {
    actions   = ["*"]
    resources = ["*"]
  }
}
resource "aws_iam_policy" "a" { policy = data.aws_iam_policy_document.d.json }
resource "aws_iam_role_policy" "b" {
  role   = "r"
  policy = data.aws_iam_policy_document.d.json
}
`;
    const findings = await awsFindings(ADMIN, hcl);
    assert.equal(findings.length, 1);
    assert.equal(findings[0].range.start.line, 2);
  });
});

describe('predicate aws-policy-not-public', () => {
  it('fails Principal "*" and {"AWS": "*"} without a restricting condition', async () => {
    const star = bucketPolicy('{ Effect = "Allow", Principal = "*", Action = "s3:GetObject", Resource = "*" }');
    assert.deepEqual((await awsFindings(PUBLIC, star)).map((f) => covered(star, f)), ['"*"']);
    const aws = bucketPolicy('{ Effect = "Allow", Principal = { AWS = ["arn:aws:iam::1:root", "*"] }, Action = "s3:GetObject", Resource = "*" }');
    assert.equal((await awsFindings(PUBLIC, aws)).length, 1);
  });

  it('accepts conditions on the caller, network or source, but not other conditions', async () => {
    const restricted = bucketPolicy(
      '{ Effect = "Allow", Principal = "*", Action = "s3:GetObject", Resource = "*", Condition = { StringEquals = { "aws:PrincipalOrgID" = "o-abc" } } }',
    );
    assert.deepEqual(await awsFindings(PUBLIC, restricted), []);
    for (const condition of [
      '{ Bool = { "aws:SecureTransport" = "true" } }',
      '{ StringNotEquals = { "aws:SourceVpce" = "vpce-1" } }',
      '{ StringEqualsIfExists = { "aws:SourceVpce" = "vpce-1" } }',
      '{ IpAddress = { "aws:SourceIp" = "0.0.0.0/0" } }',
    ]) {
      const hcl = bucketPolicy(`{ Effect = "Allow", Principal = "*", Action = "s3:GetObject", Resource = "*", Condition = ${condition} }`);
      assert.equal((await awsFindings(PUBLIC, hcl)).length, 1, condition);
    }
  });

  it('fails Allow with NotPrincipal and passes Deny statements and named principals', async () => {
    const not = bucketPolicy('{ Effect = "Allow", NotPrincipal = { AWS = "arn:aws:iam::1:root" }, Action = "s3:*", Resource = "*" }');
    assert.equal((await awsFindings(PUBLIC, not)).length, 1);
    const deny = bucketPolicy('{ Effect = "Deny", Principal = "*", Action = "s3:*", Resource = "*" }');
    assert.deepEqual(await awsFindings(PUBLIC, deny), []);
  });
});

describe('predicate aws-s3-denies-insecure-transport', () => {
  it('fails a bucket without any policy at its header and a policy without the statement at its name', async () => {
    const hcl = `resource "aws_s3_bucket" "b" { bucket = "b" }
resource "aws_s3_bucket_policy" "p" {
  bucket = aws_s3_bucket.b.id
  policy = jsonencode({ Statement = [{ Effect = "Deny", Principal = "*", Action = "s3:DeleteBucket", Resource = "*" }] })
}
resource "aws_s3_bucket" "c" { bucket = "c" }
`;
    const findings = await awsFindings(TLS, hcl);
    assert.deepEqual(findings.map((f) => covered(hcl, f)).sort(), ['policy', 'resource "aws_s3_bucket" "c"']);
  });

  it('accepts Bool and BoolIfExists tests of aws:SecureTransport, and ignores policies behind count = 0', async () => {
    for (const operator of ['Bool', 'BoolIfExists']) {
      const hcl = `resource "aws_s3_bucket" "b" { bucket = "b" }
resource "aws_s3_bucket_policy" "p" {
  bucket = aws_s3_bucket.b.id
  policy = jsonencode({ Statement = [{ Effect = "Deny", Principal = "*", Action = "s3:*", Resource = "*", Condition = { ${operator} = { "aws:SecureTransport" = false } } }] })
}
`;
      assert.deepEqual(await awsFindings(TLS, hcl), [], operator);
    }
    const off = `resource "aws_s3_bucket" "b" { bucket = "b" }
resource "aws_s3_bucket_policy" "p" {
  count  = 0
  bucket = aws_s3_bucket.b.id
  policy = jsonencode({ Statement = [{ Effect = "Deny", Principal = "*", Action = "s3:*", Resource = "*", Condition = { Bool = { "aws:SecureTransport" = "false" } } }] })
}
`;
    assert.equal((await awsFindings(TLS, off)).length, 1);
  });
});

describe('predicate aws-iot-policy-per-device', () => {
  function iot(statement: string): string {
    return `resource "aws_iot_policy" "p" {\n  name   = "p"\n  policy = jsonencode({ Statement = [${statement}] })\n}\n`;
  }

  it('fails device actions on every client or topic, pointing at the resource', async () => {
    const hcl = iot('{ Effect = "Allow", Action = ["iot:Publish"], Resource = ["arn:aws:iot:eu-west-1:1:topic/*"] }');
    assert.deepEqual((await awsFindings(IOT, hcl)).map((f) => covered(hcl, f)), ['"arn:aws:iot:eu-west-1:1:topic/*"']);
    assert.equal((await awsFindings(IOT, iot('{ Effect = "Allow", Action = "iot:Sub*", Resource = "*" }'))).length, 1);
  });

  it('passes resources scoped with policy variables and actions that are not device actions', async () => {
    const scoped = iot('{ Effect = "Allow", Action = "iot:Connect", Resource = "arn:aws:iot:eu-west-1:1:client/$${iot:Connection.Thing.ThingName}" }');
    assert.deepEqual(await awsFindings(IOT, scoped), []);
    assert.deepEqual(await awsFindings(IOT, iot('{ Effect = "Allow", Action = "iot:ListThings", Resource = "*" }')), []);
  });
});
