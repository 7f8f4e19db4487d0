import assert from 'node:assert/strict';
import { weakTransport } from '../../../src/core/rules/predicates/database-connections';
import { configSubject, failures, runPredicate } from './app-config-helpers';

describe('database connection transport', () => {
  it('reports JDBC settings that allow unencrypted or unverified connections', () => {
    const weak: Array<[string, string]> = [
      ['jdbc:postgresql://db.internal:5432/ehr?sslmode=disable', 'sslmode=disable'],
      ['jdbc:postgresql://db.internal/ehr?ApplicationName=x&sslmode=prefer', 'sslmode=prefer'],
      ['jdbc:mysql://db.internal:3306/ehr?useSSL=false', 'useSSL=false'],
      ['jdbc:mysql://db.internal/ehr?sslMode=DISABLED', 'sslMode=DISABLED'],
      ['jdbc:mariadb://db.internal/ehr?sslMode=disable', 'sslMode=disable'],
      ['jdbc:sqlserver://sql.internal:1433;databaseName=ehr;encrypt=false', 'encrypt=false'],
      ['jdbc:sqlserver://sql.internal;encrypt=true;trustServerCertificate=true', 'trustServerCertificate=true'],
      ['jdbc:p6spy:postgresql://db.internal/ehr?sslmode=allow', 'sslmode=allow'],
    ];
    for (const [url, setting] of weak) assert.equal(weakTransport(url)?.setting, setting, url);
  });

  it('reports ADO.NET, Npgsql and URI settings, keys in any case and spacing', () => {
    assert.equal(weakTransport('Server=tcp:sql.example.eu,1433;Database=x;Encrypt=Optional')?.setting, 'Encrypt=Optional');
    assert.equal(weakTransport('Host=pg.internal;Database=x;SSL Mode=Prefer')?.setting, 'SSL Mode=Prefer');
    assert.equal(weakTransport('Data Source=sql.internal;Trust Server Certificate=True')?.setting, 'Trust Server Certificate=True');
    assert.equal(weakTransport('postgresql://app@pg.internal/ehr?sslmode=disable')?.setting, 'sslmode=disable');
    assert.equal(weakTransport('mongodb+srv://cluster.example.eu/db?tlsAllowInvalidCertificates=true')?.setting, 'tlsAllowInvalidCertificates=true');
  });

  it('accepts verified connections, local hosts and settings left at the default', () => {
    for (const ok of [
      'jdbc:postgresql://db.internal/ehr?sslmode=verify-full',
      'jdbc:postgresql://localhost:5432/ehr?sslmode=disable',
      'jdbc:mysql://127.0.0.1/ehr?useSSL=false',
      'jdbc:sqlserver://sql.internal;encrypt=true',
      'jdbc:h2:mem:test',
      'Server=(localdb)\\MSSQLLocalDB;TrustServerCertificate=True',
      'Host=localhost;SSL Mode=Disable',
      'DefaultEndpointsProtocol=https;AccountName=x;AccountKey=y',
      'jdbc:postgresql://db.internal/ehr',
      'health,info',
    ]) {
      assert.equal(weakTransport(ok), undefined, ok);
    }
  });

  it('finds weak connections under any key and keeps a literal setting beside a placeholder host', () => {
    const text = 'spring.datasource.url=jdbc:postgresql://${DB_HOST}/ehr?sslmode=disable\napp.reporting.db=jdbc:mysql://reports.internal/r?useSSL=false\n';
    const evidence = runPredicate('config-database-connections-encrypted', configSubject('/p/application.properties', `spring.application.name=a\n${text}`));
    assert.deepEqual(failures(evidence).map((e) => e.valueText), ['sslmode=disable', 'useSSL=false']);
  });
});
