import assert from 'node:assert/strict';
import { effectOf, readPolicyAttribute, readPolicyDocumentSource } from '../../../src/core/rules/predicates/aws-policy-documents';
import { stringsOf } from '../../../src/core/rules/predicates/aws-policy-located';
import { subjectOf } from './aws-helpers';

function actionsOf(read: ReturnType<typeof readPolicyAttribute>): string[][] {
  return read.statements.map((s) => stringsOf(s.action).known.map((a) => a.text));
}

describe('AWS policy documents', () => {
  it('reads jsonencode objects whose resource ARNs are only known after apply', async () => {
    const subject = await subjectOf(
      'aws_s3_bucket_policy.p',
      `resource "aws_s3_bucket" "b" { bucket = "x" }
resource "aws_s3_bucket_policy" "p" {
  bucket = aws_s3_bucket.b.id
  policy = jsonencode({
    Statement = [
      { Effect = "Deny", Principal = "*", Action = "s3:*", Resource = [aws_s3_bucket.b.arn] },
      { Effect = "Allow", Principal = { AWS = "arn:aws:iam::1:root" }, Action = ["s3:GetObject"], Resource = "*" },
    ]
  })
}
`,
    );
    const read = readPolicyAttribute(subject, 'policy');
    assert.equal(read.present, true);
    assert.deepEqual(read.unknowns, []);
    assert.deepEqual(read.statements.map(effectOf), ['Deny', 'Allow']);
    assert.deepEqual(actionsOf(read), [['s3:*'], ['s3:GetObject']]);
    // Each element keeps its own place in the file.
    const action = stringsOf(read.statements[1].action).known[0].at;
    assert.equal(action.range.start.line, 6);
  });

  it('reads heredocs and JSON strings with unknown interpolations, reporting at the heredoc opener', async () => {
    const subject = await subjectOf(
      'aws_iam_policy.p',
      `resource "aws_s3_bucket" "b" { bucket = "x" }
resource "aws_iam_policy" "p" {
  policy = <<-EOT
    {"Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "\${aws_s3_bucket.b.arn}/*"}]}
  EOT
}
`,
    );
    const read = readPolicyAttribute(subject, 'policy');
    assert.deepEqual(actionsOf(read), [['s3:GetObject']]);
    const resource = read.statements[0].resource!;
    assert.equal(stringsOf(resource).unknown.length, 1);
    assert.deepEqual([resource.range.start.line, resource.range.start.column, resource.range.end.column], [2, 11, 17]);
  });

  it('follows locals and data.aws_iam_policy_document references, merged documents included', async () => {
    const subject = await subjectOf(
      'aws_iam_role_policy.p',
      `data "aws_iam_policy_document" "base" {
  statement {
    actions   = ["logs:PutLogEvents"]
    resources = ["*"]
  }
}
data "aws_iam_policy_document" "all" {
  source_policy_documents = [data.aws_iam_policy_document.base.json]
  statement {
    effect    = "Deny"
    actions   = ["s3:DeleteObject"]
    resources = ["*"]
  }
}
locals {
  document = data.aws_iam_policy_document.all.json
}
resource "aws_iam_role_policy" "p" {
  role   = "r"
  policy = local.document
}
`,
    );
    const read = readPolicyAttribute(subject, 'policy');
    assert.deepEqual(actionsOf(read), [['logs:PutLogEvents'], ['s3:DeleteObject']]);
    assert.deepEqual(read.statements.map(effectOf), ['Allow', 'Deny']);
    // Statements written in a data source are reported at their `statement` blocks.
    assert.deepEqual(read.statements.map((s) => s.range.start.line), [1, 8]);
  });

  it('builds Principal and Condition from principals and condition blocks', async () => {
    const subject = await subjectOf(
      'data.aws_iam_policy_document.d',
      `data "aws_iam_policy_document" "d" {
  statement {
    actions = ["kms:Decrypt"]
    principals {
      type        = "AWS"
      identifiers = ["*"]
    }
    condition {
      test     = "StringEquals"
      variable = "kms:CallerAccount"
      values   = ["123456789012"]
    }
  }
}
`,
    );
    const [statement] = readPolicyDocumentSource(subject).statements;
    assert.deepEqual(statement.principal?.value, { AWS: ['*'] });
    assert.deepEqual(statement.condition?.value, { StringEquals: { 'kms:CallerAccount': ['123456789012'] } });
  });

  it('treats an empty string or a data source behind count = 0 as no statements', async () => {
    const subject = await subjectOf(
      'aws_s3_bucket_policy.p',
      `variable "attach" { default = false }
data "aws_iam_policy_document" "d" {
  count = var.attach ? 1 : 0
  statement { actions = ["*"] }
}
resource "aws_s3_bucket_policy" "p" {
  bucket = "b"
  policy = var.attach ? data.aws_iam_policy_document.d[0].json : ""
}
`,
    );
    const read = readPolicyAttribute(subject, 'policy');
    assert.equal(read.present, false);
    assert.deepEqual(read.statements, []);
  });

  it('reports what it cannot read: unknown variables and text that is not JSON', async () => {
    const unknown = await subjectOf('aws_iam_policy.p', `variable "doc" {}\nresource "aws_iam_policy" "p" { policy = var.doc }\n`);
    const read = readPolicyAttribute(unknown, 'policy');
    assert.equal(read.unknowns.length, 1);
    assert.match(read.unknowns[0].reason, /variable "doc"/);
    const broken = await subjectOf('aws_iam_policy.p', `resource "aws_iam_policy" "p" { policy = "{not json" }\n`);
    assert.match(readPolicyAttribute(broken, 'policy').unknowns[0].reason, /not valid JSON/);
  });
});
