import assert from 'node:assert/strict';
import { covered, gcpFindings, sqlInstance } from './gcp-helpers';

const flag = (name: string, value: string) => `    database_flags {\n      name  = "${name}"\n      value = "${value}"\n    }`;

describe('predicate gcp-sql-database-flag', () => {
  it('fails a missing flag at the settings block when the engine default is insecure', async () => {
    const hcl = sqlInstance('POSTGRES_16', flag('log_min_duration_statement', '-1'));
    const [finding, ...rest] = await gcpFindings('gcp-sql-postgres-log-connections', hcl);
    assert.equal(rest.length, 0);
    assert.equal(covered(hcl, finding), 'settings');
    assert.ok(finding.fix, 'a missing flag gets a fix that adds it');
  });

  it('accepts the flag in any case and among other flags', async () => {
    const hcl = sqlInstance('POSTGRES_16', `${flag('max_connections', '100')}\n${flag('log_connections', 'ON')}`);
    assert.deepEqual(await gcpFindings('gcp-sql-postgres-log-connections', hcl), []);
  });

  it('points at a wrong value and leaves it to the user when the fix adds blocks', async () => {
    const hcl = sqlInstance('POSTGRES_16', flag('log_connections', 'off'));
    const [finding] = await gcpFindings('gcp-sql-postgres-log-connections', hcl);
    assert.equal(covered(hcl, finding), '"off"');
    assert.equal(finding.fix, undefined, 'adding a second block next to the wrong one would be wrong');
  });

  it('passes an absent flag whose default is safe, and rewrites a wrong value in place', async () => {
    assert.deepEqual(await gcpFindings('gcp-sql-mysql-local-infile-off', sqlInstance('MYSQL_8_0', '')), []);
    const hcl = sqlInstance('MYSQL_8_0', flag('local_infile', 'on'));
    const [finding] = await gcpFindings('gcp-sql-mysql-local-infile-off', hcl);
    assert.equal(covered(hcl, finding), '"on"');
    assert.equal(finding.fix?.edits[0].newText, '"off"');
  });

  it('expands dynamic flags and stays undetermined when their names are unknown', async () => {
    const known = sqlInstance(
      'POSTGRES_16',
      `    dynamic "database_flags" {\n      for_each = { log_connections = "off" }\n      content {\n        name  = database_flags.key\n        value = database_flags.value\n      }\n    }`,
    );
    const [finding] = await gcpFindings('gcp-sql-postgres-log-connections', known);
    assert.equal(finding.status, 'fail');
    const unknown = `variable "flags" {}\n${sqlInstance('POSTGRES_16', `    dynamic "database_flags" {\n      for_each = var.flags\n      content {\n        name  = database_flags.value.name\n        value = database_flags.value.value\n      }\n    }`)}`;
    const [open] = await gcpFindings('gcp-sql-postgres-log-connections', unknown);
    assert.equal(open.status, 'undetermined');
  });

  it('only applies to the engine the rule selects', async () => {
    assert.deepEqual(await gcpFindings('gcp-sql-postgres-log-connections', sqlInstance('MYSQL_8_0', '')), []);
  });
});
