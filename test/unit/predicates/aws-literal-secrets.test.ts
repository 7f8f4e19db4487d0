import assert from 'node:assert/strict';
import { isLiteralString } from '../../../src/core/rules/predicates/aws-literal-secrets';
import { getAttribute } from '../../../src/core/terraform';
import { awsFindings, covered, subjectOf } from './aws-helpers';

async function literal(expression: string, extra = ''): Promise<boolean> {
  const subject = await subjectOf('aws_db_instance.d', `${extra}\nresource "aws_db_instance" "d" {\n  password = ${expression}\n}\n`);
  return isLiteralString(subject.module, getAttribute(subject.body, 'password')!.expr);
}

describe('predicate aws-no-literal-secret', () => {
  it('recognises literal strings, directly or through locals', async () => {
    assert.equal(await literal('"hunter2"'), true);
    assert.equal(await literal('local.pw', 'locals {\n  pw = "hunter2"\n}'), true);
    assert.equal(await literal('local.a', 'locals {\n  a = local.b\n  b = "hunter2"\n}'), true);
  });

  it('does not take references, interpolations, functions or empty strings for literals', async () => {
    assert.equal(await literal('var.pw', 'variable "pw" {\n  default = "hunter2"\n}'), false);
    assert.equal(await literal('"prefix-${var.pw}"', 'variable "pw" {}'), false);
    assert.equal(await literal('random_password.p.result', 'resource "random_password" "p" {\n  length = 20\n}'), false);
    assert.equal(await literal('base64decode("aHVudGVyMg==")'), false);
    assert.equal(await literal('""'), false);
  });

  it('reports each literal at its value without putting the secret into the message', async () => {
    const hcl = `resource "aws_mq_broker" "b" {
  broker_name = "b"
  user {
    username = "a"
    password = "first-Secret-1"
  }
  user {
    username = "b"
    password = "second-Secret-2"
  }
}
`;
    const findings = await awsFindings('aws-no-literal-service-secrets', hcl);
    assert.deepEqual(findings.map((f) => covered(hcl, f)), ['"first-Secret-1"', '"second-Secret-2"']);
    assert.ok(findings.every((f) => !f.message.includes('Secret-')));
  });
});
