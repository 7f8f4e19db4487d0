import assert from 'node:assert/strict';
import { awsFindings, covered } from './aws-helpers';

const RULE = 'aws-rds-parameter-group-requires-tls';

function group(family: string, parameters: string, type = 'aws_db_parameter_group'): string {
  return `resource "${type}" "g" {\n  name   = "g"\n  family = "${family}"\n${parameters}}\n`;
}

function parameter(name: string, value: string): string {
  return `  parameter {\n    name  = "${name}"\n    value = "${value}"\n  }\n`;
}

describe('predicate aws-rds-parameter-secure', () => {
  it('uses the engine default when the parameter is missing', async () => {
    assert.equal((await awsFindings(RULE, group('postgres14', ''))).length, 1);
    assert.deepEqual(await awsFindings(RULE, group('postgres15', '')), []);
    assert.equal((await awsFindings(RULE, group('aurora-postgresql16', '', 'aws_rds_cluster_parameter_group'))).length, 1);
    assert.equal((await awsFindings(RULE, group('mysql8.0', ''))).length, 1);
    assert.deepEqual(await awsFindings(RULE, group('mariadb11.8', '')), []);
    assert.deepEqual(await awsFindings(RULE, group('oracle-ee-19', '')), []);
  });

  it('judges written values, whatever their case, and points at the value', async () => {
    const off = group('postgres16', parameter('rds.force_ssl', '0'));
    assert.deepEqual((await awsFindings(RULE, off)).map((f) => covered(off, f)), ['"0"']);
    assert.deepEqual(await awsFindings(RULE, group('aurora-mysql8.0', parameter('require_secure_transport', 'on'))), []);
    assert.deepEqual(await awsFindings(RULE, group('sqlserver-se-15.0', parameter('rds.force_ssl', '1'))), []);
  });

  it('offers the fix only where one value fits every engine of the family', async () => {
    const [postgres] = await awsFindings(RULE, group('postgres13', parameter('rds.force_ssl', '0')));
    assert.ok(postgres.fix);
    const [mysql] = await awsFindings(RULE, group('mysql8.0', parameter('require_secure_transport', 'OFF')));
    assert.equal(mysql.fix, undefined);
  });

  it('is undetermined when the family or the value is not known', async () => {
    const family = `variable "family" {}\nresource "aws_db_parameter_group" "g" {\n  name   = "g"\n  family = var.family\n}\n`;
    assert.deepEqual((await awsFindings(RULE, family)).map((f) => f.status), ['undetermined']);
    const value = `variable "v" {}\n${group('postgres14', '  parameter {\n    name  = "rds.force_ssl"\n    value = var.v\n  }\n')}`;
    assert.deepEqual((await awsFindings(RULE, value)).map((f) => f.status), ['undetermined']);
  });
});
